"""Append-only, hash-chained audit trail of what people and the system did.

Each event carries the hash of the one before it (``prev_hash``) and its own hash over
its content and that link; a one-row head table holds the last hash and is locked by
every writer, so concurrent writers chain one after another. Checkpoints pin the chain
at a sequence number with a sealed PDF (see cases/audit_checkpoints.py).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamped


class AuditEvent(Base, Timestamped):
    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(100))  # e.g. "case:12", "seal:3"
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    seq: Mapped[int | None] = mapped_column(unique=True)
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))


class AuditChainHead(Base):
    """One row (id 1): the last sequence number and hash; the writers' lock."""

    __tablename__ = "audit_chain_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int]
    hash: Mapped[str] = mapped_column(String(64))


class AuditCheckpoint(Base, Timestamped):
    __tablename__ = "audit_checkpoint"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(unique=True)
    hash: Mapped[str] = mapped_column(String(64))
    object_id: Mapped[int] = mapped_column(ForeignKey("stored_object.id"))
