"""Reconciliation (对账): the object store against the database, after crashes.

An object is archived before the transaction that records it commits (the bytes must be
safe before the row points at them). A process killed in between leaves an object with no
row: a page image, or a sealed PDF whose number was reserved but never registered. Fixity
checks rows; this checks the other direction, and the number reservations.

Objects younger than the grace period are left alone: their transaction may still commit.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive import ArchiveError, ObjectStore
from cases import audit
from cases.numbering import RESERVATION_PREFIX
from models import DecisionDocument, License, Notice, StoredObject, utcnow

log = logging.getLogger(__name__)

OBJECT_PREFIX = "objects/"
DEFAULT_GRACE = timedelta(minutes=30)


@dataclass
class Orphan:
    key: str
    size: int
    doc_class: str
    modified: datetime

    def to_dict(self) -> dict[str, object]:
        return {
            "key": self.key,
            "size": self.size,
            "doc_class": self.doc_class,
            "modified": self.modified.isoformat(),
        }


@dataclass
class ReconcileReport:
    objects: int = 0  # in the store, under objects/
    rows: int = 0
    orphans: list[Orphan] = field(default_factory=list)  # objects without a row
    missing: list[str] = field(default_factory=list)  # rows without an object
    void_numbers: list[str] = field(default_factory=list)  # reserved, never registered

    @property
    def clean(self) -> bool:
        return not (self.orphans or self.missing or self.void_numbers)

    def to_dict(self) -> dict[str, object]:
        return {
            "objects": self.objects,
            "rows": self.rows,
            "orphans": [o.to_dict() for o in self.orphans],
            "missing": self.missing,
            "void_numbers": self.void_numbers,
            "clean": self.clean,
        }


def _registered_numbers(session: Session, numbers: set[str]) -> set[str]:
    found: set[str] = set()
    for column in (Notice.number, License.number, DecisionDocument.number):
        found |= set(session.scalars(select(column).where(column.in_(numbers))))
    return found


def reconcile(
    session: Session,
    store: ObjectStore,
    *,
    grace: timedelta = DEFAULT_GRACE,
    now: datetime | None = None,
    actor: str = "system",
) -> ReconcileReport:
    """Report objects without rows, rows without objects and void document numbers.
    Nothing is deleted: issued documents are under retention, and an orphan is evidence."""
    cutoff = (now or utcnow()) - grace
    report = ReconcileReport()
    rows = set(session.scalars(select(StoredObject.key)))
    report.rows = len(rows)
    seen: set[str] = set()
    for info in store.list(OBJECT_PREFIX):
        report.objects += 1
        seen.add(info.key)
        if info.key in rows or info.modified > cutoff:
            continue
        doc_class = info.metadata.get("doc-class", "")
        if not doc_class:
            try:  # listings of S3 carry no user metadata
                doc_class = store.stat(info.key).metadata.get("doc-class", "")
            except ArchiveError:
                doc_class = "?"
        report.orphans.append(Orphan(info.key, info.size, doc_class, info.modified))
    report.missing = sorted(k for k in rows if k.startswith(OBJECT_PREFIX) and k not in seen)
    reserved: dict[str, str] = {}
    for info in store.list(RESERVATION_PREFIX + "/"):
        if info.modified > cutoff:
            continue
        try:
            reserved[json.loads(store.get(info.key))["number"]] = info.key
        except (ArchiveError, ValueError, KeyError):
            log.warning("unreadable number reservation %s", info.key)
    if reserved:
        registered = _registered_numbers(session, set(reserved))
        report.void_numbers = sorted(set(reserved) - registered)
    audit.record(
        session,
        actor=actor,
        action="archive.reconcile",
        target="archive",
        objects=report.objects,
        rows=report.rows,
        orphans=[o.key for o in report.orphans],
        missing=report.missing,
        void_numbers=report.void_numbers,
    )
    if not report.clean:
        log.error(
            "reconcile: %d orphan objects, %d rows without objects, %d void numbers",
            len(report.orphans),
            len(report.missing),
            len(report.void_numbers),
        )
    return report
