"""The platform exchange on PostgreSQL: every stage of the demo case and of a joint case
reaches the reference receiver once and in order, also after the receiver was down; two
senders at once send nothing twice; a rejection is kept with its reason and reconciled."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from api.demo import run_demo
from cases.acceptance import pending
from cases.db import session_scope
from cases.delivery import handout
from cases.platform.sender import send_due
from cases.platform.status import exchange_status, reconcile
from cases.review import steps as review
from models import Case, Department, License, Outcome, PlatformRecord, StoredObject, User, utcnow
from ocr import Engine
from tests.api.conftest import fresh_postgres_database
from tests.cases.backoffice_world import JOINT_ITEM, World, accepted_case, open_world
from tests.cases.platform_world import JOINT_STAGES, joint_case
from tests.platform_receiver import ReferenceReceiver

DEMO_STAGES = [
    "correction",
    "acceptance",
    "review",
    "conclusion",
    "license",
    "delivery",
    "rating",
]


@pytest.fixture
def world(tmp_path: Path, postgres_url: str) -> Iterator[World]:
    yield from open_world(tmp_path, database_url=fresh_postgres_database(postgres_url))


@pytest.fixture
def receiver() -> Iterator[ReferenceReceiver]:
    with ReferenceReceiver() as running:
        yield running


def _demo_case(world: World, engine: Engine, out: Path) -> str:
    hall = world.hall
    hall.use_ocr(engine)
    done = run_demo(hall, out, say=lambda _: None)
    assert done["ok"]
    with session_scope(hall.sessions) as s:
        case = s.get_one(Case, done["case_id"])
        clerk = s.scalars(select(User).where(User.username == "demo-clerk")).one()
        handout.pick_up(
            s, case, actor=clerk, receiver_name=case.applicant_name, id_number=case.applicant_id
        )
        handout.rate(s, case, score=4)
        return case.number


@pytest.mark.ocr
def test_every_stage_once_and_in_order_after_the_receiver_was_down(
    world: World, receiver: ReferenceReceiver, ocr_engine: Engine, tmp_path: Path
) -> None:
    hall = world.hall
    hall.settings = hall.settings.model_copy(
        update={"platform_url": receiver.url, "platform_retry_seconds": 1.0}
    )
    receiver.stop()  # the platform is down while the cases go through the hall
    demo = _demo_case(world, ocr_engine, tmp_path / "demo")
    joint = joint_case(world)

    # a run that gets no answer stops: each run tries one record, the head of a case
    for _ in range(2):
        down = send_due(hall.sessions, hall.store, hall.settings)
        assert (down.accepted, down.retried) == (0, 1)
    with session_scope(hall.sessions) as s:
        status = exchange_status(s, hall.settings)
        total = status.counts["queued"]
        assert total == len(DEMO_STAGES) + len(JOINT_STAGES)
        assert sorted((f.case_number, f.seq, f.attempts) for f in status.failing) == [
            (demo, 1, 1),
            (joint, 1, 1),
        ]
        assert all("no answer" in f.last_error for f in status.failing)
    # within the backoff nothing is tried again
    assert send_due(hall.sessions, hall.store, hall.settings).retried == 0

    receiver.start()  # back, on the same port, after the backoff
    later = send_due(
        hall.sessions, hall.store, hall.settings, clock=lambda: utcnow() + timedelta(minutes=1)
    )
    assert (later.accepted, later.rejected, later.retried) == (total, 0, 0)

    assert [stage for _, stage in receiver.stages(demo)] == DEMO_STAGES
    assert [stage for _, stage in receiver.stages(joint)] == JOINT_STAGES
    for number, stages in ((demo, DEMO_STAGES), (joint, JOINT_STAGES)):
        assert [seq for seq, _ in receiver.stages(number)] == list(range(1, len(stages) + 1))
    assert (receiver.duplicates, receiver.out_of_order) == (0, 0)
    assert receiver.posts == total

    # the 办件 fields, and the e-license with its files, as the platform holds them
    records = {(h.case_number, h.seq): h for h in receiver.held.values()}
    acceptance = records[(demo, 2)].record
    assert acceptance["case"]["accepted_by"] == "综合窗口 张敏"
    assert acceptance["case"]["document_number"] == acceptance["stage"]["document_number"]
    assert acceptance["case"]["applicant_id_type"] == "111"
    assert acceptance["case"]["promised_by"] is not None
    correction = records[(demo, 1)].record
    assert correction["stage"]["action"] == "补正告知" and correction["stage"]["opinion"]
    conclusion = records[(demo, 4)].record["result"]
    license_record = records[(demo, 5)]
    with session_scope(hall.sessions) as s:
        license_ = s.scalars(select(License).join(Case).where(Case.number == demo)).one()
        pdf = hall.store.get(s.get_one(StoredObject, license_.object_id).key)
        assert conclusion == {
            **conclusion,
            "result_code": "1",
            "license_number": license_.number,
            "license_name": license_.title,
        }
        assert license_record.record["license"]["number"] == license_.number
        assert license_record.record["license"]["core_metadata"] == license_.core_metadata
    [sent_pdf] = [f for f in license_record.files if f["name"].endswith(".pdf")]
    assert sent_pdf["data"] == pdf and sent_pdf["sha256"] == hashlib.sha256(pdf).hexdigest()
    assert records[(demo, 6)].record["result"]["by_post"] is False
    assert records[(demo, 7)].record["result"] == {"satisfaction": 4}
    reviews = [records[(joint, n)].record["stage"] for n in range(2, 6)]
    with session_scope(hall.sessions) as s:
        names = {d.code: d.name for d in s.scalars(select(Department))}
    assert [r["department"] for r in reviews] == [
        names[code] for code in ("xfjy", "wjw", "scjgj", "scjgj")
    ]
    assert [r["task_kind"] for r in reviews] == ["review", "review", "review", "final"]
    assert reviews[-1]["action"] == "同意" and reviews[-1]["opinion"] == "准予许可"

    with session_scope(hall.sessions) as s:
        assert exchange_status(s, hall.settings).counts == {
            "queued": 0,
            "accepted": total,
            "rejected": 0,
        }
        report = reconcile(s, hall.settings)
    assert report.clean, report.differences
    assert (report.cases, report.acknowledged, report.unsent) == (2, total, 0)


def test_two_senders_at_once_send_each_record_once_in_order(
    world: World, receiver: ReferenceReceiver
) -> None:
    hall = world.hall
    hall.settings = hall.settings.model_copy(update={"platform_url": receiver.url})
    numbers = [joint_case(world) for _ in range(3)]
    errors: list[BaseException] = []

    def sender() -> None:
        try:
            send_due(hall.sessions, hall.store, hall.settings)
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors
    for number in numbers:
        assert [stage for _, stage in receiver.stages(number)] == JOINT_STAGES
        assert [seq for seq, _ in receiver.stages(number)] == list(range(1, len(JOINT_STAGES) + 1))
    assert (receiver.duplicates, receiver.out_of_order) == (0, 0)
    assert receiver.posts == 3 * len(JOINT_STAGES)


def test_a_rejection_is_kept_with_its_reason_and_the_case_goes_on(
    world: World, receiver: ReferenceReceiver
) -> None:
    hall = world.hall
    hall.settings = hall.settings.model_copy(update={"platform_url": receiver.url})
    receiver.refuse = lambda record: (
        "办理意见缺少法律依据" if record.get("stage", {}).get("opinion") == "卫生条件符合" else None
    )
    number = joint_case(world)
    report = send_due(hall.sessions, hall.store, hall.settings)
    assert (report.accepted, report.rejected) == (len(JOINT_STAGES) - 1, 1)
    with session_scope(hall.sessions) as s:
        status = exchange_status(s, hall.settings)
        [rejected] = status.rejected
        assert (rejected.case_number, rejected.seq, rejected.stage) == (number, 3, "review")
        assert "办理意见缺少法律依据" in rejected.reason
        reconciled = reconcile(s, hall.settings)
    assert [(d["kind"], d["seq"]) for d in reconciled.differences] == [("rejected", 3)]
    # a resend of the rejected record gets the same answer: the platform is idempotent
    with session_scope(hall.sessions) as s:
        record = s.scalars(select(PlatformRecord).where(PlatformRecord.seq == 3)).one()
        body_key = record.idempotency_key
    assert receiver.held[body_key].result == "rejected"


def test_a_rolled_back_stage_leaves_no_record_and_no_gap(world: World) -> None:
    hall = world.hall
    number = joint_case(world, rated=False)
    with pytest.raises(RuntimeError), session_scope(hall.sessions) as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        handout.rate(s, case, score=3)
        raise RuntimeError("the request failed after the rating")
    with session_scope(hall.sessions) as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        handout.rate(s, case, score=2)
        seqs = s.scalars(
            select(PlatformRecord.seq)
            .where(PlatformRecord.case_id == case.id)
            .order_by(PlatformRecord.seq)
        ).all()
        last = s.scalars(
            select(PlatformRecord)
            .where(PlatformRecord.case_id == case.id)
            .order_by(PlatformRecord.seq.desc())
        ).first()
    assert list(seqs) == list(range(1, len(JOINT_STAGES) + 1))
    assert last is not None and last.payload["result"] == {"satisfaction": 2}


def test_unconfigured_records_stay_queued(world: World) -> None:
    hall = world.hall
    joint_case(world, rated=False)
    assert send_due(hall.sessions, hall.store, hall.settings).accepted == 0
    with session_scope(hall.sessions) as s:
        status = exchange_status(s, hall.settings)
    assert not status.configured
    assert status.counts["queued"] == len(JOINT_STAGES) - 1


def test_a_return_its_answer_and_a_termination_are_stages(
    world: World, receiver: ReferenceReceiver
) -> None:
    hall = world.hall
    hall.settings = hall.settings.model_copy(update={"platform_url": receiver.url})
    with session_scope(hall.sessions) as s:
        returned = accepted_case(s, world, JOINT_ITEM)
        review.act(
            s,
            hall,
            returned,
            actor=world.user(s, "fire"),
            outcome=Outcome.RETURN,
            comment="请补充疏散通道平面图",
        )
        review.information_supplied(s, returned, actor=world.user(s, "clerk"))
        late = accepted_case(s, world, JOINT_ITEM, pending=("hygiene_test_report",))
        late.pending_due_on = date.today() - timedelta(days=1)
        [overdue] = pending.process_overdue(s)
        assert overdue.case_number == late.number
        numbers = returned.number, late.number
    assert send_due(hall.sessions, hall.store, hall.settings).accepted == 5
    records = {(h.case_number, h.seq): h.record for h in receiver.held.values()}
    assert [s for _, s in receiver.stages(numbers[0])] == [
        "acceptance",
        "review",
        "information_supplied",
    ]
    back = records[(numbers[0], 2)]["stage"]
    assert (back["action"], back["opinion"]) == ("退回补充说明", "请补充疏散通道平面图")
    assert [s for _, s in receiver.stages(numbers[1])] == ["conditional_acceptance", "termination"]
    ended = records[(numbers[1], 2)]["result"]
    assert (ended["result_code"], ended["result_name"]) == ("4", "终止")


def test_the_periodic_job_sends_and_a_run_without_answer_says_why(
    world: World, receiver: ReferenceReceiver
) -> None:
    from cases.jobs.periodic import PERIODIC_JOBS, run_periodic

    [job] = [j for j in PERIODIC_JOBS if j.name == "platform.send"]
    hall = world.hall
    number = joint_case(world, rated=False)
    hall.settings = hall.settings.model_copy(
        update={"platform_url": receiver.url, "platform_retry_seconds": 0.001}
    )
    receiver.stop()
    failed = run_periodic(hall, job, slot=10)
    assert failed is not None and failed.status == "failed"
    assert f"{number}/1: no answer" in failed.error
    receiver.start()
    sent = run_periodic(hall, job, slot=20)
    assert sent is not None and sent.status == "succeeded", sent.error
    assert [s for _, s in receiver.stages(number)] == JOINT_STAGES[:-1]
