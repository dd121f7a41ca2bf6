"""Rate limits and lockouts counted in the database (`cases.throttle`): the sliding window,
an honest Retry-After, lock doubling, forgetting, and parallel requests on SQLite and
PostgreSQL that never get past a limit, from one engine or from two."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from cases import throttle
from cases.db import make_engine, make_sessionmaker, migrate, session_scope
from cases.errors import TooManyRequests
from models import ThrottleCounter
from tests.api.conftest import fresh_postgres_database
from tests.sqlite_template import migrated_sqlite_url

T0 = 1_800_000_000.0  # a window boundary for 60 s windows (divisible by 60)


def _sessions(url: str) -> sessionmaker[Session]:
    engine = make_engine(url)
    migrate(engine)
    return make_sessionmaker(engine)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return migrated_sqlite_url(tmp_path / "throttle.db")
    return fresh_postgres_database(request.getfixturevalue("postgres_url"))


@pytest.fixture
def sessions(database_url: str) -> Iterator[sessionmaker[Session]]:
    made = _sessions(database_url)
    yield made
    bind = made.kw["bind"]
    bind.dispose()


def _allowed(call: Callable[[], object]) -> bool:
    try:
        call()
    except TooManyRequests:
        return False
    return True


def test_a_rate_limit_counts_per_subject_and_slides(sessions: sessionmaker[Session]) -> None:
    limit = throttle.RateLimit("test.slide", per=3, seconds=60)
    let_in = [
        _allowed(lambda i=i: throttle.hit(sessions, limit, "a", now=T0 + i)) for i in range(4)
    ]  # type: ignore[misc]
    assert let_in == [True, True, True, False]
    with pytest.raises(TooManyRequests) as refused:
        throttle.hit(sessions, limit, "a", now=T0 + 10)
    assert refused.value.code == "rate_limited" and "过于频繁" in refused.value.zh
    assert _allowed(lambda: throttle.hit(sessions, limit, "b", now=T0 + 10))  # its own count
    # the next window still carries the previous one's five hits, weighted by its overlap
    assert not _allowed(lambda: throttle.hit(sessions, limit, "a", now=T0 + 60 + 20))
    # two windows later the slate is clean
    assert _allowed(lambda: throttle.hit(sessions, limit, "a", now=T0 + 180))


@pytest.mark.parametrize("hits_at", [(30, 31, 32, 33), (1, 2, 58, 59), (50, 70, 71, 72)])
def test_retry_after_is_honest(sessions: sessionmaker[Session], hits_at: tuple[int, ...]) -> None:
    """Two subjects with one history: asked two seconds before Retry-After one is still
    refused; asked at Retry-After the other is let in."""
    limit = throttle.RateLimit("test.wait", per=4, seconds=60)
    for subject in ("early", "on-time"):
        for t in hits_at:
            throttle.hit(sessions, limit, subject, now=T0 + t)
    refused_at = T0 + hits_at[-1] + 1
    waits = []
    for subject in ("early", "on-time"):
        with pytest.raises(TooManyRequests) as refused:
            throttle.hit(sessions, limit, subject, now=refused_at)
        waits.append(refused.value.retry_after)
    wait = waits[0]
    assert waits == [wait, wait] and 0 < wait <= 120
    if wait > 2:
        assert not _allowed(
            lambda: throttle.hit(sessions, limit, "early", now=refused_at + wait - 2)
        )
    assert _allowed(lambda: throttle.hit(sessions, limit, "on-time", now=refused_at + wait))


def test_a_refund_takes_back_one_request(sessions: sessionmaker[Session]) -> None:
    limit = throttle.RateLimit("test.refund", per=2, seconds=60)
    for _ in range(2):
        throttle.hit(sessions, limit, "d", now=T0 + 5)
    with session_scope(sessions) as s:
        throttle.refund(s, limit, "d", now=T0 + 6)
    throttle.hit(sessions, limit, "d", now=T0 + 7)
    assert not _allowed(lambda: throttle.hit(sessions, limit, "d", now=T0 + 8))


def test_a_lockout_doubles_up_to_its_cap_and_forgets(sessions: sessionmaker[Session]) -> None:
    lockout = throttle.Lockout("test.lock", threshold=3, seconds=10, max_seconds=25, memory=300)
    first = [throttle.attempt(sessions, lockout, "k", now=T0 + i) for i in range(3)]
    assert [(a.failures, a.locks_for) for a in first] == [(1, 0), (2, 0), (3, 10)]
    with pytest.raises(TooManyRequests) as locked:
        throttle.attempt(sessions, lockout, "k", now=T0 + 5)
    assert locked.value.retry_after == 7  # locked at T0 + 2 for 10 s
    second = [throttle.attempt(sessions, lockout, "k", now=T0 + 12 + i) for i in range(3)]
    assert [a.locks_for for a in second] == [0, 0, 20]
    assert not _allowed(lambda: throttle.attempt(sessions, lockout, "k", now=T0 + 33))
    third = [throttle.attempt(sessions, lockout, "k", now=T0 + 35 + i) for i in range(3)]
    assert third[-1].locks_for == 25  # 40, capped
    # a run is forgotten `memory` after its last attempt (and its lock)
    assert throttle.attempt(sessions, lockout, "k", now=T0 + 37 + 301).failures == 1
    # a success clears it at once
    with session_scope(sessions) as s:
        throttle.clear(s, lockout, "k")
    assert throttle.attempt(sessions, lockout, "k", now=T0 + 400).failures == 1


def test_expired_rows_are_dropped(sessions: sessionmaker[Session]) -> None:
    limit = throttle.RateLimit("test.purge", per=10, seconds=60)
    for subject in ("x", "y", "z"):
        throttle.hit(sessions, limit, subject, now=T0)
    throttle.hit(sessions, limit, "late", now=T0 + 3 * 60)  # a new window: purge runs
    with session_scope(sessions) as s:
        keys = set(s.scalars(select(ThrottleCounter.key)))
    assert keys == {"test.purge:late"}


def test_a_long_subject_is_kept_as_a_digest(sessions: sessionmaker[Session]) -> None:
    limit = throttle.RateLimit("test.long", per=1, seconds=60)
    throttle.hit(sessions, limit, "n" * 500, now=T0)
    assert not _allowed(lambda: throttle.hit(sessions, limit, "n" * 500, now=T0 + 1))
    assert _allowed(lambda: throttle.hit(sessions, limit, "n" * 499 + "m", now=T0 + 1))


def _race(workers: int, call: Callable[[int], object]) -> list[bool]:
    """Run `call(i)` in `workers` threads released at once; which of them were let in."""
    start = threading.Barrier(workers)
    results: list[bool] = [False] * workers

    def run(i: int) -> None:
        start.wait()
        results[i] = _allowed(lambda: call(i))

    threads = [threading.Thread(target=run, args=(i,)) for i in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return results


def test_parallel_requests_from_two_engines_never_pass_a_limit(database_url: str) -> None:
    """Two engines on one database, like two worker processes or two machines."""
    pair = [_sessions(database_url), _sessions(database_url)]
    try:
        limit = throttle.RateLimit("test.race", per=5, seconds=3600)
        admitted = _race(12, lambda i: throttle.hit(pair[i % 2], limit, "shared", now=T0 + 1))
        assert sum(admitted) == 5
        lockout = throttle.Lockout("test.race-lock", threshold=4, seconds=600)
        tries = _race(12, lambda i: throttle.attempt(pair[i % 2], lockout, "acct", now=T0 + 1))
        assert sum(tries) == 4  # the fourth locks; none slips past it
        with session_scope(pair[0]) as s:
            hits = s.scalar(
                select(func.max(ThrottleCounter.hits)).where(
                    ThrottleCounter.key == "test.race-lock:acct"
                )
            )
        assert hits == 4
    finally:
        for made in pair:
            made.kw["bind"].dispose()
