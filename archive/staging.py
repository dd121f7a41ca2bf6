"""Outage staging: intake goes on while the object store is down.

:class:`StagingStore` wraps the real store. A put that finds the store unavailable is
written durably (fsync, atomic rename) to a local folder store instead and reported as
stored; :meth:`StagingStore.drain` uploads staged objects once the store is back and
removes each local copy only after the store holds the same SHA-256, so a crash or a
second drain never loses nor duplicates anything. Reads look in the staging folder first,
so a staged page can still be read by OCR.

Retention is applied on the real store at upload time; the staged copy carries it as
metadata (``staged-*`` names) so that the staging folder itself can be emptied.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import BinaryIO, cast

from archive.errors import ArchiveError, ObjectNotFound, StoreUnavailable
from archive.local import LocalFolderStore
from archive.store import Hashed, ObjectInfo, ObjectStore, RetentionMode

logger = logging.getLogger(__name__)

_UNTIL = "staged-retain-until"
_MODE = "staged-retention-mode"
_HOLD = "staged-legal-hold"


@dataclass
class DrainReport:
    uploaded: list[str] = field(default_factory=list)
    already_stored: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)

    @property
    def remaining(self) -> int:
        return len(self.failed)


class StagingStore:
    """An ObjectStore that never refuses a put because the real store is down."""

    def __init__(
        self,
        primary: ObjectStore,
        staging: LocalFolderStore,
        *,
        retry_after: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """`retry_after` seconds of `clock` pass before the primary is tried again after
        a failure (tests turn a fake clock instead of waiting)."""
        self.primary = primary
        self.staging = staging
        self._retry_after = retry_after
        self._clock = clock
        self._down_until = 0.0
        self._drain_lock = threading.Lock()

    # -- state -------------------------------------------------------------------------

    @property
    def primary_down(self) -> bool:
        return self._clock() < self._down_until

    def staged(self) -> Sequence[ObjectInfo]:
        return [_unstaged(info) for info in self.staging.list()]

    def _mark_down(self, e: Exception) -> None:
        if not self.primary_down:
            logger.warning("object store unavailable, staging objects locally: %s", e)
        self._down_until = self._clock() + self._retry_after

    # -- writing -------------------------------------------------------------------------

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
        start = _tell(data)
        if not self.primary_down or start is None:
            # A stream that cannot be rewound has one chance: the real store.
            try:
                info = self.primary.put(
                    key,
                    data,
                    content_type=content_type,
                    metadata=metadata,
                    sha256=sha256,
                    retain_until=retain_until,
                    retention_mode=retention_mode,
                    legal_hold=legal_hold,
                )
            except StoreUnavailable as e:
                self._mark_down(e)
                if start is None:
                    raise
                if not isinstance(data, bytes | bytearray | memoryview | Hashed):
                    data.seek(start)
            else:
                return info
        staged_meta = dict(metadata or {})
        staged_meta[_UNTIL] = retain_until.isoformat() if retain_until else ""
        staged_meta[_MODE] = retention_mode
        staged_meta[_HOLD] = "1" if legal_hold else ""
        info = self.staging.put(
            key, data, content_type=content_type, metadata=staged_meta, sha256=sha256
        )
        logger.info("staged %s (%d bytes) until the object store returns", key, info.size)
        return _unstaged(info)

    def drain(self) -> DrainReport:
        """Upload every staged object; idempotent, safe to run from several threads."""
        report = DrainReport()
        with self._drain_lock:
            for staged in self.staging.list():
                key = staged.key
                try:
                    self._upload_one(staged, report)
                except StoreUnavailable as e:
                    self._mark_down(e)
                    report.failed[key] = e.en
                    for rest in self.staging.list():
                        report.failed.setdefault(rest.key, "object store unavailable")
                    break
                except ArchiveError as e:
                    report.failed[key] = e.en
        if report.uploaded:
            logger.info("uploaded %d staged objects", len(report.uploaded))
        return report

    def _upload_one(self, staged: ObjectInfo, report: DrainReport) -> None:
        key = staged.key
        try:
            present = self.primary.stat(key)
        except ObjectNotFound:
            present = None
        if present is not None and present.sha256 == staged.sha256:
            report.already_stored.append(key)
        else:
            target = _unstaged(staged)
            with self.staging.open(key) as stream:
                self.primary.put(
                    key,
                    stream,
                    content_type=staged.content_type,
                    metadata=target.metadata,
                    sha256=staged.sha256,
                    retain_until=target.retain_until,
                    retention_mode=cast(RetentionMode, target.retention_mode or "COMPLIANCE"),
                    legal_hold=target.legal_hold,
                )
            report.uploaded.append(key)
        self._down_until = 0.0
        self.staging.delete(key)

    def delete(self, key: str) -> None:
        if self.staging.exists(key):
            self.staging.delete(key)
            return
        self.primary.delete(key)

    def set_legal_hold(self, key: str, on: bool) -> ObjectInfo:
        return self.primary.set_legal_hold(key, on)

    # -- reading -------------------------------------------------------------------------

    def stat(self, key: str) -> ObjectInfo:
        with contextlib.suppress(ObjectNotFound):
            return _unstaged(self.staging.stat(key))
        return self.primary.stat(key)

    def exists(self, key: str) -> bool:
        return self.staging.exists(key) or self.primary.exists(key)

    def get(self, key: str, *, version_id: str | None = None) -> bytes:
        if version_id is None and self.staging.exists(key):
            return self.staging.get(key)
        return self.primary.get(key, version_id=version_id)

    def open(self, key: str) -> BinaryIO:
        if self.staging.exists(key):
            return self.staging.open(key)
        return self.primary.open(key)

    def list(self, prefix: str = "") -> Iterator[ObjectInfo]:
        staged = {info.key: _unstaged(info) for info in self.staging.list(prefix)}
        merged = dict(staged)
        try:
            for info in self.primary.list(prefix):
                merged.setdefault(info.key, info)
        except StoreUnavailable:
            if not staged:
                raise
        yield from (merged[k] for k in sorted(merged))

    def versions(self, key: str) -> Sequence[ObjectInfo]:
        if self.staging.exists(key):
            return [self.stat(key)]
        return self.primary.versions(key)

    def presign(self, key: str, *, expires: timedelta) -> str:
        return self.primary.presign(key, expires=expires)


def _tell(data: bytes | BinaryIO | Hashed) -> int | None:
    if isinstance(data, bytes | bytearray | memoryview | Hashed):
        return 0
    try:
        return data.tell() if data.seekable() else None
    except (OSError, ValueError):
        return None


def _unstaged(info: ObjectInfo) -> ObjectInfo:
    """The object as it will be on the real store: retention back from metadata."""
    meta = dict(info.metadata)
    if _UNTIL not in meta:
        return info
    until = meta.pop(_UNTIL)
    mode = meta.pop(_MODE, "COMPLIANCE")
    hold = meta.pop(_HOLD, "") == "1"
    return replace(
        info,
        metadata=meta,
        retain_until=datetime.fromisoformat(until) if until else None,
        retention_mode=mode if until else None,
        legal_hold=hold,
    )


__all__ = ["DrainReport", "StagingStore"]
