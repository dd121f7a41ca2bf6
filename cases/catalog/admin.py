"""Catalog administration for the hall administrator: validate, export, diff, publish.

An uploaded item is validated completely before anything is written, and a batch is
published in the caller's one transaction, so a broken file never leaves a half-published
catalog behind. Published versions are immutable (see `cases.catalog.publish`); each is announced.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases import audit
from cases.catalog.changes import Change, diff_items
from cases.catalog.org import OrgSpec
from cases.catalog.publish import publish_item, spec_of
from cases.catalog.spec import ItemSpec, dump_item, load_item
from cases.errors import CatalogError, NotFound
from models import ChecklistVersion, ServiceItem, User

__all__ = ["Change", "diff_items", "export_item", "publish_texts", "published", "validate_text"]


def validate_text(text: str, org: OrgSpec, *, filename: str = "upload.yaml") -> ItemSpec:
    """Parse and validate one item file's text; errors name file, line and field."""
    return load_item(Path(filename), org, text)


def published(session: Session, code: str, version: int | None = None) -> ChecklistVersion:
    query = select(ChecklistVersion).join(ServiceItem).where(ServiceItem.code == code)
    if version is not None:
        query = query.where(ChecklistVersion.version == version)
    found = session.scalars(query.order_by(ChecklistVersion.version.desc())).first()
    if found is None:
        what = f"version {version} of {code}" if version else code
        raise NotFound(f"no published {what}", f"没有已发布的事项清单 {code} {version or ''}")
    return found


def export_item(session: Session, code: str, version: int | None = None) -> str:
    return dump_item(spec_of(published(session, code, version)))


def publish_texts(
    session: Session, texts: dict[str, str], org: OrgSpec, *, actor: User
) -> list[ChecklistVersion]:
    """Validate every file first, then publish them all; one bad file publishes nothing."""
    specs = [validate_text(text, org, filename=name) for name, text in texts.items()]
    out = []
    for spec in specs:
        latest = session.scalars(
            select(ChecklistVersion)
            .join(ServiceItem)
            .where(ServiceItem.code == spec.code)
            .order_by(ChecklistVersion.version.desc())
        ).first()
        if latest is not None and spec.version < latest.version:
            raise CatalogError(
                f"item {spec.code}: version {spec.version} is older than the published "
                f"version {latest.version}",
                f"事项 {spec.code}:第 {spec.version} 版早于已发布的第 {latest.version} 版",
            )
        version = publish_item(session, spec, actor=actor.username)
        out.append(version)
        audit.record(
            session,
            actor=actor.username,
            action="catalog.publish",
            target=f"item:{spec.code}",
            version=spec.version,
            sha256=spec.sha256,
        )
    return out
