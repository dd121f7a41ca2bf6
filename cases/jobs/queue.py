"""The task queue on PostgreSQL: procrastinate, in the database production already has.

- `read_page(page_id)` is deferred by `add_page` in the page's own transaction (see
  `cases.intake.reading.enqueue`), on the "pages" queue, with the page as its lock and
  queueing lock. The job ends when the page is read or failed; while another reader holds
  the page, or its retry is not due, the job is retried when it will be.
- each periodic job is a procrastinate periodic task on the "periodic" queue (the staging
  drain on the queue of its own machine, "host:<name>"); procrastinate defers one job per
  tick for all workers, and `run_periodic` records the run.
- `retry_stalled` puts the jobs of a worker whose heartbeat stopped (killed, machine lost)
  back in the queue; the page lease then lets another worker take the page.
- `requeue_pages` gives a job to any queued page that has none (pages from before the
  queue, or whose inline reader died after the page's job had ended).
"""

from __future__ import annotations

import logging
import socket
from datetime import timedelta
from typing import Any

from procrastinate import App, BaseRetryStrategy, PsycopgConnector, RetryDecision
from procrastinate.jobs import Job
from sqlalchemy import text
from sqlalchemy.engine import make_url

from cases.db import session_scope
from cases.errors import OneWindowError
from cases.hall import Hall
from cases.intake.reading import (
    PAGES_QUEUE,
    READ_PAGE_TASK,
    enqueue,
    read_one,
    reader_name,
)
from cases.jobs.periodic import PERIODIC_JOBS, PeriodicJob, run_periodic
from models import JobRunStatus, utcnow

log = logging.getLogger(__name__)

PERIODIC_QUEUE = "periodic"
STALLED_CHECK_CRON = "* * * * * */5"


def host_queue() -> str:
    return f"host:{socket.gethostname()[:64]}"


class ReadLater(Exception):
    """Not a failure: the job is retried when the page says it is worth it."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"read again in {seconds:.1f} s")
        self.seconds = max(seconds, 0.2)


class PageNotRead(OneWindowError):
    code = "page.not_read"


class PeriodicJobFailed(OneWindowError):
    code = "job.failed"


class _AsThePageSays(BaseRetryStrategy):
    """Retry when the page row says: its lease ends or its retry is due. The number of
    attempts and the backoff live on the page, shared with every other reader."""

    def get_retry_decision(self, *, exception: BaseException, job: Job) -> RetryDecision | None:
        if isinstance(exception, ReadLater):
            return RetryDecision(retry_at=utcnow() + timedelta(seconds=exception.seconds))
        return None


def conninfo(database_url: str) -> str:
    """The libpq connection string of a SQLAlchemy URL (`postgresql+psycopg://...`)."""
    url = make_url(database_url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def build_app(hall: Hall) -> App:
    """The queue with this hall's tasks; tasks reach the hall through their closure."""
    app = App(
        connector=PsycopgConnector(conninfo=conninfo(hall.settings.effective_database_url)),
        periodic_defaults={"max_delay": 600},
    )
    lease = hall.settings.worker_lease_seconds

    @app.task(name=READ_PAGE_TASK, queue=PAGES_QUEUE, retry=_AsThePageSays())
    def read_page(page_id: int) -> None:
        outcome = read_one(hall, page_id)
        if outcome.kind in ("busy", "waiting", "retry"):
            raise ReadLater(outcome.wait)
        if outcome.kind == "failed" and outcome.cause is not None:  # out of attempts
            raise PageNotRead(f"page {page_id}: {outcome.error}", outcome.error)

    @app.periodic(cron=STALLED_CHECK_CRON, periodic_id="retry_stalled")
    @app.task(name="retry_stalled", queue=PERIODIC_QUEUE)
    async def retry_stalled(timestamp: int) -> None:
        for job in await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=lease):
            log.warning(
                "job %s (%s) of a stopped worker goes back to the queue", job.id, job.task_name
            )
            await app.job_manager.retry_job(job)

    @app.periodic(cron="* * * * *", periodic_id="requeue_pages")
    @app.task(name="requeue_pages", queue=PERIODIC_QUEUE)
    def requeue_pages(timestamp: int) -> None:
        requeue_orphans(hall)

    for job in PERIODIC_JOBS:
        _add_periodic(app, hall, job)
    return app


def _add_periodic(app: App, hall: Hall, job: PeriodicJob) -> None:
    name = job.run_name()
    queue = host_queue() if job.per_host else PERIODIC_QUEUE

    def run(timestamp: int) -> None:
        done = run_periodic(hall, job, timestamp)
        if done is not None and done.status == JobRunStatus.FAILED:
            raise PeriodicJobFailed(f"{name}: {done.error}", f"{name}:{done.error}")

    app.periodic(cron=job.cron, periodic_id=name)(app.task(name=name, queue=queue)(run))


def requeue_orphans(hall: Hall) -> int:
    """Queued pages without a waiting or running job get one."""
    with session_scope(hall.sessions) as session:
        orphans = list(
            session.scalars(
                text(
                    "SELECT p.id FROM page p WHERE p.status = 'queued' AND NOT EXISTS ("
                    " SELECT 1 FROM procrastinate_jobs j WHERE j.lock = 'page:' || p.id"
                    " AND j.status IN ('todo', 'doing')) ORDER BY p.id"
                )
            )
        )
        if orphans:
            log.warning("%d queued page(s) had no job; queued again", len(orphans))
            enqueue(session, orphans)
    return len(orphans)


def run_worker(hall: Hall, *, concurrency: int, **options: Any) -> None:
    """A worker until SIGINT/SIGTERM: pages, periodic jobs, and this machine's own."""
    lease = hall.settings.worker_lease_seconds
    app = build_app(hall)
    app.run_worker(
        queues=[PAGES_QUEUE, PERIODIC_QUEUE, host_queue()],
        concurrency=concurrency,
        name=reader_name(),
        delete_jobs="successful",
        update_heartbeat_interval=lease / 3,
        stalled_worker_timeout=lease,
        fetch_job_polling_interval=hall.settings.worker_poll_seconds,
        **options,
    )
