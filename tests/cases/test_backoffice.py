"""Back office: routing, a joint case across three departments, returns for information,
denials, paper handover and the audit trail."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from cases import workdays
from cases.db import session_scope
from cases.delivery.handout import delivery_of
from cases.errors import Forbidden, InvalidState, NotFound
from cases.review import steps as review
from cases.tasks import coordination, handover, routing
from cases.workdays import WorkCalendar
from models import CaseStatus, ClockSuspension, Outcome, TaskKind, TaskStatus
from tests.cases.backoffice_world import JOINT_ITEM, World, accepted_case, open_world


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    yield from open_world(tmp_path_factory.mktemp("backoffice"))


def test_joint_case_across_three_departments(world: World) -> None:
    hall = world.hall
    with session_scope(hall.sessions) as s:
        case = accepted_case(s, world, JOINT_ITEM)
        fire, health, chief = (world.user(s, n) for n in ("fire", "health", "chief"))
        tasks = routing.tasks_of(s, case)
        # step 1 消防 open; step 2 卫健 + 市场监管 waiting (parallel); final 市场监管 waiting
        assert [(t.step, t.kind, t.status) for t in tasks] == [
            (1, TaskKind.REVIEW, TaskStatus.OPEN),
            (2, TaskKind.REVIEW, TaskStatus.WAITING),
            (2, TaskKind.REVIEW, TaskStatus.WAITING),
            (3, TaskKind.FINAL, TaskStatus.WAITING),
        ]
        assert {t.department_id for t in tasks} == {
            fire.department_id,
            health.department_id,
            chief.department_id,
        }
        # paper goes to all three departments; each signs for its own folder
        sent = handover.hand_over_materials(s, case, actor=world.user(s, "clerk"))
        assert len(sent) == 3 and all(h.items for h in sent)
        mine = next(h for h in sent if h.department_id == fire.department_id)
        with pytest.raises(Forbidden):
            handover.sign_for(s, mine.id, actor=health)
        assert handover.sign_for(s, mine.id, actor=fire).received_at is not None
        # the health commission cannot act before its step opens
        with pytest.raises(NotFound):
            review.act(s, hall, case, actor=health, outcome=Outcome.APPROVE)
        # the chief representative cannot decide before the opinions are in
        with pytest.raises(NotFound):
            review.approve(s, hall, case, actor=chief)
        due_before = case.due_on
        assert due_before is not None
        # 消防 returns for information: the clock stops, then runs again three days later
        review.act(
            s,
            hall,
            case,
            actor=fire,
            outcome=Outcome.RETURN,
            comment="请补充疏散通道平面图",
            today=date(2026, 3, 2),
        )
        assert routing.tasks_of(s, case)[0].status == TaskStatus.OPEN
        added = review.information_supplied(
            s, case, actor=world.user(s, "clerk"), today=date(2026, 3, 5)
        )
        assert added == 3
        assert case.due_on is not None and case.due_on > due_before
        review.act(s, hall, case, actor=fire, outcome=Outcome.APPROVE, comment="消防检查合格")
        step2 = [t for t in routing.tasks_of(s, case) if t.step == 2]
        assert {t.status for t in step2} == {TaskStatus.OPEN}
        # parallel step: health first, the final task still waits for 市场监管's opinion
        review.act(s, hall, case, actor=health, outcome=Outcome.APPROVE, comment="卫生条件符合")
        assert routing.tasks_of(s, case)[-1].status == TaskStatus.WAITING
        # chief's department gives its step opinion first (same endpoint), then decides
        result = review.act(
            s, hall, case, actor=chief, outcome=Outcome.APPROVE, comment="经营条件符合"
        )
        assert result.license is None and result.task.kind == TaskKind.REVIEW
        final = review.act(s, hall, case, actor=chief, outcome=Outcome.APPROVE, comment="准予许可")
        assert final.license is not None
        assert case.status == CaseStatus.ISSUED
        assert delivery_of(s, case).status == "at_window"
        actions = [e.action for e in review.trail(s, case)]
        for expected in (
            "routing.opened",
            "handover.materials",
            "handover.signed",
            "review.review.return",
            "clock.suspended",
            "clock.resumed",
            "review.review.approve",
            "routing.step_opened",
            "review.final.approve",
            "delivery.at_window",
        ):
            assert expected in actions, expected
        assert actions.count("review.review.approve") == 3
        assert actions.index("routing.opened") < actions.index("review.final.approve")


def test_a_participating_denial_allows_only_a_denial(world: World) -> None:
    hall = world.hall
    with session_scope(hall.sessions) as s:
        case = accepted_case(s, world, JOINT_ITEM)
        fire, chief = world.user(s, "fire"), world.user(s, "chief")
        with pytest.raises(Exception, match=r"理由|reason"):
            review.act(s, hall, case, actor=fire, outcome=Outcome.DENY, comment=" ")
        review.act(s, hall, case, actor=fire, outcome=Outcome.DENY, comment="消防设施不合格")
        tasks = routing.tasks_of(s, case)
        assert [t.status for t in tasks] == [
            TaskStatus.DONE,
            TaskStatus.SKIPPED,
            TaskStatus.SKIPPED,
            TaskStatus.OPEN,
        ]
        with pytest.raises(InvalidState, match="不予许可"):
            review.approve(s, hall, case, actor=chief)
        document = review.deny(s, hall, case, actor=chief, comment="消防安全检查不合格")
        assert case.status == CaseStatus.DENIED
        found = delivery_of(s, case)
        assert (found.result_kind, found.decision_document_id) == ("decision", document.id)


def test_the_lead_follows_each_step_and_who_is_late(world: World) -> None:
    """联办协调: the lead's view of each joint case in review, from the task rows."""
    hall, today = world.hall, date.today()
    with session_scope(hall.sessions) as s:
        case = accepted_case(s, world, JOINT_ITEM)
        fire, health, chief = (world.user(s, n) for n in ("fire", "health", "chief"))
        for task in routing.tasks_of(s, case):
            late = task.step == 1 or task.department_id == health.department_id
            task.due_on = today - timedelta(days=2) if late else today + timedelta(days=5)
        review.act(s, hall, case, actor=fire, outcome=Outcome.APPROVE, comment="消防检查合格")
        led = coordination.led_joint_cases(s, department_id=chief.department_id, today=today)
        (progress,) = [p for p in led if p.case.id == case.id]
        assert [
            (p.step, p.final, [(t.department, t.status, t.outcome, t.late) for t in p.tasks])
            for p in progress.steps
        ] == [
            (1, False, [("消防救援大队", "done", "approve", True)]),  # done after its deadline
            (
                2,
                False,
                [
                    ("卫生健康委员会", "open", None, True),  # open past its deadline
                    ("市场监督管理局", "open", None, False),
                ],
            ),
            (3, True, [("市场监督管理局", "waiting", None, False)]),
        ]
        assert progress.late == ("消防救援大队", "卫生健康委员会")
        assert progress.steps[1].tasks[0].days_left == -2
        # only the lead coordinates; the participants lead nothing here
        for who in (fire, health):
            mine = coordination.led_joint_cases(s, department_id=who.department_id, today=today)
            assert all(p.case.id != case.id for p in mine)
        # once the case ends it leaves the view
        review.act(s, hall, case, actor=health, outcome=Outcome.DENY, comment="卫生条件不符合")
        review.act(s, hall, case, actor=chief, outcome=Outcome.DENY, comment="不予许可")
        led = coordination.led_joint_cases(s, department_id=chief.department_id, today=today)
        assert all(p.case.id != case.id for p in led)


def test_single_department_item_and_outsiders(world: World) -> None:
    hall = world.hall
    with session_scope(hall.sessions) as s:
        case = accepted_case(s, world, "SCJG-GT-001")
        tasks = routing.tasks_of(s, case)
        assert [(t.kind, t.status) for t in tasks] == [(TaskKind.FINAL, TaskStatus.OPEN)]
        with pytest.raises(Forbidden):
            review.act(s, hall, case, actor=world.user(s, "fire"), outcome=Outcome.APPROVE)
        review.act(
            s,
            hall,
            case,
            actor=world.user(s, "chief"),
            outcome=Outcome.RETURN,
            comment="经营范围不清",
        )
        assert s.scalars(select(ClockSuspension).where(ClockSuspension.case_id == case.id)).one()
        license_ = review.approve(s, hall, case, actor=world.user(s, "chief"), comment="准予登记")
        stopped = s.scalars(select(ClockSuspension).where(ClockSuspension.case_id == case.id)).one()
        assert stopped.ended_on is not None  # deciding restarts a stopped clock
        assert license_.number
        back = [h for h in handover.handovers_of(s, case) if h.direction == "to_window"]
        assert back and back[0].items == [f"license:{license_.number}"]
        signed = handover.sign_for(s, back[0].id, actor=world.user(s, "clerk"))
        assert signed.received_by_id == world.users["clerk"]


def test_the_halls_own_calendar_sets_due_dates(tmp_path: Path) -> None:
    """A hall enters a year's holidays in its catalog's calendar.yaml; acceptance uses it."""
    today = date.today()
    closed = [today + timedelta(days=i) for i in range(1, 15)]
    years = sorted({d.year for d in closed} | {today.year})
    text = "years:\n" + "".join(
        f"  {y}:\n    holidays: [{', '.join(d.isoformat() for d in closed if d.year == y)}]\n"
        for y in years
    )
    for world in open_world(tmp_path, calendar=text):
        with session_scope(world.hall.sessions) as s:
            clerk = world.user(s, "clerk")
            case = accepted_case(s, world, "SCJG-GT-001")
            case.accepted_at = datetime.now(UTC)
            tasks = routing.route_case(s, world.hall, case, actor=clerk)
            catalog_dir = world.hall.settings.catalog_dir
            assert catalog_dir is not None
            mine = WorkCalendar.load(catalog_dir / "calendar.yaml")
            expected = mine.add_working_days(today, case.checklist.time_limit_days)
            assert case.due_on == expected == tasks[0].due_on
            assert expected > closed[-1]
    workdays.use_calendar(None)
