"""Login throttling and lockout (issue 14, finding 5): wrong passwords lock the account
for a while, the right password does not open a locked account, a successful login
clears the count, one client cannot spray passwords over many accounts, and an unknown
username behaves like a real one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.app import create_app
from cases.accounts import create_user, set_password
from cases.config import Settings
from cases.db import session_scope
from cases.hall import Hall
from models import AuditEvent, Role
from tests.throttle_clock import Clock, turnable_clock
from tests.web.test_pages import csrf_of

PASSWORD = "correct-horse-1"


@dataclass
class Door:
    hall: Hall
    client: TestClient

    def log_in(self, username: str, password: str) -> httpx.Response:
        token = csrf_of(self.client.get("/login").text)
        return self.client.post(
            "/login",
            data={"username": username, "password": password, "csrf": token},
            follow_redirects=False,
        )

    def logged_in(self) -> bool:
        return self.client.get("/counter", follow_redirects=False).status_code == 200


def _door(tmp_path: Path, **limits: int) -> Iterator[Door]:
    hall = Hall.open(Settings(data_dir=tmp_path, **limits))  # type: ignore[arg-type]
    with session_scope(hall.sessions) as s:
        for name in ("clerk", "clerk2", "clerk3"):
            user, _ = create_user(
                s, username=name, display_name=name, role=Role.CLERK, window_code="W01"
            )
            set_password(user, PASSWORD)
    with TestClient(create_app(hall=hall, worker=False)) as client:
        yield Door(hall, client)
    hall.close()


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    return turnable_clock(monkeypatch)


@pytest.fixture
def door(tmp_path: Path, clock: Clock) -> Iterator[Door]:
    yield from _door(tmp_path, login_max_failures=3, login_lockout_seconds=600)


def _audited(hall: Hall, action: str) -> list[AuditEvent]:
    with session_scope(hall.sessions) as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_wrong_passwords_lock_the_account_and_the_right_one_waits(door: Door, clock: Clock) -> None:
    assert [door.log_in("clerk", "wrong-guess").status_code for _ in range(2)] == [401, 401]
    third = door.log_in("clerk", "wrong-guess")
    assert third.status_code == 401 and "已锁定" in third.text  # says so at once
    locked = door.log_in("clerk", PASSWORD)
    assert locked.status_code == 429 and not door.logged_in()
    assert locked.headers["Retry-After"] == "600"
    clock.turn(400)
    assert door.log_in("clerk", PASSWORD).headers["Retry-After"] == "200"
    assert "登录失败次数过多" in locked.text and "too many failed logins" in locked.text
    (event,) = _audited(door.hall, "auth.locked")
    assert event.target == "user:clerk" and event.detail["seconds"] == 600
    # another account is not affected by this one's lock
    assert door.log_in("clerk2", PASSWORD).status_code == 303
    clock.turn(200)
    assert door.log_in("clerk", PASSWORD).status_code == 303 and door.logged_in()


def test_a_successful_login_clears_the_count(door: Door) -> None:
    for _ in range(2):
        assert door.log_in("clerk", "wrong-guess").status_code == 401
    assert door.log_in("clerk", PASSWORD).status_code == 303
    door.client.cookies.clear()
    for _ in range(2):
        assert door.log_in("clerk", "wrong-guess").status_code == 401
    assert door.log_in("clerk", PASSWORD).status_code == 303  # 4 failures, never 3 in a row


def test_an_unknown_username_locks_like_a_real_one(door: Door) -> None:
    """Otherwise the lockout itself would tell which usernames exist."""
    answers = [door.log_in("nobody", "wrong-guess") for _ in range(4)]
    assert [a.status_code for a in answers] == [401, 401, 401, 429]
    assert "已锁定" in answers[2].text and "登录失败次数过多" in answers[3].text


def test_one_client_cannot_spray_passwords_over_many_accounts(tmp_path: Path, clock: Clock) -> None:
    for door in _door(tmp_path, login_failures_per_client_per_hour=4):
        names = ["clerk", "clerk2", "clerk3", "alice", "bob"]
        codes = [door.log_in(name, "Winter2026!").status_code for name in names]
        assert codes == [401, 401, 401, 401, 429]
        refused = door.log_in("clerk", PASSWORD)  # even the right password waits now
        assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
        assert "本机登录失败次数过多" in refused.text
        clock.turn(7200)  # two hours on, the failures have slid out of the window
        assert door.log_in("clerk", PASSWORD).status_code == 303
