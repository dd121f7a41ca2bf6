"""Administration (系统管理): the catalog (validate, diff, publish YAML), users and the
supervision dashboard; windows, seals and delegations are in api.web.admin_delegations.
Admins only; every change goes through the domain services, which audit it."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import Response
from sqlalchemy import select, true

from api.deps import CatalogDep, HallDep, SessionDep
from api.errors import status_for
from api.ids import RowId
from api.web.auth import PageRole, check_csrf
from api.web.templating import render, see_other
from cases.accounts import create_user, deactivate, set_password
from cases.catalog import admin as catalog_admin
from cases.catalog.publish import spec_of
from cases.errors import InvalidInput, NotFound, OneWindowError
from cases.oversight import supervision
from cases.oversight.ocr_accuracy import ocr_accuracy
from models import Department, Role, User, Window

router = APIRouter(include_in_schema=False)
AdminPage = Annotated[User, Depends(PageRole(Role.ADMIN))]
TABS = (
    ("/admin", "监督统计"),
    ("/admin/catalog", "事项目录"),
    ("/admin/users", "用户"),
    ("/admin/windows", "窗口"),
    ("/admin/seals", "印章与授权委托"),
    ("/admin/platform", "平台对接"),
)


def render_tab(
    request: Request, name: str, tab: str, status_code: int = 200, **ctx: Any
) -> Response:
    """An admin page (template `name`) under its tab, with the error and flash lines."""
    ctx.setdefault("error", "")
    ctx.setdefault("flash", request.session.pop("flash", ""))
    return render(request, name, status_code=status_code, tabs=TABS, tab=tab, **ctx)


def done(request: Request, url: str, message: str) -> Response:
    """After a change: flash `message`, and go (303) to `url`."""
    request.session["flash"] = message
    return see_other(url)


def _period(start: date | None, end: date | None) -> tuple[date, date]:
    end = end or date.today()
    return start or end - timedelta(days=30), end


# --- supervision -------------------------------------------------------------------------


def _hall_code(user: User) -> str | None:
    """A hall's administrator supervises their hall; the league's, every hall."""
    return user.hall.code if user.hall is not None else None


@router.get("/admin")
def dashboard(
    request: Request,
    session: SessionDep,
    user: AdminPage,
    start: date | None = None,
    end: date | None = None,
) -> Response:
    first, last = _period(start, end)
    report = supervision.supervise(session, first, last, hall=_hall_code(user))
    return render_tab(
        request,
        "admin_dashboard.html",
        "/admin",
        report=report,
        accuracy=ocr_accuracy(session, first, last),
        start=first,
        end=last,
    )


@router.get("/admin/chart.png")
def chart(
    session: SessionDep,
    hall: HallDep,
    user: AdminPage,
    start: date | None = None,
    end: date | None = None,
) -> Response:
    first, last = _period(start, end)
    report = supervision.supervise(session, first, last, hall=_hall_code(user))
    with tempfile.TemporaryDirectory() as tmp:
        path = supervision.render_chart(
            report, Path(tmp) / "chart.png", font=hall.settings.font_path
        )
        return Response(path.read_bytes(), media_type="image/png")


# --- catalog -----------------------------------------------------------------------------


@router.get("/admin/catalog")
def catalog_page(request: Request, catalog: CatalogDep, user: AdminPage) -> Response:
    return render_tab(request, "admin_catalog.html", "/admin/catalog", items=catalog.items)


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
            return done(request, "/admin/catalog", f"已发布:{listed}")
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
    return render_tab(
        request,
        "admin_catalog.html",
        "/admin/catalog",
        status_code=422 if error else 200,
        items=hall.catalog.current(session).items,
        results=results,
        error=error,
    )


# --- users and windows -------------------------------------------------------------------


def _in_hall(admin: User, column: Any) -> Any:
    """A hall's administrator manages their hall's staff, windows and departments; the
    league's administrator every hall's."""
    return column == admin.hall_id if admin.hall_id is not None else true()


def _users_page(request: Request, session: SessionDep, admin: User, **ctx: Any) -> Response:
    return render_tab(
        request,
        "admin_users.html",
        "/admin/users",
        users=session.scalars(
            select(User).where(_in_hall(admin, User.hall_id)).order_by(User.id)
        ).all(),
        departments=session.scalars(
            select(Department).where(_in_hall(admin, Department.hall_id)).order_by(Department.id)
        ).all(),
        windows=session.scalars(
            select(Window).where(_in_hall(admin, Window.hall_id)).order_by(Window.id)
        ).all(),
        **ctx,
    )


@router.get("/admin/users")
def users_page(request: Request, session: SessionDep, user: AdminPage) -> Response:
    return _users_page(request, session, user)


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
            hall_code=user.hall.code if user.hall else None,  # the admin's own hall
        )
        set_password(created, password)
    except OneWindowError as e:
        session.rollback()
        return _users_page(request, session, user, error=e.zh, status_code=status_for(e))
    return done(request, "/admin/users", f"已创建用户 {created.username}")


@router.post("/admin/users/{user_id}")
def user_change(
    user_id: RowId,
    request: Request,
    session: SessionDep,
    user: AdminPage,
    action: Annotated[str, Form()],
    password: Annotated[str, Form()] = "",
    csrf: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf)
    target = session.get(User, user_id)
    if target is None or user.hall_id not in (None, target.hall_id):
        raise NotFound(f"no user {user_id}", f"用户 {user_id} 不存在")
    try:
        if action == "password":
            set_password(target, password)  # ends the target's sessions
            if target.id == user.id:  # but not the one changing their own password here
                request.session["sv"] = target.session_version
            message = f"已重设 {target.username} 的密码"
        elif action == "deactivate":
            if target.id == user.id:
                raise InvalidInput("you cannot deactivate yourself", "不能停用自己的账号")
            deactivate(target)
            message = f"已停用 {target.username}"
        elif action == "activate":
            target.active = True
            message = f"已启用 {target.username}"
        else:
            raise InvalidInput(f"unknown action {action!r}", f"未知操作 {action!r}")
        session.flush()
    except OneWindowError as e:
        session.rollback()
        return _users_page(request, session, user, error=e.zh, status_code=status_for(e))
    return done(request, "/admin/users", message)
