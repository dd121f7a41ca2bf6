"""What the lifecycle machine (tests/cases/test_lifecycle_machine.py) found the services
doing against the lifecycle model, each fixed and pinned here on its own:

- a case ended for its late 容缺 materials kept its department tasks open (on the desk's
  list, escalated as overdue by the deadline job, forever);
- a second decision on the pages a notice already answered issued the same notice again;
- "information supplied", a paper handover and a 容缺 supply succeeded on cases that were
  not (or no longer) in review: silently doing nothing, or handing over a closed file.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import cv2
import numpy as np
import pytest
from sqlalchemy import select

from cases.acceptance import counter, pending
from cases.db import session_scope
from cases.errors import InvalidInput, InvalidState, OneWindowError
from cases.intake.pages import add_page, create_case, new_since_last_notice, read_queued
from cases.review import steps as review
from cases.tasks import deadlines, handover, routing
from models import Case, CaseStatus, Outcome, TaskStatus
from ocr.testing import FixedTextEngine
from tests.cases.backoffice_world import APPLICANT_ID, JOINT_ITEM, World, accepted_case, open_world


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    for opened in open_world(tmp_path_factory.mktemp("lifecycle-fixes")):
        # a page any engine reads as the application form: the rest is missing
        opened.hall.use_ocr(FixedTextEngine(["个体工商户设立登记申请书", "经营者姓名 张三"]))
        yield opened


def test_a_case_ended_for_late_pending_materials_leaves_no_task_open(world: World) -> None:
    hall = world.hall
    with session_scope(hall.sessions) as s:
        case = accepted_case(s, world, JOINT_ITEM, pending=("premises_proof",))
        case.pending_due_on = date.today() + timedelta(days=5)
        number, due = case.number, case.pending_due_on
    with session_scope(hall.sessions) as s:
        ended = pending.process_overdue(s, today=due + timedelta(days=1))
        assert number in [o.case_number for o in ended]
    with session_scope(hall.sessions) as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        assert case.status == CaseStatus.TERMINATED
        assert {t.status for t in routing.tasks_of(s, case)} == {TaskStatus.SKIPPED}
        # nothing left to warn about or escalate, however late it gets
        late = deadlines.scan(s, due + timedelta(days=90), warning_days=2)
        assert number not in [a.case_number for a in late]
        fire = world.user(s, "fire")
        with pytest.raises(OneWindowError):  # nor to decide (nor to open, once it ended)
            review.act(s, hall, case, actor=fire, outcome=Outcome.APPROVE)
        with pytest.raises(InvalidState, match="不再收取容缺材料"):
            pending.supply(s, case, actor=world.user(s, "clerk"))


def _blank_page() -> bytes:
    ok, jpeg = cv2.imencode(".jpg", np.full((1200, 900, 3), 255, np.uint8))
    assert ok
    return jpeg.tobytes()


def test_the_counter_does_not_answer_the_same_pages_twice(world: World) -> None:
    hall = world.hall
    with session_scope(hall.sessions) as s:
        clerk = world.user(s, "clerk")
        case = create_case(
            s,
            item_code="SCJG-GT-001",
            applicant_type="person",
            applicant_name="张三",
            applicant_id=APPLICANT_ID,
            actor=clerk,
        )
        add_page(
            s, hall.store, case, _blank_page(), filename="p1.jpg", actor=clerk, max_bytes=2**24
        )
        case_id = case.id
    read_queued(hall, case_id=case_id)
    with session_scope(hall.sessions) as s:
        case, clerk = s.get_one(Case, case_id), world.user(s, "clerk")
        assert counter.decide(s, hall, case, actor=clerk).kind == "correction"
        assert not new_since_last_notice(s, case)
    with pytest.raises(InvalidInput, match="尚未提交新的材料"), session_scope(hall.sessions) as s:
        counter.decide(s, hall, s.get_one(Case, case_id), actor=world.user(s, "clerk"))
    # a finding set aside since the notice changes what the check says: decide again
    with session_scope(hall.sessions) as s:
        case = s.get_one(Case, case_id)
        counter.override_finding(
            s, case, key="id_card:missing", reason="原件已当场核验", actor=world.user(s, "clerk")
        )
        assert new_since_last_notice(s, case)
        assert counter.decide(s, hall, case, actor=world.user(s, "clerk")).kind == "correction"
    # a new page is something new, too
    with session_scope(hall.sessions) as s:
        case = s.get_one(Case, case_id)
        add_page(
            s,
            hall.store,
            case,
            _blank_page(),
            filename="p2.jpg",
            actor=world.user(s, "clerk"),
            max_bytes=2**24,
        )
    read_queued(hall, case_id=case_id)
    with session_scope(hall.sessions) as s:
        assert new_since_last_notice(s, s.get_one(Case, case_id))


def test_review_steps_of_a_case_out_of_review_are_refused(world: World) -> None:
    hall = world.hall
    with session_scope(hall.sessions) as s:
        case = accepted_case(s, world, "SCJG-GT-001")
        clerk, chief = world.user(s, "clerk"), world.user(s, "chief")
        assert review.information_supplied(s, case, actor=clerk) == 0  # nothing asked: no-op
        review.approve(s, hall, case, actor=chief)
        assert case.status == CaseStatus.ISSUED
        with pytest.raises(InvalidState, match="不在审批环节"):
            review.information_supplied(s, case, actor=clerk)
        with pytest.raises(InvalidState, match="不在审批环节"):
            handover.hand_over_materials(s, case, actor=clerk)
        with pytest.raises(InvalidState):  # no 容缺 material was ever pending
            pending.supply(s, case, actor=clerk)
