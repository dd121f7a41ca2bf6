"""A configured SMS provider is used without any code: ONEWINDOW_SMS_URL."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from cases.config import Settings
from cases.delivery.sms import FileSmsGateway, gateway_for
from tests.sms_sink import LoopbackSmsSink


def _hall(settings: Settings) -> Any:
    return SimpleNamespace(settings=settings)


def test_sms_url_sends_to_the_provider(tmp_path: Path) -> None:
    with LoopbackSmsSink() as sink:
        gateway = gateway_for(_hall(Settings(data_dir=tmp_path, sms_url=sink.url)))
        ref = gateway.send("13800000000", "您的办件结果已可领取")
    assert ref and sink.messages == [
        {"phone": "13800000000", "text": "您的办件结果已可领取", "id": ref}
    ]


def test_without_a_provider_messages_go_to_the_outbox(tmp_path: Path) -> None:
    gateway = gateway_for(_hall(Settings(data_dir=tmp_path)))
    assert isinstance(gateway, FileSmsGateway)
    gateway.send("13800000000", "测试")
    assert "测试" in (tmp_path / "sms-outbox.jsonl").read_text(encoding="utf-8")
