"""The ObjectStore contract, run against every implementation."""

from __future__ import annotations

import hashlib
import io
from datetime import UTC, datetime, timedelta

import pytest

from archive import (
    ArchiveError,
    Hashed,
    IntegrityError,
    InvalidKey,
    ObjectNotFound,
    ObjectStore,
    content_key,
    put_content_addressed,
)

META = {"case": "2024-0001", "provider": "SCJGJ", "doc_class": "营业执照", "material": "m-1"}


class PatternStream(io.RawIOBase):
    """A large stream generated on the fly, so the test itself holds no big buffer."""

    def __init__(self, size: int, chunk: int = 64 * 1024) -> None:
        self.size = size
        self.pos = 0
        self.block = bytes(range(256)) * (chunk // 256)
        self.max_read = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        n = min(len(buffer), self.size - self.pos, len(self.block))
        self.max_read = max(self.max_read, len(buffer))
        start = self.pos % len(self.block)
        piece = (self.block + self.block)[start : start + n]
        memoryview(buffer)[:n] = piece
        self.pos += n
        return n

    @staticmethod
    def digest(size: int, chunk: int = 64 * 1024) -> str:
        s = PatternStream(size, chunk)
        h = hashlib.sha256()
        while data := s.read(1 << 20):
            h.update(data)
        return h.hexdigest()


def test_put_get_stat_roundtrip(store: ObjectStore) -> None:
    body = "营业执照 扫描件".encode() * 100
    info = store.put(
        "cases/2024-0001/license.pdf", body, content_type="application/pdf", metadata=META
    )
    assert info.key == "cases/2024-0001/license.pdf"
    assert info.size == len(body)
    assert info.sha256 == hashlib.sha256(body).hexdigest()
    assert info.content_type == "application/pdf"
    assert dict(info.metadata) == META
    assert info.modified.tzinfo is not None
    assert store.get(info.key) == body
    stat = store.stat(info.key)
    assert (stat.sha256, stat.size, stat.content_type) == (
        info.sha256,
        info.size,
        info.content_type,
    )
    assert dict(stat.metadata) == META
    with store.open(info.key) as stream:
        assert stream.read() == body


def test_exists_list_delete(store: ObjectStore) -> None:
    for key in ("a/1.txt", "a/2.txt", "ab/3.txt", "b/4.txt"):
        store.put(key, key.encode(), content_type="text/plain")
    assert store.exists("a/1.txt")
    assert not store.exists("a/9.txt")
    assert [i.key for i in store.list("a/")] == ["a/1.txt", "a/2.txt"]
    assert [i.key for i in store.list("a")] == ["a/1.txt", "a/2.txt", "ab/3.txt"]
    assert [i.key for i in store.list()] == ["a/1.txt", "a/2.txt", "ab/3.txt", "b/4.txt"]
    assert list(store.list("zzz/")) == []
    listed = next(iter(store.list("b/")))
    assert listed.sha256 == hashlib.sha256(b"b/4.txt").hexdigest()
    store.delete("a/1.txt")
    assert not store.exists("a/1.txt")
    assert [i.key for i in store.list("a/")] == ["a/2.txt"]


def test_overwrite_replaces_current_object(store: ObjectStore) -> None:
    store.put("k", b"one")
    store.put("k", b"two", metadata={"case": "c2"})
    assert store.get("k") == b"two"
    assert dict(store.stat("k").metadata) == {"case": "c2"}


def test_missing_key_raises_object_not_found(store: ObjectStore) -> None:
    with pytest.raises(ObjectNotFound) as info:
        store.get("no/such/key")
    assert info.value.code == "archive.not_found"
    assert "no/such/key" in str(info.value)
    for call in (store.stat, store.open, store.delete):
        with pytest.raises(ObjectNotFound):
            call("no/such/key")


def test_sha256_mismatch_refused_and_nothing_stored(store: ObjectStore) -> None:
    wrong = "0" * 64
    with pytest.raises(IntegrityError):
        store.put("bad/bytes", b"payload", sha256=wrong)
    with pytest.raises(IntegrityError):
        store.put("bad/stream", io.BytesIO(b"payload"), sha256=wrong)
    assert not store.exists("bad/bytes")
    assert not store.exists("bad/stream")
    right = hashlib.sha256(b"payload").hexdigest()
    assert store.put("good", io.BytesIO(b"payload"), sha256=right.upper()).sha256 == right


def test_hashed_bytes_are_stored_under_their_digest(store: ObjectStore) -> None:
    body = "扫描件".encode() * 1000
    hashed = Hashed(body)
    assert hashed.data is body  # not copied
    assert hashed.sha256 == hashlib.sha256(body).hexdigest()
    with pytest.raises(AttributeError):
        hashed.sha256 = "0" * 64  # type: ignore[misc]
    info = store.put("hashed/page", hashed, sha256=hashed.sha256, metadata={"case": "c"})
    assert (info.size, info.sha256) == (len(body), hashed.sha256)
    assert store.stat("hashed/page").sha256 == hashed.sha256
    assert store.get("hashed/page") == body
    with pytest.raises(IntegrityError):
        store.put("hashed/bad", hashed, sha256="0" * 64)
    assert not store.exists("hashed/bad")


def test_streaming_put_of_20_mb_is_not_read_whole(store: ObjectStore) -> None:
    size = 20 * 1024 * 1024 + 123
    expected = PatternStream.digest(size)
    stream = PatternStream(size)
    info = store.put("big/scan.tif", stream, content_type="image/tiff", sha256=expected)  # type: ignore[arg-type]
    assert (info.size, info.sha256) == (size, expected)
    if type(store).__name__ != "InMemoryStore":  # the double keeps bytes in memory by design
        assert stream.max_read <= 9 * 1024 * 1024  # read in chunks / parts, never whole
    with store.open("big/scan.tif") as read_back:
        h = hashlib.sha256()
        while chunk := read_back.read(1 << 20):
            h.update(chunk)
    assert h.hexdigest() == expected


def test_streaming_put_without_hash_records_it(store: ObjectStore) -> None:
    size = 9 * 1024 * 1024 + 7  # above the S3 spool-in-memory and part size
    stream = PatternStream(size)
    info = store.put("big/unhashed.bin", stream)  # type: ignore[arg-type]
    assert info.sha256 == PatternStream.digest(size)
    assert store.stat("big/unhashed.bin").sha256 == info.sha256
    if type(store).__name__ != "InMemoryStore":
        assert stream.max_read <= 9 * 1024 * 1024


def test_content_addressed_put_deduplicates(store: ObjectStore) -> None:
    data = b"%PDF-1.7 same content twice"
    digest = hashlib.sha256(data).hexdigest()
    first = put_content_addressed(
        store, data, content_type="application/pdf", metadata={"provider": "GAJ"}
    )
    assert first.key == content_key(digest) == f"objects/{digest[:2]}/{digest[2:4]}/{digest}"
    second = put_content_addressed(
        store, data, content_type="application/pdf", metadata={"provider": "SWJ"}
    )
    assert second.key == first.key
    assert dict(second.metadata) == {"provider": "GAJ"}  # first provider kept
    assert [i.key for i in store.list("objects/")] == [first.key]


def test_invalid_keys_and_metadata_refused(store: ObjectStore) -> None:
    for key in ("", "/abs", "../up", "a/../b", "a//b", "a/./b", "a\\b", "nul\x00", "dir/"):
        with pytest.raises(InvalidKey):
            store.put(key, b"x")
    for meta in ({"Bad Name": "x"}, {"sha256": "x"}, {"ok": "x" * 600}):
        with pytest.raises(InvalidKey):
            store.put("k", b"x", metadata=meta)
    assert isinstance(InvalidKey("e", "z"), ArchiveError)


def test_unicode_metadata_round_trips(store: ObjectStore) -> None:
    meta = {"provider": "市场监督管理局", "note": "a%20b / c?d=e&f"}
    store.put("m", b"x", metadata=meta)
    assert dict(store.stat("m").metadata) == meta
    assert dict(next(iter(store.list("m"))).metadata) == meta


def test_retained_object_cannot_be_deleted(store: ObjectStore) -> None:
    from archive import RetentionLocked

    until = datetime.now(UTC) + timedelta(seconds=30)
    info = store.put("locked/record.pdf", b"sealed", retain_until=until)
    assert info.retain_until is not None
    assert abs((info.retain_until - until).total_seconds()) < 2
    with pytest.raises(RetentionLocked) as err:
        store.delete("locked/record.pdf")
    assert err.value.code == "archive.retention_locked"
    assert store.get("locked/record.pdf") == b"sealed"
