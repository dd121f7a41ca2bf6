"""Delegations (授权委托书): a department authorises a window to accept its items, and a
person (the chief representative, 首席代表) to use its seal, for a period.

A seal-use delegation may name one user, or none: then it covers every active reviewer of
the department, which is how the generated development hall lets its reviewers seal.
A seal-use delegation may instead name a window (即办件): the window's clerks may seal the
department's results of its immediate items (all of them, or the `item_codes` listed),
and nothing else; such a delegation never makes anyone a chief representative.
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
from models import (
    ChecklistVersion,
    Delegation,
    DelegationKind,
    Department,
    Role,
    Seal,
    ServiceItem,
    User,
    Window,
)

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


def _check_seal(seal: Seal | None, department: Department) -> None:
    if seal is not None and seal.department_id != department.id:
        raise InvalidInput(
            f"seal {seal.code} does not belong to {department.code}",
            f"印章 {seal.code} 不属于{department.name}",
        )


def _grant(
    session: Session, delegation: Delegation, *, department: Department, actor: str, **who: object
) -> Delegation:
    """Save a delegation and audit it: `who` names whom it authorises (user, window, items,
    seal), as the audit event shows it."""
    session.add(delegation)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="delegation.grant",
        target=f"delegation:{delegation.id}",
        kind=delegation.kind,
        department=department.code,
        **who,
        valid_from=delegation.valid_from.isoformat(),
        valid_to=delegation.valid_to.isoformat(),
    )
    return delegation


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
    _check_seal(seal, department)
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
    return _grant(
        session,
        delegation,
        department=department,
        actor=actor,
        user=user.username if user else "*reviewers*",
        seal=seal.code if seal else "*",
    )


def grant_window_seal_use(
    session: Session,
    *,
    department: Department,
    window: Window,
    valid_from: date,
    valid_to: date,
    item_codes: Sequence[str] = (),
    seal: Seal | None = None,
    actor: str,
    note: str = "",
) -> Delegation:
    """Authorise `window` to seal, with `seal` (or any seal of the department), the results
    of the department's immediate items (`item_codes`; all of them when empty) that its
    clerks decide at the counter (当场办结)."""
    _check_period(valid_from, valid_to)
    _check_seal(seal, department)
    for code in item_codes:
        if not is_immediate_item(session, code, department_id=department.id):
            raise InvalidInput(
                f"{code} is not an immediate item of {department.code}; a window may only "
                "be authorised to seal the results of immediate items",
                f"{code} 不是{department.name}的即办件,只能授权窗口对即办件的办理结果用印",
            )
    delegation = Delegation(
        kind=DelegationKind.SEAL_USE,
        department_id=department.id,
        window_id=window.id,
        seal_id=seal.id if seal else None,
        valid_from=valid_from,
        valid_to=valid_to,
        item_codes=list(item_codes),
        note=note,
    )
    return _grant(
        session,
        delegation,
        department=department,
        actor=actor,
        window=window.code,
        items=list(item_codes) or "*immediate*",
        seal=seal.code if seal else "*",
    )


def is_immediate_item(session: Session, item_code: str, *, department_id: int) -> bool:
    """Whether the item's newest published checklist version is an immediate one (即办件)
    of the department (the published catalog in the database decides)."""
    kind = session.scalars(
        select(ChecklistVersion.kind)
        .join(ServiceItem)
        .where(ServiceItem.code == item_code, ServiceItem.department_id == department_id)
        .order_by(ChecklistVersion.version.desc())
    ).first()
    return kind == "immediate"


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
    return _grant(
        session,
        delegation,
        department=department,
        actor=actor,
        window=window.code,
        items=list(item_codes),
    )


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


def _covers(delegation: Delegation, user: User, seal: Seal, item_code: str | None) -> bool:
    if delegation.seal_id is not None and delegation.seal_id != seal.id:
        return False
    if delegation.window_id is not None:  # a window's, for the results of immediate items
        return (
            item_code is not None
            and user.role == Role.CLERK
            and user.window_id == delegation.window_id
            and (not delegation.item_codes or item_code in delegation.item_codes)
        )
    if delegation.user_id is not None:
        return delegation.user_id == user.id
    return user.role == Role.REVIEWER and user.department_id == delegation.department_id


def authorise_seal_use(
    session: Session, *, seal: Seal, username: str, today: date, item_code: str | None = None
) -> str:
    """Return what authorises `username` to use `seal` today, or raise SealUseRefused.

    `item_code`: the item whose result is being sealed; only then may a window's
    delegation (即办件) cover a clerk, and only for an immediate item."""
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
        if _covers(d, user, seal, item_code)
    ]
    windows = [d for d in candidates if d.window_id is not None]
    if windows and not is_immediate_item(
        session, item_code or "", department_id=seal.department_id or 0
    ):
        candidates = [d for d in candidates if d.window_id is None]  # immediate items only
    valid = [d for d in candidates if not d.revoked and d.valid_from <= today <= d.valid_to]
    if valid:
        return f"delegation:{valid[0].id}"
    why_en, why_zh = _why_not(candidates, today)
    logger.warning("seal use refused: %s on %s: %s", username, seal.code, why_en)
    raise SealUseRefused(
        f"{username} may not use seal {seal.code}: {why_en}; ask the department to issue "
        "a seal-use delegation (onewindow seals grant)",
        f"{username} 无权使用印章 {seal.code}:{why_zh}。请部门出具印章使用授权委托书后再签章",
    )


def _why_not(candidates: Sequence[Delegation], today: date) -> tuple[str, str]:
    """Why none of `candidates` is valid today (the newest one tells), English, Chinese."""
    latest = max(candidates, key=lambda d: d.id) if candidates else None
    if latest is None:
        return "there is no delegation", "没有授权委托书"
    if latest.revoked:
        return "the delegation was revoked", "授权委托已被撤销"
    if latest.valid_to < today:
        return f"the delegation expired on {latest.valid_to}", "授权委托已过期"
    return f"the delegation starts on {latest.valid_from}", "授权委托尚未生效"


class WindowNotDelegated(Forbidden):
    code = "seal.window_not_delegated"


def window_seal_delegation(
    session: Session, *, window: Window, department: Department, item_code: str, today: date
) -> Delegation:
    """The department's seal-use delegation to `window` that covers `item_code` today
    (即办件), or WindowNotDelegated saying why there is none."""
    candidates = [
        d
        for d in session.scalars(
            select(Delegation)
            .where(
                Delegation.kind == DelegationKind.SEAL_USE,
                Delegation.department_id == department.id,
                Delegation.window_id == window.id,
            )
            .order_by(Delegation.id)
        )
        if not d.item_codes or item_code in d.item_codes
    ]
    valid = [d for d in candidates if not d.revoked and d.valid_from <= today <= d.valid_to]
    if valid:
        return valid[0]
    why_en, why_zh = _why_not(candidates, today)
    raise WindowNotDelegated(
        f"window {window.code} holds no valid delegation of {department.code} to decide and "
        f"seal {item_code} on the spot ({why_en}); accept the case for the department's "
        "review instead, or ask the department for a window seal-use delegation",
        f"{window.name}没有{department.name}对事项 {item_code} 当场办结、使用印章的有效授权"
        f"({why_zh})。请出具受理通知书转部门审批,或请部门出具窗口用印授权委托书",
    )


def ensure_development_delegations(
    session: Session, today: date, accepts: Mapping[str, Collection[str]]
) -> None:
    """In the generated development hall every department's reviewers may use its seal and
    each window may accept the items of the departments the catalog lists for it
    (`accepts`: window code → department codes) and seal the results of their immediate
    items (即办件), so the demo works out of the box."""
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
            if (DelegationKind.SEAL_USE, dept.id, window.id) not in existing:
                grant_window_seal_use(  # 即办件: the window seals immediate results
                    session,
                    department=dept,
                    window=window,
                    valid_from=today - timedelta(days=1),
                    valid_to=until,
                    actor="system",
                    note="development",
                )
