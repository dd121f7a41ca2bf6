"""Page reading on the task queue (procrastinate on PostgreSQL), with real `onewindow
worker` processes: two workers read each page exactly once; a worker killed with SIGKILL
mid-page has its page read by another after the lease; a page whose object store is
unreachable is retried with backoff, then shows as failed to the administrator, who puts
it back in the queue."""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import os
import signal
import socket
import subprocess
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from api.cli import main
from cases.config import Settings
from cases.intake.pages import add_page
from models import Case, Page, User
from ocr.testing import FixedTextEngine
from tests.api.conftest import Desk, open_desk, server_settings
from tests.jobs.recording_engine import calls
from tests.jobs.workers import distinct_pages, wait_for, worker_env, workers
from tests.servers import S3Server

pytestmark = [pytest.mark.postgres, pytest.mark.s3]


@contextmanager
def _hall(tmp_path: Path, postgres_url: str, s3: S3Server) -> Iterator[tuple[Desk, Settings]]:
    settings = server_settings(tmp_path / "hall", postgres_url, s3)
    with contextmanager(open_desk)(settings, FixedTextEngine(["居民身份证复印件"])) as desk:
        yield desk, settings


def _upload(desk: Desk, pages: list[tuple[str, bytes]]) -> str:
    number = desk.open_case(3)["number"]
    files = [("files", (name, data, "image/png")) for name, data in pages]
    r = desk.client.post(
        f"/api/v1/cases/{number}/pages", files=files, headers=desk.headers("clerk")
    )
    assert r.status_code == 202, r.text
    return str(number)


def _pages(desk: Desk) -> list[Page]:
    with desk.hall.sessions() as session:
        return list(session.scalars(select(Page).order_by(Page.id)))


def _statuses(desk: Desk) -> Counter[str]:
    return Counter(p.status for p in _pages(desk))


def _cli(env: dict[str, str], *argv: str) -> subprocess.CompletedProcess[str]:
    """`onewindow` with the workers' settings, run in this process: the workers are the
    processes under test; a process per command would add 3-4 s of imports each."""
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        for name in [k for k in os.environ if k.startswith("ONEWINDOW_")]:
            patch.delenv(name)
        for name, value in env.items():
            if name.startswith(("ONEWINDOW_", "OW_TEST_")):
                patch.setenv(name, value)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(argv))
    return subprocess.CompletedProcess(["onewindow", *argv], code, out.getvalue(), err.getvalue())


def test_two_workers_read_each_page_exactly_once(
    tmp_path: Path, postgres_url: str, s3_server: S3Server
) -> None:
    with _hall(tmp_path, postgres_url, s3_server) as (desk, settings):
        _upload(desk, distinct_pages(24, tag="two"))
        with desk.hall.sessions() as session:  # deferred with the pages, in their transaction
            jobs = session.scalar(
                text("SELECT count(*) FROM procrastinate_jobs WHERE task_name = 'read_page'")
            )
        assert jobs == 24
        ocr_log = tmp_path / "ocr.log"
        env = worker_env(settings, ocr_log, OW_TEST_OCR_SECONDS="0.5")  # work for both
        with workers(env, 2, tmp_path) as procs:
            wait_for(
                lambda: _statuses(desk) == Counter(read=24), what="every page read", timeout=180
            )
        assert [p.returncode for p in procs] == [0, 0]  # SIGTERM stops a worker cleanly

        recorded = calls(ocr_log)
        starts = Counter(digest for event, _, digest in recorded if event == "start")
        assert len(starts) == 24  # every page recognised ...
        assert set(starts.values()) == {1}  # ... exactly once
        assert len(recorded) == 48  # and every call finished
        by_worker = Counter(pid for event, pid, _ in recorded if event == "start")
        assert set(by_worker) == {p.pid for p in procs}, by_worker  # both took pages
        assert {p.attempts for p in _pages(desk)} == {1}
        with desk.hall.sessions() as session:
            left = session.scalar(
                text(
                    "SELECT count(*) FROM procrastinate_jobs WHERE task_name = 'read_page'"
                    " AND status <> 'succeeded'"
                )
            )
        assert left == 0


def test_a_page_and_its_job_commit_together(
    tmp_path: Path, postgres_url: str, s3_server: S3Server
) -> None:
    with _hall(tmp_path, postgres_url, s3_server) as (desk, _):
        number = desk.open_case(3)["number"]
        ((name, data),) = distinct_pages(1, tag="atomic")
        hall = desk.hall
        with hall.sessions() as session:
            case = session.scalars(select(Case).where(Case.number == number)).one()
            clerk = session.scalars(select(User).where(User.username == "clerk")).one()
            add_page(session, hall.store, case, data, filename=name, actor=clerk, max_bytes=2**24)
            assert _jobs(session) == 1  # deferred inside the page's transaction ...
            session.rollback()  # ... so a page that is not committed leaves no job behind
        with hall.sessions() as session:
            assert _jobs(session) == 0 and session.scalar(select(func.count(Page.id))) == 0


def _jobs(session: Session) -> int:
    return int(session.scalar(text("SELECT count(*) FROM procrastinate_jobs")) or 0)


def test_killed_worker_page_is_read_by_another_after_the_lease(
    tmp_path: Path, postgres_url: str, s3_server: S3Server
) -> None:
    with _hall(tmp_path, postgres_url, s3_server) as (desk, settings):
        _upload(desk, distinct_pages(1, tag="kill"))
        ocr_log = tmp_path / "ocr.log"
        with workers(worker_env(settings, ocr_log, OW_TEST_OCR_SECONDS="600"), 1, tmp_path) as (
            doomed,
        ):
            wait_for(lambda: calls(ocr_log), what="the first worker reading the page")
            doomed.send_signal(signal.SIGKILL)  # mid-page: no clean-up, no release
            doomed.wait(timeout=10)
        assert _statuses(desk) == Counter(queued=1)
        with workers(worker_env(settings, ocr_log), 1, tmp_path) as (survivor,):
            wait_for(lambda: _statuses(desk) == Counter(read=1), what="the page read", timeout=90)
        recorded = calls(ocr_log)
        assert [(e, pid) for e, pid, _ in recorded] == [
            ("start", doomed.pid),
            ("start", survivor.pid),
            ("end", survivor.pid),
        ]
        assert len({digest for _, _, digest in recorded}) == 1  # the same page
        (page,) = _pages(desk)
        assert page.attempts == 2
        assert page.claimed_by is not None and f":{survivor.pid}/" in page.claimed_by


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_unreachable_store_retried_with_backoff_then_failed_for_the_admin(
    tmp_path: Path, postgres_url: str, s3_server: S3Server
) -> None:
    with _hall(tmp_path, postgres_url, s3_server) as (desk, settings):
        _upload(desk, distinct_pages(1, tag="down"))
        ocr_log = tmp_path / "ocr.log"
        store_down = worker_env(
            settings, ocr_log, ONEWINDOW_S3_ENDPOINT=f"127.0.0.1:{_closed_port()}"
        )
        with workers(store_down, 1, tmp_path):
            wait_for(lambda: _statuses(desk) == Counter(failed=1), what="page failed", timeout=120)
        assert calls(ocr_log) == []  # the image never arrived, the engine never ran
        (page,) = _pages(desk)
        assert page.attempts == 3
        assert "3 次识别均未成功" in page.error and "not read after 3 attempts" in page.error
        with desk.hall.sessions() as session:  # three runs, each after a longer wait
            started = list(
                session.scalars(
                    text(
                        "SELECT e.at FROM procrastinate_events e"
                        " JOIN procrastinate_jobs j ON j.id = e.job_id"
                        " WHERE j.task_name = 'read_page' AND e.type = 'started' ORDER BY e.at"
                    )
                )
            )
            job_status = session.scalar(
                text("SELECT status::text FROM procrastinate_jobs WHERE task_name = 'read_page'")
            )
        assert len(started) == 3
        gaps = [(b - a).total_seconds() for a, b in itertools.pairwise(started)]
        assert gaps[0] >= 0.5 and gaps[1] >= 1.0, gaps  # 0.5 s, then doubled
        assert job_status == "failed"

        healthy = worker_env(settings, ocr_log)
        status = _cli(healthy, "worker", "status", "--json")
        assert status.returncode == 0, status.stderr
        report = json.loads(status.stdout)
        assert report["backend"] == "procrastinate (PostgreSQL)"
        assert report["pages"]["failed"] == 1
        (failed,) = report["failed_pages"]
        assert failed["page"] == page.id and failed["attempts"] == 3
        assert "object store" in failed["error"] or "对象存储" in failed["error"]
        assert "read_page" in [j["task"] for j in report["failed_jobs"]]
        # the hourly jobs that ran on that worker met the same outage, and say so
        assert all(r["error"] for r in report["failed_runs"])
        text_status = _cli(healthy, "worker", "status")
        assert f"page {page.id}" in text_status.stdout
        (tmp_path / "status.txt").write_text(text_status.stdout)

        retried = _cli(healthy, "worker", "retry", "--failed")
        assert retried.returncode == 0, retried.stderr
        with workers(healthy, 1, tmp_path):
            wait_for(lambda: _statuses(desk) == Counter(read=1), what="page read", timeout=90)
        assert [e for e, _, _ in calls(ocr_log)] == ["start", "end"]
