"""`onewindow worker`: background work until SIGINT or SIGTERM, on whichever queue the
hall's database has."""

from __future__ import annotations

import logging
import signal
import threading
from types import FrameType

from cases.hall import Hall
from cases.jobs.embedded import InProcess

log = logging.getLogger(__name__)


def is_distributed(hall: Hall) -> bool:
    """PostgreSQL has the task queue; the embedded SQLite database runs work in process."""
    return hall.db.dialect.name == "postgresql"


def run_worker(hall: Hall) -> None:
    """One worker process: runs up to `ocr_workers` jobs at once, as many as the OCR
    engine pool has engines (an engine is used by one thread at a time)."""
    if is_distributed(hall):
        from cases.jobs.queue import run_worker as run_queue_worker

        run_queue_worker(hall, concurrency=hall.settings.ocr_workers)
        return
    stop = threading.Event()

    def _stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _stop)
    background = InProcess(hall)
    background.start()
    log.info("in-process worker started (embedded database)")
    while not stop.wait(1.0):
        pass
    background.stop()
