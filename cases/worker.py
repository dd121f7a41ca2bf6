"""The in-process worker: reads queued pages in the background so that a page's material
label is known moments after it is scanned, while the clerk goes on scanning."""

from __future__ import annotations

import logging
import threading

from cases.hall import Hall
from cases.intake import read_queued

log = logging.getLogger(__name__)


class PageWorker:
    def __init__(self, hall: Hall, *, interval: float = 0.5) -> None:
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
        while not self._stop.is_set():
            try:
                read_queued(self.hall)
            except Exception:  # keep serving; the page stays queued and is retried
                log.exception("page worker pass failed")
            self._stop.wait(self.interval)
