"""Rate limits and lockouts, counted in the database.

A count kept in one process's memory is no limit: `uvicorn --workers 2`, or two machines
behind a proxy, each grant the whole budget, and a restart forgets it. Here every count
is a row of `throttle_counter`, changed by one atomic statement (rate limits) or by a
compare-and-set (lockouts), so every process and machine on the database sees one number.

- `RateLimit`: at most `per` requests of a subject in any `seconds`. The sliding window is
  estimated from two fixed windows (this window's count, plus the previous one's weighted
  by how much of it the sliding window still covers): one upsert and one read a request.
- `Lockout`: after `threshold` failures in a row the subject is locked for `seconds`; each
  further run of `threshold` failures locks it again for twice as long, up to
  `max_seconds`. An attempt is counted as a failure *before* it is checked, so parallel
  requests cannot slip past the threshold; a success clears the run (`clear`), and a run
  is forgotten `memory` seconds after its last attempt.

Counts are written in their own short transaction, committed at once: the request's
transaction may roll back (a refused login, a wrong code), the count must not. So `hit`
and `attempt` run before the request writes anything (SQLite has one writer: the
request's uncommitted write would block them), while `clear` and `refund` run in the
request's own session, as part of its success.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, sessionmaker

from cases.db import session_scope
from cases.errors import ConfigurationError, TooManyRequests
from models import ThrottleCounter

_MS = 1000
clock: Callable[[], float] = time.time  # seconds since the epoch; tests turn it
_KEY_LENGTH = 200
_CAS_ROUNDS = 8  # compare-and-set retries before a contended attempt is refused


def wait_words(seconds: int) -> tuple[str, str]:
    """A wait as people say it, in Chinese and English."""
    if seconds < 120:
        return f"{seconds} 秒", f"{seconds} second{'' if seconds == 1 else 's'}"
    minutes = math.ceil(seconds / 60)
    return f"{minutes} 分钟", f"{minutes} minutes"


def refusal(zh: str, en: str, seconds: float) -> TooManyRequests:
    """A 429 whose messages say how long to wait (`{wait}` in the templates)."""
    wait = max(1, math.ceil(seconds))
    wait_zh, wait_en = wait_words(wait)
    return TooManyRequests(en.format(wait=wait_en), zh.format(wait=wait_zh), retry_after=wait)


@dataclass(frozen=True)
class RateLimit:
    scope: str
    per: int
    seconds: int
    zh: str = "请求过于频繁,请{wait}后再试"
    en: str = "too many requests; try again in {wait}"


@dataclass(frozen=True)
class Lockout:
    scope: str
    threshold: int
    seconds: int
    max_seconds: int = 0  # 0: every lock lasts `seconds`; else doubling up to this
    memory: int = 24 * 3600
    zh: str = "尝试次数过多,请{wait}后再试"
    en: str = "too many attempts; try again in {wait}"

    def lock_for(self, failures: int) -> int:
        """Seconds the subject is locked once `failures` attempts in a row have failed."""
        if failures <= 0 or failures % self.threshold:
            return 0
        doublings = min(failures // self.threshold - 1, 30)
        return min(self.seconds * 2**doublings, max(self.max_seconds, self.seconds))


@dataclass(frozen=True)
class Attempt:
    """An attempt admitted by a lockout, already counted as a failure."""

    failures: int  # in the current run, this one included
    locks_for: int  # seconds the subject is locked if this attempt fails (0: not yet)


def _key(scope: str, subject: str) -> str:
    key = f"{scope}:{subject.strip()}"
    if len(key) <= _KEY_LENGTH:
        return key
    return f"{scope}:sha256:{hashlib.sha256(subject.strip().encode()).hexdigest()}"


def _insert(session: Session) -> Callable[..., Any]:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return pg_insert
    if dialect == "sqlite":
        return sqlite_insert
    raise ConfigurationError(  # pragma: no cover - only PostgreSQL and SQLite are supported
        f"unsupported database {dialect}", f"不支持的数据库 {dialect}"
    )


def _now_ms(now: float | None) -> int:
    return int((clock() if now is None else now) * _MS)


def hit(
    sessions: sessionmaker[Session], limit: RateLimit, subject: str, *, now: float | None = None
) -> None:
    """Count one request of `subject`; TooManyRequests when it is over the limit. A
    refused request counts too: a client that keeps knocking keeps waiting."""
    at = _now_ms(now)
    width = limit.seconds * _MS
    start = at - at % width
    key = _key(limit.scope, subject)
    with session_scope(sessions) as session:
        insert = _insert(session)
        current = session.execute(
            insert(ThrottleCounter)
            .values(key=key, window_start=start, hits=1, expires_at=start + 2 * width)
            .on_conflict_do_update(
                index_elements=["key", "window_start"],
                set_={"hits": ThrottleCounter.hits + 1},
            )
            .returning(ThrottleCounter.hits)
        ).scalar_one()
        previous = session.scalar(
            select(ThrottleCounter.hits).where(
                ThrottleCounter.key == key, ThrottleCounter.window_start == start - width
            )
        )
        if current == 1:  # a new window of this key: time to drop the expired rows
            session.execute(delete(ThrottleCounter).where(ThrottleCounter.expires_at < at))
    previous = previous or 0
    covered = 1 - (at - start) / width  # share of the previous window still in the slide
    if previous * covered + current <= limit.per:
        return
    raise refusal(limit.zh, limit.en, _wait(at, start, width, previous, current, limit.per) / _MS)


def _wait(at: int, start: int, width: int, previous: int, current: int, per: int) -> float:
    """Milliseconds until one more request would be within the limit, if none comes before."""
    room = per - 1
    if current <= room:  # later in this window, once enough of the previous one slid out
        until = start + width * (1 - (room - current) / previous) if previous else at
    else:  # in the next window, once enough of this one slid out
        until = start + width + width * (1 - room / current)
    return max(until - at, 0.0)


def refund(session: Session, limit: RateLimit, subject: str, *, now: float | None = None) -> None:
    """Take back this window's count of one request (it succeeded and should not count);
    in the request's own session, so it stands only if the request does."""
    at = _now_ms(now)
    width = limit.seconds * _MS
    session.execute(
        update(ThrottleCounter)
        .where(
            ThrottleCounter.key == _key(limit.scope, subject),
            ThrottleCounter.window_start == at - at % width,
            ThrottleCounter.hits > 0,
        )
        .values(hits=ThrottleCounter.hits - 1)
        .execution_options(synchronize_session=False)
    )


def attempt(
    sessions: sessionmaker[Session], lockout: Lockout, subject: str, *, now: float | None = None
) -> Attempt:
    """Admit and count one attempt of `subject`, or refuse it while the subject is locked.

    The count is set with a compare-and-set on the row (its failures and expiry as read),
    so two requests at once cannot both take the last try: the loser reads again."""
    at = _now_ms(now)
    key = _key(lockout.scope, subject)
    columns = (ThrottleCounter.hits, ThrottleCounter.locked_until, ThrottleCounter.expires_at)
    for _ in range(_CAS_ROUNDS):
        with session_scope(sessions) as session:
            row = session.execute(
                select(*columns).where(
                    ThrottleCounter.key == key, ThrottleCounter.window_start == 0
                )
            ).first()
            if row is not None and row.locked_until is not None and row.locked_until > at:
                raise refusal(lockout.zh, lockout.en, (row.locked_until - at) / _MS)
            failures = 1 if row is None or row.expires_at <= at else row.hits + 1
            locks_for = lockout.lock_for(failures)
            values = {
                "hits": failures,
                "locked_until": at + locks_for * _MS if locks_for else None,
                "expires_at": at + max(lockout.memory, locks_for) * _MS,
            }
            if row is None:
                statement: Any = (
                    _insert(session)(ThrottleCounter)
                    .values(key=key, window_start=0, **values)
                    .on_conflict_do_nothing()
                    .returning(ThrottleCounter.hits)
                )
            else:
                statement = (
                    update(ThrottleCounter)
                    .where(
                        ThrottleCounter.key == key,
                        ThrottleCounter.window_start == 0,
                        ThrottleCounter.hits == row.hits,
                        ThrottleCounter.expires_at == row.expires_at,
                    )
                    .values(**values)
                    .returning(ThrottleCounter.hits)
                    .execution_options(synchronize_session=False)
                )
            # RETURNING, not rowcount: the driver's count of an ON CONFLICT DO NOTHING
            # that did nothing is not to be trusted (psycopg reported a row)
            if session.execute(statement).first() is not None:
                return Attempt(failures=failures, locks_for=locks_for)
    raise refusal(lockout.zh, lockout.en, 1)


def clear(session: Session, lockout: Lockout, subject: str) -> None:
    """Forget the subject's run of failures (it succeeded), in the request's session."""
    session.execute(
        delete(ThrottleCounter)
        .where(
            ThrottleCounter.key == _key(lockout.scope, subject), ThrottleCounter.window_start == 0
        )
        .execution_options(synchronize_session=False)
    )
