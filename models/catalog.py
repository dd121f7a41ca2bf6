"""Service items (政务服务事项) and their versioned material checklists."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Timestamped, UtcDateTime, utcnow
from models.org import Department


class ServiceItem(Base):
    __tablename__ = "service_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"))

    department: Mapped[Department] = relationship()
    versions: Mapped[list[ChecklistVersion]] = relationship(
        back_populates="item", order_by="ChecklistVersion.version"
    )


class ChecklistVersion(Base, Timestamped):
    """One published version of an item's checklist. A case keeps the version it was
    checked against; publishing a new version never changes existing cases."""

    __tablename__ = "checklist_version"
    __table_args__ = (UniqueConstraint("item_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("service_item.id"))
    version: Mapped[int]
    effective_from: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16))  # immediate | promised
    time_limit_days: Mapped[int]
    guide: Mapped[str] = mapped_column(Text, default="")
    license_spec: Mapped[dict[str, Any]] = mapped_column(JSON)
    sha256: Mapped[str] = mapped_column(String(64))  # of the canonical YAML content
    # The whole published item (cases.catalog.spec.ItemSpec as JSON), its material
    # checklist included: the rules a case keeps, whatever comes later. The only stored
    # form of a checklist (the per-material table went in migration 0010).
    spec: Mapped[dict[str, Any]] = mapped_column(JSON)

    item: Mapped[ServiceItem] = relationship(back_populates="versions")


class CatalogAnnouncement(Base):
    """The public notice of one published checklist version (事项信息变更公告): what
    changed, in words, and from when it applies. Written in the transaction that publishes
    the version; never changed afterwards."""

    __tablename__ = "catalog_announcement"

    id: Mapped[int] = mapped_column(primary_key=True)
    checklist_id: Mapped[int] = mapped_column(ForeignKey("checklist_version.id"), unique=True)
    item_code: Mapped[str] = mapped_column(String(64))
    item_name: Mapped[str] = mapped_column(String(200))  # as the version names it
    version: Mapped[int]
    previous_version: Mapped[int | None]  # None: a new item
    # What changed from the previous version, one sentence each (Chinese)
    changes: Mapped[list[str]] = mapped_column(JSON)
    effective_from: Mapped[date] = mapped_column(Date)
    published_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow, index=True)
    published_by: Mapped[str] = mapped_column(String(64))
