"""Shared documents (共享材料): a department sees its own archived objects and what other
departments granted to it, nothing else; every preview and download is authorised and
audited by cases.archive_access."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from sqlalchemy import select

from api.deps import HallDep, SessionDep
from api.errors import status_for
from api.ids import RowId
from api.web.auth import ReviewerPage, check_csrf
from api.web.templating import render, see_other
from cases import audit
from cases.errors import OneWindowError
from cases.records import access as archive_access
from cases.records import sharing
from models import Case, Department, ServiceHall, StoredObject, User, utcnow

router = APIRouter(include_in_schema=False)


def _numbers(session: SessionDep, objects: list[StoredObject]) -> dict[int, str]:
    ids = {o.case_id for o in objects if o.case_id is not None}
    if not ids:
        return {}
    rows = session.execute(select(Case.id, Case.number).where(Case.id.in_(ids)))
    return {case_id: number for case_id, number in rows}


def _page(
    request: Request,
    session: SessionDep,
    user: User,
    *,
    error: str = "",
    status_code: int = 200,
) -> Response:
    own = sharing.own_objects(session, user, limit=200)
    granted = sharing.shared_with(session, user)
    audit.record(
        session,
        actor=user.username,
        action="share.list",
        target="archive",
        count=len(granted) + len(own),
    )
    grants = sharing.grants_for(session, user)
    departments = {d.id: d for d in session.scalars(select(Department))}
    return render(
        request,
        "shared.html",
        status_code=status_code,
        own=own,
        granted=granted,
        grants=grants,
        departments=departments,
        halls={h.id: h for h in session.scalars(select(ServiceHall))},
        numbers=_numbers(session, own + [o for o, _ in granted]),
        error=error,
        flash=request.session.pop("flash", ""),
    )


@router.get("/shared")
def shared_page(request: Request, session: SessionDep, user: ReviewerPage) -> Response:
    return _page(request, session, user)


@router.get("/shared/objects/{object_id}")
def preview(
    object_id: RowId, request: Request, session: SessionDep, hall: HallDep, user: ReviewerPage
) -> Response:
    obj = archive_access.load_object(session, object_id)
    info = archive_access.read_info(session, hall.store, user, obj)  # Forbidden if not shared
    number = session.scalar(select(Case.number).where(Case.id == obj.case_id))
    return render(request, "shared_object.html", obj=obj, info=info, number=number)


@router.post("/shared/grants")
def grant(
    request: Request,
    session: SessionDep,
    user: ReviewerPage,
    grantee: Annotated[str, Form()],
    purpose: Annotated[str, Form()],
    case_number: Annotated[str, Form()] = "",
    days: Annotated[int, Form()] = 30,
    csrf: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf)
    start = utcnow()
    try:
        sharing.create_grant(
            session,
            actor=user,
            grantee_code=grantee.strip(),
            case_number=case_number.strip() or None,
            license_type=None,
            purpose=purpose,
            valid_from=start,
            valid_until=start + timedelta(days=max(1, min(days, 3650))),
        )
    except OneWindowError as e:
        session.rollback()
        return _page(request, session, user, error=e.zh, status_code=status_for(e))
    request.session["flash"] = f"已向 {grantee} 共享办件 {case_number}"
    return see_other("/shared")


@router.post("/shared/grants/{grant_id}/revoke")
def revoke(
    grant_id: RowId,
    request: Request,
    session: SessionDep,
    user: ReviewerPage,
    csrf: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf)
    try:
        sharing.revoke_grant(session, actor=user, grant_id=grant_id)
    except OneWindowError as e:
        session.rollback()
        return _page(request, session, user, error=e.zh, status_code=status_for(e))
    request.session["flash"] = "已撤销共享授权"
    return see_other("/shared")
