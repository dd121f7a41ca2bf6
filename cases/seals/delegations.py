"""Delegations (授权委托书): a department authorises a window to accept its items, and a
person (the chief representative, 首席代表) to use its seal, for a period.

A seal-use delegation may name one user, or none: then it covers every active reviewer of
the department, which is how the generated development hall lets its reviewers seal.
Signing with a department seal is refused without a delegation valid today, and the
refusal says why (none, not yet valid, expired, revoked).
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping, Sequence
from datetime import date, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from cases import audit
from cases.errors import Forbidden, InvalidInput
from models import Delegation, DelegationKind, Department, Role, Seal, User, Window

logger = logging.getLogger(__name__)

DEVELOPMENT_YEARS = 3


class SealUseRefused(Forbidden):
    code = "seal.no_delegation"


def _check_period(valid_from: date, valid_to: date) -> None:
    if valid_to < valid_from:
        raise InvalidInput(
            f"delegation ends ({valid_to}) before it starts ({valid_from})",
            f"授权委托的截止日期 {valid_to} 早于起始日期 {valid_from}",
        )


def grant_seal_use(
    session: Session,
    *,
    department: Department,
    valid_from: date,
    valid_to: date,
    user: User | None = None,
    seal: Seal | None = None,
    actor: str,
    note: str = "",
) -> Delegation:
    """Authorise `user` (or every reviewer of the department) to use `seal` (or any
    seal of the department)."""
    _check_period(valid_from, valid_to)
    if user is not None and (user.role != Role.REVIEWER or user.department_id != department.id):
        raise InvalidInput(
            f"{user.username} is not a reviewer of {department.code}",
            f"{user.username} 不是{department.name}的审批人员,不能授权使用该部门印章",
        )
    if seal is not None and seal.department_id != department.id:
        raise InvalidInput(
            f"seal {seal.code} does not belong to {department.code}",
            f"印章 {seal.code} 不属于{department.name}",
        )
    delegation = Delegation(
        kind=DelegationKind.SEAL_USE,
        department_id=department.id,
        user_id=user.id if user else None,
        seal_id=seal.id if seal else None,
        valid_from=valid_from,
        valid_to=valid_to,
        item_codes=[],
        note=note,
    )
    session.add(delegation)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="delegation.grant",
        target=f"delegation:{delegation.id}",
        kind=delegation.kind,
        department=department.code,
        user=user.username if user else "*reviewers*",
        seal=seal.code if seal else "*",
        valid_from=valid_from.isoformat(),
        valid_to=valid_to.isoformat(),
    )
    return delegation


def grant_acceptance(
    session: Session,
    *,
    department: Department,
    window: Window,
    valid_from: date,
    valid_to: date,
    item_codes: Sequence[str] = (),
    actor: str,
    note: str = "",
) -> Delegation:
    """Authorise `window` to accept `item_codes` (all items when empty) for `department`."""
    _check_period(valid_from, valid_to)
    delegation = Delegation(
        kind=DelegationKind.ACCEPTANCE,
        department_id=department.id,
        window_id=window.id,
        valid_from=valid_from,
        valid_to=valid_to,
        item_codes=list(item_codes),
        note=note,
    )
    session.add(delegation)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="delegation.grant",
        target=f"delegation:{delegation.id}",
        kind=delegation.kind,
        department=department.code,
        window=window.code,
        items=list(item_codes),
        valid_from=valid_from.isoformat(),
        valid_to=valid_to.isoformat(),
    )
    return delegation


def revoke_delegation(session: Session, delegation: Delegation, *, actor: str, reason: str) -> None:
    if not reason.strip():
        raise InvalidInput("revoking a delegation needs a reason", "撤销授权委托必须写明理由")
    delegation.revoked = True
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="delegation.revoke",
        target=f"delegation:{delegation.id}",
        reason=reason,
    )


def may_accept(
    session: Session, *, window_id: int, department_id: int, item_code: str, today: date
) -> bool:
    """Whether the window holds a valid acceptance delegation for the item."""
    rows = session.scalars(
        select(Delegation).where(
            Delegation.kind == DelegationKind.ACCEPTANCE,
            Delegation.window_id == window_id,
            Delegation.department_id == department_id,
            Delegation.revoked.is_(False),
            Delegation.valid_from <= today,
            Delegation.valid_to >= today,
        )
    )
    return any(not d.item_codes or item_code in d.item_codes for d in rows)


def _covers(delegation: Delegation, user: User, seal: Seal) -> bool:
    if delegation.seal_id is not None and delegation.seal_id != seal.id:
        return False
    if delegation.user_id is not None:
        return delegation.user_id == user.id
    return user.role == Role.REVIEWER and user.department_id == delegation.department_id


def authorise_seal_use(session: Session, *, seal: Seal, username: str, today: date) -> str:
    """Return what authorises `username` to use `seal` today, or raise SealUseRefused."""
    user = session.scalars(select(User).where(User.username == username)).first()
    if user is None or not user.active:
        raise SealUseRefused(
            f"{username} is not an active user and may not use seal {seal.code}",
            f"{username} 不是有效用户,不得使用印章 {seal.code}",
        )
    if seal.window_id is not None:
        if user.window_id == seal.window_id:
            return f"window:{seal.window_id}"
        raise SealUseRefused(
            f"{username} does not work at the window of seal {seal.code}",
            f"{username} 不在该综合受理窗口,不得使用窗口专用章 {seal.code}",
        )
    candidates = [
        d
        for d in session.scalars(
            select(Delegation).where(
                Delegation.kind == DelegationKind.SEAL_USE,
                Delegation.department_id == seal.department_id,
                or_(Delegation.user_id.is_(None), Delegation.user_id == user.id),
            )
        )
        if _covers(d, user, seal)
    ]
    valid = [d for d in candidates if not d.revoked and d.valid_from <= today <= d.valid_to]
    if valid:
        return f"delegation:{valid[0].id}"
    latest = max(candidates, key=lambda d: d.id) if candidates else None
    if latest is None:
        why_en, why_zh = "there is no delegation", "没有授权委托书"
    elif latest.revoked:
        why_en, why_zh = "the delegation was revoked", "授权委托已被撤销"
    elif latest.valid_to < today:
        why_en, why_zh = f"the delegation expired on {latest.valid_to}", "授权委托已过期"
    else:
        why_en, why_zh = f"the delegation starts on {latest.valid_from}", "授权委托尚未生效"
    logger.warning("seal use refused: %s on %s: %s", username, seal.code, why_en)
    raise SealUseRefused(
        f"{username} may not use seal {seal.code}: {why_en}; ask the department to issue "
        "a seal-use delegation (onewindow seals grant)",
        f"{username} 无权使用印章 {seal.code}:{why_zh}。请部门出具印章使用授权委托书后再签章",
    )


def ensure_development_delegations(
    session: Session, today: date, accepts: Mapping[str, Collection[str]]
) -> None:
    """In the generated development hall every department's reviewers may use its seal and
    each window may accept the items of the departments the catalog lists for it
    (`accepts`: window code → department codes), so the demo works out of the box."""
    until = today + timedelta(days=365 * DEVELOPMENT_YEARS)
    existing = {
        (d.kind, d.department_id, d.window_id)
        for d in session.scalars(select(Delegation).where(Delegation.note == "development"))
    }
    windows = list(session.scalars(select(Window)))
    for dept in session.scalars(select(Department)):
        if (DelegationKind.SEAL_USE, dept.id, None) not in existing:
            grant_seal_use(
                session,
                department=dept,
                valid_from=today - timedelta(days=1),
                valid_to=until,
                actor="system",
                note="development",
            )
        for window in windows:
            if dept.code not in accepts.get(window.code, ()):
                continue
            if (DelegationKind.ACCEPTANCE, dept.id, window.id) not in existing:
                grant_acceptance(
                    session,
                    department=dept,
                    window=window,
                    valid_from=today - timedelta(days=1),
                    valid_to=until,
                    actor="system",
                    note="development",
                )
