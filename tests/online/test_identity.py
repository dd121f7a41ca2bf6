"""Applicant identity: a phone number and a one-time SMS code, kept hashed with an expiry,
sending and checking limited in the database, guessing locked out; the applicant's session
is its own cookie, apart from the staff session and its roles."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from cases.db import session_scope
from models import Applicant, AuditEvent, SignInCode
from tests.online.conftest import Online, ask_code, form_token, sign_in
from tests.throttle_clock import turnable_clock

PHONE = "13800138000"


def test_a_code_signs_in_once_and_is_stored_only_hashed(online: Online) -> None:
    client = online.client()
    token = ask_code(online, client, "138 0013 8000")  # as people type it
    code = online.last_code(PHONE)
    assert online.sink.messages[-1]["phone"] == PHONE
    with session_scope(online.hall.sessions) as s:
        row = s.scalars(select(SignInCode).where(SignInCode.phone == PHONE)).one()
        assert code not in row.code_hash and len(row.code_hash) == 64
        assert row.expires_at - row.created_at == timedelta(seconds=300)
    r = client.post(
        "/apply/signin",
        data={"phone": PHONE, "code": code, "csrf": token},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/apply"
    home = client.get("/apply")
    assert "我的办件" in home.text and "138****8000" in home.text
    # the same code does not open a second session
    other = online.client("203.0.113.10")
    token = form_token(other.get("/apply").text)
    r = other.post("/apply/signin", data={"phone": PHONE, "code": code, "csrf": token})
    assert r.status_code == 401 and "验证码错误或已失效" in r.text
    with session_scope(online.hall.sessions) as s:
        assert s.scalars(select(Applicant)).one().phone == PHONE
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "applicant.signin")).one()
        assert PHONE not in str(event.detail) and PHONE not in event.actor


def test_an_expired_code_is_refused(online: Online) -> None:
    client = online.client()
    token = ask_code(online, client, PHONE)
    with session_scope(online.hall.sessions) as s:
        row = s.scalars(select(SignInCode)).one()
        row.expires_at = datetime.now(UTC) - timedelta(seconds=1)
    r = client.post(
        "/apply/signin", data={"phone": PHONE, "code": online.last_code(PHONE), "csrf": token}
    )
    assert r.status_code == 401 and "验证码错误或已失效" in r.text


def test_guessing_is_locked_out_even_for_the_right_code(
    online_any: Online, monkeypatch: pytest.MonkeyPatch
) -> None:
    online = online_any
    clock = turnable_clock(monkeypatch)
    client = online.client()
    token = ask_code(online, client, PHONE)
    code = online.last_code(PHONE)
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    answers = []
    for _ in range(5):  # applicant_code_max_failures
        r = client.post("/apply/signin", data={"phone": PHONE, "code": wrong, "csrf": token})
        answers.append(r.status_code)
    assert answers == [401] * 5 and "已暂停登录" in r.text
    # locked: the right code is refused too, from any client, and says how long to wait
    for address in ("203.0.113.9", "198.51.100.77"):
        other = online.client(address)
        t = form_token(other.get("/apply").text)
        r = other.post("/apply/signin", data={"phone": PHONE, "code": code, "csrf": t})
        assert r.status_code == 429 and int(r.headers["Retry-After"]) > 800
        assert "验证码错误次数过多" in r.text
    # after the lock the old code is void (the lock killed it), and the next run of
    # wrong codes locks for twice as long
    clock.turn(901)
    r = client.post("/apply/signin", data={"phone": PHONE, "code": code, "csrf": token})
    assert r.status_code == 401
    for _ in range(4):
        r = client.post("/apply/signin", data={"phone": PHONE, "code": wrong, "csrf": token})
    r = client.post("/apply/signin", data={"phone": PHONE, "code": wrong, "csrf": token})
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 1700
    # once the lock is over, a new code signs in
    clock.turn(1801)
    sign_in(online, client, PHONE)


def test_sending_is_limited_per_phone_and_per_client(
    online: Online, monkeypatch: pytest.MonkeyPatch
) -> None:
    turnable_clock(monkeypatch)
    client = online.client()
    for _ in range(5):  # applicant_codes_per_phone_per_hour
        ask_code(online, client, PHONE)
    token = form_token(client.get("/apply").text)
    r = client.post("/apply/code", data={"phone": PHONE, "csrf": token})
    assert r.status_code == 429 and "获取验证码过于频繁" in r.text
    assert len(online.sink.messages) == 5
    # one client cannot spray codes over many phones either
    sprayer = online.client("198.51.100.5")
    statuses = []
    for i in range(21):
        t = form_token(sprayer.get("/apply").text)
        statuses.append(
            sprayer.post("/apply/code", data={"phone": f"1390000{i:04d}", "csrf": t}).status_code
        )
    assert statuses[:20] == [200] * 20 and statuses[20] == 429


def test_bad_phone_and_missing_form_token_are_refused(online: Online) -> None:
    client = online.client()
    token = form_token(client.get("/apply").text)
    r = client.post("/apply/code", data={"phone": "12345", "csrf": token})
    assert r.status_code == 422 and "请输入11位手机号码" in r.text
    r = client.post("/apply/code", data={"phone": PHONE})
    assert r.status_code == 403 and "页面已过期" in r.text
    assert online.sink.messages == []


def test_the_applicant_session_is_not_a_staff_session(online: Online) -> None:
    client = online.client()
    token = sign_in(online, client, PHONE)
    for path in ("/counter", "/desk", "/delivery", "/admin", "/counter/online"):
        r = client.get(path, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/login", path
    assert client.get("/api/v1/review/tasks").status_code == 401
    # signing out ends every copy of the cookie
    copy = dict(client.cookies)
    r = client.post("/apply/signout", data={"csrf": token}, follow_redirects=False)
    assert r.status_code == 303
    replay = online.client()
    replay.cookies.update(copy)
    r = replay.get("/apply")
    assert "获取短信验证码" in r.text and "我的办件" not in r.text
    # a forged cookie is nobody
    forged = online.client()
    forged.cookies.set("onewindow_applicant", copy["onewindow_applicant"][:-3] + "abc")
    assert "获取短信验证码" in forged.get("/apply").text
