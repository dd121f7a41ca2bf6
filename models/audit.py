"""Append-only audit trail of what people and the system did."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamped


class AuditEvent(Base, Timestamped):
    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(100))  # e.g. "case:12", "seal:3"
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
