"""Page reading and periodic jobs on the embedded SQLite database: claims, leases,
backoff and slots live in the database, so several processes share the work and a failed
reading is retried, then shown to the administrator."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update

from archive import ObjectStore, StoreUnavailable
from cases.config import Settings
from cases.db import session_scope
from cases.hall import Hall
from cases.intake.worker import PageWorker
from cases.jobs.embedded import Scheduler
from cases.jobs.periodic import PeriodicJob
from cases.jobs.status import queue_status, retry_pages
from models import JobRun, Page, PageStatus, StoredObject, utcnow
from ocr.testing import FixedTextEngine
from tests.api.conftest import Desk, open_desk
from tests.jobs.recording_engine import calls
from tests.jobs.workers import distinct_pages, wait_for, worker_env, workers


@contextmanager
def _desk(tmp_path: Path, **settings: Any) -> Iterator[Desk]:
    hall_settings = Settings(data_dir=tmp_path / "hall", **settings)
    with contextmanager(open_desk)(hall_settings, FixedTextEngine(["居民身份证复印件"])) as desk:
        yield desk


def _upload(desk: Desk, pages: list[tuple[str, bytes]]) -> None:
    number = desk.open_case(3)["number"]
    files = [("files", (name, data, "image/png")) for name, data in pages]
    r = desk.client.post(
        f"/api/v1/cases/{number}/pages", files=files, headers=desk.headers("clerk")
    )
    assert r.status_code == 202, r.text


def _pages(hall: Hall) -> list[Page]:
    with hall.sessions() as session:
        return list(session.scalars(select(Page).order_by(Page.id)))


class _FlakyStore:
    """The hall's store, except that reading some keys fails (an outage) a number of times;
    records when each read was tried."""

    def __init__(self, store: ObjectStore, failures: dict[str, int]) -> None:
        self._store, self._failures = store, failures
        self.tries: dict[str, list[float]] = {}

    def get(self, key: str, **kw: Any) -> bytes:
        self.tries.setdefault(key, []).append(time.monotonic())
        if self._failures.get(key, 0) > 0:
            self._failures[key] -= 1
            raise StoreUnavailable("object store unreachable (test)", "无法连接对象存储(测试)")
        return self._store.get(key, **kw)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def test_failed_reading_is_retried_with_backoff_then_failed_and_retried_by_the_admin(
    tmp_path: Path,
) -> None:
    with _desk(tmp_path, read_attempts=3, read_retry_seconds=0.3) as desk:
        hall = desk.hall
        _upload(desk, distinct_pages(2, tag="flaky"))
        with hall.sessions() as session:
            keys = [
                session.get_one(StoredObject, p.image_object_id).key
                for p in session.scalars(select(Page).order_by(Page.id))
            ]
        recovering, down = keys
        store = _FlakyStore(hall.store, {recovering: 2, down: 99})
        hall.store = store  # type: ignore[assignment]
        worker = PageWorker(hall, interval=0.05)
        worker.start()
        try:
            wait_for(
                lambda: {p.status for p in _pages(hall)} == {PageStatus.READ, PageStatus.FAILED},
                what="one page read, one failed",
                timeout=30,
            )
        finally:
            worker.stop()
        read, failed = _pages(hall)
        assert read.status == PageStatus.READ and read.attempts == 3 and read.error == ""
        assert failed.status == PageStatus.FAILED and failed.attempts == 3
        for key in keys:  # waited 0.3 s, then 0.6 s, between the tries
            gaps = [b - a for a, b in zip(store.tries[key], store.tries[key][1:], strict=False)]
            assert len(gaps) == 2 and gaps[0] >= 0.3 and gaps[1] >= 0.6, gaps

        report = queue_status(hall)
        assert report["backend"] == "in-process (SQLite)"
        assert report["pages"]["failed"] == 1 and report["pages"]["read"] == 1
        (shown,) = report["failed_pages"]
        assert shown["page"] == failed.id and shown["attempts"] == 3
        assert "not read after 3 attempts (object store unreachable (test))" in shown["error"]
        assert "3 次识别均未成功" in shown["error"]

        hall.store = store._store  # the store is back; the administrator retries the page
        assert retry_pages(hall, None, actor="admin") == [failed.id]
        worker = PageWorker(hall, interval=0.05)
        worker.start()
        try:
            wait_for(
                lambda: {p.status for p in _pages(hall)} == {PageStatus.READ},
                what="the retried page read",
            )
        finally:
            worker.stop()
        assert _pages(hall)[1].attempts == 1


def test_a_dead_readers_page_is_taken_when_its_lease_runs_out(tmp_path: Path) -> None:
    with _desk(tmp_path) as desk:
        hall = desk.hall
        _upload(desk, distinct_pages(1, tag="lease"))
        lease_end = utcnow() + timedelta(seconds=3)
        with session_scope(hall.sessions) as session:  # a reader claimed it, then died
            session.execute(
                update(Page).values(claimed_by="gone:1/dead", lease_until=lease_end, attempts=1)
            )
        worker = PageWorker(hall, interval=0.05)
        worker.start()
        try:
            wait_for(lambda: _pages(hall)[0].status == PageStatus.READ, what="page taken over")
        finally:
            worker.stop()
        (page,) = _pages(hall)
        assert datetime.fromisoformat(page.reading["read_at"]) >= lease_end  # not before
        assert page.attempts == 2 and page.claimed_by != "gone:1/dead"


def test_two_embedded_worker_processes_read_each_page_once(tmp_path: Path) -> None:
    with _desk(tmp_path) as desk:
        _upload(desk, distinct_pages(12, tag="sqlite"))
        ocr_log = tmp_path / "ocr.log"
        env = worker_env(desk.hall.settings, ocr_log, OW_TEST_OCR_SECONDS="0.2")
        with workers(env, 2, tmp_path) as procs:
            wait_for(
                lambda: Counter(p.status for p in _pages(desk.hall)) == Counter(read=12),
                what="every page read",
                timeout=120,
            )
        assert [p.returncode for p in procs] == [0, 0]
        starts = Counter(d for event, _, d in calls(ocr_log) if event == "start")
        assert len(starts) == 12 and set(starts.values()) == {1}


def test_each_periodic_slot_runs_once_whichever_process_schedules_it(tmp_path: Path) -> None:
    with _desk(tmp_path) as desk:
        hall = desk.hall
        ran: list[float] = []
        lock = threading.Lock()

        def count(_: Hall) -> tuple[bool, str]:
            with lock:
                ran.append(time.time())
            return True, "counted"

        def broken(_: Hall) -> tuple[bool, str]:
            raise StoreUnavailable("object store unreachable (test)", "无法连接对象存储(测试)")

        jobs = [PeriodicJob("test.count", 1, count), PeriodicJob("test.broken", 1, broken)]
        schedulers = [Scheduler(hall, jobs, beat=0.05) for _ in range(3)]
        for scheduler in schedulers:
            scheduler.start()

        def slots_run() -> int:
            with hall.sessions() as session:
                query = select(func.count(func.distinct(JobRun.slot)))
                return session.scalar(query.where(JobRun.job == "test.count")) or 0

        wait_for(lambda: slots_run() >= 2, what="two one-second slots run", timeout=30)
        for scheduler in schedulers:
            scheduler.stop()
        with hall.sessions() as session:
            slots = session.scalar(
                select(func.count(func.distinct(JobRun.slot))).where(JobRun.job == "test.count")
            )
            runs = session.scalar(select(func.count()).where(JobRun.job == "test.count"))
        assert len(ran) == runs == slots >= 2  # three schedulers, one run per slot
        report = queue_status(hall)
        broken_runs = [r for r in report["failed_runs"] if r["job"] == "test.broken"]
        assert broken_runs and "object store unreachable (test)" in broken_runs[0]["error"]


@pytest.mark.parametrize("every, cron", [(30, "* * * * * */30"), (3600, "0 */1 * * *")])
def test_the_queue_schedules_the_same_cadence(every: int, cron: str) -> None:
    assert PeriodicJob("x", every, lambda _: (True, "")).cron == cron
