"""What the object store holds, as the database knows it (归集入库), and who may read it
besides its own department (共享授权)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamped, UtcDateTime


class StoredObject(Base, Timestamped):
    __tablename__ = "stored_object"
    __table_args__ = (UniqueConstraint("key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int]
    content_type: Mapped[str] = mapped_column(String(100))
    doc_class: Mapped[str] = mapped_column(String(32))  # page_image | ocr_text | notice | license
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id"))
    # 谁提供、谁负责: the department (or the hall, None) that provided the object ...
    provider_department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    # ... and the person or process that put it in (the one answerable for it).
    provided_by: Mapped[str | None] = mapped_column(String(64))
    retain_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    retention_mode: Mapped[str | None] = mapped_column(String(16))
    legal_hold: Mapped[bool] = mapped_column(Boolean, default=False)
    last_fixity_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    last_fixity_ok: Mapped[bool | None] = mapped_column(Boolean)


class ShareGrant(Base, Timestamped):
    """Department ``grantee`` may read the objects of one case, or the licenses of one
    type, between ``valid_from`` and ``valid_until``, for a stated purpose; or the staff
    of hall ``grantee_hall`` may open one case of another hall."""

    __tablename__ = "share_grant"

    id: Mapped[int] = mapped_column(primary_key=True)
    grantee_department_id: Mapped[int | None] = mapped_column(
        ForeignKey("department.id"), index=True
    )
    # or: the staff of another hall may open the case (one case only)
    grantee_hall_id: Mapped[int | None] = mapped_column(ForeignKey("service_hall.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id"))
    license_type: Mapped[str | None] = mapped_column(String(64))
    purpose: Mapped[str] = mapped_column(String(200))
    valid_from: Mapped[datetime] = mapped_column(UtcDateTime())
    valid_until: Mapped[datetime] = mapped_column(UtcDateTime())
    granted_by: Mapped[str] = mapped_column(String(64))
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
