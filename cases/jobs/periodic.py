"""The hall's periodic jobs and how a run is recorded.

Each job runs once per time slot (`every` seconds, aligned to the epoch) for the whole
hall, whichever process schedules it: a run is the `job_run` row (job, slot) that one
process managed to insert; the others find it there and skip the slot. The row keeps the
outcome, so an administrator sees a failed run and its reason (`onewindow worker status`).
The staging drain is per machine: objects are staged in the local data folder of the
process that could not reach the object store.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from archive import ArchiveError
from cases.db import session_scope
from cases.errors import OneWindowError
from cases.hall import Hall
from cases.intake.reading import reader_name
from models import JobRun, JobRunStatus, utcnow

log = logging.getLogger(__name__)

FIXITY_SAMPLE = 50  # objects re-hashed per hourly run
KEEP_SUCCEEDED_RUNS = timedelta(days=7)


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    every: int  # seconds: a divisor of a minute, or whole hours
    run: Callable[[Hall], tuple[bool, str]]  # (clean, summary)
    per_host: bool = False

    @property
    def cron(self) -> str:
        """The same cadence for procrastinate (its sixth field is seconds)."""
        if self.every < 60:
            return f"* * * * * */{self.every}"
        return f"0 */{self.every // 3600} * * *" if self.every >= 3600 else "* * * * *"

    def run_name(self) -> str:
        return f"{self.name}@{socket.gethostname()[:64]}" if self.per_host else self.name


def _drain(hall: Hall) -> tuple[bool, str]:
    from cases.records.access import drain

    with session_scope(hall.sessions) as session:
        report = drain(session, hall.store, actor="system")
    summary = f"uploaded {report['uploaded']}, remaining {report['remaining']}"
    return report["remaining"] == 0, summary


def _fixity(hall: Hall) -> tuple[bool, str]:
    from cases.records.fixity import run_fixity

    with session_scope(hall.sessions) as session:
        report = run_fixity(session, hall.store, sample=FIXITY_SAMPLE)
    summary = (
        f"checked {report.checked}: {len(report.mismatched)} mismatched, "
        f"{len(report.missing)} missing, {len(report.unreadable)} unreadable"
    )
    return report.clean, summary


def _checkpoint(hall: Hall) -> tuple[bool, str]:
    from cases.oversight.checkpoints import make_checkpoint

    with session_scope(hall.sessions) as session:
        checkpoint = make_checkpoint(session, hall.pki, hall.store)
        return True, f"sealed at seq {checkpoint.seq}" if checkpoint else "nothing new"


def _deadlines(hall: Hall) -> tuple[bool, str]:
    from cases.tasks.deadlines import scan

    with session_scope(hall.sessions) as session:
        alerts = scan(session, date.today(), warning_days=hall.settings.deadline_warning_days)
    return True, f"{len(alerts)} alert(s)"


def _pending(hall: Hall) -> tuple[bool, str]:
    from cases.delivery import pending_notices

    with session_scope(hall.sessions) as session:
        done = pending_notices.run(session, hall)
        unsent = sum(m.status != "sent" for m in done.messages)
    summary = f"{len(done.reminders)} reminder(s), {len(done.overdue)} overdue, {unsent} SMS unsent"
    return True, summary


def _platform(hall: Hall) -> tuple[bool, str]:
    from cases.platform.sender import send_due

    if not hall.settings.platform_url:
        return True, "no platform receiver configured: records stay queued"
    report = send_due(hall.sessions, hall.store, hall.settings)
    return not report.errors, report.summary + "".join(f"; {e}" for e in report.errors[:3])


def _prune(hall: Hall) -> tuple[bool, str]:
    with session_scope(hall.sessions) as session:
        gone = session.execute(
            delete(JobRun).where(
                JobRun.status == JobRunStatus.SUCCEEDED,
                JobRun.started_at < utcnow() - KEEP_SUCCEEDED_RUNS,
            )
        )
    return True, f"{gone.rowcount} old run(s) removed"  # type: ignore[attr-defined]


PERIODIC_JOBS: tuple[PeriodicJob, ...] = (
    PeriodicJob("archive.drain", 30, _drain, per_host=True),
    PeriodicJob("archive.fixity", 3600, _fixity),
    PeriodicJob("audit.checkpoint", 3600, _checkpoint),
    PeriodicJob("deadlines.scan", 3600, _deadlines),
    PeriodicJob("pending.run", 3600, _pending),
    PeriodicJob("jobs.prune", 3600, _prune),
    PeriodicJob("platform.send", 10, _platform),
)


def run_periodic(hall: Hall, job: PeriodicJob, slot: int) -> JobRun | None:
    """Run the job for this slot unless another process already has; the run's row,
    or None when the slot was taken."""
    name = job.run_name()
    try:
        with session_scope(hall.sessions) as session:
            run = JobRun(job=name, slot=slot, worker=reader_name())
            session.add(run)
    except IntegrityError:
        return None
    try:
        clean, summary = job.run(hall)
        status, error = (JobRunStatus.SUCCEEDED, "") if clean else (JobRunStatus.FAILED, summary)
        (log.info if clean else log.error)("%s: %s", name, summary)
    except Exception as e:
        status = JobRunStatus.FAILED
        known = isinstance(e, OneWindowError | ArchiveError)
        error = f"{e.zh} / {e.en}" if isinstance(e, OneWindowError | ArchiveError) else repr(e)
        log.warning("%s failed: %s", name, error, exc_info=not known)
    with session_scope(hall.sessions) as session:
        run = session.get_one(JobRun, run.id)
        run.status, run.error, run.finished_at = status, error, utcnow()
    return run


def slot_of(job: PeriodicJob, now: float) -> int:
    return int(now // job.every * job.every)
