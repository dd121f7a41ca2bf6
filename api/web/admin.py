"""Administration (系统管理): the catalog (validate, diff, publish YAML), users, windows,
seal-use delegations and seals, and the supervision dashboard. Admins only; every change
goes through the domain services, which audit it."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import Response
from sqlalchemy import select

from api.deps import HallDep, SessionDep
from api.errors import status_for
from api.web.auth import PageRole, check_csrf
from api.web.templating import render, see_other
from cases import catalog_admin, delegations, seals, supervision
from cases.accounts import create_user, set_password
from cases.catalog_sync import spec_of
from cases.errors import InvalidInput, NotFound, OneWindowError
from models import Delegation, DelegationKind, Department, Role, Seal, User, Window

router = APIRouter(include_in_schema=False)
AdminPage = Annotated[User, Depends(PageRole(Role.ADMIN))]
TABS = (
    ("/admin", "监督统计"),
    ("/admin/catalog", "事项目录"),
    ("/admin/users", "用户"),
    ("/admin/windows", "窗口"),
    ("/admin/seals", "印章与授权委托"),
)


def _page(request: Request, name: str, tab: str, status_code: int = 200, **ctx: Any) -> Response:
    ctx.setdefault("error", "")
    ctx.setdefault("flash", request.session.pop("flash", ""))
    return render(request, name, status_code=status_code, tabs=TABS, tab=tab, **ctx)


def _done(request: Request, session: SessionDep, url: str, message: str) -> Response:
    request.session["flash"] = message
    return see_other(session, url)


def _period(start: date | None, end: date | None) -> tuple[date, date]:
    end = end or date.today()
    return start or end - timedelta(days=30), end


# --- supervision -------------------------------------------------------------------------


@router.get("/admin")
def dashboard(
    request: Request,
    session: SessionDep,
    user: AdminPage,
    start: date | None = None,
    end: date | None = None,
) -> Response:
    first, last = _period(start, end)
    report = supervision.supervise(session, first, last)
    return _page(request, "admin_dashboard.html", "/admin", report=report, start=first, end=last)


@router.get("/admin/chart.png")
def chart(
    session: SessionDep,
    hall: HallDep,
    user: AdminPage,
    start: date | None = None,
    end: date | None = None,
) -> Response:
    first, last = _period(start, end)
    report = supervision.supervise(session, first, last)
    with tempfile.TemporaryDirectory() as tmp:
        path = supervision.render_chart(
            report, Path(tmp) / "chart.png", font=hall.settings.font_path
        )
        return Response(path.read_bytes(), media_type="image/png")


# --- catalog -----------------------------------------------------------------------------


@router.get("/admin/catalog")
def catalog_page(request: Request, hall: HallDep, user: AdminPage) -> Response:
    return _page(request, "admin_catalog.html", "/admin/catalog", items=hall.catalog.items)


@router.post("/admin/catalog")
async def catalog_upload(
    request: Request,
    session: SessionDep,
    hall: HallDep,
    user: AdminPage,
    action: Annotated[str, Form()],
    files: Annotated[list[UploadFile], File()],
    csrf: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf)
    texts: dict[str, str] = {}
    for f in files:
        if f.filename:
            try:
                texts[f.filename] = (await f.read()).decode("utf-8")
            except UnicodeDecodeError:
                texts[f.filename] = ""
    results: list[dict[str, Any]] = []
    error = ""
    try:
        if not texts:
            raise InvalidInput("choose at least one YAML file", "请选择至少一个 YAML 文件")
        if action == "publish":
            versions = catalog_admin.publish_texts(session, texts, hall.catalog.org, actor=user)
            listed = "、".join(f"{v.item.code} 第 {v.version} 版" for v in versions)
            return _done(request, session, "/admin/catalog", f"已发布:{listed}")
        for name, text in texts.items():
            spec = catalog_admin.validate_text(text, hall.catalog.org, filename=name)
            try:
                old = spec_of(catalog_admin.published(session, spec.code))
                changes = catalog_admin.diff_items(old, spec)
                base = old.version
            except NotFound:
                changes, base = [], None
            results.append({"name": name, "spec": spec, "changes": changes, "base": base})
    except OneWindowError as e:
        session.rollback()
        error = e.zh
    return _page(
        request,
        "admin_catalog.html",
        "/admin/catalog",
        status_code=422 if error else 200,
        items=hall.catalog.items,
        results=results,
        error=error,
    )


# --- users and windows -------------------------------------------------------------------


def _users_page(request: Request, session: SessionDep, **ctx: Any) -> Response:
    return _page(
        request,
        "admin_users.html",
        "/admin/users",
        users=session.scalars(select(User).order_by(User.id)).all(),
        departments=session.scalars(select(Department).order_by(Department.id)).all(),
        windows=session.scalars(select(Window).order_by(Window.id)).all(),
        **ctx,
    )


@router.get("/admin/users")
def users_page(request: Request, session: SessionDep, user: AdminPage) -> Response:
    return _users_page(request, session)


@router.post("/admin/users")
def user_create(
    request: Request,
    session: SessionDep,
    user: AdminPage,
    username: Annotated[str, Form()],
    display_name: Annotated[str, Form()],
    role: Annotated[str, Form()],
    password: Annotated[str, Form()],
    department: Annotated[str, Form()] = "",
    window: Annotated[str, Form()] = "",
    csrf: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf)
    try:
        if role not in {r.value for r in Role}:
            raise InvalidInput(f"unknown role {role!r}", f"未知角色 {role!r}")
        created, _token = create_user(
            session,
            username=username.strip(),
            display_name=display_name.strip(),
            role=Role(role),
            department_code=department or None,
            window_code=window or None,
        )
        set_password(created, password)
    except OneWindowError as e:
        session.rollback()
        return _users_page(request, session, error=e.zh, status_code=status_for(e))
    return _done(request, session, "/admin/users", f"已创建用户 {created.username}")


@router.post("/admin/users/{user_id}")
def user_change(
    user_id: int,
    request: Request,
    session: SessionDep,
    user: AdminPage,
    action: Annotated[str, Form()],
    password: Annotated[str, Form()] = "",
    csrf: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf)
    target = session.get(User, user_id)
    if target is None:
        raise NotFound(f"no user {user_id}", f"用户 {user_id} 不存在")
    try:
        if action == "password":
            set_password(target, password)
            message = f"已重设 {target.username} 的密码"
        elif action == "deactivate":
            if target.id == user.id:
                raise InvalidInput("you cannot deactivate yourself", "不能停用自己的账号")
            target.active = False
            message = f"已停用 {target.username}"
        elif action == "activate":
            target.active = True
            message = f"已启用 {target.username}"
        else:
            raise InvalidInput(f"unknown action {action!r}", f"未知操作 {action!r}")
        session.flush()
    except OneWindowError as e:
        session.rollback()
        return _users_page(request, session, error=e.zh, status_code=status_for(e))
    return _done(request, session, "/admin/users", message)


def _windows_page(request: Request, session: SessionDep, **ctx: Any) -> Response:
    return _page(
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
    return _done(request, session, "/admin/windows", f"已授权{win.name}受理{dept.short_name}事项")


@router.post("/admin/windows/delegations/{delegation_id}/revoke")
def acceptance_revoke(
    delegation_id: int,
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
    return _done(request, session, url, "已撤销授权委托")


# --- seals and delegations ---------------------------------------------------------------


def _seals_page(request: Request, session: SessionDep, **ctx: Any) -> Response:
    all_seals = session.scalars(select(Seal).order_by(Seal.id)).all()
    return _page(
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
        today=date.today(),
        **ctx,
    )


@router.get("/admin/seals")
def seals_page(request: Request, session: SessionDep, user: AdminPage) -> Response:
    return _seals_page(request, session)


@router.post("/admin/seals/{seal_id}/revoke")
def seal_revoke(
    seal_id: int,
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
    return _done(request, session, "/admin/seals", f"已吊销电子印章 {seal.name}")


@router.post("/admin/delegations")
def delegation_grant(
    request: Request,
    session: SessionDep,
    user: AdminPage,
    department: Annotated[str, Form()],
    valid_from: Annotated[date, Form()],
    valid_to: Annotated[date, Form()],
    username: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
    csrf: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf)
    try:
        dept = session.scalars(select(Department).where(Department.code == department)).first()
        if dept is None:
            raise NotFound(f"unknown department {department!r}", f"未知部门 {department!r}")
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
    return _done(request, session, "/admin/seals", f"已授权使用{dept.name}印章")


@router.post("/admin/delegations/{delegation_id}/revoke")
def delegation_revoke(
    delegation_id: int,
    request: Request,
    session: SessionDep,
    user: AdminPage,
    reason: Annotated[str, Form()] = "",
    csrf: Annotated[str, Form()] = "",
) -> Response:
    return _revoke(request, session, user, delegation_id, DelegationKind.SEAL_USE, reason, csrf)
