"""Archived objects, notices and licenses: every read, download and link is authorised
(own department, hall, or a sharing grant) and audited."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, BinaryIO

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel
from sqlalchemy import select

from api.deps import CurrentUser, HallDep, RoleRequired, SessionDep
from api.ids import RowId, Timestamp
from cases.errors import Forbidden, NotFound
from cases.records import access as archive_access
from cases.records import scope
from cases.records.access import MAX_LINK_SECONDS
from models import Case, License, Notice, Role, StoredObject, User

router = APIRouter(prefix="/api/v1", tags=["documents"])
Admin = Annotated[User, Depends(RoleRequired(Role.ADMIN))]
_CHUNK = 256 * 1024
_WHOLE = 32 * 1024 * 1024


def _chunks(stream: BinaryIO) -> Iterator[bytes]:
    try:
        while chunk := stream.read(_CHUNK):
            yield chunk
    finally:
        stream.close()


def _send(stream: BinaryIO, obj: StoredObject, filename: str) -> Response:
    """Objects up to 32 MB are verified whole before the first byte goes out, so a bad
    hash is a clean error; larger ones stream and break off at the end on a mismatch."""
    headers = {
        "Content-Disposition": f'inline; filename="{filename}"',
        "X-Content-SHA256": obj.sha256,
    }
    if obj.size <= _WHOLE:
        with stream:
            return Response(stream.read(), media_type=obj.content_type, headers=headers)
    headers["Content-Length"] = str(obj.size)
    return StreamingResponse(_chunks(stream), media_type=obj.content_type, headers=headers)


def _download(
    session: SessionDep, hall: HallDep, user: User, obj: StoredObject, filename: str
) -> Response:
    stream = archive_access.open_for_download(session, hall.store, user, obj)
    session.commit()  # the audit event stands even if the client drops the transfer
    return _send(stream, obj, filename)


@router.get("/objects/{object_id}")
def get_object(object_id: RowId, session: SessionDep, hall: HallDep, user: CurrentUser) -> Response:
    obj = archive_access.load_object(session, object_id)
    return _download(session, hall, user, obj, f"object-{object_id}")


@router.get("/objects/{object_id}/info")
def object_info(
    object_id: RowId, session: SessionDep, hall: HallDep, user: CurrentUser
) -> dict[str, Any]:
    obj = archive_access.load_object(session, object_id)
    return archive_access.read_info(session, hall.store, user, obj)


@router.post("/objects/{object_id}/link")
def object_link(
    object_id: RowId,
    session: SessionDep,
    hall: HallDep,
    user: CurrentUser,
    seconds: Annotated[
        int, Query(ge=1, le=MAX_LINK_SECONDS, description="lifetime of the link, at most 900 s")
    ] = 300,
) -> dict[str, Any]:
    """A short-lived link that fetches the object without a token, served by this API and
    checked against the caller's access at every use (a revoked grant closes it)."""
    obj = archive_access.load_object(session, object_id)
    return archive_access.presign(session, hall.settings, user, obj, seconds=seconds)


@router.get("/archive/link", include_in_schema=False)
def signed_link(
    session: SessionDep,
    hall: HallDep,
    key: Annotated[str, Query(max_length=100)],
    expires: Timestamp,
    sig: Annotated[str, Query(max_length=100)],
) -> Response:
    """Serves the links of POST /objects/{id}/link, whatever the store."""
    obj, stream = archive_access.link_download(
        session, hall.store, hall.settings, key=key, expires=expires, sig=sig
    )
    session.commit()
    return _send(stream, obj, f"object-{obj.id}")


@router.delete("/objects/{object_id}")
def delete_object(
    object_id: RowId, session: SessionDep, hall: HallDep, user: Admin
) -> dict[str, Any]:
    """Deletes only where allowed: 409 while retained, held or referenced."""
    obj = archive_access.load_object(session, object_id)
    archive_access.delete_object(session, hall.store, user, obj)
    return {"deleted": object_id}


class LegalHoldRequest(BaseModel):
    on: bool
    reason: str


@router.post("/objects/{object_id}/legal-hold")
def legal_hold(
    object_id: RowId,
    body: LegalHoldRequest,
    session: SessionDep,
    hall: HallDep,
    user: Admin,
) -> dict[str, Any]:
    obj = archive_access.load_object(session, object_id)
    archive_access.set_legal_hold(session, hall.store, user, obj, on=body.on, reason=body.reason)
    return archive_access.describe(session, obj, hall.store)


@router.get("/archive/staging")
def staging(hall: HallDep, user: CurrentUser) -> dict[str, Any]:
    """Objects staged locally while the object store is down, waiting for upload."""
    if user.role == Role.REVIEWER:
        raise Forbidden("hall staff only", "仅限大厅工作人员查看")
    return archive_access.staging_status(hall.store)


@router.post("/archive/staging/drain")
def drain(session: SessionDep, hall: HallDep, user: Admin) -> dict[str, Any]:
    return archive_access.drain(session, hall.store, actor=user.username)


@router.get("/notices/{number}/pdf")
def notice_pdf(number: str, session: SessionDep, hall: HallDep, user: CurrentUser) -> Response:
    notice = session.scalars(select(Notice).where(Notice.number == number)).first()
    if notice is None or not scope.sees(session, user, session.get_one(Case, notice.case_id)):
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
    archive_access.authorise_read(
        session,
        user,
        session.get_one(StoredObject, license_.object_id),
        action="license.read",
        target=f"license:{license_.id}",
    )
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
