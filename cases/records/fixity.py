"""Fixity (完整性核验): re-hash archived objects and report what changed or vanished.

The expected hash is the database row's, not the store's own metadata: someone who can
rewrite an object in the bucket can rewrite its metadata too, but not our database and
its hash-chained audit trail at the same time.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archive import ArchiveError, IntegrityError, ObjectNotFound, ObjectStore
from cases import audit
from models import StoredObject, utcnow

log = logging.getLogger(__name__)
CHUNK = 1024 * 1024


@dataclass
class FixityReport:
    checked: int = 0
    ok: int = 0
    mismatched: list[str] = field(default_factory=list)  # keys
    missing: list[str] = field(default_factory=list)
    unreadable: dict[str, str] = field(default_factory=dict)  # key -> error code

    @property
    def clean(self) -> bool:
        return not (self.mismatched or self.missing or self.unreadable)

    def to_dict(self) -> dict[str, object]:
        return {
            "checked": self.checked,
            "ok": self.ok,
            "mismatched": self.mismatched,
            "missing": self.missing,
            "unreadable": self.unreadable,
            "clean": self.clean,
        }


def _rehash(store: ObjectStore, key: str) -> str:
    digest = hashlib.sha256()
    with store.open(key) as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def run_fixity(
    session: Session, store: ObjectStore, *, sample: int | None = None, actor: str = "system"
) -> FixityReport:
    """Check every object, or a random ``sample`` of them, and record the outcome."""
    query = select(StoredObject)
    query = (
        query.order_by(func.random()).limit(sample) if sample else query.order_by(StoredObject.id)
    )
    report = FixityReport()
    for obj in session.scalars(query):
        report.checked += 1
        ok = False
        try:
            ok = _rehash(store, obj.key) == obj.sha256
            if not ok:
                report.mismatched.append(obj.key)
        except ObjectNotFound:
            report.missing.append(obj.key)
        except IntegrityError:
            report.mismatched.append(obj.key)
        except ArchiveError as e:
            report.unreadable[obj.key] = e.code
        if ok:
            report.ok += 1
        obj.last_fixity_at = utcnow()
        obj.last_fixity_ok = ok
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="archive.fixity",
        target="archive",
        checked=report.checked,
        mismatched=report.mismatched,
        missing=report.missing,
        unreadable=sorted(report.unreadable),
    )
    if not report.clean:
        log.error(
            "fixity: %d mismatched, %d missing, %d unreadable of %d",
            len(report.mismatched),
            len(report.missing),
            len(report.unreadable),
            report.checked,
        )
    return report
