"""Record who did what, in an append-only hash chain. Details hold identifiers and
reasons, never OCR text.

Every event carries the previous event's hash and its own hash over (seq, previous
hash, time, actor, action, target, detail). Writers lock the one-row chain head with an
UPDATE before reading it: a row lock on PostgreSQL, the database write lock on SQLite;
either is held until the transaction ends, so concurrent writers chain one after the
other instead of forking the chain.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import AuditChainHead, AuditCheckpoint, AuditEvent, utcnow

GENESIS = "0" * 64
_BATCH = 1000


def record(session: Session, *, actor: str, action: str, target: str, **detail: Any) -> None:
    clean = json.loads(json.dumps(detail, default=str, ensure_ascii=False))
    head = _locked_head(session)
    at = utcnow()
    seq = head.seq + 1
    digest = event_hash(seq, head.hash, at, actor, action, target, clean)
    session.add(
        AuditEvent(
            seq=seq,
            prev_hash=head.hash,
            hash=digest,
            created_at=at,
            actor=actor,
            action=action,
            target=target,
            detail=clean,
        )
    )
    head.seq, head.hash = seq, digest
    session.flush()


def _locked_head(session: Session) -> AuditChainHead:
    for _ in range(2):
        locked = session.execute(
            update(AuditChainHead)
            .where(AuditChainHead.id == 1)
            .values(seq=AuditChainHead.seq)
            .execution_options(synchronize_session=False)
        )
        if getattr(locked, "rowcount", 0):
            return session.scalars(
                select(AuditChainHead)
                .where(AuditChainHead.id == 1)
                .execution_options(populate_existing=True)
            ).one()
        # No head yet (the migration creates it; a bare create_all does not): create it,
        # and if a concurrent writer won the race, lock theirs on the second pass.
        try:
            with session.begin_nested():
                session.add(AuditChainHead(id=1, seq=0, hash=GENESIS))
        except IntegrityError:
            continue
    raise RuntimeError("audit chain head could not be locked")


def event_hash(
    seq: int,
    prev_hash: str,
    at: datetime,
    actor: str,
    action: str,
    target: str,
    detail: dict[str, Any],
) -> str:
    moment = at.astimezone(UTC).isoformat(timespec="microseconds")
    canonical = json.dumps(
        [seq, prev_hash, moment, actor, action, target, detail],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainReport:
    events: int
    last_seq: int
    last_hash: str
    broken_seq: int | None = None  # the first link that does not hold
    broken_id: int | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_seq is None


def _events(session: Session, after: int = -1) -> Iterator[AuditEvent]:
    while True:
        batch = session.scalars(
            select(AuditEvent).where(AuditEvent.seq > after).order_by(AuditEvent.seq).limit(_BATCH)
        ).all()
        if not batch:
            return
        yield from batch
        after = batch[-1].seq or after
        for event in batch:
            session.expunge(event)


def verify_chain(session: Session, *, since: ChainReport | None = None) -> ChainReport:
    """Walk the whole chain in order; name the first event whose link does not hold.

    `since`, a good report of an earlier walk, walks only the events recorded after it,
    linked to its last hash: a monitor that checks the chain as it grows reads each event
    once instead of all history at every check."""
    if since is not None and not since.ok:
        return since
    checkpoints = {c.seq: c.hash for c in session.scalars(select(AuditCheckpoint))}
    head = session.get(AuditChainHead, 1)
    # Events from before the chain existed (an upgraded database) are legacy, not covered;
    # an unchained event written after the first chained one is an insertion.
    first_chained = session.scalar(select(AuditEvent.id).where(AuditEvent.seq == 1))
    unchained = (
        session.scalar(
            select(AuditEvent.id)
            .where(AuditEvent.seq.is_(None), AuditEvent.id > first_chained)
            .limit(1)
        )
        if first_chained is not None
        else None
    )
    expected_seq, prev, count = 1, GENESIS, 0
    if since is not None:
        expected_seq, prev, count = since.last_seq + 1, since.last_hash, since.events

    def broken(event: AuditEvent | None, seq: int, reason: str) -> ChainReport:
        return ChainReport(count, seq - 1, prev, seq, event.id if event else None, reason)

    for event in _events(session, after=expected_seq - 1 if since is not None else -1):
        seq = event.seq or 0
        if seq != expected_seq:
            return broken(event, expected_seq, f"event seq {expected_seq} is missing")
        if event.prev_hash != prev:
            return broken(event, seq, "its previous-hash does not match the event before it")
        actual = event_hash(
            seq, prev, event.created_at, event.actor, event.action, event.target, event.detail
        )
        if actual != event.hash:
            return broken(event, seq, "its content was changed after it was recorded")
        if seq in checkpoints and checkpoints[seq] != actual:
            return broken(event, seq, "it differs from the sealed checkpoint")
        prev, count, expected_seq = actual, count + 1, seq + 1
    last = expected_seq - 1
    if head is not None and (head.seq != last or head.hash != prev):
        return broken(None, last + 1, f"events after seq {last} were removed (head at {head.seq})")
    missing_checkpoint = [s for s in checkpoints if s > last]
    if missing_checkpoint:
        return broken(None, last + 1, f"a sealed checkpoint names seq {min(missing_checkpoint)}")
    if unchained is not None:
        return ChainReport(count, last, prev, 0, unchained, "an event without a chain link")
    return ChainReport(count, last, prev)
