"""Security headers on every response, a 500 included.

Pages may run only the app's own script (no inline script, no other origin), may not be
framed by anyone, and send no Referer. Documents (PDFs, page images) may be framed by the
app's own pages (the shared-material preview) and nothing else. The Swagger and ReDoc pages
load their script from a CDN and are allowed that, and only that, where they are served.

`SecureApp` wraps the whole middleware stack, outside Starlette's last-resort error
middleware, so that even its plain 500 carries the headers.
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

_COMMON = "default-src 'self'; base-uri 'none'; form-action 'self'"
PAGE_POLICY = (
    f"{_COMMON}; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; object-src 'none'; frame-ancestors 'none'"
)
DOCUMENT_POLICY = (
    f"{_COMMON}; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; object-src 'self'; frame-ancestors 'self'"
)
_CDN = "https://cdn.jsdelivr.net"
DOCS_POLICY = (
    f"{_COMMON}; script-src 'self' 'unsafe-inline' {_CDN}; "
    f"style-src 'self' 'unsafe-inline' {_CDN} https://fonts.googleapis.com; "
    "font-src 'self' https://fonts.gstatic.com; img-src 'self' data: https:; "
    "worker-src 'self' blob:; object-src 'none'; frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs", "/docs/oauth2-redirect", "/redoc")


_FRAMEABLE = ("application/pdf", "image/", "application/octet-stream")


def _policy(path: str, content_type: str) -> tuple[str, str]:
    """(Content-Security-Policy, X-Frame-Options) for a response."""
    if path in DOCS_PATHS:
        return DOCS_POLICY, "DENY"
    if content_type.startswith(_FRAMEABLE):
        return DOCUMENT_POLICY, "SAMEORIGIN"
    return PAGE_POLICY, "DENY"


class SecurityHeaders:
    def __init__(self, app: ASGIApp, *, https: bool) -> None:
        self.app = app
        self.https = https

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                policy, frames = _policy(scope["path"], headers.get("content-type", ""))
                headers.setdefault("Content-Security-Policy", policy)
                headers.setdefault("X-Frame-Options", frames)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "no-referrer")
                headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
                if self.https:
                    headers.setdefault("Strict-Transport-Security", "max-age=31536000")
            await send(message)

        await self.app(scope, receive, with_headers)


class SecureApp(FastAPI):
    """FastAPI with SecurityHeaders outside its whole middleware stack; `https` (set
    before the first request) adds Strict-Transport-Security."""

    https = False

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityHeaders(super().build_middleware_stack(), https=self.https)
