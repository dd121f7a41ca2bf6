"""Background work in process, for the embedded SQLite database: the page worker and the
scheduler of the periodic jobs, both deciding everything in the database, so that any
number of processes on the hall's machine (uvicorn workers, `onewindow worker`) can run
them side by side."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence

from cases.hall import Hall
from cases.intake.worker import PageWorker
from cases.jobs.periodic import PERIODIC_JOBS, PeriodicJob, run_periodic, slot_of

log = logging.getLogger(__name__)


class Scheduler:
    """Runs each periodic job once per slot for the whole hall: every beat, a job whose
    current slot this process has not yet seen is offered to `run_periodic`, which runs it
    only if no other process took the slot."""

    def __init__(
        self, hall: Hall, jobs: Sequence[PeriodicJob] = PERIODIC_JOBS, *, beat: float = 1.0
    ) -> None:
        self._hall, self._jobs, self._beat = hall, tuple(jobs), beat
        self._seen: dict[str, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="scheduler", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        failing = False
        while not self._stop.is_set():
            for job in self._jobs:
                slot = slot_of(job, time.time())
                if self._seen.get(job.name) == slot or self._stop.is_set():
                    continue
                try:
                    run_periodic(self._hall, job, slot)
                    self._seen[job.name] = slot
                    failing = False
                except Exception as e:  # the database is down: try the slot again next beat
                    if not failing:
                        log.warning("scheduler cannot record %s: %s", job.name, e)
                    failing = True
            self._stop.wait(self._beat)


class InProcess:
    """The page worker and the scheduler, started and stopped together."""

    def __init__(self, hall: Hall) -> None:
        self.pages = PageWorker(hall)
        self.scheduler = Scheduler(hall)

    def start(self) -> None:
        self.pages.start()
        self.scheduler.start()

    def stop(self) -> None:
        self.scheduler.stop()
        self.pages.stop()
