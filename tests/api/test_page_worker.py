"""The page worker reads pages as they arrive, in parallel, and an inline check waits for
pages the worker is reading instead of reading them again."""

from __future__ import annotations

import threading
import time

import numpy as np

from cases.intake.worker import PageWorker
from models import Page, PageStatus
from ocr import Engine, Line
from ocr.engine import rect_box
from ocr.pool import EnginePool
from sample_scans.scans import SamplePage
from tests.api.conftest import Desk
from tests.api.test_flow import _create_case, _upload


class _SlowEngine(Engine):
    """Fixed text after a pause; counts calls and the most calls in flight at once."""

    name = "slow-fixed"
    lock = threading.Lock()
    calls = 0
    running = 0
    most = 0

    def recognise(self, image: np.ndarray) -> list[Line]:
        cls = type(self)
        with cls.lock:
            cls.calls += 1
            cls.running += 1
            cls.most = max(cls.most, cls.running)
        time.sleep(0.4)
        with cls.lock:
            cls.running -= 1
        return [Line("居民身份证复印件", rect_box(100, 100, 700, 160), 0.99)]


def test_worker_reads_in_parallel_and_check_waits(
    embedded_desk: Desk, sample_pages: dict[str, SamplePage]
) -> None:
    desk = embedded_desk
    desk.hall.use_ocr(EnginePool(_SlowEngine, 2))
    case = _create_case(desk)
    worker = PageWorker(desk.hall, interval=0.05)
    worker.start()
    try:
        pages = [sample_pages["id_card"]] * 4
        _upload(desk, case["number"], *pages)
        time.sleep(0.2)  # the worker has claimed the pages and is reading them
        check = desk.client.get(
            f"/api/v1/cases/{case['number']}/check", headers=desk.headers("clerk")
        )
        assert check.status_code == 200, check.text
    finally:
        worker.stop()
    with desk.hall.sessions() as session:
        statuses = [p.status for p in session.query(Page).all()]
    assert statuses == [PageStatus.READ] * 4
    assert _SlowEngine.calls == 4  # none read twice
    assert _SlowEngine.most == 2  # two at once
