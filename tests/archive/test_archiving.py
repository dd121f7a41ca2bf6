"""archive_bytes: one object and one row per content, the row as the database holds it,
de-duplication by the database (no store round trip), on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import io
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.orm import Session, sessionmaker

from archive import InMemoryStore, ObjectInfo, StoreAccessDenied
from cases.db import make_engine, make_sessionmaker
from cases.records.storage import archive_bytes
from models import StoredObject
from models.migrate import upgrade
from tests.sqlite_template import migrated_sqlite_url


class CountingStore(InMemoryStore):
    """Counts the calls that cost a round trip on a real store."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    def put(self, key: str, data: Any, **kwargs: Any) -> ObjectInfo:
        self.calls.append("put")
        return super().put(key, data, **kwargs)

    def stat(self, key: str) -> ObjectInfo:
        self.calls.append("stat")
        return super().stat(key)

    def exists(self, key: str) -> bool:
        self.calls.append("exists")
        return super().exists(key)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def sessions(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    if request.param == "sqlite":
        url = migrated_sqlite_url(tmp_path / "archiving.sqlite")
    else:
        url = request.getfixturevalue("postgres_url")
    upgrade(url)
    engine = make_engine(url)
    yield make_sessionmaker(engine)
    engine.dispose()


def _columns(row: StoredObject) -> dict[str, Any]:
    return {c.key: getattr(row, c.key) for c in inspect(StoredObject).mapper.column_attrs}


def test_the_row_returned_is_the_row_stored(sessions: sessionmaker[Session]) -> None:
    store = InMemoryStore()
    data = os.urandom(5000)
    with sessions() as s:
        row = archive_bytes(
            s, store, data, content_type="image/jpeg", doc_class="notice", provided_by="clerk-1"
        )
        assert not s.dirty and not s.new  # persistent as inserted, nothing left to flush
        returned = _columns(row)
        s.commit()
    with sessions() as s:
        stored = s.scalars(select(StoredObject).where(StoredObject.id == returned["id"])).one()
        assert _columns(stored) == returned
    info = store.stat(returned["key"])
    assert (returned["sha256"], returned["size"]) == (info.sha256, len(data))
    assert returned["retain_until"] == info.retain_until
    assert returned["retention_mode"] == "COMPLIANCE"  # a notice: issued, 30 years


def test_same_bytes_twice_are_one_put_and_one_row(sessions: sessionmaker[Session]) -> None:
    store = CountingStore()
    data = os.urandom(3 * 1024 * 1024 + 1)
    with sessions() as s:
        first = archive_bytes(s, store, data, content_type="image/png", doc_class="page_image")
        s.commit()
        again = archive_bytes(s, store, data, content_type="image/png", doc_class="page_image")
        streamed = archive_bytes(
            s, store, io.BytesIO(data), content_type="image/png", doc_class="page_image"
        )
        assert first.id == again.id == streamed.id
    assert store.calls == ["put"]  # the database de-duplicates: no stat, no second put


def test_a_stream_is_archived_under_the_key_of_its_bytes(sessions: sessionmaker[Session]) -> None:
    store = CountingStore()
    data = os.urandom(2 * 1024 * 1024 + 3)
    with sessions() as s:
        streamed = archive_bytes(
            s, store, io.BytesIO(data), content_type="image/png", doc_class="page_image"
        )
        s.commit()
        again = archive_bytes(s, store, data, content_type="image/png", doc_class="page_image")
        assert streamed.id == again.id and streamed.size == len(data)
    assert store.get(streamed.key) == data
    assert store.calls == ["put"]


def test_a_failed_put_leaves_no_row(sessions: sessionmaker[Session]) -> None:
    class Refusing(InMemoryStore):
        def put(self, key: str, body: Any, **kwargs: Any) -> ObjectInfo:
            raise StoreAccessDenied("refused", "拒绝")

    data = os.urandom(4000)
    rows = select(StoredObject).where(StoredObject.sha256 == hashlib.sha256(data).hexdigest())
    with sessions() as s:
        with pytest.raises(StoreAccessDenied):
            archive_bytes(s, Refusing(), data, content_type="t", doc_class="ocr_text")
        assert s.scalars(rows).all() == []
        s.commit()  # the transaction goes on (a caller may catch and carry on)
        row = archive_bytes(s, InMemoryStore(), data, content_type="t", doc_class="ocr_text")
        s.commit()
        assert s.scalars(rows).all() == [row]


def test_row_inserted_meanwhile_by_another_transaction_is_the_answer(
    tmp_path: Path,
) -> None:
    """SQLite looks the key up before the put and inserts after it: a worker that archived
    the same bytes in between has the row, and its row is the answer."""
    url = migrated_sqlite_url(tmp_path / "raced.sqlite")
    upgrade(url)
    sessions = make_sessionmaker(make_engine(url))
    data = os.urandom(4000)

    class RacedStore(InMemoryStore):
        def put(self, key: str, body: Any, **kwargs: Any) -> ObjectInfo:
            with sessions() as other:  # the other worker commits first
                archive_bytes(other, InMemoryStore(), data, content_type="t", doc_class="ocr_text")
                other.commit()
            return super().put(key, body, **kwargs)

    with sessions() as s:
        row = archive_bytes(s, RacedStore(), data, content_type="t", doc_class="ocr_text")
        s.commit()
        assert s.scalars(select(StoredObject).where(StoredObject.key == row.key)).all() == [row]


@pytest.mark.postgres
def test_a_concurrent_archiver_of_the_same_bytes_waits_and_uploads_nothing(
    postgres_url: str,
) -> None:
    """PostgreSQL reserves the row before the put: a second worker archiving the same
    bytes meanwhile waits on that row, then takes it, without a second upload."""
    upgrade(postgres_url)
    sessions = make_sessionmaker(make_engine(postgres_url))
    data = os.urandom(4000)
    first_store, second_store = CountingStore(), CountingStore()
    result: dict[str, Any] = {}
    with sessions() as first:
        row = archive_bytes(first, first_store, data, content_type="t", doc_class="ocr_text")

        def second() -> None:
            with sessions() as s:
                result["id"] = archive_bytes(
                    s, second_store, data, content_type="t", doc_class="ocr_text"
                ).id
                s.commit()

        worker = threading.Thread(target=second)
        worker.start()
        worker.join(0.5)
        assert worker.is_alive()  # waiting for the first transaction
        first.commit()
        worker.join(10)
        assert not worker.is_alive()
        assert result["id"] == row.id
    assert first_store.calls == ["put"] and second_store.calls == []
