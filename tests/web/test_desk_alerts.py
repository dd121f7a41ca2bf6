"""What the periodic jobs tell people: 容缺 reminders and 超期处理 reach the applicant by
SMS (the loopback provider) and the department on /desk; deadline warnings of the
deadline scan reach the department on /desk, and only that department."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from cases.db import session_scope
from cases.jobs.periodic import PERIODIC_JOBS, run_periodic
from cases.printing.documents import zh_date
from cases.tasks.routing import route_case
from cases.workdays import add_working_days
from models import Case, CaseStatus, JobRunStatus, Material, ReviewTask, User
from tests.api.conftest import Desk
from tests.sms_sink import LoopbackSmsSink
from tests.web.test_pages import log_in

JOBS = {job.name: job for job in PERIODIC_JOBS}


def _routed(desk: Desk, seed: int, *, conditional: bool = False) -> str:
    """Accepted (or 容缺-accepted: premises_proof pending) and routed, without scans: the
    counter's own path is tested in tests/api/test_counter_flow.py."""
    number = str(desk.open_case(seed, phone=f"1390000{seed:04d}")["number"])
    with session_scope(desk.hall.sessions) as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        clerk = s.scalars(select(User).where(User.username == "clerk")).one()
        case.status, case.accepted_at = CaseStatus.ACCEPTED, datetime.now(UTC)
        if conditional:
            case.status = CaseStatus.CONDITIONAL
            case.pending_due_on = date.today() + timedelta(days=1)
            s.add(
                Material(
                    case_id=case.id,
                    submission_id=case.submissions[-1].id,
                    code="premises_proof",
                    state="pending",
                    page_ids=[],
                )
            )
        route_case(s, desk.hall, case, actor=clerk)
    return number


def _run(desk: Desk, name: str, slot: int) -> None:
    run = run_periodic(desk.hall, JOBS[name], slot)
    assert run is not None and run.status == JobRunStatus.SUCCEEDED, run and run.error


def test_pending_reminder_and_overdue_reach_the_applicant_and_the_desk(
    embedded_desk: Desk,
) -> None:
    desk = embedded_desk
    number = _routed(desk, 21, conditional=True)
    with LoopbackSmsSink() as sink:
        desk.hall.settings.sms_url = sink.url
        _run(desk, "pending.run", 1)  # due tomorrow: within the item's reminder days
        (reminder,) = sink.messages
        assert reminder["phone"] == "13900000021"
        assert (
            f"办件号{number}" in reminder["text"]
            and "尚有容缺材料经营场所使用证明" in reminder["text"]
        )
        assert zh_date(date.today() + timedelta(days=1)) in reminder["text"]

        client = desk.client
        log_in(client, "reviewer")
        shown = client.get("/desk").text
        assert "容缺材料跟踪" in shown and number in shown
        assert f"已于 {date.today()} 短信提醒申请人" in shown

        with session_scope(desk.hall.sessions) as s:  # the deadline passes
            case = s.scalars(select(Case).where(Case.number == number)).one()
            case.pending_due_on = date.today() - timedelta(days=1)
        _run(desk, "pending.run", 2)
        assert len(sink.messages) == 2  # no second reminder, one overdue notice
        overdue = sink.messages[-1]
        assert overdue["phone"] == "13900000021" and f"办件号{number}" in overdue["text"]
        assert "未在" in overdue["text"] and "已终止办理" in overdue["text"]
        _run(desk, "pending.run", 3)
        assert len(sink.messages) == 2  # handled once

    shown = client.get("/desk").text
    assert number in shown and "逾期未补齐,已超期处理(终止办理)" in shown
    client.cookies.clear()
    log_in(client, "health")  # another department's reviewer sees none of it
    shown = client.get("/desk").text
    assert number not in shown and "容缺材料跟踪" not in shown


def test_deadline_warning_appears_for_the_department(embedded_desk: Desk) -> None:
    desk = embedded_desk
    near, late = _routed(desk, 22), _routed(desk, 23)
    with session_scope(desk.hall.sessions) as s:
        for number, due in ((near, add_working_days(date.today(), 1)), (late, date.today())):
            case = s.scalars(select(Case).where(Case.number == number)).one()
            for task in s.scalars(select(ReviewTask).where(ReviewTask.case_id == case.id)):
                task.due_on = due if number == near else due - timedelta(days=7)
    client = desk.client
    log_in(client, "reviewer")
    assert "期限预警" not in client.get("/desk").text  # nothing until the scan has run

    _run(desk, "deadlines.scan", 1)
    shown = client.get("/desk").text
    warnings = shown[shown.index("期限预警") :]
    assert near in warnings and f"临近承诺时限,{date.today()} 起预警" in warnings
    assert late in warnings and "已超过承诺时限" in warnings

    client.cookies.clear()
    log_in(client, "health")
    shown = client.get("/desk").text
    assert "期限预警" not in shown and near not in shown
