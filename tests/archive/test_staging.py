"""Outage staging with an injected failure (the real outage is in test_outage.py)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from archive import InMemoryStore, LocalFolderStore, StagingStore, StoreUnavailable


class FlakyStore(InMemoryStore):
    """Fails every call with StoreUnavailable while ``down`` (failure injection only)."""

    down = False

    def __getattribute__(self, name: str) -> Any:
        attr = super().__getattribute__(name)
        if name in {"put", "stat", "get", "open", "list", "exists"} and super().__getattribute__(
            "down"
        ):

            def fail(*args: Any, **kwargs: Any) -> Any:
                raise StoreUnavailable("down", "不可用")

            return fail
        return attr


@pytest.fixture
def staging(tmp_path: Path) -> Iterator[tuple[FlakyStore, StagingStore]]:
    primary = FlakyStore()
    yield primary, StagingStore(primary, LocalFolderStore(tmp_path / "staging"), retry_after=0)


def test_put_during_outage_is_staged_then_drained_once(
    staging: tuple[FlakyStore, StagingStore],
) -> None:
    primary, store = staging
    until = datetime.now(UTC) + timedelta(days=3)
    primary.down = True
    info = store.put("k1", b"one", retain_until=until, retention_mode="GOVERNANCE")
    assert info.retain_until == until and info.retention_mode == "GOVERNANCE"
    stream = io.BytesIO(b"xxtwo")
    stream.seek(2)
    store.put("k2", stream, legal_hold=True)
    assert [i.key for i in store.staged()] == ["k1", "k2"]
    assert store.get("k1") == b"one" and store.stat("k2").legal_hold
    assert store.drain().failed  # still down: nothing lost, nothing removed
    assert len(store.staged()) == 2

    primary.down = False
    primary.put("k1", b"one")  # e.g. an earlier drain crashed after uploading k1
    report = store.drain()
    assert report.uploaded == ["k2"] and report.already_stored == ["k1"]
    assert store.staged() == [] and store.drain().uploaded == []
    assert primary.get("k2") == b"two" and primary.stat("k2").legal_hold


def test_failed_upload_of_a_rewindable_stream_is_staged_whole(
    staging: tuple[FlakyStore, StagingStore],
) -> None:
    primary, store = staging

    calls = []
    real_put = primary.put

    def half_then_fail(key: str, data: Any, **kw: Any) -> Any:
        calls.append(key)
        data.read(3)  # the upload consumed part of the stream before the store died
        raise StoreUnavailable("reset", "连接中断")

    primary.put = half_then_fail  # type: ignore[method-assign]
    store.put("k", io.BytesIO(b"abcdefgh"))
    primary.put = real_put  # type: ignore[method-assign]
    assert calls == ["k"] and store.staging.get("k") == b"abcdefgh"
