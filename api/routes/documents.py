"""Archived objects, notices and licenses: every download is authorised and audited."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response
from sqlalchemy import select

from api.deps import CurrentUser, HallDep, SessionDep
from cases import audit
from cases.errors import Forbidden, NotFound
from models import Case, License, Notice, Role, StoredObject, User

router = APIRouter(prefix="/api/v1", tags=["documents"])


def _authorise(session: SessionDep, user: User, obj: StoredObject) -> None:
    """Clerks and admins see the hall's objects; a department sees objects of its own
    cases and objects it provided (sharing grants come with the archive work)."""
    if user.role != Role.REVIEWER:
        return
    case = session.get(Case, obj.case_id) if obj.case_id else None
    if obj.provider_department_id == user.department_id or (
        case is not None and case.department_id == user.department_id
    ):
        return
    raise Forbidden(
        "this object was not shared with your department", "该材料未向您所在部门共享,无权查看"
    )


def _download(
    session: SessionDep, hall: HallDep, user: User, obj: StoredObject, filename: str
) -> Response:
    _authorise(session, user, obj)
    data = hall.store.get(obj.key)
    audit.record(
        session,
        actor=user.username,
        action="object.download",
        target=f"object:{obj.id}",
        sha256=obj.sha256,
    )
    return Response(
        data,
        media_type=obj.content_type,
        headers={
            "Content-Disposition": f'inline; filename="{filename}"',
            "X-Content-SHA256": obj.sha256,
        },
    )


@router.get("/objects/{object_id}")
def get_object(object_id: int, session: SessionDep, hall: HallDep, user: CurrentUser) -> Response:
    obj = session.get(StoredObject, object_id)
    if obj is None:
        raise NotFound(f"no object {object_id}", f"对象 {object_id} 不存在")
    return _download(session, hall, user, obj, f"object-{object_id}")


@router.get("/notices/{number}/pdf")
def notice_pdf(number: str, session: SessionDep, hall: HallDep, user: CurrentUser) -> Response:
    notice = session.scalars(select(Notice).where(Notice.number == number)).first()
    if notice is None:
        raise NotFound(f"no notice {number!r}", f"通知书 {number!r} 不存在")
    return _download(
        session, hall, user, session.get_one(StoredObject, notice.object_id), "notice.pdf"
    )


def _license(session: SessionDep, number: str) -> License:
    license_ = session.scalars(select(License).where(License.number == number)).first()
    if license_ is None:
        raise NotFound(f"no license {number!r}", f"电子证照 {number!r} 不存在")
    return license_


@router.get("/licenses/{number}")
def license_info(number: str, session: SessionDep, user: CurrentUser) -> dict[str, Any]:
    license_ = _license(session, number)
    _authorise(session, user, session.get_one(StoredObject, license_.object_id))
    return {
        "number": license_.number,
        "title": license_.title,
        "holder": license_.holder,
        "status": license_.status,
        "issued_on": license_.issued_on.isoformat(),
        "valid_until": license_.valid_until.isoformat() if license_.valid_until else None,
        "pdf_sha256": license_.pdf_sha256,
    }


@router.get("/licenses/{number}/pdf")
def license_pdf(number: str, session: SessionDep, hall: HallDep, user: CurrentUser) -> Response:
    license_ = _license(session, number)
    return _download(
        session, hall, user, session.get_one(StoredObject, license_.object_id), "license.pdf"
    )
