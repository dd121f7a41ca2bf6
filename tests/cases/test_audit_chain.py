"""The audit log is a hash chain: tampering, deletion and truncation are found and the
first broken link is named; concurrent writers on PostgreSQL never fork the chain."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from cases import audit
from cases.db import make_engine, make_sessionmaker, session_scope
from models import AuditEvent
from models.migrate import upgrade
from tests.api.conftest import fresh_postgres_database
from tests.sqlite_template import migrated_sqlite_url


def _sessions(url: str) -> sessionmaker[Session]:
    upgrade(url)
    return make_sessionmaker(make_engine(url))


@pytest.fixture
def sqlite(tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    sessions = _sessions(migrated_sqlite_url(tmp_path / "db.sqlite"))
    yield sessions


def _fill(sessions: sessionmaker[Session], n: int) -> None:
    with session_scope(sessions) as s:
        for i in range(n):
            audit.record(s, actor="clerk", action="object.download", target=f"object:{i}", n=i)


def test_intact_chain_verifies(sqlite: sessionmaker[Session]) -> None:
    _fill(sqlite, 5)
    _fill(sqlite, 3)
    with session_scope(sqlite) as s:
        report = audit.verify_chain(s)
        events = s.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
    assert report.ok and report.events == 8 and report.last_seq == 8
    assert events[0].prev_hash == audit.GENESIS
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(events))


@pytest.mark.parametrize(
    ("tamper", "reason"),
    [
        (update(AuditEvent).where(AuditEvent.seq == 4).values(actor="someone"), "changed"),
        (update(AuditEvent).where(AuditEvent.seq == 4).values(detail={"n": 99}), "changed"),
        (delete(AuditEvent).where(AuditEvent.seq == 4), "missing"),
        (delete(AuditEvent).where(AuditEvent.seq >= 7), "removed"),
    ],
    ids=["actor", "detail", "deleted", "truncated"],
)
def test_tampering_names_the_first_broken_link(
    sqlite: sessionmaker[Session], tamper: object, reason: str
) -> None:
    _fill(sqlite, 8)
    with session_scope(sqlite) as s:
        s.execute(tamper)  # type: ignore[call-overload]
    with session_scope(sqlite) as s:
        report = audit.verify_chain(s)
    assert not report.ok
    assert report.broken_seq == (7 if reason == "removed" else 4)
    assert reason in report.reason


def test_rechained_tail_still_breaks_at_the_edit(sqlite: sessionmaker[Session]) -> None:
    """Recomputing the edited event's own hash is not enough: the next link breaks."""
    _fill(sqlite, 5)
    with session_scope(sqlite) as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.seq == 2)).one()
        event.target = "object:forged"
        event.hash = audit.event_hash(
            2,
            event.prev_hash or "",
            event.created_at,
            event.actor,
            event.action,
            event.target,
            event.detail,
        )
    with session_scope(sqlite) as s:
        report = audit.verify_chain(s)
    assert report.broken_seq == 3 and "previous-hash" in report.reason


def test_a_walk_since_a_good_report_reads_only_the_new_links(
    sqlite: sessionmaker[Session],
) -> None:
    """`since` carries on from an earlier report: the new events are checked against its
    last hash, counted on top of it, and a broken new link is named as in a full walk."""
    _fill(sqlite, 4)
    with session_scope(sqlite) as s:
        first = audit.verify_chain(s)
    _fill(sqlite, 3)
    with session_scope(sqlite) as s:
        grown = audit.verify_chain(s, since=first)
        assert grown == audit.verify_chain(s)
    assert grown.ok and (grown.events, grown.last_seq) == (7, 7)
    _fill(sqlite, 2)
    with session_scope(sqlite) as s:
        s.execute(update(AuditEvent).where(AuditEvent.seq == 9).values(actor="someone"))
    with session_scope(sqlite) as s:
        broken = audit.verify_chain(s, since=grown)
        assert audit.verify_chain(s, since=broken) == broken  # a broken report stays broken
    assert (broken.broken_seq, broken.last_seq) == (9, 8) and "changed" in broken.reason


@pytest.mark.postgres
def test_concurrent_writers_on_postgresql_keep_one_chain(postgres_url: str) -> None:
    sessions = _sessions(fresh_postgres_database(postgres_url))
    threads, per_thread = 6, 15
    errors: list[BaseException] = []
    start = threading.Barrier(threads)

    def writer(n: int) -> None:
        try:
            start.wait()
            for i in range(per_thread):
                with session_scope(sessions) as s:
                    audit.record(s, actor=f"w{n}", action="object.read", target=f"object:{i}")
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    workers = [threading.Thread(target=writer, args=(n,)) for n in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert not errors
    with session_scope(sessions) as s:
        report = audit.verify_chain(s)
    assert report.ok, report
    assert report.events == threads * per_thread


@pytest.mark.postgres
def test_chain_holds_on_a_postgresql_server_set_to_china_time(postgres_url: str) -> None:
    """A server configured in Asia/Shanghai answers timestamps with +08:00: the same
    moments, which must hash as they were written (UTC)."""
    url = fresh_postgres_database(postgres_url)
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            f"ALTER DATABASE \"{engine.url.database}\" SET timezone TO 'Asia/Shanghai'"
        )
    engine.dispose()
    sessions = _sessions(url)
    _fill(sessions, 5)
    with session_scope(sessions) as s:
        zone = s.connection().exec_driver_sql("SHOW timezone").scalar()
        first = s.scalars(select(AuditEvent).order_by(AuditEvent.seq).limit(1)).one()
        report = audit.verify_chain(s)
    assert zone == "Asia/Shanghai"
    assert report.ok and report.events == 5, report
    assert first.created_at.utcoffset() == timedelta(0)
