"""A hall behind the real app for the applicant's channels, with the loopback SMS sink as
the configured provider, and helpers to sign an applicant in through the pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.app import create_app
from cases.accounts import create_user, set_password
from cases.config import Settings
from cases.db import session_scope
from cases.hall import Hall
from models import Role
from ocr import Engine
from tests.api.conftest import password_of, sample_pages, server_settings
from tests.sms_sink import LoopbackSmsSink


@dataclass
class Online:
    hall: Hall
    app: FastAPI
    sink: LoopbackSmsSink
    tokens: dict[str, str]  # API tokens of the clerk "c" (window W01) and the reviewer "r"

    def bearer(self, who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"}

    def client(self, address: str = "203.0.113.9") -> TestClient:
        """A browser whose socket address is `address` (no proxy is trusted)."""
        return TestClient(self.app, client=(address, 40000))

    def last_code(self, phone: str) -> str:
        texts = [m["text"] for m in self.sink.messages if m["phone"] == phone]
        found = re.search(r"验证码为(\d{6})", texts[-1]) if texts else None
        assert found, f"no code was sent to {phone}"
        return found.group(1)


def form_token(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "page has no CSRF field"
    return found.group(1)


def ask_code(online: Online, client: TestClient, phone: str) -> str:
    """Ask for a sign-in code; returns the page's form token."""
    token = form_token(client.get("/apply").text)
    r = client.post("/apply/code", data={"phone": phone, "csrf": token})
    assert r.status_code == 200, r.text
    return form_token(r.text)


def sign_in(online: Online, client: TestClient, phone: str) -> str:
    """Sign in with the code the sink received; returns the signed-in form token."""
    token = ask_code(online, client, phone)
    r = client.post(
        "/apply/signin",
        data={"phone": phone, "code": online.last_code(phone), "csrf": token},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    return form_token(client.get("/apply").text)


def online_hall(settings: Settings, engine: Engine) -> Iterator[Online]:
    with LoopbackSmsSink() as sink:
        settings.sms_url = sink.url
        hall = Hall.open(settings)
        hall.use_ocr(engine)  # the session's engine, loaded once (read only by `ocr` tests)
        tokens = {}
        with session_scope(hall.sessions) as s:
            for name, role, window, department in (
                ("c", Role.CLERK, "W01", None),
                ("r", Role.REVIEWER, None, "scjgj"),
            ):
                staff, tokens[name] = create_user(
                    s,
                    username=name,
                    display_name=name,
                    role=role,
                    window_code=window,
                    department_code=department,
                )
                set_password(staff, password_of(name))
        app = create_app(hall=hall, worker=False)
        with TestClient(app):  # runs the lifespan once
            yield Online(hall, app, sink, tokens)
        hall.close()


@pytest.fixture
def online(tmp_path: Path, reading_engine: Engine) -> Iterator[Online]:
    yield from online_hall(Settings(data_dir=tmp_path), reading_engine)


@pytest.fixture(
    params=["embedded", pytest.param("servers", marks=[pytest.mark.postgres, pytest.mark.s3])]
)
def online_any(
    request: pytest.FixtureRequest, tmp_path: Path, reading_engine: Engine
) -> Iterator[Online]:
    """`online` on the embedded defaults, and on PostgreSQL + S3."""
    if request.param == "embedded":
        settings = Settings(data_dir=tmp_path)
    else:
        settings = server_settings(
            tmp_path, request.getfixturevalue("postgres_url"), request.getfixturevalue("s3_server")
        )
    yield from online_hall(settings, reading_engine)


__all__ = ["sample_pages"]


def staff_log_in(client: TestClient, username: str) -> str:
    """Log a member of staff in through /login; returns the staff form token."""
    r = client.post(
        "/login",
        data={
            "username": username,
            "password": password_of(username),
            "csrf": form_token(client.get("/login").text),
        },
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    return form_token(client.get(r.headers["location"]).text)
