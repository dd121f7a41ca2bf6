"""The one place where errors become HTTP status codes and CLI exit codes.

The domain and every leaf library have one error root each (``ROOTS``); every error
carries a stable ``code`` and a message in Chinese and English. The API answers
{"error": {"code", "message_zh", "message_en"}}, a browser page shows the same two
messages on the error page (``api/web``), and the CLI prints both and exits with the
row's code. ``TABLE`` is read top down, first match wins: a specific class comes before
its root, and every root has a row of its own.

FastAPI is imported only where a handler is installed or a page rendered, so the CLI,
which maps errors here too, does not load it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from archive import ArchiveError, ObjectNotFound, StoreUnavailable
from cases import outage
from cases.db import OUTAGES, DatabaseUnavailable, is_outage, unavailable
from cases.errors import (
    ConfigurationError,
    Forbidden,
    InvalidInput,
    InvalidState,
    NotFound,
    OneWindowError,
    TooManyRequests,
    Unauthenticated,
)
from cases.platform.status import PlatformUnavailable
from ocr import EngineTimeout, EngineUnavailable, OcrError
from scanner_drivers import (
    Cancelled,
    CoverOpen,
    DeviceBusy,
    DeviceGone,
    FeederEmpty,
    Jammed,
    PageTooLarge,
    ScannerError,
    TruncatedPage,
    UnsupportedFormat,
    UnsupportedSetting,
)
from signing import SigningError

if TYPE_CHECKING:
    from fastapi import FastAPI, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse, Response

log = logging.getLogger(__name__)

ROOTS: tuple[type[Exception], ...] = (
    OneWindowError,
    ArchiveError,
    OcrError,
    SigningError,
    ScannerError,
)
"""The error root of the domain and of each leaf library."""

HANDLED: tuple[type[Exception], ...] = (*ROOTS, *OUTAGES)
"""The roots, and SQLAlchemy's errors that mean the database is away wherever they are
noticed (outside a session scope too): `known` makes them DatabaseUnavailable."""

RETRY_AFTER_S = 5  # what a 503 (a service away) tells the client to wait


def known(exc: BaseException) -> BaseException:
    """The error as the table knows it: a database outage becomes DatabaseUnavailable."""
    if not is_outage(exc):
        return exc
    found = unavailable(exc)
    outage.database.down(found.en)  # one log line per outage, however many requests
    return found


EXIT_DATA = 65  # EX_DATAERR: bad input the user can fix
EXIT_UNAVAILABLE = 69  # EX_UNAVAILABLE: a service (database, object store, OCR) is down
EXIT_DEVICE = 74  # EX_IOERR: the scanner stopped or is away; pages received are kept
EXIT_CONFIG = 78  # EX_CONFIG

TABLE: list[tuple[type[Exception], int, int]] = [
    # the domain
    (Unauthenticated, 401, EXIT_DATA),
    (Forbidden, 403, EXIT_DATA),
    (NotFound, 404, EXIT_DATA),
    (InvalidState, 409, EXIT_DATA),
    (InvalidInput, 422, EXIT_DATA),
    (DatabaseUnavailable, 503, EXIT_UNAVAILABLE),
    (PlatformUnavailable, 503, EXIT_UNAVAILABLE),
    (ConfigurationError, 500, EXIT_CONFIG),
    (TooManyRequests, 429, EXIT_DATA),  # with Retry-After (api/throttling.py)
    (OneWindowError, 400, EXIT_DATA),
    # archive
    (ObjectNotFound, 404, EXIT_DATA),
    (StoreUnavailable, 503, EXIT_UNAVAILABLE),
    (ArchiveError, 500, EXIT_DATA),
    # OCR: an unreadable or oversized image is the caller's to fix; a missing engine is not
    (EngineUnavailable, 503, EXIT_UNAVAILABLE),
    (EngineTimeout, 503, EXIT_UNAVAILABLE),
    (OcrError, 422, EXIT_DATA),
    # signing
    (SigningError, 500, EXIT_DATA),
    # scanners: away or busy is "try again later"; paper in the way is the clerk's to
    # clear at the scanner; a setting or a file the device cannot take is the caller's
    (DeviceGone, 503, EXIT_DEVICE),
    (DeviceBusy, 503, EXIT_DEVICE),
    (Jammed, 409, EXIT_DEVICE),
    (CoverOpen, 409, EXIT_DEVICE),
    (FeederEmpty, 409, EXIT_DEVICE),
    (Cancelled, 409, EXIT_DEVICE),
    (TruncatedPage, 422, EXIT_DEVICE),
    (UnsupportedSetting, 422, EXIT_DATA),
    (UnsupportedFormat, 422, EXIT_DATA),
    (PageTooLarge, 422, EXIT_DATA),
    (ScannerError, 503, EXIT_DEVICE),
]


def mapping(exc: BaseException) -> tuple[int, int] | None:
    """(HTTP status, CLI exit code) of the first row that matches, None when none does."""
    exc = known(exc)
    return next(((s, x) for kind, s, x in TABLE if isinstance(exc, kind)), None)


def status_for(exc: Exception) -> int:
    found = mapping(exc)
    return 500 if found is None else found[0]


def exit_code(exc: Exception) -> int:
    found = mapping(exc)
    return EXIT_DATA if found is None else found[1]


def cli_message(exc: Exception, suffix: str = "") -> str:
    """What the CLI prints: the code, then Chinese and English."""
    exc = known(exc)  # type: ignore[assignment]
    zh, en = getattr(exc, "zh", str(exc)), getattr(exc, "en", str(exc))
    return f"错误 / error [{getattr(exc, 'code', 'error')}]: {zh} / {en}{suffix}"


def body(code: str, zh: str, en: str) -> dict[str, dict[str, str]]:
    return {"error": {"code": code, "message_zh": zh, "message_en": en}}


def error_page(request: Request, status: int, zh: str, en: str) -> Response:
    from api.web.templating import render

    titles = {
        401: "请先登录",
        403: "无权操作",
        404: "未找到",
        409: "当前状态不允许此操作",
        413: "提交内容过大",
        422: "输入有误",
        429: "请求过于频繁",
        503: "服务暂不可用",
    }
    page = render(
        request,
        "error.html",
        status_code=status,
        title=titles.get(status, "出错了"),
        message_zh=zh,
        message_en=en,
    )
    if status == 503:
        page.headers["Retry-After"] = str(RETRY_AFTER_S)
    return page


async def _known(request: Request, exc: Exception) -> Response:
    from fastapi.responses import JSONResponse

    exc = known(exc)  # type: ignore[assignment]
    status = status_for(exc)
    if isinstance(exc, DatabaseUnavailable):
        pass  # logged once per outage (cases.outage), not once per request
    elif status >= 500:
        log.error("request failed: %s", exc)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else {}
    if status == 503:
        headers["Retry-After"] = str(RETRY_AFTER_S)
    return JSONResponse(
        body(
            getattr(exc, "code", "error"),
            getattr(exc, "zh", str(exc)),
            getattr(exc, "en", str(exc)),
        ),
        status_code=status,
        headers=headers or None,
    )


async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
    from fastapi.responses import JSONResponse

    problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
    return JSONResponse(
        body("input.invalid", f"请求参数不正确:{problems}", f"invalid request: {problems}"),
        status_code=422,
    )


HTTP_ERRORS: dict[int, tuple[str, str, str]] = {
    400: (
        "request.malformed",
        "请求内容无法解析,请检查 JSON 或表单(multipart)格式",
        "the request body cannot be parsed; check the JSON or the multipart form",
    ),
    404: ("request.not_found", "请求的地址不存在", "there is no such address"),
    405: (
        "request.method_not_allowed",
        "该地址不支持此请求方法",
        "this address does not take that method",
    ),
    413: ("request.too_large", "请求内容过大", "the request body is too large"),
}


async def _http(_: Request, exc: Exception) -> Response:
    """What the framework itself refuses (an unknown address, a wrong method, a body that
    cannot be parsed or is too large), in the same envelope as everything else."""
    from fastapi.responses import JSONResponse

    status = getattr(exc, "status_code", 400)
    code, zh, en = HTTP_ERRORS.get(
        status, ("request.error", "请求无法处理", "the request cannot be handled")
    )
    return JSONResponse(
        body(getattr(exc, "code", code), getattr(exc, "zh", zh), getattr(exc, "en", en)),
        status_code=status,
        headers=getattr(exc, "headers", None),
    )


def install(app: FastAPI) -> None:
    from fastapi.exceptions import RequestValidationError
    from starlette.exceptions import HTTPException

    for root in HANDLED:
        app.add_exception_handler(root, _known)
    app.add_exception_handler(RequestValidationError, _invalid)  # type: ignore[arg-type]
    app.add_exception_handler(HTTPException, _http)
