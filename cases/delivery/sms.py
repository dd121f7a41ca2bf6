"""SMS to applicants through a pluggable gateway, with the hall's Chinese templates.

A gateway is one method, `send(phone, text) -> reference`. `HttpSmsGateway` posts JSON to
an SMS provider's HTTP endpoint (tests use `tests/sms_sink.py`); `FileSmsGateway` appends
to a file for halls without a provider. The text is never logged nor stored: it may hold a
pickup code.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Protocol

from sqlalchemy.orm import Session

from cases.catalog.messages import load_templates
from cases.errors import OneWindowError
from cases.hall import Hall
from models import Case, SmsMessage

log = logging.getLogger(__name__)

TEMPLATES: dict[str, str] = load_templates()  # the catalog's data/sms.yaml, checked


class SmsError(OneWindowError):
    code = "sms.failed"


class SmsGateway(Protocol):
    def send(self, phone: str, text: str) -> str: ...


class HttpSmsGateway:
    """POST {"phone", "text"} as JSON; the provider answers {"id": ...}."""

    def __init__(self, url: str, timeout: float = 5.0) -> None:
        self.url, self.timeout = url, timeout

    def send(self, phone: str, text: str) -> str:
        body = json.dumps({"phone": phone, "text": text}, ensure_ascii=False).encode()
        request = urllib.request.Request(
            self.url, data=body, headers={"Content-Type": "application/json"}, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return str(json.loads(response.read() or b"{}").get("id", ""))
        except (urllib.error.URLError, OSError, ValueError) as e:
            raise SmsError(f"SMS gateway failed: {e}", f"短信网关发送失败:{e}") from e


class FileSmsGateway:
    def __init__(self, path: Path) -> None:
        self.path = path

    def send(self, phone: str, text: str) -> str:
        ref = uuid.uuid4().hex
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as f:
            f.write(
                json.dumps({"id": ref, "phone": phone, "text": text}, ensure_ascii=False) + "\n"
            )
        return ref


def gateway_for(hall: Hall) -> SmsGateway:
    """The provider at ONEWINDOW_SMS_URL, or else an outbox file under the data folder."""
    if hall.settings.sms_url:
        return HttpSmsGateway(hall.settings.sms_url)
    return FileSmsGateway(hall.settings.data_dir / "sms-outbox.jsonl")


def render(template: str, **params: object) -> str:
    return TEMPLATES[template].format(**params)


def notify(
    session: Session, gateway: SmsGateway, case: Case, template: str, **params: object
) -> SmsMessage:
    """Send one templated message; a failed send is recorded, never raised, so that the
    delivery step it belongs to is not lost (the window can re-notify)."""
    text = render(template, item=case.item.name, case=case.number, **params)
    message = SmsMessage(case_id=case.id, phone=case.applicant_phone, template=template)
    if not case.applicant_phone:
        message.status = "no_phone"
    else:
        try:
            message.gateway_ref, message.status = gateway.send(case.applicant_phone, text), "sent"
        except SmsError:
            log.warning("SMS %s for case %s failed", template, case.number)
            message.status = "failed"
    session.add(message)
    session.flush()
    return message
