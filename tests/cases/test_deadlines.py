"""Working days on the official 2026 calendar (国务院办公厅关于2026年部分节假日安排的通知,
2025-11-04): 春节 2月15日至23日放假, 2月14日(周六)、2月28日(周六)上班; 国庆 10月1日至7日
放假, 9月20日(周日)、10月10日(周六)上班."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cases.errors import CatalogError
from cases.workdays import WorkCalendar, add_working_days, is_working_day, working_days_between

D = date


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        (D(2026, 2, 13), 1, D(2026, 2, 14)),  # Saturday 14 Feb is a working day
        (D(2026, 2, 12), 3, D(2026, 2, 24)),  # 13, 14, then the holiday until 23 Feb
        (D(2026, 2, 14), 1, D(2026, 2, 24)),
        (D(2026, 2, 26), 2, D(2026, 2, 28)),  # Saturday 28 Feb is a working day
        (D(2026, 2, 10), 20, D(2026, 3, 16)),  # a 20-day limit across the festival
        (D(2026, 9, 18), 1, D(2026, 9, 20)),  # Sunday 20 Sep is a working day
        (D(2026, 9, 24), 1, D(2026, 9, 28)),  # 中秋 25-27 Sep
        (D(2026, 9, 30), 1, D(2026, 10, 8)),  # 国庆 1-7 Oct
        (D(2026, 10, 9), 1, D(2026, 10, 10)),  # Saturday 10 Oct is a working day
        (D(2026, 9, 29), 10, D(2026, 10, 19)),
        (D(2026, 12, 31), 0, D(2026, 12, 31)),
    ],
)
def test_add_working_days_2026(start: date, days: int, due: date) -> None:
    assert add_working_days(start, days) == due


def test_official_2026_swaps() -> None:
    for worked in (
        D(2026, 1, 4),
        D(2026, 2, 14),
        D(2026, 2, 28),
        D(2026, 5, 9),
        D(2026, 9, 20),
        D(2026, 10, 10),
    ):
        assert worked.weekday() >= 5 and is_working_day(worked), worked
    holidays = [D(2026, 2, d) for d in range(15, 24)] + [D(2026, 10, d) for d in range(1, 8)]
    assert not any(is_working_day(d) for d in holidays)
    assert is_working_day(D(2026, 2, 24)) and is_working_day(D(2026, 10, 8))
    assert working_days_between(D(2026, 2, 13), D(2026, 2, 28)) == 6
    assert working_days_between(D(2026, 2, 28), D(2026, 2, 13)) == -6


def test_configured_year_wins_and_unknown_year_falls_back(tmp_path: Path) -> None:
    path = tmp_path / "calendar.yaml"
    path.write_text(
        "years:\n  2031:\n    holidays: [2031-01-01]\n    workdays: [2031-01-04]\n", "utf-8"
    )
    calendar = WorkCalendar.load(path)
    assert calendar.covers(2031) and calendar.covers(2026)
    assert not calendar.is_working_day(D(2031, 1, 1))  # Wednesday, configured holiday
    assert calendar.is_working_day(D(2031, 1, 4))  # Saturday, configured working day
    assert calendar.add_working_days(D(2030, 12, 31), 2) == D(2031, 1, 3)
    assert not calendar.covers(2032)
    assert calendar.add_working_days(D(2032, 1, 2), 1) == D(2032, 1, 5)  # Mon-Fri fallback
    path.write_text("years:\n  2031:\n    holidays: [not-a-date]\n", "utf-8")
    with pytest.raises(CatalogError):
        WorkCalendar.load(path)
