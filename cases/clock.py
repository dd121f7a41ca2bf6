"""The hall's clock: China Standard Time (UTC+8, no daylight saving), whatever the
server's own time zone.

Dates a hall prints and counts (a license's issue date, a due date, a notice's year, the
day a case is counted in the statistics) are China's dates. The statistics and documents
convert stored UTC moments to UTC+8 explicitly; the many `date.today()` calls follow the
process's local time zone. On a server kept in UTC the two disagreed for eight hours a
day (16:00-24:00 UTC): a case accepted at 00:30 in China was counted on the next day while
the statistics' default period still ended on the day before. `Hall.open` therefore puts
the process on China Standard Time (Asia/Shanghai: pyHanko's tzlocal refuses a bare POSIX
rule such as CST-8).
"""

from __future__ import annotations

import os
import time
from datetime import UTC, date, datetime, timedelta, timezone

HALL_ZONE = timezone(timedelta(hours=8))  # China Standard Time, for explicit conversions
HALL_TZ = "Asia/Shanghai"  # UTC+8 all year; Debian package tzdata (Makefile)


def use_hall_time() -> None:
    """Put this process's local time (`date.today()`, `time.localtime`) on the hall's
    time zone; idempotent."""
    if os.environ.get("TZ") != HALL_TZ:
        os.environ["TZ"] = HALL_TZ
        time.tzset()


def utc_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The UTC moments from the start of China's day `start` to the end of China's day
    `end`: the half-open range a period of days covers in stored timestamps."""
    lo = datetime.combine(start, datetime.min.time(), HALL_ZONE).astimezone(UTC)
    hi = datetime.combine(end + timedelta(days=1), datetime.min.time(), HALL_ZONE).astimezone(UTC)
    return lo, hi
