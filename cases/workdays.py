"""Working-day arithmetic for promised time limits (承诺时限).

Weekends only for now; official holidays and 调休 working weekends come with the
deadlines work (chinese-calendar), behind this same function.
"""

from __future__ import annotations

from datetime import date, timedelta


def add_working_days(start: date, days: int) -> date:
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            remaining -= 1
    return current
