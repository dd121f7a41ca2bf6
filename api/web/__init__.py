"""The browser interface: server-rendered Chinese pages for the counter, the department
desk and (later) delivery, sharing and administration. Same domain services as the API."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from api.web import auth, counter, desk
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
    for module in (auth, counter, desk):
        app.include_router(module.router)
