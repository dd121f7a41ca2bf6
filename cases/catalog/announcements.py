"""The public list of catalog changes (事项信息变更公告): every published checklist version
with what changed, in words, and the day it takes effect; newest first, a page at a time.

The announcements are written by `cases.catalog.publish` in the publishing transaction;
this module only reads them. Who published is kept for the hall, not shown to the public.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import CatalogAnnouncement

MAX_PER_PAGE = 50


@dataclass(frozen=True)
class Announcement:
    item_code: str
    item_name: str
    version: int
    previous_version: int | None  # None: a new item
    changes: tuple[str, ...]
    effective_from: date
    published_at: datetime
    upcoming: bool  # takes effect on a later day

    @property
    def new_item(self) -> bool:
        return self.previous_version is None


@dataclass(frozen=True)
class AnnouncementPage:
    entries: tuple[Announcement, ...]
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def list_announcements(
    session: Session,
    *,
    page: int = 1,
    per_page: int = 20,
    item_code: str | None = None,
    today: date | None = None,
) -> AnnouncementPage:
    """One page of announcements, newest first (`per_page` at most MAX_PER_PAGE); those
    dated after `today` are marked upcoming."""
    today = today or date.today()
    page, per_page = max(1, page), min(max(1, per_page), MAX_PER_PAGE)
    where = [CatalogAnnouncement.item_code == item_code] if item_code else []
    total = session.scalar(select(func.count()).select_from(CatalogAnnouncement).where(*where))
    rows = session.scalars(
        select(CatalogAnnouncement)
        .where(*where)
        .order_by(CatalogAnnouncement.published_at.desc(), CatalogAnnouncement.id.desc())
        .offset((page - 1) * per_page)
        .limit(per_page)
    )
    entries = tuple(
        Announcement(
            item_code=a.item_code,
            item_name=a.item_name,
            version=a.version,
            previous_version=a.previous_version,
            changes=tuple(a.changes),
            effective_from=a.effective_from,
            published_at=a.published_at,
            upcoming=a.effective_from > today,
        )
        for a in rows
    )
    return AnnouncementPage(entries=entries, page=page, per_page=per_page, total=int(total or 0))
