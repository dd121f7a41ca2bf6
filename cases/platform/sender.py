"""Send the queued records to the platform's receiver, in order per case, at least once
each; the idempotency key makes a resend harmless, so the platform holds each once.

A sender claims one record at a time in its row (a token and a lease, one conditional
UPDATE), and only the first unanswered record of a case is claimable: record N+1 of a
case waits until N has its final answer (accepted or rejected). A sender that dies
between the platform's answer and its commit loses the claim when the lease runs out;
the next sender resends the record and the platform answers it as a duplicate.

No answer (receiver down, timeout, 5xx, 409 out of order, 429) is retried with
exponential backoff; a 4xx answer is the platform's final refusal, kept with its reason.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import and_, exists, or_, select, update
from sqlalchemy.orm import Session, aliased, sessionmaker

from archive import ObjectStore
from cases import faults
from cases.config import Settings
from cases.db import session_scope
from models import PlatformRecord, PlatformRecordStatus, StoredObject, utcnow

log = logging.getLogger(__name__)

MAX_BACKOFF = timedelta(minutes=10)
# 401/403/404/405: our token or address is wrong, not the record
RETRY_STATUSES = frozenset({401, 403, 404, 405, 408, 409, 425, 429})


@dataclass(frozen=True)
class Answer:
    status: str  # accepted | rejected | retry
    receipt: str = ""
    reason: str = ""


@dataclass
class SendReport:
    accepted: int = 0
    rejected: int = 0
    retried: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        return f"accepted {self.accepted}, rejected {self.rejected}, will retry {self.retried}"


def backoff(settings: Settings, attempts: int) -> timedelta:
    base = timedelta(seconds=settings.platform_retry_seconds)
    return min(base * 2 ** max(attempts - 1, 0), MAX_BACKOFF)


def _claimable(now: datetime) -> Any:
    earlier = aliased(PlatformRecord)
    return and_(
        PlatformRecord.status == PlatformRecordStatus.QUEUED,
        or_(PlatformRecord.next_attempt_at.is_(None), PlatformRecord.next_attempt_at <= now),
        or_(PlatformRecord.lease_until.is_(None), PlatformRecord.lease_until < now),
        ~exists().where(
            earlier.case_id == PlatformRecord.case_id,
            earlier.seq < PlatformRecord.seq,
            earlier.status == PlatformRecordStatus.QUEUED,
        ),
    )


def claim(session: Session, token: str, now: datetime, lease: timedelta) -> PlatformRecord | None:
    """The oldest claimable record, claimed for `token` until now + lease; None if none.
    The UPDATE re-checks the conditions, so of two senders that picked the same record
    one claims it and the other looks again."""
    for _ in range(5):
        candidate = session.scalar(
            select(PlatformRecord.id)
            .where(_claimable(now))
            .order_by(PlatformRecord.id)
            .limit(1)
            .with_for_update(skip_locked=True)
        )
        if candidate is None:
            return None
        claimed = session.execute(
            update(PlatformRecord)
            .where(PlatformRecord.id == candidate, _claimable(now))
            .values(claimed_by=token, lease_until=now + lease)
            .execution_options(synchronize_session=False)
        )
        if getattr(claimed, "rowcount", 0) == 1:
            return session.get_one(PlatformRecord, candidate, populate_existing=True)
    return None


def request_body(session: Session, store: ObjectStore, record: PlatformRecord) -> dict[str, Any]:
    """What is POSTed: the record, its digest and (for a license) its files' bytes, each
    checked against the sha256 the record names."""
    files = []
    for f in record.files:
        data = store.get(session.get_one(StoredObject, f["object_id"]).key)
        if hashlib.sha256(data).hexdigest() != f["sha256"]:
            raise ValueError(f"{f['name']}: the archived bytes do not match the record's sha256")
        files.append(
            {
                "name": f["name"],
                "media_type": f["media_type"],
                "sha256": f["sha256"],
                "size": len(data),
                "content_base64": base64.b64encode(data).decode("ascii"),
            }
        )
    return {
        "idempotency_key": record.idempotency_key,
        "case_number": record.payload["case_number"],
        "seq": record.seq,
        "kind": record.kind,
        "digest": record.digest,
        "record": record.payload,
        "files": files,
    }


def post(client: httpx.Client, settings: Settings, body: dict[str, Any]) -> Answer:
    assert settings.platform_url
    headers = {"Idempotency-Key": body["idempotency_key"]}
    if settings.platform_token:
        headers["Authorization"] = f"Bearer {settings.platform_token}"
    try:
        response = client.post(
            settings.platform_url.rstrip("/") + "/records", json=body, headers=headers
        )
    except httpx.HTTPError as e:
        return Answer("retry", reason=f"no answer: {type(e).__name__}")
    try:
        answer = response.json()
    except ValueError:
        answer = {}
    if not isinstance(answer, dict):
        answer = {}
    reason = str(answer.get("reason") or answer.get("result") or response.reason_phrase)[:1000]
    if response.status_code == 200 and answer.get("result") == "accepted":
        return Answer("accepted", receipt=str(answer.get("receipt", ""))[:128])
    if response.status_code in RETRY_STATUSES or response.status_code >= 500:
        return Answer("retry", reason=f"HTTP {response.status_code}: {reason}")
    return Answer("rejected", reason=f"HTTP {response.status_code}: {reason}")


def _settle(
    session: Session, record_id: int, token: str, answer: Answer, settings: Settings, now: datetime
) -> bool:
    """Keep the answer, if the claim is still ours (a sender whose lease ran out writes
    nothing: the record was, or will be, sent again)."""
    record = session.scalars(
        select(PlatformRecord).where(PlatformRecord.id == record_id).with_for_update()
    ).one()
    if record.claimed_by != token or record.status != PlatformRecordStatus.QUEUED:
        return False
    record.claimed_by, record.lease_until = None, None
    record.attempts += 1
    if answer.status == "retry":
        record.last_error = answer.reason
        record.next_attempt_at = now + backoff(settings, record.attempts)
        return True
    record.status = answer.status
    record.answered_at, record.receipt, record.reason = now, answer.receipt, answer.reason
    record.last_error = ""
    return True


def send_due(
    sessions: sessionmaker[Session],
    store: ObjectStore,
    settings: Settings,
    *,
    limit: int = 500,
    clock: Callable[[], datetime] = utcnow,
    client: httpx.Client | None = None,
) -> SendReport:
    """Send what is due, one record at a time, until nothing is claimable, `limit`
    records were tried, or the receiver gave no answer (the rest waits for the next run)."""
    report = SendReport()
    if not settings.platform_url:
        return report
    token = f"{uuid.uuid4().hex}"
    lease = timedelta(seconds=settings.platform_lease_seconds)
    own = client is None
    http = client or httpx.Client(timeout=settings.platform_timeout_seconds)
    try:
        for _ in range(limit):
            with session_scope(sessions) as session:
                record = claim(session, token, clock(), lease)
                if record is None:
                    break
                record_id, key = record.id, record.idempotency_key
                try:
                    body: dict[str, Any] | None = request_body(session, store, record)
                except Exception as e:  # the archive is down or the bytes are wrong: retry
                    body, failure = None, f"files not readable: {type(e).__name__}: {e}"
            answer = (
                post(http, settings, body) if body is not None else Answer("retry", reason=failure)
            )
            faults.reach("platform.answered")
            with session_scope(sessions) as session:
                _settle(session, record_id, token, answer, settings, clock())
            if answer.status == "retry":
                report.retried += 1
                report.errors.append(f"{key}: {answer.reason}")
                log.warning("platform record %s not delivered: %s", key, answer.reason)
                break
            if answer.status == "accepted":
                report.accepted += 1
            else:
                report.rejected += 1
                log.warning("platform rejected record %s: %s", key, answer.reason)
    finally:
        if own:
            http.close()
    return report
