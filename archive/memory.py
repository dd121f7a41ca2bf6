"""In-memory object store: the shipped test double (like httpx's MockTransport).

Same contract as the real stores, including hashing, retention and error types, so a
test written against it means something for S3 too. Thread-safe.
"""

from __future__ import annotations

import hashlib
import io
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import BinaryIO

from archive._common import (
    iter_chunks,
    mismatch,
    no_presign,
    normalize_sha256,
    not_found,
    now,
    only_current,
    refuse_if_retained,
    unwrap,
    utc,
    validate_key,
    validate_metadata,
    validate_prefix,
)
from archive.presign import UrlSigner, check_expiry
from archive.store import Hashed, ObjectInfo, RetentionMode


@dataclass(frozen=True)
class _Entry:
    info: ObjectInfo
    data: bytes


class InMemoryStore:
    """Objects live in a dict; ``corrupt()`` lets tests simulate bit rot."""

    def __init__(self, url_signer: UrlSigner | None = None) -> None:
        self._signer = url_signer
        self._objects: dict[str, _Entry] = {}
        self._lock = threading.RLock()

    def put(
        self,
        key: str,
        data: bytes | BinaryIO | Hashed,
        *,
        content_type: str = "application/octet-stream",
        metadata: Mapping[str, str] | None = None,
        sha256: str | None = None,
        retain_until: datetime | None = None,
        retention_mode: RetentionMode = "COMPLIANCE",
        legal_hold: bool = False,
    ) -> ObjectInfo:
        validate_key(key)
        meta = validate_metadata(metadata)
        expected = normalize_sha256(sha256)
        source, known = unwrap(key, data, expected)
        if known is not None and isinstance(source, bytes):
            body, actual = source, known
        else:
            digest = hashlib.sha256()
            buf = io.BytesIO()
            for chunk in iter_chunks(source):
                digest.update(chunk)
                buf.write(chunk)
            actual = digest.hexdigest()
            body = buf.getvalue()
        if expected is not None and actual != expected:
            raise mismatch(key, expected, actual)
        info = ObjectInfo(
            key=key,
            size=len(body),
            sha256=actual,
            content_type=content_type,
            metadata=meta,
            modified=now(),
            retain_until=utc(retain_until) if retain_until is not None else None,
            retention_mode=retention_mode if retain_until is not None else None,
            legal_hold=legal_hold,
        )
        with self._lock:
            old = self._objects.get(key)
            if old is not None:
                refuse_if_retained(old.info, "replace")
            self._objects[key] = _Entry(info, body)
        return info

    def get(self, key: str, *, version_id: str | None = None) -> bytes:
        only_current(key, version_id)
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

    def versions(self, key: str) -> Sequence[ObjectInfo]:
        return [self.stat(key)]

    def set_legal_hold(self, key: str, on: bool) -> ObjectInfo:
        with self._lock:
            entry = self._entry(key)
            info = replace(entry.info, legal_hold=on)
            self._objects[key] = _Entry(info, entry.data)
        return info

    def presign(self, key: str, *, expires: timedelta) -> str:
        check_expiry(expires)
        self.stat(key)
        if self._signer is None:
            raise no_presign(key)
        return self._signer.sign(key, expires)

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
