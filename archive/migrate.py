"""Copy every object of one store into another and verify every hash (e.g. the embedded
local folder store into S3). Idempotent: objects already in the target with the same
SHA-256 are skipped, so an interrupted migration is simply run again."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from typing import cast

from archive._common import CHUNK
from archive.errors import ArchiveError, ObjectNotFound
from archive.store import ObjectStore, RetentionMode

logger = logging.getLogger(__name__)


@dataclass
class MigrationReport:
    copied: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # already there, same hash
    failed: dict[str, str] = field(default_factory=dict)  # key -> reason
    verified: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed


def _read_hash(store: ObjectStore, key: str) -> str:
    digest = hashlib.sha256()
    with store.open(key) as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def copy_store(source: ObjectStore, target: ObjectStore, *, prefix: str = "") -> MigrationReport:
    report = MigrationReport()
    for info in source.list(prefix):
        key = info.key
        try:
            try:
                present = target.stat(key)
            except ObjectNotFound:
                present = None
            if present is not None and present.sha256 == info.sha256:
                report.skipped.append(key)
            else:
                with source.open(key) as stream:
                    target.put(
                        key,
                        stream,
                        content_type=info.content_type,
                        metadata=info.metadata,
                        sha256=info.sha256,
                        retain_until=info.retain_until,
                        retention_mode=cast(RetentionMode, info.retention_mode or "COMPLIANCE"),
                        legal_hold=info.legal_hold,
                    )
                report.copied.append(key)
            actual = _read_hash(target, key)  # read back: the target really holds the bytes
            if actual != info.sha256:
                report.failed[key] = f"read back SHA-256 {actual}, expected {info.sha256}"
            else:
                report.verified += 1
        except ArchiveError as e:
            report.failed[key] = f"{e.code}: {e.en}"
    logger.info(
        "migration: %d copied, %d already there, %d verified, %d failed",
        len(report.copied),
        len(report.skipped),
        report.verified,
        len(report.failed),
    )
    return report
