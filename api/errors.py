"""The one place where error codes become HTTP status codes.

Every error a user can cause has a stable code and a message in Chinese and English; the
body is always {"error": {"code", "message_zh", "message_en"}}.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response

from archive import ArchiveError, ObjectNotFound, StoreUnavailable
from cases.db import DatabaseUnavailable
from cases.errors import (
    ConfigurationError,
    Forbidden,
    InvalidInput,
    InvalidState,
    NotFound,
    OneWindowError,
    Unauthenticated,
)
from ocr import OcrError
from signing import SigningError

log = logging.getLogger(__name__)

STATUS: list[tuple[type[Exception], int]] = [
    (Unauthenticated, 401),
    (Forbidden, 403),
    (NotFound, 404),
    (InvalidState, 409),
    (InvalidInput, 422),
    (DatabaseUnavailable, 503),
    (ConfigurationError, 500),
    (OneWindowError, 400),
    (ObjectNotFound, 404),
    (StoreUnavailable, 503),
    (ArchiveError, 500),
    (OcrError, 422),
    (SigningError, 500),
]


def status_for(exc: Exception) -> int:
    return next((status for kind, status in STATUS if isinstance(exc, kind)), 500)


def body(code: str, zh: str, en: str) -> dict[str, dict[str, str]]:
    return {"error": {"code": code, "message_zh": zh, "message_en": en}}


def error_page(request: Request, status: int, zh: str, en: str) -> Response:
    from api.web.templating import render

    titles = {
        401: "请先登录",
        403: "无权操作",
        404: "未找到",
        409: "当前状态不允许此操作",
        422: "输入有误",
        503: "服务暂不可用",
    }
    return render(
        request,
        "error.html",
        status_code=status,
        title=titles.get(status, "出错了"),
        message_zh=zh,
        message_en=en,
    )


def install(app: FastAPI) -> None:
    @app.exception_handler(OneWindowError)
    @app.exception_handler(ArchiveError)
    @app.exception_handler(OcrError)
    @app.exception_handler(SigningError)
    async def _known(request: Request, exc: Exception) -> Response:
        status = status_for(exc)
        if status >= 500:
            log.error("request failed: %s", exc)
        return JSONResponse(
            body(
                getattr(exc, "code", "error"),
                getattr(exc, "zh", str(exc)),
                getattr(exc, "en", str(exc)),
            ),
            status_code=status,
            headers={"WWW-Authenticate": "Bearer"} if status == 401 else None,
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
        )
        return JSONResponse(
            body("input.invalid", f"请求参数不正确:{problems}", f"invalid request: {problems}"),
            status_code=422,
        )
