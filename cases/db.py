"""Engine and sessions. Service functions flush, never commit; the request or job
boundary (`session_scope`) commits or rolls back."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session, sessionmaker

from cases import outage
from cases.errors import OneWindowError
from models.migrate import upgrade


class DatabaseUnavailable(OneWindowError):
    code = "db.unavailable"


OUTAGES: tuple[type[Exception], ...] = (OperationalError, InterfaceError, PoolTimeout)
"""SQLAlchemy's errors that mean the database is away, not the statement wrong: a
connection refused or dropped, the server shutting down, the pool exhausted, SQLite's
"database is locked"."""


def is_outage(exc: BaseException) -> bool:
    if isinstance(exc, OUTAGES):
        return True
    return isinstance(exc, DBAPIError) and exc.connection_invalidated


def unavailable(exc: BaseException) -> DatabaseUnavailable:
    """The domain's error for an outage, without the SQL or the parameters in it."""
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    first = reason[0] if reason else type(exc).__name__
    return DatabaseUnavailable(
        f"the database is unavailable ({first}); try again shortly",
        "数据库暂时无法访问,请稍后重试",
    )


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 5})


def migrate(engine: Engine) -> None:
    try:
        upgrade(engine.url.render_as_string(hide_password=False))
    except OperationalError as e:
        raise DatabaseUnavailable(
            f"cannot reach the database at {engine.url!r}: {e.orig}",
            f"无法连接数据库 {engine.url!r},请检查 ONEWINDOW_DATABASE_URL 与数据库服务",
        ) from e


_OPENING_LOCK = 0x0E_57_1D_0E  # pg_advisory_lock key of `opening_alone`


@contextmanager
def opening_alone(engine: Engine, lock_dir: Path) -> Iterator[None]:
    """Processes that start at once (uvicorn workers, several `onewindow worker`) migrate
    the schema and sync the catalog one after another, never into each other: a
    PostgreSQL advisory lock, or a file lock beside the SQLite database."""
    if engine.dialect.name != "postgresql":
        lock_dir.mkdir(parents=True, exist_ok=True)
        with (lock_dir / ".opening.lock").open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
        return
    try:
        conn = engine.connect()
        conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _OPENING_LOCK})
    except OperationalError as e:
        raise DatabaseUnavailable(
            f"cannot reach the database at {engine.url!r}: {e.orig}",
            f"无法连接数据库 {engine.url!r},请检查 ONEWINDOW_DATABASE_URL 与数据库服务",
        ) from e
    try:
        yield
    finally:
        try:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _OPENING_LOCK})
        finally:
            conn.close()


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def session_scope(factory: sessionmaker[Session]) -> Iterator[Session]:
    """Commit, or roll back on any error. An outage, in the body or at the commit, comes
    out as `DatabaseUnavailable` (503 for the API) and is logged once per outage
    (`cases.outage`); the pool drops dead connections by itself, so the first request
    after the database is back succeeds."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException as e:
        try:
            session.rollback()
        except Exception as gone:
            if not is_outage(gone):
                raise
        if is_outage(e):
            outage.database.down(unavailable(e).en)
            raise unavailable(e) from e
        raise
    else:
        outage.database.up()
    finally:
        session.close()
