"""What the object store holds, as the database knows it (归集入库)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamped


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
    # 谁提供、谁负责: the department (or the hall, None) that provided the object.
    provider_department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
