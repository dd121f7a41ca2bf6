"""The public service-item catalog (办事指南 and material checklists), the consultation
knowledge base, and catalog administration for the hall administrator."""

from __future__ import annotations

import random
from typing import Annotated, Any

import cv2
from fastapi import APIRouter, Depends, Query, Response
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, Field

from api.deps import HallDep, RoleRequired, SessionDep
from api.ids import RowId
from api.throttling import per_client
from cases.catalog import admin as catalog_admin
from cases.catalog import knowledge
from cases.catalog.publish import spec_of
from cases.catalog.spec import SAMPLE_CATALOG_DIR, Catalog, ItemSpec, MaterialRequirement
from cases.errors import NotFound
from models import Role, User
from sample_scans.scans import render_material, sample_applicant

# Anonymous reads (the sample images are rendered on request): limited per client.
router = APIRouter(
    prefix="/api/v1/catalog",
    tags=["catalog"],
    dependencies=[per_client("catalog", lambda settings: settings.public_per_minute)],
)
Admin = Annotated[User, Depends(RoleRequired(Role.ADMIN))]


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


@router.get("")
def list_items(hall: HallDep) -> list[dict[str, Any]]:
    return catalog_summary(hall.catalog)


@router.get("/knowledge")
def search_knowledge(
    hall: HallDep, q: Annotated[str, Query(min_length=1)], item: str | None = None
) -> list[dict[str, Any]]:
    """咨询知识库: questions and answers, searched in Chinese."""
    return [a.__dict__ for a in knowledge.search(hall.catalog, q, item_code=item)]


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
def get_item(code: str, hall: HallDep) -> dict[str, Any]:
    return item_summary(hall.catalog, hall.catalog.item(code))  # 404 for an unknown code


@router.get("/{code}/materials/{material}/sample")
def material_sample(code: str, material: str, hall: HallDep) -> Response:
    """The material's sample (样本): the catalog's image, or a generated filled-in page."""
    item = hall.catalog.item(code)
    spec = item.material(material)
    if spec is None:
        raise NotFound(
            f"item {code} has no material {material!r}", f"事项 {code} 没有材料 {material}"
        )
    if spec.sample_image:
        path = (hall.settings.catalog_dir or SAMPLE_CATALOG_DIR) / spec.sample_image
        media = "image/png" if path.suffix.lower() == ".png" else "image/jpeg"
        return Response(path.read_bytes(), media_type=media)
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
