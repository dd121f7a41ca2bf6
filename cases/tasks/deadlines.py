"""Promised time limits (承诺时限) of cases: the clock stops while a case waits on the
applicant, warns before its due date and escalates when it passes."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases import audit
from cases.workdays import add_working_days, working_days_between
from models import Case, ClockSuspension, ReviewTask, TaskStatus

log = logging.getLogger(__name__)

# --- the clock of a case: suspension, warnings, escalation -------------------------------


def suspend_clock(
    session: Session,
    case: Case,
    *,
    actor: str,
    reason: str,
    on: date,
    decision_id: int | None = None,
) -> None:
    """Stop counting (e.g. returned for information: `decision_id` is the return); a
    second stop while one runs is a no-op."""
    if _running_suspension(session, case) is not None:
        return
    session.add(
        ClockSuspension(case_id=case.id, reason=reason, started_on=on, decision_id=decision_id)
    )
    audit.record(
        session, actor=actor, action="clock.suspended", target=f"case:{case.id}", reason=reason
    )
    session.flush()


def resume_clock(session: Session, case: Case, *, actor: str, on: date) -> int:
    """Restart the clock; due dates move by the working days it stood still."""
    running = _running_suspension(session, case)
    if running is None:
        return 0
    days = max(0, working_days_between(running.started_on, on))
    running.ended_on, running.days_added = on, days
    if days:
        if case.due_on:
            case.due_on = add_working_days(case.due_on, days)
        for task in session.scalars(
            select(ReviewTask).where(
                ReviewTask.case_id == case.id,
                ReviewTask.status.in_([TaskStatus.OPEN, TaskStatus.WAITING]),
            )
        ):
            if task.due_on:
                task.due_on = add_working_days(task.due_on, days)
    audit.record(session, actor=actor, action="clock.resumed", target=f"case:{case.id}", days=days)
    session.flush()
    return days


def _running_suspension(session: Session, case: Case) -> ClockSuspension | None:
    return session.scalars(
        select(ClockSuspension).where(
            ClockSuspension.case_id == case.id, ClockSuspension.ended_on.is_(None)
        )
    ).first()


@dataclass(frozen=True)
class DeadlineAlert:
    case_number: str
    task_id: int
    department_id: int
    due_on: date
    working_days_left: int  # negative when overdue
    kind: str  # warning | escalation


def scan(session: Session, today: date, *, warning_days: int) -> list[DeadlineAlert]:
    """Warn open tasks due within `warning_days` working days (the hall's
    `Settings.deadline_warning_days`); escalate overdue ones to the hall (once each,
    recorded in the audit trail). Suspended cases are left alone."""
    alerts: list[DeadlineAlert] = []
    suspended = set(
        session.scalars(select(ClockSuspension.case_id).where(ClockSuspension.ended_on.is_(None)))
    )
    rows = session.execute(
        select(ReviewTask, Case)
        .join(Case, Case.id == ReviewTask.case_id)
        .where(ReviewTask.status == TaskStatus.OPEN, ReviewTask.due_on.is_not(None))
        .order_by(ReviewTask.due_on)
    )
    for task, case in rows:
        if case.id in suspended or task.due_on is None:
            continue
        left = working_days_between(today, task.due_on)
        if left < 0 and task.escalated_on is None:
            task.escalated_on = today
            kind = "escalation"
        elif 0 <= left <= warning_days and task.warned_on is None:
            task.warned_on = today
            kind = "warning"
        else:
            continue
        audit.record(
            session,
            actor="system",
            action=f"deadline.{kind}",
            target=f"case:{case.id}",
            task=task.id,
            department=task.department_id,
            due_on=task.due_on.isoformat(),
            left=left,
        )
        alerts.append(
            DeadlineAlert(case.number, task.id, task.department_id, task.due_on, left, kind)
        )
    session.flush()
    return alerts
