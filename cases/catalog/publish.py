"""Publish checklist versions into the database: the one published catalog.

YAML is the import format (the catalog directory at start, an administrator's upload);
what is published lives in `ChecklistVersion` rows and every process reads it from there
(`cases.catalog.published`). A checklist version, once published, is immutable:
re-publishing the same version with different content is refused, so a case always keeps
the rules it was checked against. Each new version is announced to the public and moves the
catalog revision on, in the publishing transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases.catalog.changes import describe
from cases.catalog.org import OrgSpec
from cases.catalog.spec import Catalog, ItemSpec, MaterialRequirement, applicable_checklist
from cases.errors import CatalogError
from cases.numbering import allocate
from models import (
    Case,
    CatalogAnnouncement,
    ChecklistVersion,
    Department,
    NumberCounter,
    ServiceHall,
    ServiceItem,
    Window,
    utcnow,
)

REVISION = "catalog.revision"  # the number counter every publish moves on
IMPORTED_BY = "catalog-import"  # who published what the catalog directory brought
CHANGED = "catalog.changed"  # Session.info: this transaction published something
DEFAULT_HALL_CODE = "default"  # the hall row migration 0022 made, until a catalog names it


def sync_halls(session: Session, org: OrgSpec) -> dict[str, ServiceHall]:
    """The halls of `org` as rows, by code. The first hall takes over the default hall row
    migration 0022 made (which holds every earlier case, notice and account)."""
    rows = {h.code: h for h in session.scalars(select(ServiceHall))}
    first = org.halls[0].code
    if first not in rows and DEFAULT_HALL_CODE in rows:
        rows[first] = rows.pop(DEFAULT_HALL_CODE)
        rows[first].code = first
    for spec in org.halls:
        row = rows.get(spec.code)
        if row is None:
            row = rows[spec.code] = ServiceHall(code=spec.code)
            session.add(row)
        row.name, row.credit_code = spec.name, spec.credit_code
        row.word_mark, row.level = spec.word_mark, spec.level
    session.flush()
    return rows


def sync_catalog(session: Session, catalog: Catalog) -> None:
    halls = sync_halls(session, catalog.org)
    departments: dict[str, Department] = {d.code: d for d in session.scalars(select(Department))}
    windows = {w.code: w for w in session.scalars(select(Window))}
    for hall_spec in catalog.org.halls:
        hall = halls[hall_spec.code]
        for spec in hall_spec.departments:
            dept = departments.get(spec.code)
            if dept is None:
                dept = Department(code=spec.code)
                session.add(dept)
                departments[spec.code] = dept
            dept.name, dept.short_name = spec.name, spec.short_name
            dept.credit_code, dept.hall = spec.credit_code, hall
        for wspec in hall_spec.windows:
            window = windows.get(wspec.code) or Window(code=wspec.code)
            window.name, window.hall = wspec.name, hall
            session.add(window)
    session.flush()
    for versions in (catalog.history or {c: (i,) for c, i in catalog.items.items()}).values():
        for item_spec in versions:
            _publish(session, item_spec, departments[item_spec.department], actor=IMPORTED_BY)
    _announce_earlier_versions(session)


def _announce_earlier_versions(session: Session) -> None:
    """Versions published before announcements existed are announced once, as of the day
    they were published (a database upgraded to migration 0018)."""
    unannounced = session.scalars(
        select(ChecklistVersion)
        .outerjoin(CatalogAnnouncement, CatalogAnnouncement.checklist_id == ChecklistVersion.id)
        .where(CatalogAnnouncement.id.is_(None))
        .order_by(ChecklistVersion.id)
    ).all()
    for version in unannounced:
        _announce(
            session, version, spec_of(version), actor=IMPORTED_BY, published_at=version.created_at
        )


def publish_item(session: Session, spec: ItemSpec, *, actor: str) -> ChecklistVersion:
    """Publish one (already validated) item version; the same content again is a no-op."""
    department = session.scalars(select(Department).where(Department.code == spec.department)).one()
    return _publish(session, spec, department, actor=actor)


def _publish(
    session: Session, spec: ItemSpec, department: Department, *, actor: str
) -> ChecklistVersion:
    item = session.scalars(select(ServiceItem).where(ServiceItem.code == spec.code)).first()
    if item is None:
        item = ServiceItem(code=spec.code, name=spec.name, department=department)
        session.add(item)
        session.flush()
    existing = session.scalars(
        select(ChecklistVersion).where(
            ChecklistVersion.item_id == item.id, ChecklistVersion.version == spec.version
        )
    ).first()
    if existing is not None:
        if existing.sha256 != spec.sha256:
            raise CatalogError(
                f"item {spec.code} version {spec.version} is already published with other "
                "content; raise its version number to publish a change",
                f"事项 {spec.code} 第 {spec.version} 版已发布且内容不同;修改清单须提高版本号",
            )
        return existing
    if all(v.version < spec.version for v in item.versions):
        item.name = spec.name  # the newest version names the item
    version = ChecklistVersion(
        item_id=item.id,
        version=spec.version,
        effective_from=spec.effective_from,
        kind=spec.kind,
        time_limit_days=spec.time_limit_days,
        guide=spec.guide,
        license_spec=spec.license.model_dump(mode="json"),
        sha256=spec.sha256,
        spec=spec.model_dump(mode="json"),
    )
    session.add(version)
    session.flush()
    session.refresh(item)
    _announce(session, version, spec, actor=actor)
    allocate(session, REVISION, first=lambda: 1)
    session.info[CHANGED] = True
    return version


def _announce(
    session: Session,
    version: ChecklistVersion,
    spec: ItemSpec,
    *,
    actor: str,
    published_at: datetime | None = None,
) -> None:
    """The public notice of a new version: what changed from the version before it."""
    before = [v for v in version.item.versions if v.version < version.version]
    previous = spec_of(before[-1]) if before else None
    names = {d.code: d.name for d in session.scalars(select(Department))}
    session.add(
        CatalogAnnouncement(
            checklist_id=version.id,
            item_code=spec.code,
            item_name=spec.name,
            version=spec.version,
            previous_version=previous.version if previous else None,
            changes=describe(previous, spec, departments=names),
            effective_from=spec.effective_from,
            published_at=published_at or utcnow(),
            published_by=actor,
        )
    )
    session.flush()


def revision(session: Session) -> int:
    """How many times the catalog was published into: a process that built its catalog at
    another revision builds it again."""
    found = session.scalar(select(NumberCounter.value).where(NumberCounter.series == REVISION))
    return int(found or 0)


def in_effect(versions: Sequence[ChecklistVersion], today: date) -> ChecklistVersion | None:
    """The current version of an item: the newest published one (by number) whose
    effective date has come. `versions` in order of their number."""
    effective = [v for v in versions if v.effective_from <= today]
    return effective[-1] if effective else None


def current_checklist(session: Session, item: ServiceItem) -> ChecklistVersion:
    """The version a case opened today is checked against."""
    found = in_effect(item.versions, date.today())
    if found is None:
        raise CatalogError(
            f"item {item.code} has no checklist version in effect today",
            f"事项 {item.code} 当前没有生效的材料清单版本",
        )
    return found


def spec_of(version: ChecklistVersion) -> ItemSpec:
    """The rules a case was checked against, as published (versions published before
    the spec was stored were rebuilt from their rows by migration 0010)."""
    return ItemSpec.model_validate(version.spec)


def case_spec(case: Case) -> ItemSpec:
    """The item as the case is handled: the checklist version it was opened with, as its
    accepting hall varies it (time limit, extra materials; `ItemSpec.for_hall`)."""
    return spec_of(case.checklist).for_hall(case.hall.code if case.hall else None)


def checklist_of(case: Case) -> tuple[MaterialRequirement, ...]:
    """The materials this case's applicant must bring, by the checklist version the case
    was opened with (its applicant type and sub-scenario applied, and its hall's variant)."""
    return applicable_checklist(
        case_spec(case).materials,
        applicant_type=case.applicant_type,
        scenario=case.scenario,
    )
