"""`onewindow serve --workers 2` on the embedded database: two API processes, each with its
in-process page worker and scheduler, and still every page is read once and every
periodic slot runs once (nothing is decided in a process's memory)."""

from __future__ import annotations

import signal
import socket
import subprocess
from collections import Counter
from pathlib import Path

import httpx
from sqlalchemy import create_engine, func, select

from cases.accounts import create_user
from cases.config import Settings
from cases.db import session_scope
from cases.hall import Hall
from models import JobRun, Page, Role
from sample_scans.scans import sample_applicant
from tests.api.conftest import ITEM
from tests.jobs.recording_engine import calls
from tests.jobs.workers import ONEWINDOW, ROOT, distinct_pages, wait_for, worker_env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_two_api_processes_share_the_pages(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "hall")
    ocr_log = tmp_path / "ocr.log"
    env = worker_env(settings, ocr_log, OW_TEST_OCR_SECONDS="0.2")
    hall = Hall.open(settings)  # the clerk, made here: a `users create` process cost 4-5 s
    with session_scope(hall.sessions) as session:
        _, token = create_user(
            session, username="clerk", display_name="clerk", role=Role.CLERK, window_code="W01"
        )
    hall.close()
    port = _free_port()
    server = subprocess.Popen(
        [str(ONEWINDOW), "serve", "--workers", "2", "--port", str(port)],
        env=env,
        cwd=ROOT,
        stdout=(tmp_path / "serve.log").open("wb"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    headers = {"Authorization": f"Bearer {token}"}
    try:

        def up() -> bool:
            try:
                return httpx.get(f"{base}/health", timeout=2).status_code == 200
            except httpx.HTTPError:
                return False

        wait_for(up, what="the API up", timeout=240)
        applicant = sample_applicant(3)
        case = httpx.post(
            f"{base}/api/v1/cases",
            headers=headers,
            json={
                "item_code": ITEM,
                "applicant_type": "person",
                "applicant_name": applicant.name,
                "applicant_id": applicant.id_number,
            },
            timeout=30,
        )
        assert case.status_code == 201, case.text
        number = case.json()["number"]
        for name, data in distinct_pages(16, tag="serve"):  # one request each: both processes
            r = httpx.post(
                f"{base}/api/v1/cases/{number}/pages",
                headers=headers,
                files=[("files", (name, data, "image/png"))],
                timeout=30,
            )
            assert r.status_code == 202, r.text
        engine = create_engine(settings.effective_database_url)

        def all_read() -> bool:
            with engine.connect() as conn:
                return Counter(conn.scalars(select(Page.status))) == Counter(read=16)

        wait_for(all_read, what="every page read", timeout=120)
        with engine.connect() as conn:
            drains = conn.scalar(select(func.count()).where(JobRun.job.like("archive.drain%")))
            slots = conn.scalar(
                select(func.count(func.distinct(JobRun.slot))).where(
                    JobRun.job.like("archive.drain%")
                )
            )
            hourly = conn.scalar(select(func.count()).where(JobRun.job == "audit.checkpoint"))
        engine.dispose()
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    starts = Counter(d for event, _, d in calls(ocr_log) if event == "start")
    assert len(starts) == 16 and set(starts.values()) == {1}  # read once, by either process
    assert drains == slots >= 1  # each slot of the periodic jobs ran in one process only
    assert hourly == 1
