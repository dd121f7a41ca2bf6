"""Record who did what. Details hold identifiers and reasons, never OCR text."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from models import AuditEvent


def record(session: Session, *, actor: str, action: str, target: str, **detail: Any) -> None:
    session.add(AuditEvent(actor=actor, action=action, target=target, detail=detail))
