"""The page worker reads pages as they arrive, in parallel, and an inline check waits for
pages the worker is reading instead of reading them again."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
import pytest

from cases.hall import Hall
from cases.intake import reading
from cases.intake.worker import PageWorker
from models import Page, PageStatus
from ocr import Engine, Line
from ocr.engine import rect_box
from ocr.pool import EnginePool
from sample_scans.scans import SamplePage
from tests.api.conftest import Desk
from tests.api.test_flow import _create_case, _upload
from tests.waiting import wait_until


class _Gate:
    """Holds every recognition until released; counts calls and the most at once."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.released = threading.Event()
        self.calls = 0
        self.running = 0
        self.most = 0


class _GatedEngine(Engine):
    """Fixed text once the test opens the gate."""

    name = "gated-fixed"

    def __init__(self, gate: _Gate) -> None:
        self.gate = gate

    def recognise(self, image: np.ndarray) -> list[Line]:
        gate = self.gate
        with gate.lock:
            gate.calls += 1
            gate.running += 1
            gate.most = max(gate.most, gate.running)
        try:
            if not gate.released.wait(60):
                raise RuntimeError("the test never opened the gate")
        finally:
            with gate.lock:
                gate.running -= 1
        return [Line("居民身份证复印件", rect_box(100, 100, 700, 160), 0.99)]


def test_worker_reads_in_parallel_and_check_waits(
    embedded_desk: Desk, sample_pages: dict[str, SamplePage], monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = embedded_desk
    gate = _Gate()
    desk.hall.use_ocr(EnginePool(lambda: _GatedEngine(gate), 2))
    # the check's look for free pages (the worker holds its own reference to due_pages):
    # note when it finds pages that the worker is reading, which it must then wait for
    check_found_claimed = threading.Event()
    due = reading.due_pages

    def due_noting(hall: Hall, *, limit: int, case_id: int | None = None, **kw: Any) -> Any:
        free = due(hall, limit=limit, case_id=case_id, **kw)
        if case_id is not None and len(free) < limit:
            check_found_claimed.set()
        return free

    monkeypatch.setattr(reading, "due_pages", due_noting)
    number = _create_case(desk)["number"]
    worker = PageWorker(desk.hall, interval=0.05)
    worker.start()
    try:
        _upload(desk, number, *[sample_pages["id_card"]] * 4)
        wait_until(lambda: gate.running == 2, what="the worker reading two pages at once")
        with ThreadPoolExecutor(1) as pool:
            pending = pool.submit(
                desk.client.get, f"/api/v1/cases/{number}/check", headers=desk.headers("clerk")
            )
            assert check_found_claimed.wait(30), "the check did not see the worker's claims"
            assert not pending.done()  # waiting: the engine has not returned a single page
            gate.released.set()
            check = pending.result(timeout=60)
        assert check.status_code == 200, check.text
        assert check.json()["present"] == {"id_card": 4}  # it waited for all four
    finally:
        gate.released.set()
        worker.stop()
    with desk.hall.sessions() as session:
        statuses = [p.status for p in session.query(Page).all()]
    assert statuses == [PageStatus.READ] * 4
    assert gate.calls == 4  # none read twice
    assert gate.most == 2  # two at once
