"""Result delivery: the 容缺 gate, window pickup with identity check, locker with an SMS
code received by a loopback SMS sink, post with tracking and feedback, 好差评."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from cases.db import session_scope
from cases.delivery import handout as delivery
from cases.delivery import locker
from cases.errors import InvalidInput, InvalidState
from cases.review import steps as review
from models import AuditEvent, Case, Material, SmsMessage
from tests.api.conftest import fresh_postgres_database
from tests.cases.backoffice_world import (
    APPLICANT_ID,
    APPLICANT_PHONE,
    World,
    accepted_case,
    open_world,
)
from tests.sms_sink import LoopbackSmsSink


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    yield from open_world(tmp_path_factory.mktemp("delivery"))


@pytest.fixture(scope="module")
def sink(world: World) -> Iterator[LoopbackSmsSink]:
    with LoopbackSmsSink() as running:
        world.hall.settings.sms_url = running.url
        yield running


def _code(sink: LoopbackSmsSink, case_number: str) -> str:
    texts = [m["text"] for m in sink.messages if case_number in m["text"]]
    assert texts, "no SMS for the case reached the sink"
    match = re.search(r"取件码(\d{6})", texts[-1])
    assert match, texts[-1]
    return match.group(1)


def _blocked(world: World, case_id: int) -> list[AuditEvent]:
    with session_scope(world.hall.sessions) as s:
        return list(
            s.scalars(
                select(AuditEvent).where(
                    AuditEvent.target == f"case:{case_id}", AuditEvent.action == "delivery.blocked"
                )
            )
        )


@pytest.mark.postgres
def test_a_refused_handout_is_audited_on_postgresql(
    postgres_url: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The refusal's own transaction runs beside the failing request's, on row locks."""
    url = fresh_postgres_database(postgres_url)
    for pg in open_world(tmp_path_factory.mktemp("delivery-pg"), database_url=url):
        with session_scope(pg.hall.sessions) as s:
            case = accepted_case(s, pg, "SCJG-SP-002", pending=("premises_proof",))
            review.approve(s, pg.hall, case, actor=pg.user(s, "chief"))
            case_id = case.id
        with pytest.raises(InvalidState, match="容缺"), session_scope(pg.hall.sessions) as s:
            delivery.mail(
                s,
                pg.hall,
                s.get_one(Case, case_id),
                actor=pg.user(s, "clerk"),
                address="锡林浩特市额尔敦路1号",
                tracking_number="EMS0001",
            )
        assert [e.actor for e in _blocked(pg, case_id)] == ["clerk"]


def test_conditional_case_waits_for_its_supplement(world: World) -> None:
    hall = world.hall
    with session_scope(hall.sessions) as s:
        case = accepted_case(s, world, "SCJG-SP-002", pending=("premises_proof",))
        review.approve(s, hall, case, actor=world.user(s, "chief"), comment="准予许可")
        case_id = case.id
    # each refused attempt fails its request (rolled back) yet stays in the audit trail
    with pytest.raises(InvalidState, match="容缺"), session_scope(hall.sessions) as s:
        case = s.get_one(Case, case_id)
        clerk = world.user(s, "clerk")
        delivery.pick_up(
            s, case, actor=clerk, receiver_name="张三", id_number=APPLICANT_ID, hall=hall
        )
    with pytest.raises(InvalidState, match="容缺"), session_scope(hall.sessions) as s:
        clerk = world.user(s, "clerk")
        locker.to_locker(s, hall, s.get_one(Case, case_id), actor=clerk, box="A01")
    blocked = _blocked(world, case_id)
    assert [(e.actor, e.detail["reason"][:3]) for e in blocked] == [("clerk", "容缺:")] * 2
    with session_scope(hall.sessions) as s:
        case = s.get_one(Case, case_id)
        clerk = world.user(s, "clerk")
        assert delivery.delivery_of(s, case).status == "at_window"
        # without the hall (an older caller) the refusal is recorded all the same
        with pytest.raises(InvalidState, match="容缺"):
            delivery.pick_up(s, case, actor=clerk, receiver_name="张三", id_number=APPLICANT_ID)
    assert len(_blocked(world, case_id)) == 3
    with session_scope(hall.sessions) as s:
        case = s.get_one(Case, case_id)
        clerk = world.user(s, "clerk")
        # the supplement arrives (the counter records the material as present)
        s.add(
            Material(
                case_id=case.id,
                submission_id=case.submissions[-1].id,
                code="premises_proof",
                state="present",
                page_ids=[],
            )
        )
        s.flush()
        with pytest.raises(InvalidInput, match="授权委托书"):
            delivery.pick_up(
                s, case, actor=clerk, receiver_name="李四", id_number="110105194912310037"
            )
        done = delivery.pick_up(s, case, actor=clerk, receiver_name="张三", id_number=APPLICANT_ID)
        assert (done.status, done.by_agent, done.receiver_id_tail) == ("delivered", False, "002X")
        assert done.feedback_at is not None
        actions = [e.action for e in review.trail(s, case)]
        assert "delivery.delivered" in actions
        assert delivery.rate(s, case, score=5, comment="一次办好").score == 5
        with pytest.raises(InvalidState):
            delivery.rate(s, case, score=4)


def test_agent_pickup_needs_a_power_of_attorney(world: World) -> None:
    with session_scope(world.hall.sessions) as s:
        case = accepted_case(s, world, "SCJG-GT-001")
        review.approve(s, world.hall, case, actor=world.user(s, "chief"))
        with pytest.raises(InvalidState):
            delivery.rate(s, case, score=5)  # not delivered yet
        done = delivery.pick_up(
            s,
            case,
            actor=world.user(s, "clerk"),
            receiver_name="李四",
            id_number="110105194912310037",
            attorney_ref="委托书2026-118",
        )
        assert done.by_agent and done.attorney_ref == "委托书2026-118"


def test_locker_pickup_with_the_sms_code(world: World, sink: LoopbackSmsSink) -> None:
    hall = world.hall
    with session_scope(hall.sessions) as s:
        case = accepted_case(s, world, "WJ-GG-001")
        review.approve(s, hall, case, actor=world.user(s, "health"), comment="准予许可")
        clerk = world.user(s, "clerk")
        t0 = datetime.now(UTC)
        locker.to_locker(s, hall, case, actor=clerk, box="B07", now=t0)
        first = _code(sink, case.number)
        assert sink.messages[-1]["phone"] == APPLICANT_PHONE
        assert "自助文件柜B07号格口" in sink.messages[-1]["text"]
        wrong = f"{(int(first) + 1) % 10**6:06d}"
        with pytest.raises(InvalidInput):
            locker.locker_pickup(s, hall, box="B07", code=wrong)
        with pytest.raises(InvalidState, match="过期"):
            locker.locker_pickup(s, hall, box="B07", code=first, now=t0 + timedelta(days=4))
        locker.renotify(s, hall, case, actor=clerk, now=t0 + timedelta(days=4))
        second = _code(sink, case.number)
        assert "新取件码" in sink.messages[-1]["text"]
        if second != first:
            with pytest.raises(InvalidInput):
                locker.locker_pickup(s, hall, box="B07", code=first, now=t0 + timedelta(days=4))
        done = locker.locker_pickup(s, hall, box="B07", code=second, now=t0 + timedelta(days=5))
        assert done.status == "delivered" and done.method == "locker"
        sent = s.scalars(select(SmsMessage).where(SmsMessage.case_id == case.id)).all()
        assert [m.template for m in sent] == [
            "result_ready",
            "locker_code",
            "locker_renotify",
            "delivered",
        ]
        assert all(m.status == "sent" and m.gateway_ref for m in sent)


def test_sms_failure_is_recorded_not_lost(world: World, sink: LoopbackSmsSink) -> None:
    hall = world.hall
    with LoopbackSmsSink() as dead:
        url = dead.url
    hall.settings.sms_url = url
    try:
        with session_scope(hall.sessions) as s:
            case = accepted_case(s, world, "SCJG-GT-001")
            review.approve(s, hall, case, actor=world.user(s, "chief"))
            d = locker.to_locker(s, hall, case, actor=world.user(s, "clerk"), box="C01")
            assert d.status == "in_locker"
            sent = s.scalars(select(SmsMessage).where(SmsMessage.case_id == case.id)).all()
            assert [m.status for m in sent] == ["failed", "failed"]
    finally:
        hall.settings.sms_url = sink.url


def test_postal_delivery_is_fed_back_to_the_department(world: World) -> None:
    hall = world.hall
    with session_scope(hall.sessions) as s:
        case = accepted_case(s, world, "SCJG-GT-001")
        chief = world.user(s, "chief")
        review.approve(s, hall, case, actor=chief)
        d = delivery.mail(
            s,
            hall,
            case,
            actor=world.user(s, "clerk"),
            address="内蒙古锡林浩特市团结大街1号",
            tracking_number="EMS1234567890",
        )
        assert d.status == "posted"
        with pytest.raises(InvalidInput):
            delivery.postal_update(s, case, status="lost-in-space")
        delivery.postal_update(s, case, status="in_transit", note="锡林浩特中转")
        assert not any(
            c.id == case.id for _, c in delivery.feedback_for(s, chief.department_id or 0)
        )
        delivery.postal_update(s, case, status="delivered", note="本人签收")
        fed = [
            (d2.method, c.number) for d2, c in delivery.feedback_for(s, chief.department_id or 0)
        ]
        assert ("post", case.number) in fed
        feedback = s.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "delivery.feedback",
                AuditEvent.target == f"department:{chief.department_id}",
            )
        ).all()
        assert any(e.detail["case"] == case.number for e in feedback)


def test_guessing_voids_the_locker_code(world: World, sink: LoopbackSmsSink) -> None:
    hall = world.hall
    with session_scope(hall.sessions) as s:
        case = accepted_case(s, world, "SCJG-GT-001")
        review.approve(s, hall, case, actor=world.user(s, "chief"))
        locker.to_locker(s, hall, case, actor=world.user(s, "clerk"), box="D01")
        code = _code(sink, case.number)
        wrong = f"{(int(code) + 1) % 10**6:06d}"
        for _ in range(hall.settings.locker_code_tries):
            with pytest.raises(InvalidInput):
                locker.locker_pickup(s, hall, box="D01", code=wrong)
        with pytest.raises(InvalidState, match="失效"):
            locker.locker_pickup(s, hall, box="D01", code=code)
        locker.renotify(s, hall, case, actor=world.user(s, "clerk"))
        assert locker.locker_pickup(s, hall, box="D01", code=_code(sink, case.number)).status == (
            "delivered"
        )


def test_locker_code_lives_the_halls_locker_days(world: World, sink: LoopbackSmsSink) -> None:
    """ONEWINDOW_LOCKER_DAYS: a hall that gives applicants a week to come."""
    hall = world.hall
    assert hall.settings.locker_days == 3  # the default
    hall.settings.locker_days = 7
    try:
        with session_scope(hall.sessions) as s:
            case = accepted_case(s, world, "WJ-GG-001")
            review.approve(s, hall, case, actor=world.user(s, "health"), comment="准予许可")
            t0 = datetime.now(UTC)
            d = locker.to_locker(s, hall, case, actor=world.user(s, "clerk"), box="E05", now=t0)
            assert d.code_expires_at == t0 + timedelta(days=7)
            code = _code(sink, case.number)
            done = locker.locker_pickup(s, hall, box="E05", code=code, now=t0 + timedelta(days=6))
            assert done.status == "delivered"
    finally:
        hall.settings.locker_days = 3
