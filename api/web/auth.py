"""Browser login (argon2 passwords), sessions, CSRF, and role checks for every page.

A visitor who is not logged in is sent to /login; a logged-in user without the role gets
a 403 page. Every state-changing form carries the session's CSRF token.
"""

from __future__ import annotations

import secrets
from types import SimpleNamespace
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Form, Request
from fastapi.responses import RedirectResponse, Response

from api.deps import HallDep, SessionDep
from api.throttling import client_of
from api.web.templating import render
from cases.accounts import end_sessions, session_user
from cases.errors import Forbidden, TooManyRequests, Unauthenticated
from cases.signin import sign_in
from models import Role, User

router = APIRouter(include_in_schema=False)


class LoginRequired(Exception):
    """Raised by page dependencies; turned into a redirect to /login."""


HOME = {Role.CLERK.value: "/counter", Role.REVIEWER.value: "/desk", Role.ADMIN.value: "/admin"}


def web_user(request: Request, session: SessionDep) -> User:
    user = session_user(session, request.session.get("user_id"), request.session.get("sv"))
    if user is None:  # never logged in, logged out, password changed or deactivated
        request.session.clear()
        raise LoginRequired
    request.state.user = user
    request.state.header = header_of(user)
    return user


def header_of(user: User) -> SimpleNamespace:
    """What the page header shows of the user, detached from the database session: an
    error page is rendered after the session has been closed."""
    return SimpleNamespace(
        username=user.username,
        display_name=user.display_name,
        role=user.role,
        department=SimpleNamespace(short_name=user.department.short_name)
        if user.department
        else None,
        window=SimpleNamespace(name=user.window.name) if user.window else None,
        hall=SimpleNamespace(name=user.hall.name) if user.hall else None,
    )


WebUser = Annotated[User, Depends(web_user)]


def check_csrf(request: Request, token: str) -> None:
    expected = request.session.get("csrf")
    if not expected or not secrets.compare_digest(expected, token or ""):
        raise Forbidden(
            "the form has expired; reload the page and try again", "页面已过期,请刷新后重试"
        )


class PageRole:
    def __init__(self, *roles: Role) -> None:
        self.roles = {r.value for r in roles} | {Role.ADMIN.value}

    def __call__(self, user: WebUser) -> User:
        if user.role not in self.roles:
            raise Forbidden("your role may not open this page", "您的角色无权访问此页面")
        return user


ClerkPage = Annotated[User, Depends(PageRole(Role.CLERK))]
ReviewerPage = Annotated[User, Depends(PageRole(Role.REVIEWER))]


@router.get("/")
def home(request: Request, session: SessionDep) -> Response:
    try:
        user = web_user(request, session)
    except LoginRequired:
        return RedirectResponse("/login", status_code=303)
    return RedirectResponse(HOME.get(user.role, "/login"), status_code=303)


@router.get("/login")
def login_page(request: Request) -> Response:
    request.session.setdefault("csrf", secrets.token_urlsafe(24))
    return render(request, "login.html", user=None)


@router.post("/login")
def login_submit(
    request: Request,
    session: SessionDep,
    hall: HallDep,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    csrf: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf)
    try:  # throttled per account and per client, locked after failures (cases.signin)
        user = sign_in(
            session,
            hall.sessions,
            hall.settings,
            username=username,
            password=password,
            client=client_of(request, hall.settings),
        )
    except (Unauthenticated, TooManyRequests) as e:
        refused = render(
            request,
            "login.html",
            status_code=429 if isinstance(e, TooManyRequests) else 401,
            user=None,
            error=f"{e.zh} / {e.en}",
            username=username,
        )
        if isinstance(e, TooManyRequests):
            refused.headers["Retry-After"] = str(e.retry_after)
        return refused
    request.session.clear()  # a new session on login: no fixation
    request.session.update(user_id=user.id, sv=user.session_version, csrf=secrets.token_urlsafe(24))
    return RedirectResponse(HOME.get(user.role, "/"), status_code=303)


@router.post("/logout")
def logout(request: Request, session: SessionDep, csrf: Annotated[str, Form()] = "") -> Response:
    """Ends every session of the user, copies of this cookie included (a signed cookie
    cannot be revoked alone; the user's session version is raised instead)."""
    check_csrf(request, csrf)
    user = session_user(session, request.session.get("user_id"), request.session.get("sv"))
    if user is not None:
        end_sessions(user)
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


def install(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    async def _to_login(request: Request, _: LoginRequired) -> Response:
        return RedirectResponse("/login", status_code=303)
