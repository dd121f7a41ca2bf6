"""The public service-item catalog (办事指南 and material checklists)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from api.deps import HallDep
from cases.catalog import Catalog

router = APIRouter(prefix="/api/v1/catalog", tags=["catalog"])


def catalog_summary(catalog: Catalog) -> list[dict[str, Any]]:
    return [
        {
            "code": item.code,
            "name": item.name,
            "department": catalog.department(item.department).name,
            "kind": item.kind,
            "time_limit_days": item.time_limit_days,
            "version": item.version,
            "guide": item.guide,
            "materials": [
                {
                    "code": m.code,
                    "name": m.name,
                    "required": m.required,
                    "form": m.form,
                    "pending_allowed": m.pending_allowed,
                    "pending_days": m.pending_days,
                }
                for m in item.materials
            ],
        }
        for item in catalog.items.values()
    ]


@router.get("")
def list_items(hall: HallDep) -> list[dict[str, Any]]:
    return catalog_summary(hall.catalog)


@router.get("/{code}")
def get_item(code: str, hall: HallDep) -> dict[str, Any]:
    hall.catalog.item(code)  # raises a 404 with a clear message for an unknown code
    return next(i for i in catalog_summary(hall.catalog) if i["code"] == code)
