"""In-memory object store: the shipped test double (like httpx's MockTransport).

Same contract as the real stores, including hashing, retention and error types, so a
test written against it means something for S3 too. Thread-safe.
"""

from __future__ import annotations

import hashlib
import io
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import BinaryIO

from archive._common import (
    iter_chunks,
    mismatch,
    normalize_sha256,
    not_found,
    now,
    refuse_if_retained,
    utc,
    validate_key,
    validate_metadata,
    validate_prefix,
)
from archive.store import ObjectInfo


@dataclass(frozen=True)
class _Entry:
    info: ObjectInfo
    data: bytes


class InMemoryStore:
    """Objects live in a dict; ``corrupt()`` lets tests simulate bit rot."""

    def __init__(self) -> None:
        self._objects: dict[str, _Entry] = {}
        self._lock = threading.Lock()

    def put(
        self,
        key: str,
        data: bytes | BinaryIO,
        *,
        content_type: str = "application/octet-stream",
        metadata: Mapping[str, str] | None = None,
        sha256: str | None = None,
        retain_until: datetime | None = None,
    ) -> ObjectInfo:
        validate_key(key)
        meta = validate_metadata(metadata)
        expected = normalize_sha256(sha256)
        digest = hashlib.sha256()
        buf = io.BytesIO()
        for chunk in iter_chunks(data):
            digest.update(chunk)
            buf.write(chunk)
        actual = digest.hexdigest()
        if expected is not None and actual != expected:
            raise mismatch(key, expected, actual)
        body = buf.getvalue()
        info = ObjectInfo(
            key=key,
            size=len(body),
            sha256=actual,
            content_type=content_type,
            metadata=meta,
            modified=now(),
            retain_until=utc(retain_until) if retain_until is not None else None,
        )
        with self._lock:
            old = self._objects.get(key)
            if old is not None:
                refuse_if_retained(old.info, "replace")
            self._objects[key] = _Entry(info, body)
        return info

    def get(self, key: str) -> bytes:
        entry = self._entry(key)
        actual = hashlib.sha256(entry.data).hexdigest()
        if actual != entry.info.sha256:
            raise mismatch(key, entry.info.sha256, actual)
        return entry.data

    def open(self, key: str) -> BinaryIO:
        return io.BytesIO(self.get(key))

    def stat(self, key: str) -> ObjectInfo:
        return self._entry(key).info

    def exists(self, key: str) -> bool:
        validate_key(key)
        with self._lock:
            return key in self._objects

    def list(self, prefix: str = "") -> Iterator[ObjectInfo]:
        validate_prefix(prefix)
        with self._lock:
            infos = [e.info for k, e in self._objects.items() if k.startswith(prefix)]
        yield from sorted(infos, key=lambda i: i.key)

    def delete(self, key: str) -> None:
        validate_key(key)
        with self._lock:
            entry = self._objects.get(key)
            if entry is None:
                raise not_found(key)
            refuse_if_retained(entry.info, "delete")
            del self._objects[key]

    def corrupt(self, key: str, data: bytes) -> None:
        """Test hook: replace the stored bytes without updating the recorded hash."""
        with self._lock:
            entry = self._objects[key]
            self._objects[key] = _Entry(replace(entry.info, size=len(data)), data)

    def _entry(self, key: str) -> _Entry:
        validate_key(key)
        with self._lock:
            entry = self._objects.get(key)
        if entry is None:
            raise not_found(key)
        return entry
