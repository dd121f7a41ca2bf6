"""`onewindow archive ...` on the embedded defaults: put prints key and SHA-256, fixity
finds a tampered file, audit-verify checks the chain against a sealed checkpoint that a
full rewrite of the database cannot match."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from api.cli import main
from cases import audit
from cases.db import session_scope
from cases.jobs.embedded import Scheduler
from cases.jobs.periodic import PERIODIC_JOBS
from models import AuditChainHead, AuditCheckpoint, AuditEvent
from tests.api.conftest import Desk
from tests.waiting import wait_until


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["archive", *argv])
    captured = capsys.readouterr()
    assert code in (0, 1), captured.err
    return code, captured.out


def test_archive_cli_fixity_and_sealed_audit(
    embedded_desk: Desk,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(embedded_desk.hall.settings.data_dir))
    hourly = [j for j in PERIODIC_JOBS if j.name in ("archive.fixity", "audit.checkpoint")]
    timer = Scheduler(embedded_desk.hall, [replace(j, every=1) for j in hourly], beat=0.2)
    timer.start()

    def sealed() -> bool:
        with session_scope(embedded_desk.hall.sessions) as s:
            return s.scalar(select(AuditCheckpoint.seq)) is not None

    wait_until(sealed, what="the timer's first audit checkpoint", timeout=30)
    timer.stop()
    with session_scope(embedded_desk.hall.sessions) as s:
        actions = set(s.scalars(select(AuditEvent.action)))
    assert {"audit.checkpoint", "archive.fixity"} <= actions

    payload = os.urandom(300_000)
    source = tmp_path / "scan.bin"
    source.write_bytes(payload)
    code, out = _run(capsys, "put", str(source), "--json")
    assert code == 0
    put = json.loads(out)
    assert put["sha256"] == hashlib.sha256(payload).hexdigest()
    assert put["key"].endswith(put["sha256"])

    assert _run(capsys, "fixity")[0] == 0
    code, out = _run(capsys, "audit-checkpoint", "--json")
    assert code == 0
    sealed_seq = json.loads(out)["seq"]
    code, out = _run(capsys, "audit-verify", "--json")
    assert code == 0 and json.loads(out)["ok"], out

    # bit rot (or a hand) in the store folder
    stored = embedded_desk.hall.settings.store_dir / "objects" / put["key"]
    rotten = stored.read_bytes()
    stored.write_bytes(bytes([rotten[0] ^ 0xFF]) + rotten[1:])  # ("X" was the byte 1 in 256 times)
    code, out = _run(capsys, "fixity", "--json")
    assert code == 1 and json.loads(out)["mismatched"] == [put["key"]]

    # someone with database access rewrites an old event and re-chains everything after it
    with session_scope(embedded_desk.hall.sessions) as s:
        events = s.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
        events[1].detail = {**events[1].detail, "forged": True}
        prev = audit.GENESIS
        for e in events:
            e.prev_hash = prev
            e.hash = prev = audit.event_hash(
                e.seq or 0, prev, e.created_at, e.actor, e.action, e.target, e.detail
            )
        head = s.get_one(AuditChainHead, 1)
        head.hash = prev
    code, out = _run(capsys, "audit-verify", "--json")
    verdict = json.loads(out)
    assert code == 1 and not verdict["ok"]
    with session_scope(embedded_desk.hall.sessions) as s:
        first_sealed = min(s.scalars(select(AuditCheckpoint.seq)))
    assert first_sealed <= sealed_seq
    assert verdict["first_broken_seq"] == first_sealed  # the first seal the rewrite breaks
    assert "checkpoint" in verdict["reason"]
