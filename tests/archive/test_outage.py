"""An object-store outage during intake: a private SeaweedFS is killed mid-run and
restarted on the same ports and data directory; every object archived meanwhile is
staged on local disk, uploaded when the store returns, and counted in the bucket."""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import urllib3
from minio import Minio
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from archive import LocalFolderStore, StagingStore
from cases.db import session_scope
from cases.records.access import staging_status
from cases.records.storage import archive_bytes
from models import StoredObject
from tests.archive.conftest import make_s3_store
from tests.servers import S3Server, start_seaweedfs, utc_env
from tests.waiting import wait_until

TOTAL, STOP_AT, RESTART_AT = 45, 15, 30


class Restartable:
    """Kill and restart one private `weed server` with its exact command line."""

    def __init__(self, server: S3Server) -> None:
        self.server = server
        proc = server._process
        assert proc is not None
        self.args = Path(f"/proc/{proc.pid}/cmdline").read_bytes().rstrip(b"\0").split(b"\0")
        self.proc: subprocess.Popen[bytes] | None = None

    def kill(self) -> None:
        if self.proc is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)
            self.proc = None
        else:
            self.server.stop()

    def restart(self, timeout: float = 60.0) -> None:
        with (self.server.workdir / "weed.log").open("ab") as log:
            self.proc = subprocess.Popen(
                self.args,
                cwd=self.server.workdir,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                env=utc_env(),
            )
        client = _client(self.server)

        def answers() -> bool:
            try:
                client.list_buckets()
            except Exception:
                return False
            return True

        wait_until(answers, what="SeaweedFS back", timeout=timeout, interval=0.3)


def _client(server: S3Server) -> Minio:
    http = urllib3.PoolManager(timeout=urllib3.Timeout(connect=1, read=5), retries=False)
    return Minio(
        server.endpoint, server.access_key, server.secret_key, secure=False, http_client=http
    )


@pytest.fixture
def private_s3(tmp_path: Path) -> Iterator[Restartable]:
    server = Restartable(start_seaweedfs(tmp_path / "private-weed"))
    try:
        yield server
    finally:
        server.kill()


@pytest.mark.s3
def test_outage_loses_nothing(
    private_s3: Restartable, db_sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    primary = make_s3_store(private_s3.server, "outage", retries=0)
    now = [0.0]
    store = StagingStore(
        primary, LocalFolderStore(tmp_path / "staging"), retry_after=5.0, clock=lambda: now[0]
    )
    payloads = [os.urandom(40_000) + i.to_bytes(4, "big") for i in range(TOTAL)]
    staged_peak = 0
    for i, data in enumerate(payloads):
        if i == STOP_AT:
            private_s3.kill()
        if i == RESTART_AT:
            private_s3.restart()
            now[0] += 5.0  # the store's retry-after has passed
        with session_scope(db_sessions) as s:
            row = archive_bytes(s, store, data, content_type="image/jpeg", doc_class="page_image")
            assert store.get(row.key) == data  # readable at once, staged or not (OCR reads it)
        staged_peak = max(staged_peak, staging_status(store)["count"])
    assert staged_peak == RESTART_AT - STOP_AT

    report = store.drain()
    assert report.remaining == 0, report.failed
    assert len(report.uploaded) == RESTART_AT - STOP_AT
    assert store.drain().uploaded == []  # idempotent: nothing left, nothing twice
    assert staging_status(store)["count"] == 0

    raw = _client(private_s3.server)
    with session_scope(db_sessions) as s:
        rows = s.scalars(select(StoredObject)).all()
        expected = {hashlib.sha256(p).hexdigest() for p in payloads}
        assert {r.sha256 for r in rows} == expected
        found = 0
        for row in rows:
            response = raw.get_object("outage", row.key)
            try:
                assert hashlib.sha256(response.read()).hexdigest() == row.sha256
            finally:
                response.close()
                response.release_conn()
            found += 1
        staged_key = rows[STOP_AT].key
    assert found == TOTAL, f"{TOTAL - found} objects lost"
    retention = raw.get_object_retention("outage", staged_key)
    assert retention is not None and retention.mode == "GOVERNANCE"
