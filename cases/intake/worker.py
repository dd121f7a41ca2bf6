"""The in-process worker: reads pages as they arrive so that a page's material label is
known moments after it is scanned, while the clerk goes on scanning.

Every poll claims the newly queued pages and hands each to a pool of `ocr_workers`
threads at once (the OCR engine pool has one engine per thread, each with one ONNX
Runtime thread), so a page never waits for a batch it was not part of.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor

from cases.hall import Hall
from cases.intake.pages import claim_queued, read_claimed

log = logging.getLogger(__name__)


class PageWorker:
    def __init__(self, hall: Hall, *, interval: float = 0.2) -> None:
        self.hall = hall
        self.interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="page-worker", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        workers = self.hall.settings.ocr_workers
        with ThreadPoolExecutor(workers, thread_name_prefix="page-reader") as pool:
            while not self._stop.is_set():
                try:
                    mine, _ = claim_queued(self.hall)
                    for page_id in mine:  # failures are logged by read_claimed; the page
                        pool.submit(read_claimed, self.hall, page_id)  # stays queued
                except Exception:  # keep serving (database briefly unavailable, ...)
                    log.exception("page worker pass failed")
                self._stop.wait(self.interval)
