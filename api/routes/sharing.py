"""Sharing grants (共享授权) and a department's view of the archive: its own objects and
what other departments shared with it."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from api.deps import CurrentUser, HallDep, SessionDep
from api.ids import RowId
from cases import audit
from cases.records import sharing
from cases.records.access import describe
from models import Department, ServiceHall, ShareGrant, utcnow

router = APIRouter(prefix="/api/v1", tags=["sharing"])


class GrantRequest(BaseModel):
    grantee: str | None = Field(default=None, description="code of the department that may read")
    grantee_hall: str | None = Field(
        default=None,
        max_length=32,
        description="or: code of the hall whose staff may open the case",
    )
    case_number: str | None = None
    license_type: str | None = None
    purpose: str = Field(min_length=1, max_length=200)
    valid_from: datetime | None = None
    valid_until: datetime | None = None
    days: int = Field(30, ge=1, le=3650, description="used when valid_until is not given")


def _grant(session: SessionDep, grant: ShareGrant) -> dict[str, Any]:
    grantee = session.get(Department, grant.grantee_department_id or 0)
    hall = session.get(ServiceHall, grant.grantee_hall_id or 0)
    return {
        "id": grant.id,
        "grantee": grantee.code if grantee else None,
        "grantee_hall": hall.code if hall else None,
        "case_id": grant.case_id,
        "license_type": grant.license_type,
        "purpose": grant.purpose,
        "valid_from": grant.valid_from.isoformat(),
        "valid_until": grant.valid_until.isoformat(),
        "granted_by": grant.granted_by,
        "revoked": grant.revoked_at is not None,
    }


@router.post("/grants", status_code=201)
def create_grant(body: GrantRequest, session: SessionDep, user: CurrentUser) -> dict[str, Any]:
    start = body.valid_from or utcnow()
    grant = sharing.create_grant(
        session,
        actor=user,
        grantee_code=body.grantee,
        grantee_hall=body.grantee_hall,
        case_number=body.case_number,
        license_type=body.license_type,
        purpose=body.purpose,
        valid_from=start,
        valid_until=body.valid_until or start + timedelta(days=body.days),
    )
    return _grant(session, grant)


@router.get("/grants")
def list_grants(session: SessionDep, user: CurrentUser) -> list[dict[str, Any]]:
    return [_grant(session, g) for g in sharing.grants_for(session, user)]


@router.delete("/grants/{grant_id}")
def revoke_grant(grant_id: RowId, session: SessionDep, user: CurrentUser) -> dict[str, Any]:
    return _grant(session, sharing.revoke_grant(session, actor=user, grant_id=grant_id))


@router.get("/shared")
def shared_with_me(session: SessionDep, hall: HallDep, user: CurrentUser) -> list[dict[str, Any]]:
    """Objects other departments shared with the caller's department, with provenance."""
    found = sharing.shared_with(session, user)
    audit.record(
        session, actor=user.username, action="share.list", target="archive", count=len(found)
    )
    return [
        describe(session, obj, hall.store) | {"grant": grant.id, "purpose": grant.purpose}
        for obj, grant in found
    ]


@router.get("/objects")
def my_objects(session: SessionDep, hall: HallDep, user: CurrentUser) -> list[dict[str, Any]]:
    """The department's own objects (provided by it or of its cases)."""
    objects = sharing.own_objects(session, user)
    audit.record(
        session, actor=user.username, action="object.list", target="archive", count=len(objects)
    )
    return [describe(session, obj, hall.store) for obj in objects]
