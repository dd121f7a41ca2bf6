"""The browser interface: server-rendered Chinese pages for the counter, the department
desk and (later) delivery, sharing and administration. Same domain services as the API."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.sessions import SessionMiddleware
from starlette.responses import Response

from api.errors import error_page, known, status_for
from api.web import (
    admin,
    admin_delegations,
    admin_platform,
    applicant,
    applicant_session,
    auth,
    counter,
    delivery,
    desk,
    fields,
    handovers,
    kiosk,
    online_counter,
    returns,
    shared,
)
from api.web.applicant_session import ApplicantSignInRequired
from api.web.auth import LoginRequired
from cases.config import Settings

STATIC = Path(__file__).parent / "static"


def install(app: FastAPI, settings: Settings) -> None:
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.session_secret,
        session_cookie="onewindow_session",
        max_age=12 * 3600,  # one working day
        same_site="strict",
        https_only=settings.is_production,
    )
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    auth.install(app)
    applicant_session.install(app)
    _html_errors(app)
    for module in (
        auth,
        counter,
        returns,
        handovers,
        desk,
        fields,
        delivery,
        shared,
        admin,
        admin_delegations,
        admin_platform,
        applicant_session,
        applicant,
        online_counter,
        kiosk,
    ):
        app.include_router(module.router)


Handler = Callable[[Request, Any], Response | Awaitable[Response]]


def _html_errors(app: FastAPI) -> None:
    """People get the error as a Chinese page; API clients keep the JSON body."""

    def wrap(api_handler: Handler) -> Handler:
        async def handler(request: Request, exc: Exception) -> Response:
            if request.url.path.startswith("/api/"):
                answer = api_handler(request, exc)
                return await answer if inspect.isawaitable(answer) else answer
            request.state.user = getattr(request.state, "header", None)  # the session is closed
            exc = known(exc)  # type: ignore[assignment]
            if isinstance(exc, HTTPException):
                zh = {404: "页面不存在", 405: "不支持此操作"}.get(exc.status_code, "请求无法处理")
                zh, en = getattr(exc, "zh", zh), getattr(exc, "en", str(exc.detail))
                return error_page(request, exc.status_code, zh, en)
            if isinstance(exc, RequestValidationError):
                return error_page(
                    request, 422, "表单填写不完整,请返回检查后重新提交", "the form is incomplete"
                )
            status = status_for(exc)
            zh, en = getattr(exc, "zh", "系统出错,请稍后重试"), getattr(exc, "en", "server error")
            return error_page(request, status, zh, en)

        return handler

    for kind, api_handler in list(app.exception_handlers.items()):
        if isinstance(kind, type) and kind not in (LoginRequired, ApplicantSignInRequired):
            app.add_exception_handler(kind, wrap(api_handler))
