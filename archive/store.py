"""The object-store seam: one small protocol, three implementations, shared helpers.

Implementations: :class:`archive.memory.InMemoryStore` (test double),
:class:`archive.local.LocalFolderStore` (embedded default) and
:class:`archive.s3.S3Store` (MinIO or any S3 with object lock).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import re
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import BinaryIO, Literal, Protocol, cast, runtime_checkable

from archive.errors import IntegrityError, InvalidKey, ObjectNotFound, StoreUnavailable

logger = logging.getLogger(__name__)

_SHA256_RE = re.compile(r"^[0-9a-f]{64}$")

RetentionMode = Literal["COMPLIANCE", "GOVERNANCE"]
SPOOL_CHUNK = 1024 * 1024


class Hashed:
    """Bytes with their SHA-256, computed here and only here.

    The content address needs the hash before the put; handing the store this instead of
    the bare bytes saves the store a second pass over them (bytes are immutable, so the
    digest cannot go stale). ``bytes`` input is not copied.
    """

    __slots__ = ("data", "sha256")
    data: bytes
    sha256: str

    def __init__(self, data: bytes | bytearray | memoryview) -> None:
        body = bytes(data)
        object.__setattr__(self, "data", body)
        object.__setattr__(self, "sha256", hashlib.sha256(body).hexdigest())

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Hashed is immutable ({name})")

    def __len__(self) -> int:
        return len(self.data)

    def __repr__(self) -> str:
        return f"Hashed({len(self.data)} bytes, sha256={self.sha256})"


@dataclass(frozen=True)
class ObjectInfo:
    key: str
    size: int
    sha256: str  # lowercase hex of the stored bytes
    content_type: str
    # e.g. case, material, provider (providing department code), doc_class, retention_class
    metadata: Mapping[str, str]
    modified: datetime  # timezone-aware
    retain_until: datetime | None = None  # object-lock retention, when known
    retention_mode: str | None = None  # COMPLIANCE or GOVERNANCE, with retain_until
    legal_hold: bool = False
    version_id: str | None = None  # S3 version of these bytes; None where unversioned


@runtime_checkable
class ObjectStore(Protocol):
    """What the application needs from object storage, and nothing more.

    Every method raises only :class:`archive.errors.ArchiveError` subclasses.
    """

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
        """Store bytes or a stream (streamed, never read whole).

        If ``sha256`` is given and the bytes do not match it, raise IntegrityError and
        store nothing; :class:`Hashed` bytes are not hashed again. Replacing an object
        under retention raises RetentionLocked (S3 keeps the retained version and adds a
        new one).
        """
        ...

    def get(self, key: str, *, version_id: str | None = None) -> bytes:
        """Whole object (or an older version), verified against its recorded SHA-256."""
        ...

    def open(self, key: str) -> BinaryIO:
        """Streaming read; raises IntegrityError at end of stream on mismatch. Caller closes."""
        ...

    def stat(self, key: str) -> ObjectInfo: ...

    def exists(self, key: str) -> bool: ...

    def list(self, prefix: str = "") -> Iterator[ObjectInfo]:
        """Objects whose key starts with ``prefix``, in key order."""
        ...

    def delete(self, key: str) -> None:
        """Remove the object; ObjectNotFound if absent, RetentionLocked while retained
        or under legal hold."""
        ...

    def versions(self, key: str) -> Sequence[ObjectInfo]:
        """Every stored version of ``key``, newest first (one where unversioned)."""
        ...

    def set_legal_hold(self, key: str, on: bool) -> ObjectInfo:
        """Legal hold (司法保全): while on, nothing deletes the object, whatever its retention."""
        ...

    def presign(self, key: str, *, expires: timedelta) -> str:
        """A URL that reads the object without credentials until ``expires`` from now."""
        ...


def content_key(sha256: str, prefix: str = "objects") -> str:
    """Content address: ``objects/ab/cd/<sha256>`` (fan-out keeps listings small)."""
    digest = sha256.lower()
    if not _SHA256_RE.match(digest):
        raise InvalidKey(
            f"not a SHA-256 hex digest: {sha256!r}",
            f"不是有效的 SHA-256 摘要：{sha256!r}",
        )
    prefix = prefix.strip("/")
    head = f"{prefix}/" if prefix else ""
    return f"{head}{digest[:2]}/{digest[2:4]}/{digest}"


@contextlib.contextmanager
def spooled(data: BinaryIO, spool_dir: Path | None = None) -> Iterator[tuple[BinaryIO, str]]:
    """A stream copied to a temporary file while hashing, rewound, with its SHA-256: the
    content key must be known before the upload. Memory stays at one chunk whatever the
    size. (No fsync: the file is gone when the block ends; the staging store syncs its
    own copy.)"""
    with tempfile.TemporaryFile(dir=spool_dir) as spool:
        hasher = hashlib.sha256()
        while chunk := data.read(SPOOL_CHUNK):
            hasher.update(chunk)
            spool.write(chunk)
        spool.seek(0)
        yield cast(BinaryIO, spool), hasher.hexdigest()


def put_content_addressed(
    store: ObjectStore,
    data: bytes | BinaryIO | Hashed,
    *,
    content_type: str,
    metadata: Mapping[str, str],
    prefix: str = "objects",
    retain_until: datetime | None = None,
    retention_mode: RetentionMode = "COMPLIANCE",
    legal_hold: bool = False,
    spool_dir: Path | None = None,
) -> ObjectInfo:
    """Store ``data`` under its content key; if already there, return the existing object.

    Bytes are hashed once (the store is handed the digest, not asked to hash again); a
    stream is spooled while hashing (:func:`spooled`). The first provider's metadata is
    kept: per-case provenance belongs in the database row that points at the key, not in
    the shared object.
    """
    put = functools.partial(
        _put_once,
        store,
        content_type=content_type,
        metadata=metadata,
        prefix=prefix,
        retain_until=retain_until,
        retention_mode=retention_mode,
        legal_hold=legal_hold,
    )
    if isinstance(data, Hashed):
        return put(data, data.sha256)
    if isinstance(data, bytes | bytearray | memoryview):
        hashed = Hashed(data)
        return put(hashed, hashed.sha256)
    with spooled(data, spool_dir) as (spool, digest):
        return put(spool, digest)


def _put_once(
    store: ObjectStore,
    data: BinaryIO | Hashed,
    digest: str,
    *,
    content_type: str,
    metadata: Mapping[str, str],
    prefix: str,
    retain_until: datetime | None,
    retention_mode: RetentionMode,
    legal_hold: bool,
) -> ObjectInfo:
    key = content_key(digest, prefix)
    try:
        existing = store.stat(key)
    except (ObjectNotFound, StoreUnavailable):
        # Unknown while the store is down: put anyway. A staging store keeps it and its
        # drain skips what the store turns out to hold already.
        existing = None
    if existing is not None:
        if existing.sha256 != digest:
            raise IntegrityError(
                f"object {key} is recorded with SHA-256 {existing.sha256}, not its key",
                f"对象 {key} 记录的 SHA-256 与其内容地址不符，存储可能已损坏",
            )
        logger.debug("content-addressed object already stored: %s", key)
        return existing
    return store.put(
        key,
        data,
        content_type=content_type,
        metadata=metadata,
        sha256=digest,
        retain_until=retain_until,
        retention_mode=retention_mode,
        legal_hold=legal_hold,
    )
