"""Request body limits, per route, enforced before anything reads the body.

An ASGI middleware: a declared Content-Length over the route's limit is answered with 413
at once, without reading a byte; a body that streams in (chunked, or lying about its
length) is cut off as soon as it passes the limit. Authentication is a route dependency
and runs after FastAPI has read the body, so without this an anonymous client could make
the server take in any amount before its 401.

Limits: page uploads ONEWINDOW_MAX_UPLOAD_FILES pages of ONEWINDOW_MAX_UPLOAD_BYTES each,
PDFs to verify 50 MB, catalog YAML 4 MB; every other body (JSON, forms) 256 KB.
"""

from __future__ import annotations

import re

from fastapi import FastAPI
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cases.config import Settings

KB = 1024
MB = 1024 * KB
SMALL = 256 * KB  # JSON and form posts: a reject reason is a few hundred bytes
CATALOG = 4 * MB  # item YAML files to validate or publish
VERIFY = 50 * MB  # a sealed PDF (api/routes/verify.py reads at most this much)
_MULTIPART = 64 * KB  # boundaries and part headers around the files

_UPLOADS = re.compile(r"/(api/v1/cases|counter/cases|apply/cases)/[^/]+/pages")
_VERIFY = re.compile(r"/(api/v1/)?verify")
_CATALOG = re.compile(r"/api/v1/catalog/(validate|publish)|/admin/catalog")


def limit_for(path: str, settings: Settings) -> int:
    if _UPLOADS.fullmatch(path):
        return settings.max_upload_files * (settings.max_upload_bytes + 4 * KB) + _MULTIPART
    if _VERIFY.fullmatch(path):
        return VERIFY + _MULTIPART
    if _CATALOG.fullmatch(path):
        return CATALOG
    return SMALL


def _size(limit: int) -> str:
    return f"{limit / MB:.0f} MB" if limit >= MB else f"{limit // KB} KB"


class BodyTooLarge(HTTPException):
    """Raised while the body streams in; FastAPI lets an HTTPException from reading the
    body through, so it reaches the error handlers (envelope or error page) as a 413."""

    code = "request.too_large"

    def __init__(self, limit: int) -> None:
        self.en = f"the request body is larger than {_size(limit)}, the most this address takes"
        self.zh = f"请求内容超过此地址允许的 {_size(limit)} 上限,请缩小文件或分批提交"
        super().__init__(413, self.en)


def refusal(request: Request, exc: BodyTooLarge) -> Response:
    if request.url.path.startswith("/api/"):
        from api.errors import body

        return JSONResponse(body(exc.code, exc.zh, exc.en), status_code=413)
    from api.errors import error_page

    return error_page(request, 413, exc.zh, exc.en)


class BodyLimit:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = limit_for(scope["path"], self.settings)
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await refusal(Request(scope, receive), BodyTooLarge(limit))(scope, receive, send)
            return
        received = 0
        started = False

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def sending(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited, sending)
        except BodyTooLarge as e:  # read outside a route (no handler on the way): answer here
            if started:
                raise
            await refusal(Request(scope, receive), e)(scope, receive, send)


def install(app: FastAPI, settings: Settings) -> None:
    """Add the limit; call before the session middleware is added, so that the limit runs
    inside it (the error page needs the session) and before every route."""
    app.add_middleware(BodyLimit, settings=settings)
