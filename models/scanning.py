"""What came out of a scanner into a case, keyed by the driver's page identity.

One row per sheet side seen, whether it became a page (``page_id``), was a control sheet
(cover, separator, PATCH-T) or was refused; the unique key makes a replayed page a no-op.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamped


class ScanRecord(Base, Timestamped):
    __tablename__ = "scan_record"
    __table_args__ = (UniqueConstraint("case_id", "page_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"))
    job: Mapped[str] = mapped_column(String(64))
    page_key: Mapped[str] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(16))  # page | cover | separator | patch_t | refused
    page_id: Mapped[int | None] = mapped_column(ForeignKey("page.id"))
    material_code: Mapped[str | None] = mapped_column(String(64))  # from the separator
    blank: Mapped[bool] = mapped_column(default=False)
    detail: Mapped[str] = mapped_column(Text, default="")
