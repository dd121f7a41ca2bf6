"""A hall for the security suite: the shipped catalog (whose joint item 开办餐饮店 is routed
across three departments), a clerk, reviewers of two departments and an administrator,
with an accepted case of each department and a joint case; embedded defaults, no OCR.

Browser sessions are separate clients of one app, so that roles do not share cookies.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from PIL import Image

from api.app import create_app
from cases.accounts import create_user, set_password
from cases.config import Settings
from cases.db import session_scope
from cases.hall import Hall
from cases.intake.pages import add_page, create_case
from cases.tasks.routing import route_case
from models import CaseStatus, Role, User
from tests.cases.backoffice_world import APPLICANT_ID, JOINT_ITEM, World, accepted_case

# role name -> (Role, department, window); "reviewer_a" works for 市场监督管理局 (the lead of
# the joint item), "reviewer_b" for 卫生健康委员会 (a participant of its second step).
STAFF: dict[str, tuple[Role, str | None, str | None]] = {
    "clerk": (Role.CLERK, None, "W01"),
    "reviewer_a": (Role.REVIEWER, "scjgj", None),
    "reviewer_b": (Role.REVIEWER, "wjw", None),
    "admin": (Role.ADMIN, None, None),
}


def password_of(username: str) -> str:
    return f"{username}-secret-password"


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, "page has no CSRF field"
    return match.group(1)


def log_in(client: TestClient, username: str, password: str | None = None) -> str:
    """Log the client in through the login form; returns the session's CSRF token."""
    token = csrf_of(client.get("/login").text)
    r = client.post(
        "/login",
        data={"username": username, "password": password or password_of(username), "csrf": token},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    return csrf_of(client.get(r.headers["location"]).text)


@dataclass
class SecureHall:
    hall: Hall
    app: FastAPI
    client: TestClient  # anonymous unless a test logs it in
    tokens: dict[str, str]
    users: dict[str, int]
    cases: dict[str, str]  # "a" (市场监管), "b" (卫健委), "joint" (开办餐饮店) -> case number
    _browsers: dict[str, tuple[TestClient, str]] = field(default_factory=dict)

    def bearer(self, who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"}

    def new_client(self) -> TestClient:
        """Another client of the same running app (the first one ran its lifespan)."""
        return TestClient(self.app, raise_server_exceptions=False)

    def browser(self, who: str) -> tuple[TestClient, str]:
        """A client logged in as `who` through the login form, and its CSRF token."""
        if who not in self._browsers:
            client = self.new_client()
            self._browsers[who] = (client, log_in(client, who))
        return self._browsers[who]


_pages = itertools.count(1)


def page_image() -> bytes:
    """A blank A4 page at 100 dpi, a different one each time (archived objects are
    content-addressed): enough for intake to take it."""
    image = Image.new("L", (827, 1169), 255)
    image.putpixel((10, 10), next(_pages) % 250)
    image.putpixel((11, 10), next(_pages) // 250 % 250)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def accepted_case_with_page(secure: SecureHall, item: str) -> tuple[str, int, int]:
    """An accepted, routed case with one scanned page: (number, page id, image object id)."""
    hall = secure.hall
    with session_scope(hall.sessions) as s:
        clerk = s.get_one(User, secure.users["clerk"])
        case = create_case(
            s,
            item_code=item,
            applicant_type="person",
            applicant_name="张三",
            applicant_id=APPLICANT_ID,
            actor=clerk,
        )
        page = add_page(
            s,
            hall.store,
            case,
            page_image(),
            filename="page.png",
            actor=clerk,
            max_bytes=hall.settings.max_upload_bytes,
        )
        case.status, case.accepted_at = CaseStatus.ACCEPTED, datetime.now(UTC)
        route_case(s, hall, case, actor=clerk)
        return case.number, page.id, page.image_object_id


def open_secure_hall(data_dir: Path, **settings: object) -> Iterator[SecureHall]:
    hall = Hall.open(Settings(data_dir=data_dir, **settings))  # type: ignore[arg-type]
    tokens: dict[str, str] = {}
    users: dict[str, int] = {}
    with session_scope(hall.sessions) as s:
        for name, (role, department, window) in STAFF.items():
            user, tokens[name] = create_user(
                s,
                username=name,
                display_name=name,
                role=role,
                department_code=department,
                window_code=window,
            )
            set_password(user, password_of(name))
            s.flush()
            users[name] = user.id
    world = World(hall, users)
    cases: dict[str, str] = {}
    with session_scope(hall.sessions) as s:
        for key, item in (("a", "SCJG-GT-001"), ("b", "WJ-GG-001"), ("joint", JOINT_ITEM)):
            cases[key] = accepted_case(s, world, item).number
    app = create_app(hall=hall, worker=False)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield SecureHall(hall, app, client, tokens, users, cases)
    hall.close()


@pytest.fixture
def secure(tmp_path: Path) -> Iterator[SecureHall]:
    yield from open_secure_hall(tmp_path)
