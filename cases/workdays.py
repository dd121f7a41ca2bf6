"""Working days on China's official calendar: the unit of every promised time limit
(承诺时限), 容缺 due date and reminder.

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

from cases.catalog.spec import SAMPLE_CATALOG_DIR
from cases.errors import CatalogError

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
