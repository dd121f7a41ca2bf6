"""Sharing (共享): which department may read which archived object, and why.

Nobody reads an object of a case they do not see at all (another hall's, unless opened to
them: `cases.records.scope`). Within that, a reviewer's department reads its own objects
(those it provided, and those of its own cases), those of the joint cases whose route it
is on while they are in review and the result of those it gave an opinion on
(`cases.records.participation`), and what a grant opens to it: the objects of one case,
or the licenses of one type, between two dates, for a stated purpose. Clerks and
administrators work for their whole hall and see all of its objects. Grants are made by
an administrator or by the providing department; every grant and revocation is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from cases import audit
from cases.errors import Forbidden, InvalidInput, NotFound
from cases.records import participation, scope
from models import (
    Case,
    Department,
    License,
    Role,
    ServiceHall,
    ShareGrant,
    StoredObject,
    User,
    utcnow,
)

LICENSE_CLASSES = ("license", "license_metadata")


@dataclass(frozen=True)
class Access:
    basis: str  # "hall" | "own" | "route" | "opinion" | "grant"
    grant_id: int | None = None


def _active(now: datetime) -> ColumnElement[bool]:
    return and_(
        ShareGrant.revoked_at.is_(None),
        ShareGrant.valid_from <= now,
        ShareGrant.valid_until > now,
    )


def _owns(session: Session, user: User, obj: StoredObject) -> bool:
    if obj.provider_department_id is not None and obj.provider_department_id == user.department_id:
        return True
    case = session.get(Case, obj.case_id) if obj.case_id else None
    return case is not None and case.department_id == user.department_id


def _license_types(session: Session, obj: StoredObject) -> set[str]:
    if obj.doc_class not in LICENSE_CLASSES or obj.case_id is None:
        return set()
    return set(session.scalars(select(License.type_code).where(License.case_id == obj.case_id)))


def access(
    session: Session, user: User, obj: StoredObject, *, now: datetime | None = None
) -> Access:
    """On what basis ``user`` may read ``obj``; Forbidden if on none. Hall staff read
    their hall's objects; one of a case they do not see at all (another hall's, not opened
    to them: `cases.records.scope`) is not found. Reviewers read by department."""
    if user.role != Role.REVIEWER:
        case = session.get(Case, obj.case_id) if obj.case_id is not None else None
        if case is not None and not scope.sees(session, user, case, now=now):
            raise NotFound(f"no object {obj.id}", f"对象 {obj.id} 不存在")
        return Access("hall")
    if _owns(session, user, obj):
        return Access("own")
    if obj.case_id is not None:
        case_id, department_id = obj.case_id, user.department_id
        if participation.on_route_in_review(session, case_id=case_id, department_id=department_id):
            return Access("route")
        if obj.doc_class in participation.RESULT_CLASSES and participation.gave_opinion(
            session, case_id=case_id, department_id=department_id
        ):
            return Access("opinion")
    moment = now or utcnow()
    conditions = []
    if obj.case_id is not None:
        conditions.append(ShareGrant.case_id == obj.case_id)
    types = _license_types(session, obj)
    if types:
        conditions.append(ShareGrant.license_type.in_(types))
    if conditions and user.department_id is not None:
        grant = session.scalars(
            select(ShareGrant)
            .where(ShareGrant.grantee_department_id == user.department_id, _active(moment))
            .where(or_(*conditions))
            .order_by(ShareGrant.id)
        ).first()
        if grant is not None:
            return Access("grant", grant.id)
    raise Forbidden(
        "this object was not shared with your department", "该材料未向您所在部门共享，无权查看"
    )


def create_grant(
    session: Session,
    *,
    actor: User,
    grantee_code: str | None = None,
    grantee_hall: str | None = None,
    purpose: str,
    valid_from: datetime,
    valid_until: datetime,
    case_number: str | None = None,
    license_type: str | None = None,
) -> ShareGrant:
    if (case_number is None) == (license_type is None):
        raise InvalidInput(
            "a grant covers either one case or one license type",
            "共享授权须且仅须指定一个办件或一种证照类型",
        )
    if not purpose.strip():
        raise InvalidInput("state the purpose of the sharing", "请填写共享用途")
    if valid_until <= valid_from:
        raise InvalidInput("the grant must end after it starts", "授权结束时间须晚于开始时间")
    if (grantee_code is None) == (grantee_hall is None):
        raise InvalidInput(
            "a grant goes to one department or to one hall",
            "共享授权须且仅须指定一个部门或一个政务服务中心",
        )
    grantee = hall = None
    if grantee_code is not None:
        grantee = session.scalars(select(Department).where(Department.code == grantee_code)).first()
        if grantee is None:
            raise NotFound(f"no department {grantee_code!r}", f"部门 {grantee_code!r} 不存在")
    else:
        hall = session.scalars(select(ServiceHall).where(ServiceHall.code == grantee_hall)).first()
        if hall is None:
            raise NotFound(f"no hall {grantee_hall!r}", f"政务服务中心 {grantee_hall!r} 不存在")
        if case_number is None:
            raise InvalidInput(
                "a hall is granted one case, not a license type",
                "向其他政务服务中心共享只能指定一个办件",
            )
    case_id = None
    if case_number is not None:
        case = session.scalars(select(Case).where(Case.number == case_number)).first()
        if case is None or not scope.sees(session, actor, case):
            raise scope.case_not_found(case_number)
        case_id = case.id
        provider_ids = {case.department_id}
    else:
        provider_ids = set(
            session.scalars(select(License.department_id).where(License.type_code == license_type))
        )
    if actor.role != Role.ADMIN and not (
        actor.role == Role.REVIEWER and actor.department_id in provider_ids
    ):
        raise Forbidden(
            "only an administrator or the providing department may share this",
            "只有管理员或提供部门可以授权共享（谁提供、谁负责）",
        )
    grant = ShareGrant(
        grantee_department_id=grantee.id if grantee else None,
        grantee_hall_id=hall.id if hall else None,
        case_id=case_id,
        license_type=license_type,
        purpose=purpose.strip()[:200],
        valid_from=valid_from,
        valid_until=valid_until,
        granted_by=actor.username,
    )
    session.add(grant)
    session.flush()
    audit.record(
        session,
        actor=actor.username,
        action="share.grant",
        target=f"grant:{grant.id}",
        grantee=grantee.code if grantee else None,
        grantee_hall=hall.code if hall else None,
        case=case_number,
        license_type=license_type,
        purpose=grant.purpose,
        valid_from=valid_from.isoformat(),
        valid_until=valid_until.isoformat(),
    )
    return grant


def revoke_grant(session: Session, *, actor: User, grant_id: int) -> ShareGrant:
    grant = session.get(ShareGrant, grant_id)
    if grant is None:
        raise NotFound(f"no grant {grant_id}", f"共享授权 {grant_id} 不存在")
    if actor.role != Role.ADMIN and actor.username != grant.granted_by:
        raise Forbidden(
            "only the granter or an administrator may revoke", "只有授权人或管理员可以撤销授权"
        )
    if grant.revoked_at is None:
        grant.revoked_at = utcnow()
        audit.record(
            session, actor=actor.username, action="share.revoke", target=f"grant:{grant.id}"
        )
    session.flush()
    return grant


def grants_for(session: Session, user: User) -> list[ShareGrant]:
    """Grants the user's department received or the user made (all, for an admin)."""
    query = select(ShareGrant).order_by(ShareGrant.id)
    if user.role != Role.ADMIN:
        query = query.where(
            or_(
                ShareGrant.grantee_department_id == user.department_id,
                ShareGrant.granted_by == user.username,
            )
        )
    return list(session.scalars(query))


def shared_with(
    session: Session, user: User, *, now: datetime | None = None
) -> list[tuple[StoredObject, ShareGrant]]:
    """Objects other departments shared with the user's department, by active grant."""
    moment = now or utcnow()
    if user.department_id is None:
        return []
    grants = session.scalars(
        select(ShareGrant)
        .where(ShareGrant.grantee_department_id == user.department_id, _active(moment))
        .order_by(ShareGrant.id)
    ).all()
    seen: dict[int, tuple[StoredObject, ShareGrant]] = {}
    for grant in grants:
        if grant.case_id is not None:
            objects = session.scalars(
                select(StoredObject).where(StoredObject.case_id == grant.case_id)
            )
        else:
            case_ids = select(License.case_id).where(License.type_code == grant.license_type)
            objects = session.scalars(
                select(StoredObject).where(
                    StoredObject.case_id.in_(case_ids), StoredObject.doc_class.in_(LICENSE_CLASSES)
                )
            )
        for obj in objects:
            seen.setdefault(obj.id, (obj, grant))
    return [seen[k] for k in sorted(seen)]


def own_objects(session: Session, user: User, *, limit: int = 500) -> list[StoredObject]:
    """The department's own objects: provided by it or belonging to its cases."""
    own_cases = select(Case.id).where(Case.department_id == user.department_id)
    return list(
        session.scalars(
            select(StoredObject)
            .where(
                or_(
                    StoredObject.provider_department_id == user.department_id,
                    StoredObject.case_id.in_(own_cases),
                )
            )
            .order_by(StoredObject.id)
            .limit(limit)
        )
    )
