"""Administration of delegations (授权委托): which windows accept for which departments
(受理授权), and which seals a department lets the hall use (用章授权), with the seals
themselves. Admins only; every change goes through cases.delegations and cases.seals,
which audit it."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from sqlalchemy import select

from api.deps import SessionDep
from api.errors import status_for
from api.ids import RowId
from api.web.admin import AdminPage, done, render_tab
from api.web.auth import check_csrf
from cases.errors import NotFound, OneWindowError
from cases.seals import delegations
from cases.seals import registry as seals
from models import Delegation, DelegationKind, Department, Seal, User, Window

router = APIRouter(include_in_schema=False)


def _windows_page(request: Request, session: SessionDep, **ctx: Any) -> Response:
    return render_tab(
        request,
        "admin_windows.html",
        "/admin/windows",
        windows=session.scalars(select(Window).order_by(Window.id)).all(),
        staff=session.scalars(select(User).where(User.window_id.is_not(None))).all(),
        acceptance=session.scalars(
            select(Delegation)
            .where(Delegation.kind == DelegationKind.ACCEPTANCE)
            .order_by(Delegation.id)
        ).all(),
        departments={d.id: d for d in session.scalars(select(Department))},
        today=date.today(),
        **ctx,
    )


@router.get("/admin/windows")
def windows_page(request: Request, session: SessionDep, user: AdminPage) -> Response:
    return _windows_page(request, session)


@router.post("/admin/windows/delegations")
def acceptance_grant(
    request: Request,
    session: SessionDep,
    user: AdminPage,
    window: Annotated[str, Form()],
    department: Annotated[str, Form()],
    valid_from: Annotated[date, Form()],
    valid_to: Annotated[date, Form()],
    items: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
    csrf: Annotated[str, Form()] = "",
) -> Response:
    """A department authorises a window to accept its items (all, or the codes listed)."""
    check_csrf(request, csrf)
    try:
        dept = session.scalars(select(Department).where(Department.code == department)).first()
        win = session.scalars(select(Window).where(Window.code == window)).first()
        if dept is None or win is None:
            raise NotFound(
                f"unknown department {department!r} or window {window!r}",
                f"未知部门 {department!r} 或窗口 {window!r}",
            )
        delegations.grant_acceptance(
            session,
            department=dept,
            window=win,
            valid_from=valid_from,
            valid_to=valid_to,
            item_codes=[c for c in items.replace(",", " ").split() if c],
            actor=user.username,
            note=note,
        )
    except OneWindowError as e:
        session.rollback()
        return _windows_page(request, session, error=e.zh, status_code=status_for(e))
    return done(request, "/admin/windows", f"已授权{win.name}受理{dept.short_name}事项")


@router.post("/admin/windows/delegations/{delegation_id}/revoke")
def acceptance_revoke(
    delegation_id: RowId,
    request: Request,
    session: SessionDep,
    user: AdminPage,
    reason: Annotated[str, Form()] = "",
    csrf: Annotated[str, Form()] = "",
) -> Response:
    return _revoke(request, session, user, delegation_id, DelegationKind.ACCEPTANCE, reason, csrf)


def _revoke(
    request: Request,
    session: SessionDep,
    user: User,
    delegation_id: int,
    kind: DelegationKind,
    reason: str,
    csrf: str,
) -> Response:
    """Revoke a seal-use or an acceptance delegation; back to the page that lists it."""
    check_csrf(request, csrf)
    page, url = (
        (_windows_page, "/admin/windows")
        if kind is DelegationKind.ACCEPTANCE
        else (_seals_page, "/admin/seals")
    )
    found = session.get(Delegation, delegation_id)
    if found is None or found.kind != kind:
        raise NotFound(f"no delegation {delegation_id}", f"授权委托 {delegation_id} 不存在")
    try:
        delegations.revoke_delegation(session, found, actor=user.username, reason=reason)
    except OneWindowError as e:
        session.rollback()
        return page(request, session, error=e.zh, status_code=status_for(e))
    return done(request, url, "已撤销授权委托")


# --- seals and delegations ---------------------------------------------------------------


def _seals_page(request: Request, session: SessionDep, **ctx: Any) -> Response:
    all_seals = session.scalars(select(Seal).order_by(Seal.id)).all()
    windows = session.scalars(select(Window).order_by(Window.id)).all()
    return render_tab(
        request,
        "admin_seals.html",
        "/admin/seals",
        seals=[(s, seals.seal_status(s)) for s in all_seals],
        delegations=session.scalars(
            select(Delegation)
            .where(Delegation.kind == DelegationKind.SEAL_USE)
            .order_by(Delegation.id)
        ).all(),
        departments={d.id: d for d in session.scalars(select(Department))},
        users={u.id: u for u in session.scalars(select(User))},
        seal_names={s.id: s.name for s in all_seals},
        window_names={w.id: w.name for w in windows},
        window_codes=[(w.code, w.name) for w in windows],
        today=date.today(),
        **ctx,
    )


@router.get("/admin/seals")
def seals_page(request: Request, session: SessionDep, user: AdminPage) -> Response:
    return _seals_page(request, session)


@router.post("/admin/seals/{seal_id}/revoke")
def seal_revoke(
    seal_id: RowId,
    request: Request,
    session: SessionDep,
    user: AdminPage,
    reason: Annotated[str, Form()] = "",
    csrf: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf)
    seal = session.get(Seal, seal_id)
    if seal is None:
        raise NotFound(f"no seal {seal_id}", f"印章 {seal_id} 不存在")
    try:
        seals.revoke_seal(session, seal, actor=user.username, reason=reason)
    except OneWindowError as e:
        session.rollback()
        return _seals_page(request, session, error=e.zh, status_code=status_for(e))
    return done(request, "/admin/seals", f"已吊销电子印章 {seal.name}")


@router.post("/admin/delegations")
def delegation_grant(
    request: Request,
    session: SessionDep,
    user: AdminPage,
    department: Annotated[str, Form()],
    valid_from: Annotated[date, Form()],
    valid_to: Annotated[date, Form()],
    username: Annotated[str, Form()] = "",
    window: Annotated[str, Form()] = "",
    items: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
    csrf: Annotated[str, Form()] = "",
) -> Response:
    """A named reviewer (the chief representative), every reviewer of the department, or a
    window for its immediate items (即办件), may use the department's seal."""
    check_csrf(request, csrf)
    try:
        dept = session.scalars(select(Department).where(Department.code == department)).first()
        if dept is None:
            raise NotFound(f"unknown department {department!r}", f"未知部门 {department!r}")
        if window.strip():
            return _grant_to_window(
                request, session, user, dept, window.strip(), valid_from, valid_to, items, note
            )
        person = None
        if username.strip():
            person = session.scalars(select(User).where(User.username == username.strip())).first()
            if person is None:
                raise NotFound(f"unknown user {username!r}", f"用户 {username!r} 不存在")
        delegations.grant_seal_use(
            session,
            department=dept,
            valid_from=valid_from,
            valid_to=valid_to,
            user=person,
            actor=user.username,
            note=note,
        )
    except OneWindowError as e:
        session.rollback()
        return _seals_page(request, session, error=e.zh, status_code=status_for(e))
    return done(request, "/admin/seals", f"已授权使用{dept.name}印章")


def _grant_to_window(
    request: Request,
    session: SessionDep,
    user: User,
    dept: Department,
    window: str,
    valid_from: date,
    valid_to: date,
    items: str,
    note: str,
) -> Response:
    win = session.scalars(select(Window).where(Window.code == window)).first()
    if win is None:
        raise NotFound(f"unknown window {window!r}", f"未知窗口 {window!r}")
    delegations.grant_window_seal_use(
        session,
        department=dept,
        window=win,
        valid_from=valid_from,
        valid_to=valid_to,
        item_codes=[c for c in items.replace(",", " ").split() if c],
        actor=user.username,
        note=note,
    )
    return done(request, "/admin/seals", f"已授权{win.name}当场办结{dept.short_name}即办件并用印")


@router.post("/admin/delegations/{delegation_id}/revoke")
def delegation_revoke(
    delegation_id: RowId,
    request: Request,
    session: SessionDep,
    user: AdminPage,
    reason: Annotated[str, Form()] = "",
    csrf: Annotated[str, Form()] = "",
) -> Response:
    return _revoke(request, session, user, delegation_id, DelegationKind.SEAL_USE, reason, csrf)
