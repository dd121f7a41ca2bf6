"""The self-service locker's terminal (issue 14, finding 6): an anonymous caller could void
an applicant's pickup code with five wrong tries. Now only a registered locker terminal
may try codes; its wrong tries make *the terminal* wait (doubling), the code survives, and
the code is void only after many failures at the terminals."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.app import create_app
from cases.accounts import create_user
from cases.db import session_scope
from cases.delivery import locker
from cases.review import steps as review
from models import AuditEvent, Delivery, Role
from tests.cases.backoffice_world import World, accepted_case, open_world
from tests.sms_sink import LoopbackSmsSink
from tests.throttle_clock import Clock, turnable_clock


@dataclass
class Lockers:
    clock: Clock
    world: World
    client: TestClient
    sink: LoopbackSmsSink
    terminals: dict[str, str]  # name -> bearer token

    def deposit(self, box: str) -> tuple[int, str]:
        """An approved case's result put in `box`: the case id and the SMS pickup code."""
        hall = self.world.hall
        with session_scope(hall.sessions) as s:
            case = accepted_case(s, self.world, "SCJG-GT-001")
            review.approve(s, hall, case, actor=self.world.user(s, "chief"))
            locker.to_locker(s, hall, case, actor=self.world.user(s, "clerk"), box=box)
            case_id, number = case.id, case.number
        texts = [m["text"] for m in self.sink.messages if number in m["text"]]
        code = re.search(r"取件码(\d{6})", texts[-1])
        assert code, texts
        return case_id, code.group(1)

    def pickup(self, box: str, code: str, terminal: str | None = None) -> tuple[int, dict]:  # type: ignore[type-arg]
        headers = {"Authorization": f"Bearer {self.terminals[terminal]}"} if terminal else {}
        r = self.client.post(
            "/api/v1/locker/pickup", json={"box": box, "code": code}, headers=headers
        )
        return r.status_code, {**r.json(), "retry_after": r.headers.get("Retry-After")}


@pytest.fixture
def lockers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Lockers]:
    clock = turnable_clock(monkeypatch)
    for world in open_world(tmp_path):
        hall = world.hall
        hall.settings.locker_terminal_tries = 3
        hall.settings.locker_terminal_wait_seconds = 60
        terminals = {}
        with session_scope(hall.sessions) as s:
            for name in ("locker-east", "locker-west"):
                _, terminals[name] = create_user(
                    s, username=name, display_name=name, role=Role.LOCKER
                )
        with LoopbackSmsSink() as sink, TestClient(create_app(hall=hall, worker=False)) as client:
            hall.settings.sms_url = sink.url
            yield Lockers(clock, world, client, sink, terminals)


def _wrong(code: str, n: int = 1) -> str:
    return f"{(int(code) + n) % 10**6:06d}"


def test_a_stranger_cannot_try_codes_or_void_them(lockers: Lockers) -> None:
    _, code = lockers.deposit("A01")
    for n in range(1, 8):
        status, body = lockers.pickup("A01", _wrong(code, n))
        assert status == 401, body
    # nothing was counted against the applicant's code: it still opens the box
    status, body = lockers.pickup("A01", code, terminal="locker-east")
    assert status == 200 and body["status"] == "delivered", body
    # a staff token is not a locker terminal either
    _, code = lockers.deposit("A02")
    with session_scope(lockers.world.hall.sessions) as s:
        _, clerk_token = create_user(
            s, username="clerk-b", display_name="clerk-b", role=Role.CLERK, window_code="W01"
        )
    r = lockers.client.post(
        "/api/v1/locker/pickup",
        json={"box": "A02", "code": code},
        headers={"Authorization": f"Bearer {clerk_token}"},
    )
    assert r.status_code == 403


def test_wrong_codes_make_the_terminal_wait_and_the_code_survives(lockers: Lockers) -> None:
    _, code = lockers.deposit("B01")
    answers = [lockers.pickup("B01", _wrong(code, n), "locker-east") for n in range(1, 4)]
    assert [status for status, _ in answers] == [422, 422, 422]
    assert "请 60 秒后再试" in answers[-1][1]["error"]["message_zh"]  # the terminal shows it
    # now the terminal waits, even for the right code ...
    status, body = lockers.pickup("B01", code, "locker-east")
    assert status == 429 and body["retry_after"] == "60", body
    assert body["error"]["message_en"] and "终端" in body["error"]["message_zh"]
    # ... while another terminal does not
    assert lockers.pickup("B01", _wrong(code, 4), "locker-west")[0] == 422
    lockers.clock.turn(60)
    # the next run of wrong tries makes it wait twice as long
    for n in range(5, 8):
        assert lockers.pickup("B01", _wrong(code, n), "locker-east")[0] == 422
    status, body = lockers.pickup("B01", code, "locker-east")
    assert status == 429 and body["retry_after"] == "120", body
    lockers.clock.turn(120)
    status, body = lockers.pickup("B01", code, "locker-east")
    assert status == 200 and body["status"] == "delivered", body


def test_the_code_is_void_only_after_many_failures(lockers: Lockers) -> None:
    hall = lockers.world.hall
    hall.settings.locker_terminal_tries = 1000  # look at the code's own count alone
    case_id, code = lockers.deposit("C01")
    tries = hall.settings.locker_code_tries
    assert tries >= 10  # many, not five: terminals are registered and throttled
    for n in range(1, tries):
        assert lockers.pickup("C01", _wrong(code, n), "locker-east")[0] == 422
    assert lockers.pickup("C01", _wrong(code, tries), "locker-west")[0] == 422
    status, body = lockers.pickup("C01", code, "locker-east")
    assert status == 409 and "失效" in body["error"]["message_zh"], body
    with session_scope(hall.sessions) as s:
        voided = s.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "delivery.locker_code_void",
                AuditEvent.target == f"case:{case_id}",
            )
        ).one()
        assert voided.actor == "locker-west"  # the terminal that made the last try
        (still,) = s.scalars(select(Delivery.status).where(Delivery.case_id == case_id))
        assert still == "in_locker"  # until the window sends a new code
