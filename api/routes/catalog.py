"""The public service-item catalog (办事指南 and material checklists) as published in the
database, its change announcements (公告), the consultation knowledge base, and catalog
administration for the hall administrator."""

from __future__ import annotations

import random
from typing import Annotated, Any

import cv2
from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import HTMLResponse, PlainTextResponse
from pydantic import BaseModel, Field

from api.deps import CatalogDep, HallDep, RoleRequired, SessionDep
from api.ids import RowId
from api.throttling import per_client
from api.web.templating import render
from cases.catalog import admin as catalog_admin
from cases.catalog import knowledge
from cases.catalog.announcements import MAX_PER_PAGE, AnnouncementPage, list_announcements
from cases.catalog.publish import spec_of
from cases.catalog.spec import SAMPLE_CATALOG_DIR, Catalog, ItemSpec, MaterialRequirement
from cases.errors import NotFound
from models import Role, User
from sample_scans.scans import SUPPORTED_MATERIALS, render_material, sample_applicant

# Anonymous reads (the sample images are rendered on request): limited per client.
router = APIRouter(
    prefix="/api/v1/catalog",
    tags=["catalog"],
    dependencies=[per_client("catalog", lambda settings: settings.public_per_minute)],
)
# The public announcement page (HTML), limited like the catalog's reads.
pages = APIRouter(
    include_in_schema=False,
    dependencies=[per_client("catalog", lambda settings: settings.public_per_minute)],
)
Admin = Annotated[User, Depends(RoleRequired(Role.ADMIN))]
PageNumber = Annotated[int, Query(ge=1, le=100_000)]
PerPage = Annotated[int, Query(ge=1, le=MAX_PER_PAGE)]
ItemCode = Annotated[str | None, Query(max_length=64)]


def item_summary(catalog: Catalog, item: ItemSpec) -> dict[str, Any]:
    return {
        "code": item.code,
        "name": item.name,
        "department": catalog.department(item.department).name,
        "kind": item.kind,
        "time_limit_days": item.time_limit_days,
        "version": item.version,
        "effective_from": item.effective_from.isoformat(),
        "guide": item.guide,
        "applicant_types": list(item.applicant_types),
        "scenarios": item.scenarios,
        "overdue": item.overdue.model_dump(),
        "materials": [material_summary(m) for m in item.materials],
    }


def material_summary(m: MaterialRequirement) -> dict[str, Any]:
    """A checklist line as published, with the words every surface shows for it."""
    return {
        **m.model_dump(mode="json", exclude={"hints"}),
        "to_bring": m.to_bring,
        "may_be_pending": m.may_be_pending,
        "pending_deadline": m.pending_deadline() if m.may_be_pending else None,
    }


def catalog_summary(catalog: Catalog) -> list[dict[str, Any]]:
    return [item_summary(catalog, item) for item in catalog.items.values()]


class YamlFiles(BaseModel):
    files: dict[str, str] = Field(min_length=1)  # file name -> YAML text of one item


def announcements_summary(found: AnnouncementPage) -> dict[str, Any]:
    return {
        "page": found.page,
        "per_page": found.per_page,
        "total": found.total,
        "pages": found.pages,
        "announcements": [
            {
                "item_code": a.item_code,
                "item_name": a.item_name,
                "version": a.version,
                "previous_version": a.previous_version,
                "changes": list(a.changes),
                "effective_from": a.effective_from.isoformat(),
                "published_at": a.published_at.isoformat(),
                "upcoming": a.upcoming,
            }
            for a in found.entries
        ],
    }


@router.get("")
def list_items(catalog: CatalogDep) -> list[dict[str, Any]]:
    """The items in effect today, each at its current checklist version."""
    return catalog_summary(catalog)


@router.get("/knowledge")
def search_knowledge(
    catalog: CatalogDep,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    item: ItemCode = None,
) -> list[dict[str, Any]]:
    """咨询知识库: questions and answers, searched in Chinese."""
    return [a.__dict__ for a in knowledge.search(catalog, q, item_code=item)]


@router.get("/announcements")
def announcements(
    session: SessionDep, page: PageNumber = 1, per_page: PerPage = 20, item: ItemCode = None
) -> dict[str, Any]:
    """事项信息变更公告: every published version, newest first; `upcoming` until its
    effective date."""
    found = list_announcements(session, page=page, per_page=per_page, item_code=item)
    return announcements_summary(found)


@pages.get("/catalog/announcements", response_class=HTMLResponse)
def announcements_page(
    request: Request, session: SessionDep, page: PageNumber = 1, item: ItemCode = None
) -> Response:
    found = list_announcements(session, page=page, per_page=20, item_code=item)
    return render(request, "announcements.html", user=None, found=found, item=item or "")


@router.post("/validate")
def validate(body: YamlFiles, hall: HallDep, user: Admin) -> dict[str, Any]:
    specs = [
        catalog_admin.validate_text(text, hall.catalog.org, filename=name)
        for name, text in body.files.items()
    ]
    return {"valid": True, "items": [{"code": s.code, "version": s.version} for s in specs]}


@router.post("/publish", status_code=201)
def publish(body: YamlFiles, session: SessionDep, hall: HallDep, user: Admin) -> dict[str, Any]:
    versions = catalog_admin.publish_texts(session, body.files, hall.catalog.org, actor=user)
    return {
        "published": [
            {"code": v.item.code, "version": v.version, "sha256": v.sha256} for v in versions
        ]
    }


@router.get("/{code}")
def get_item(code: str, catalog: CatalogDep) -> dict[str, Any]:
    return item_summary(catalog, catalog.item(code))  # 404 for an unknown code


@router.get("/{code}/materials/{material}/sample")
def material_sample(code: str, material: str, hall: HallDep, catalog: CatalogDep) -> Response:
    """The material's sample (样本): the catalog's image, or a generated filled-in page
    (also for an uploaded item whose image is not in the catalog directory)."""
    item = catalog.item(code)
    spec = item.material(material)
    if spec is None:
        raise NotFound(
            f"item {code} has no material {material!r}", f"事项 {code} 没有材料 {material}"
        )
    directory = (hall.settings.catalog_dir or SAMPLE_CATALOG_DIR).resolve()
    path = (directory / spec.sample_image).resolve()  # an upload may name any path
    if spec.sample_image and path.is_relative_to(directory) and path.is_file():
        media = "image/png" if path.suffix.lower() == ".png" else "image/jpeg"
        return Response(path.read_bytes(), media_type=media)
    if material not in SUPPORTED_MATERIALS:
        raise NotFound(
            f"material {material!r} of item {code} has no sample",
            f"事项 {code} 的材料“{spec.name}”暂无样本",
        )
    image = render_material(
        material, item_name=item.name, applicant=sample_applicant(0), rng=random.Random(code)
    )[0]
    _, buf = cv2.imencode(".png", cv2.resize(image, None, fx=0.5, fy=0.5))
    return Response(buf.tobytes(), media_type="image/png")


@router.get("/{code}/versions")
def versions(code: str, session: SessionDep) -> list[dict[str, Any]]:
    latest = catalog_admin.published(session, code)
    return [
        {
            "version": v.version,
            "effective_from": v.effective_from.isoformat(),
            "sha256": v.sha256,
        }
        for v in latest.item.versions
    ]


@router.get("/{code}/export", response_class=PlainTextResponse)
def export(code: str, session: SessionDep, user: Admin, version: RowId | None = None) -> str:
    return catalog_admin.export_item(session, code, version)


@router.get("/{code}/diff")
def diff(
    code: str,
    session: SessionDep,
    user: Admin,
    old: Annotated[RowId, Query(alias="from")],
    new: Annotated[RowId, Query(alias="to")],
) -> dict[str, Any]:
    a = spec_of(catalog_admin.published(session, code, old))
    b = spec_of(catalog_admin.published(session, code, new))
    return {
        "code": code,
        "from": old,
        "to": new,
        "changes": [c.__dict__ for c in catalog_admin.diff_items(a, b)],
    }
