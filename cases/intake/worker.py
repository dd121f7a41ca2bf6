"""The in-process page worker of the embedded database: reads pages as they arrive, so
that a page's material label is known moments after it is scanned.

Every poll looks for queued pages that nobody holds and whose retry is due, and hands at
most `ocr_workers` of them at a time to a pool of as many threads (the OCR engine pool has
one engine per thread). Each page is claimed in the database (`reading.read_one`), never
here: several processes on one database (uvicorn workers, `onewindow worker`) share the
pages without reading any twice.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor

from cases.hall import Hall
from cases.intake.reading import Outcome, due_pages, read_one

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
        in_flight: dict[int, Future[Outcome]] = {}
        failing = False  # log a database outage once, not on every poll
        with ThreadPoolExecutor(workers, thread_name_prefix="page-reader") as pool:
            while not self._stop.is_set():
                for page_id in [p for p, f in in_flight.items() if f.done()]:
                    self._report(page_id, in_flight.pop(page_id))
                free = workers - len(in_flight)
                try:
                    if free > 0:
                        for page_id in due_pages(self.hall, limit=workers + len(in_flight)):
                            if page_id not in in_flight and len(in_flight) < workers:
                                in_flight[page_id] = pool.submit(read_one, self.hall, page_id)
                    failing = False
                except Exception as e:  # database briefly unavailable: keep polling
                    if not failing:
                        log.warning("page worker cannot poll the database: %s", e)
                    failing = True
                self._stop.wait(self.interval)

    @staticmethod
    def _report(page_id: int, future: Future[Outcome]) -> None:
        error = future.exception()
        if error is not None:  # the failure could not even be recorded (database down)
            log.warning("page %s: reading interrupted: %s", page_id, error)
