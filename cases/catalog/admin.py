"""Catalog administration for the hall administrator: validate, export, diff, publish.

An uploaded item is validated completely before anything is written, and a batch is
published in the caller's one transaction, so a broken file never leaves a half-published
catalog behind. Published versions are immutable (see `catalog_sync`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases import audit
from cases.catalog.publish import publish_item, spec_of
from cases.catalog.spec import ItemSpec, OrgSpec, dump_item, load_item
from cases.errors import CatalogError, NotFound
from models import ChecklistVersion, ServiceItem, User


def validate_text(text: str, org: OrgSpec, *, filename: str = "upload.yaml") -> ItemSpec:
    """Parse and validate one item file's text; errors name file, line and field."""
    return load_item(Path(filename), org, text)


@dataclass(frozen=True)
class Change:
    path: str  # e.g. "time_limit_days", "materials.id_card.must_be_valid"
    old: Any
    new: Any


def diff_items(old: ItemSpec, new: ItemSpec) -> list[Change]:
    """What changed from `old` to `new`, material by material (matched by code)."""
    a, b = old.model_dump(mode="json"), new.model_dump(mode="json")
    changes: list[Change] = []
    for key in sorted(set(a) | set(b)):
        if key in ("materials", "version"):
            continue
        if a.get(key) != b.get(key):
            changes.append(Change(key, a.get(key), b.get(key)))
    ma = {m["code"]: m for m in a["materials"]}
    mb = {m["code"]: m for m in b["materials"]}
    for code in [*ma, *(c for c in mb if c not in ma)]:
        if code not in mb:
            changes.append(Change(f"materials.{code}", ma[code]["name"], None))
        elif code not in ma:
            changes.append(Change(f"materials.{code}", None, mb[code]["name"]))
        else:
            for key in sorted(set(ma[code]) | set(mb[code])):
                if ma[code].get(key) != mb[code].get(key):
                    changes.append(
                        Change(f"materials.{code}.{key}", ma[code].get(key), mb[code].get(key))
                    )
    return changes


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
        version = publish_item(session, spec)
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
