"""Reading archived objects: authorise, audit, describe provenance, download links, legal
hold, and the state of outage staging. Every read, download and link leaves an audit event
naming the basis of access (own department, hall, route, or which grant).

Download links are served by the application, never by the object store: a link names the
object and the member of staff who asked for it, and every use checks that person's access
again, so revoking a grant (or deactivating the account) closes the link at once. An S3
presigned URL cannot be withdrawn before it expires.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any, BinaryIO

from sqlalchemy.exc import IntegrityError as DBIntegrityError
from sqlalchemy.orm import Session

from archive import ObjectNotFound, ObjectStore, RetentionLocked, StagingStore, StoreAccessDenied
from cases import audit
from cases.config import Settings
from cases.errors import Forbidden, InvalidInput, InvalidState, NotFound
from cases.records.sharing import Access, access
from cases.records.storage import url_signer
from models import Department, Page, Role, StoredObject, User, utcnow

MAX_LINK_SECONDS = 900  # presigned links are short-lived: 15 minutes at most


def load_object(session: Session, object_id: int) -> StoredObject:
    obj = session.get(StoredObject, object_id)
    if obj is None:
        raise NotFound(f"no object {object_id}", f"对象 {object_id} 不存在")
    return obj


def provenance(session: Session, obj: StoredObject) -> dict[str, Any]:
    """谁提供、谁负责: who provided the object and who is answerable for it."""
    dept = (
        session.get(Department, obj.provider_department_id) if obj.provider_department_id else None
    )
    return {
        "provider": dept.code if dept else "hall",
        "provider_name": dept.name if dept else "综合受理窗口",
        "provided_by": obj.provided_by,
        "archived_at": obj.created_at.isoformat(),
    }


def describe(session: Session, obj: StoredObject, store: ObjectStore) -> dict[str, Any]:
    staged = isinstance(store, StagingStore) and store.staging.exists(obj.key)
    return {
        "id": obj.id,
        "key": obj.key,
        "sha256": obj.sha256,
        "size": obj.size,
        "content_type": obj.content_type,
        "doc_class": obj.doc_class,
        "case_id": obj.case_id,
        "provenance": provenance(session, obj),
        "retain_until": obj.retain_until.isoformat() if obj.retain_until else None,
        "retention_mode": obj.retention_mode,
        "legal_hold": obj.legal_hold,
        "state": "staged" if staged else "stored",
    }


def _audit_access(
    session: Session, user: User, action: str, obj: StoredObject, basis: Access, **extra: Any
) -> None:
    audit.record(
        session,
        actor=user.username,
        action=action,
        target=f"object:{obj.id}",
        sha256=obj.sha256,
        basis=basis.basis,
        grant=basis.grant_id,
        **extra,
    )


def read_info(
    session: Session, store: ObjectStore, user: User, obj: StoredObject
) -> dict[str, Any]:
    basis = access(session, user, obj)
    _audit_access(session, user, "object.read", obj, basis)
    return describe(session, obj, store) | {"access": basis.basis, "grant": basis.grant_id}


def authorise_read(
    session: Session, user: User, obj: StoredObject, *, action: str, target: str
) -> None:
    """Authorise and audit a read of what an object backs (e.g. a license's record)."""
    basis = access(session, user, obj)
    audit.record(
        session,
        actor=user.username,
        action=action,
        target=target,
        object=obj.id,
        basis=basis.basis,
        grant=basis.grant_id,
    )


def read_page_image(session: Session, store: ObjectStore, user: User, page: Page) -> bytes:
    """The scan of an applicant's page for `user` to look at (the thumbnails at the
    counter and the desk): authorised and audited like every other read of the archive."""
    obj = load_object(session, page.image_object_id)
    basis = access(session, user, obj)
    data = store.get(obj.key)
    _audit_access(session, user, "page.view", obj, basis, page=page.id)
    return data


def open_for_download(
    session: Session, store: ObjectStore, user: User, obj: StoredObject
) -> BinaryIO:
    """Authorise, audit, and open a verifying stream (IntegrityError at EOF on a bad hash)."""
    basis = access(session, user, obj)
    stream = store.open(obj.key)
    _audit_access(session, user, "object.download", obj, basis)
    return stream


_LINK_KEY = re.compile(r"object/([1-9][0-9]{0,18})/by/([1-9][0-9]{0,18})")


def presign(
    session: Session, settings: Settings, user: User, obj: StoredObject, *, seconds: int
) -> dict[str, Any]:
    """A link that fetches the object without a token, for `seconds`, on `user`'s access."""
    if not 1 <= seconds <= MAX_LINK_SECONDS:
        raise InvalidInput(
            f"link lifetime must be 1 to {MAX_LINK_SECONDS} seconds",
            f"下载链接有效期须为 1 至 {MAX_LINK_SECONDS} 秒",
        )
    basis = access(session, user, obj)
    url = url_signer(settings).sign(f"object/{obj.id}/by/{user.id}", timedelta(seconds=seconds))
    expires_at = utcnow() + timedelta(seconds=seconds)
    _audit_access(session, user, "object.presign", obj, basis, expires_at=expires_at.isoformat())
    return {"url": url, "expires_at": expires_at.isoformat(), "sha256": obj.sha256}


def _link_closed() -> Forbidden:
    return Forbidden(
        "this link no longer gives access: the sharing grant was revoked, or the account "
        "that asked for it may no longer read the document",
        "该下载链接已失效:共享授权已撤销,或申请链接的账号已无权查看该材料",
    )


def link_download(
    session: Session, store: ObjectStore, settings: Settings, *, key: str, expires: int, sig: str
) -> tuple[StoredObject, BinaryIO]:
    """Open what a link names, if the link is genuine and unexpired and the member of
    staff who asked for it may still read the object; recorded under their name."""
    try:
        url_signer(settings).verify(key, expires, sig)
    except StoreAccessDenied as e:
        raise Forbidden(e.en, e.zh) from e
    named = _LINK_KEY.fullmatch(key)
    if named is None:  # a link of an earlier version, signed over a store key
        raise Forbidden(
            "this link is no longer valid; ask for a new one", "该下载链接已失效,请重新申请"
        )
    obj = session.get(StoredObject, int(named.group(1)))
    issuer = session.get(User, int(named.group(2)))
    if obj is None:
        raise NotFound("no such object", "对象不存在")
    if issuer is None or not issuer.active:
        raise _link_closed()
    try:
        basis = access(session, issuer, obj)
    except Forbidden as e:
        raise _link_closed() from e
    stream = store.open(obj.key)
    _audit_access(session, issuer, "object.link_download", obj, basis, via="link")
    return obj, stream


def set_legal_hold(
    session: Session, store: ObjectStore, user: User, obj: StoredObject, *, on: bool, reason: str
) -> StoredObject:
    if user.role != Role.ADMIN:
        raise Forbidden("only an administrator may set a legal hold", "只有管理员可以设置法律保全")
    if not reason.strip():
        raise InvalidInput("state the reason for the legal hold", "请填写法律保全的原因")
    store.set_legal_hold(obj.key, on)
    obj.legal_hold = on
    session.flush()
    audit.record(
        session,
        actor=user.username,
        action="object.legal_hold",
        target=f"object:{obj.id}",
        on=on,
        reason=reason,
    )
    return obj


def staging_status(store: ObjectStore) -> dict[str, Any]:
    if not isinstance(store, StagingStore):
        return {"staging": False, "store_down": False, "staged": []}
    staged = store.staged()
    return {
        "staging": True,
        "store_down": store.primary_down,
        "count": len(staged),
        "staged": [
            {"key": i.key, "sha256": i.sha256, "size": i.size, "staged_at": i.modified.isoformat()}
            for i in staged
        ],
    }


def drain(session: Session, store: ObjectStore, *, actor: str) -> dict[str, Any]:
    if not isinstance(store, StagingStore):
        return {"uploaded": 0, "already_stored": 0, "remaining": 0}
    report = store.drain()
    if report.uploaded or report.already_stored:
        audit.record(
            session,
            actor=actor,
            action="archive.drain",
            target="archive",
            uploaded=len(report.uploaded),
            already_stored=len(report.already_stored),
            remaining=report.remaining,
        )
    return {
        "uploaded": len(report.uploaded),
        "already_stored": len(report.already_stored),
        "remaining": report.remaining,
    }


def delete_object(session: Session, store: ObjectStore, user: User, obj: StoredObject) -> None:
    """Delete where allowed: never before retention ends, under legal hold, or while a
    case record still points at the object. The store enforces retention itself too."""
    if user.role != Role.ADMIN:
        raise Forbidden(
            "only an administrator may delete archived objects", "只有管理员可以删除归档对象"
        )
    if obj.legal_hold or (obj.retain_until is not None and obj.retain_until > utcnow()):
        until = obj.retain_until.isoformat() if obj.retain_until else "-"
        raise InvalidState(
            f"object {obj.id} is retained until {until} or under legal hold",
            f"对象 {obj.id} 处于保留期（至 {until}）或法律保全中，不得删除",
        )
    try:
        with session.begin_nested():
            session.delete(obj)
    except DBIntegrityError as e:
        raise InvalidState(
            f"object {obj.id} is still referenced by case records",
            f"对象 {obj.id} 仍被办件记录引用，不得删除",
        ) from e
    try:
        store.delete(obj.key)
    except RetentionLocked as e:
        raise InvalidState(e.en, e.zh) from e
    except ObjectNotFound:
        pass  # already gone from the store: the row goes too
    audit.record(
        session,
        actor=user.username,
        action="object.delete",
        target=f"object:{obj.id}",
        sha256=obj.sha256,
    )
