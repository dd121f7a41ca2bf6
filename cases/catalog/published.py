"""The published catalog as the hall serves it today, read from the database.

Every reader (the public catalog, the knowledge base, the counter's item search and
guide, routing, the CLI) asks `PublishedCatalog.current(session)`: the current version of
each item, which is the newest published version whose effective date has come. Cases do
not: a case keeps the checklist version it was opened with (`Case.checklist`).

A process keeps the catalog it built last, keyed by the catalog revision (a number every
publish moves on in its own transaction, read once per call) and the day. So a publish
in any process is seen by the next request of every other, and a version dated tomorrow
takes over at midnight with no publish at all. What one transaction has published but not
committed is read, never kept: it may still roll back.
"""

from __future__ import annotations

import threading
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases.catalog.org import OrgSpec
from cases.catalog.publish import CHANGED, revision
from cases.catalog.spec import Catalog, ItemSpec
from models import ChecklistVersion


class PublishedCatalog:
    """The hall's window on the published catalog; `org` (departments, windows, the hall)
    is the catalog directory's, as imported at start."""

    def __init__(self, org: OrgSpec) -> None:
        self.org = org
        self._lock = threading.Lock()
        self._built: tuple[tuple[int, date], Catalog] | None = None

    def current(self, session: Session, *, today: date | None = None) -> Catalog:
        """The items in effect on `today` (default: today), each at its current version."""
        key = (revision(session), today or date.today())
        with self._lock:
            built = self._built
        if built is not None and built[0] == key:
            return built[1]
        catalog = catalog_in_effect(session, self.org, key[1])
        if not session.info.get(CHANGED):
            with self._lock:
                self._built = (key, catalog)
        return catalog


def catalog_in_effect(session: Session, org: OrgSpec, today: date) -> Catalog:
    """Every item's current version on `today`, read from the published versions."""
    rows = session.execute(
        select(ChecklistVersion.item_id, ChecklistVersion.spec)
        .where(ChecklistVersion.effective_from <= today)
        .order_by(ChecklistVersion.item_id, ChecklistVersion.version)
    )
    newest = {item_id: spec for item_id, spec in rows}  # the last of each item wins
    specs = sorted((ItemSpec.model_validate(s) for s in newest.values()), key=lambda s: s.code)
    return Catalog(org=org, items={s.code: s for s in specs})
