"""Promised time limits (承诺时限) in working days on China's official calendar.

Holidays and the weekends worked in exchange (调休) come from `chinese-calendar`; years it
does not cover yet come from `calendar.yaml` next to the catalog, so a hall can enter the
State Council's notice the day it is published without waiting for a release.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import chinese_calendar
import yaml
from pydantic import BaseModel, ConfigDict
from sqlalchemy import select
from sqlalchemy.orm import Session

from cases import audit
from cases.catalog import SAMPLE_CATALOG_DIR
from cases.errors import CatalogError
from models import Case, ClockSuspension, ReviewTask, TaskStatus

log = logging.getLogger(__name__)


class _YearSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    holidays: tuple[date, ...] = ()
    workdays: tuple[date, ...] = ()


class _CalendarSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    years: dict[int, _YearSpec] = {}


@dataclass
class WorkCalendar:
    """Working days: configured years first, then chinese-calendar, then Mon-Fri."""

    years: dict[int, _YearSpec] = field(default_factory=dict)
    _warned: set[int] = field(default_factory=set)

    @classmethod
    def load(cls, path: Path) -> WorkCalendar:
        if not path.is_file():
            return cls()
        try:
            spec = _CalendarSpec.model_validate(yaml.safe_load(path.read_text("utf-8")) or {})
        except (yaml.YAMLError, ValueError) as e:
            raise CatalogError(
                f"{path}: invalid calendar: {e}", f"{path}:节假日配置有误:{e}"
            ) from e
        return cls(years=dict(spec.years))

    def covers(self, year: int) -> bool:
        if year in self.years:
            return True
        try:
            chinese_calendar.is_workday(date(year, 6, 1))
        except NotImplementedError:
            return False
        return True

    def is_working_day(self, day: date) -> bool:
        configured = self.years.get(day.year)
        if configured is not None:
            if day in configured.workdays:
                return True
            if day in configured.holidays:
                return False
            return day.weekday() < 5
        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError:
            if day.year not in self._warned:
                self._warned.add(day.year)
                log.warning(
                    "no official calendar for %s: counting Monday to Friday; add the year "
                    "to calendar.yaml",
                    day.year,
                )
            return day.weekday() < 5

    def add_working_days(self, start: date, days: int) -> date:
        """The day on which `days` working days after `start` have passed (start excluded)."""
        current, remaining = start, days
        while remaining > 0:
            current += timedelta(days=1)
            if self.is_working_day(current):
                remaining -= 1
        return current

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative when end is before start."""
        if end < start:
            return -self.working_days_between(end, start)
        return sum(
            self.is_working_day(start + timedelta(days=i)) for i in range(1, (end - start).days + 1)
        )


@lru_cache(maxsize=8)
def calendar_for(catalog_dir: Path | None = None) -> WorkCalendar:
    return WorkCalendar.load((catalog_dir or SAMPLE_CATALOG_DIR) / "calendar.yaml")


_active: list[WorkCalendar] = []


def use_calendar(catalog_dir: Path | None) -> WorkCalendar:
    """Make the hall's calendar (its catalog's `calendar.yaml`) the one the module-level
    functions use; a process serves one hall."""
    calendar = calendar_for(catalog_dir)
    _active[:] = [calendar]
    return calendar


def _current() -> WorkCalendar:
    return _active[0] if _active else calendar_for()


def add_working_days(start: date, days: int) -> date:
    return _current().add_working_days(start, days)


def working_days_between(start: date, end: date) -> int:
    return _current().working_days_between(start, end)


def is_working_day(day: date) -> bool:
    return _current().is_working_day(day)


# --- the clock of a case: suspension, warnings, escalation -------------------------------

WARN_WORKING_DAYS = 2  # warn this many working days before the due date


def suspend_clock(session: Session, case: Case, *, actor: str, reason: str, on: date) -> None:
    """Stop counting (e.g. returned for information); a second stop while one runs is a no-op."""
    if _running_suspension(session, case) is not None:
        return
    session.add(ClockSuspension(case_id=case.id, reason=reason, started_on=on))
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


def scan(session: Session, today: date) -> list[DeadlineAlert]:
    """Warn open tasks due within WARN_WORKING_DAYS; escalate overdue ones to the hall
    (once each, recorded in the audit trail). Suspended cases are left alone."""
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
        elif 0 <= left <= WARN_WORKING_DAYS and task.warned_on is None:
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
