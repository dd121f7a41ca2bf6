"""Publish the YAML catalog into the database.

A checklist version, once published, is immutable: re-publishing the same version with
different content is refused, so a case always keeps the rules it was checked against.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cases.catalog.spec import Catalog, ItemSpec, MaterialRequirement, applicable_checklist
from cases.errors import CatalogError
from models import Case, ChecklistVersion, Department, ServiceItem, Window


def sync_catalog(session: Session, catalog: Catalog) -> None:
    departments: dict[str, Department] = {d.code: d for d in session.scalars(select(Department))}
    for spec in catalog.org.departments:
        dept = departments.get(spec.code)
        if dept is None:
            dept = Department(code=spec.code)
            session.add(dept)
            departments[spec.code] = dept
        dept.name, dept.short_name, dept.credit_code = spec.name, spec.short_name, spec.credit_code
    windows = {w.code: w for w in session.scalars(select(Window))}
    for wspec in catalog.org.windows:
        window = windows.get(wspec.code) or Window(code=wspec.code)
        window.name = wspec.name
        session.add(window)
    session.flush()
    for versions in (catalog.history or {c: (i,) for c, i in catalog.items.items()}).values():
        for item_spec in versions:
            _publish(session, item_spec, departments[item_spec.department])


def publish_item(session: Session, spec: ItemSpec) -> ChecklistVersion:
    """Publish one (already validated) item version; the same content again is a no-op."""
    department = session.scalars(select(Department).where(Department.code == spec.department)).one()
    return _publish(session, spec, department)


def _publish(session: Session, spec: ItemSpec, department: Department) -> ChecklistVersion:
    item = session.scalars(select(ServiceItem).where(ServiceItem.code == spec.code)).first()
    if item is None:
        item = ServiceItem(code=spec.code, name=spec.name, department=department)
        session.add(item)
        session.flush()
    item.name = spec.name
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
    return version


def current_checklist(session: Session, item: ServiceItem) -> ChecklistVersion:
    """The newest version in effect today (versions are ordered by number)."""
    today = date.today()
    effective = [v for v in item.versions if v.effective_from <= today]
    if not effective:
        raise CatalogError(
            f"item {item.code} has no checklist version in effect today",
            f"事项 {item.code} 当前没有生效的材料清单版本",
        )
    return effective[-1]


def spec_of(version: ChecklistVersion) -> ItemSpec:
    """The rules a case was checked against, as published (versions published before
    the spec was stored were rebuilt from their rows by migration 0010)."""
    return ItemSpec.model_validate(version.spec)


def checklist_of(case: Case) -> tuple[MaterialRequirement, ...]:
    """The materials this case's applicant must bring, by the checklist version the case
    was opened with (its applicant type and sub-scenario applied)."""
    return applicable_checklist(
        spec_of(case.checklist).materials,
        applicant_type=case.applicant_type,
        scenario=case.scenario,
    )
