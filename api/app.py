"""The FastAPI application: OpenAPI at /docs. On the embedded SQLite database the page
worker and the periodic jobs run in process with it (claims in the database, so several
uvicorn workers share them); on PostgreSQL they are `onewindow worker`'s, on the queue."""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api import body_limit, errors, memory, openapi, throttling, web
from api.headers import SecureApp
from api.routes import (
    cases,
    catalog,
    delivery,
    documents,
    fields,
    progress,
    review,
    sharing,
    verify,
)
from cases.config import Settings
from cases.hall import Hall
from cases.jobs.embedded import InProcess
from cases.jobs.runner import is_distributed


def create_app(
    settings: Settings | None = None, *, hall: Hall | None = None, worker: bool = True
) -> FastAPI:
    settings = hall.settings if hall else settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        memory.map_large_buffers()  # a page's buffers leave the process with the page
        opened = hall or Hall.open(settings)
        app.state.hall = opened
        background = InProcess(opened) if worker and not is_distributed(opened) else None
        if background:
            background.start()
        try:
            yield
        finally:
            if background:
                background.stop()
            if hall is None:
                opened.close()

    docs = settings.api_docs_public  # not public in production unless asked for
    app = SecureApp(  # security headers on every response
        title="onewindow",
        summary="一窗受理、集成服务 — intake, checklist checks, sealed e-licenses, archive",
        version="0.1.0",
        lifespan=lifespan,
        docs_url="/docs" if docs else None,
        redoc_url="/redoc" if docs else None,
        openapi_url="/openapi.json" if docs else None,
    )
    app.https = settings.is_production
    app.openapi = functools.partial(openapi.document, app)  # type: ignore[method-assign]
    errors.install(app)
    body_limit.install(app, settings)  # before the session middleware: runs inside it
    for module in (catalog, cases, fields, review, delivery, documents, sharing, verify, progress):
        app.include_router(module.router)
    app.include_router(catalog.pages)  # the public announcement page
    web.install(app, settings)
    throttling.install(app)  # after the pages' handlers: 429 with Retry-After for both

    @app.get("/health", tags=["health"])
    def health() -> dict[str, str]:
        return {"status": "ok"}

    return app
