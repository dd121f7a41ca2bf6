"""What the administrator sees of background work (`onewindow worker status`): pages by
state, pages whose reading failed and why, the last run of each periodic job, and on
PostgreSQL the queue's own jobs and workers; and putting failed pages back in the queue."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import select, text, update

from cases import audit
from cases.db import session_scope
from cases.hall import Hall
from cases.intake.reading import enqueue
from models import Case, JobRun, JobRunStatus, Page, PageStatus, Submission, utcnow

LIST_LIMIT = 50


def queue_status(hall: Hall) -> dict[str, Any]:
    now = utcnow()
    with session_scope(hall.sessions) as session:
        is_postgres = session.connection().dialect.name == "postgresql"
        states: Counter[str] = Counter()
        for status, lease, retry in session.execute(
            select(Page.status, Page.lease_until, Page.retry_at)
        ):
            if status != PageStatus.QUEUED:
                states[status] += 1
            elif lease is not None and lease >= now:
                states["reading"] += 1
            elif retry is not None and retry > now:
                states["waiting_retry"] += 1
            else:
                states["queued"] += 1
        failed = [
            {
                "page": page.id,
                "case": number,
                "seq": page.seq,
                "attempts": page.attempts,
                "error": page.error,
            }
            for page, number in session.execute(
                select(Page, Case.number)
                .join(Submission, Submission.id == Page.submission_id)
                .join(Case, Case.id == Submission.case_id)
                .where(Page.status == PageStatus.FAILED)
                .order_by(Page.id.desc())
                .limit(LIST_LIMIT)
            )
        ]
        last_runs: dict[str, JobRun] = {}
        for run in session.scalars(select(JobRun).order_by(JobRun.slot.desc()).limit(500)):
            last_runs.setdefault(run.job, run)
        failed_runs = list(
            session.scalars(
                select(JobRun)
                .where(JobRun.status == JobRunStatus.FAILED)
                .order_by(JobRun.id.desc())
                .limit(LIST_LIMIT)
            )
        )
        report: dict[str, Any] = {
            "backend": "procrastinate (PostgreSQL)" if is_postgres else "in-process (SQLite)",
            "pages": {s: states.get(s, 0) for s in ("queued", "reading", "waiting_retry")}
            | {s: states.get(s, 0) for s in (PageStatus.READ, PageStatus.FAILED)},
            "failed_pages": failed,
            "periodic": [_run(r) for r in sorted(last_runs.values(), key=lambda r: r.job)],
            "failed_runs": [_run(r) for r in failed_runs],
        }
        if is_postgres:
            report |= _procrastinate(session)
    return report


def _run(run: JobRun) -> dict[str, Any]:
    return {
        "job": run.job,
        "status": run.status,
        "started_at": run.started_at.isoformat(timespec="seconds"),
        "worker": run.worker,
        "error": run.error,
    }


def _procrastinate(session: Any) -> dict[str, Any]:
    counts = {
        f"{queue}/{status}": n
        for queue, status, n in session.execute(
            text(
                "SELECT queue_name, status::text, count(*) FROM procrastinate_jobs"
                " GROUP BY queue_name, status ORDER BY 1, 2"
            )
        )
    }
    failed = [
        {"id": i, "task": task, "args": args, "attempts": attempts}
        for i, task, args, attempts in session.execute(
            text(
                "SELECT id, task_name, args, attempts FROM procrastinate_jobs"
                " WHERE status = 'failed' ORDER BY id DESC LIMIT :n"
            ),
            {"n": LIST_LIMIT},
        )
    ]
    workers = [
        {"id": i, "last_heartbeat": beat.isoformat(timespec="seconds")}
        for i, beat in session.execute(
            text("SELECT id, last_heartbeat FROM procrastinate_workers ORDER BY id")
        )
    ]
    return {"jobs": counts, "failed_jobs": failed, "workers": workers}


def retry_pages(hall: Hall, page_ids: list[int] | None, *, actor: str) -> list[int]:
    """Put failed pages (these, or all) back in the queue with a fresh count of attempts."""
    with session_scope(hall.sessions) as session:
        query = select(Page.id, Submission.case_id).join(Submission)
        query = query.where(Page.status == PageStatus.FAILED)
        if page_ids is not None:
            query = query.where(Page.id.in_(page_ids))
        rows = list(session.execute(query.order_by(Page.id)))
        ids = [page_id for page_id, _ in rows]
        if not ids:
            return []
        session.execute(
            update(Page)
            .where(Page.id.in_(ids))
            .values(
                status=PageStatus.QUEUED,
                attempts=0,
                error="",
                retry_at=None,
                lease_until=None,
                claimed_by=None,
            )
            .execution_options(synchronize_session=False)
        )
        enqueue(session, ids)
        for page_id, case_id in rows:
            audit.record(
                session, actor=actor, action="page.retry", target=f"case:{case_id}", page=page_id
            )
    return ids
