"""Return for information (退回补充说明) answered with pages: the department returns a case
in review, the window uploads the applicant's supplementary scan, the real OCR engine
reads it, the desk sees it marked as the answer to that return, 'information supplied'
runs the clock again and the department approves. A case in review that was not returned
takes no page, before the return and after its answer."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from cases.db import session_scope
from models import AuditEvent, Case, ClockSuspension, Page, ReviewTask, Submission
from sample_scans.scans import SamplePage, generate_pages, sample_applicant
from tests.api.conftest import ITEM_NAME, Desk
from tests.sms_sink import LoopbackSmsSink
from tests.web.test_pages import log_in

pytestmark = pytest.mark.ocr


def _upload(desk: Desk, number: str, *pages: SamplePage) -> tuple[int, dict[str, Any]]:
    files = [("files", (p.filename, p.data, "image/jpeg")) for p in pages]
    r = desk.client.post(
        f"/api/v1/cases/{number}/pages", files=files, headers=desk.headers("clerk")
    )
    return r.status_code, r.json()


def _page_count(desk: Desk, number: str) -> int:
    with session_scope(desk.hall.sessions) as s:
        return len(
            s.scalars(
                select(Page.id).join(Submission).join(Case).where(Case.number == number)
            ).all()
        )


def test_return_answered_with_an_uploaded_supplement(
    embedded_desk: Desk, sample_pages: dict[str, SamplePage]
) -> None:
    desk = embedded_desk
    number = desk.open_case(3, phone="13900000003")["number"]
    status, _ = _upload(desk, number, *sample_pages.values())
    assert status == 202
    r = desk.client.post(f"/api/v1/cases/{number}/decision", json={}, headers=desk.headers("clerk"))
    assert r.status_code == 201 and r.json()["status"] == "accepted", r.text
    (clearer_copy,) = generate_pages(  # the premises proof again, a new scan of it
        ITEM_NAME, ["premises_proof"], sample_applicant(3), seed=11
    )

    # in review and not returned: nothing can be slipped in, and nothing is saved
    status, body = _upload(desk, number, clearer_copy)
    assert status == 409, body
    assert "未被退回补充材料" in body["error"]["message_zh"]
    assert "not returned for information" in body["error"]["message_en"]
    assert _page_count(desk, number) == 3

    with LoopbackSmsSink() as sink:
        desk.hall.settings.sms_url = sink.url
        r = desk.client.post(
            f"/api/v1/cases/{number}/return",
            json={"comment": "经营场所证明复印件不清晰,请提交清晰的复印件"},
            headers=desk.headers("reviewer"),
        )
        assert r.status_code == 200, r.text
    r = desk.client.post(  # a second request while the first waits would be lost: refused
        f"/api/v1/cases/{number}/return",
        json={"comment": "另请补充经营范围说明"},
        headers=desk.headers("reviewer"),
    )
    assert r.status_code == 409 and "正在等待申请人补充" in r.json()["error"]["message_zh"]
    (sms,) = sink.messages  # the applicant is told what to bring, and where
    assert sms["phone"] == "13900000003"
    assert "经营场所证明复印件不清晰" in sms["text"] and "综合受理窗口一号" in sms["text"]
    with session_scope(desk.hall.sessions) as s:  # the return stopped the clock a week ago
        case = s.scalars(select(Case).where(Case.number == number)).one()
        running = s.scalars(select(ClockSuspension).where(ClockSuspension.case_id == case.id)).one()
        assert running.decision_id is not None and running.ended_on is None
        running.started_on = date.today() - timedelta(days=7)
        due_before = s.scalars(select(ReviewTask.due_on).where(ReviewTask.case_id == case.id)).one()

    status, body = _upload(desk, number, clearer_copy)  # the answer, at the window
    assert status == 202, body
    view = desk.client.get(f"/api/v1/cases/{number}", headers=desk.headers("clerk")).json()
    (asked,) = view["returns"]
    assert asked["waiting"] is True and asked["pages"] == [4]
    assert asked["comment"].startswith("经营场所证明复印件不清晰")
    supplement = view["pages"][-1]
    assert (supplement["seq"], supplement["submission"]) == (4, 2)
    assert supplement["answers_return"] == asked["id"]
    assert supplement["status"] == "queued"  # read when the answer is recorded, or by a worker

    r = desk.client.post(
        f"/api/v1/cases/{number}/information-supplied", headers=desk.headers("clerk")
    )
    assert r.status_code == 200, r.text
    assert r.json()["days_added"] >= 1  # a week stood still: working days added
    view = desk.client.get(f"/api/v1/cases/{number}", headers=desk.headers("clerk")).json()
    supplement = view["pages"][-1]
    assert supplement["status"] == "read"  # the real engine read it
    assert supplement["material_code"] == "premises_proof"
    (asked,) = view["returns"]
    assert asked["waiting"] is False and asked["ended_on"] == date.today().isoformat()
    with session_scope(desk.hall.sessions) as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        task_due = s.scalars(select(ReviewTask.due_on).where(ReviewTask.case_id == case.id)).one()
        assert due_before is not None and task_due is not None and task_due > due_before

    # answered: the case is back in review and takes no page again
    status, body = _upload(desk, number, clearer_copy)
    assert status == 409 and "未被退回补充材料" in body["error"]["message_zh"], body
    assert _page_count(desk, number) == 4

    # the desk sees the supplement marked as the answer to that return
    csrf = log_in(desk.client, "reviewer")
    html = desk.client.get(f"/desk/cases/{number}").text
    assert "补充材料 · 答复" in html and "市场监督管理局的退回补充说明" in html
    assert "经营场所证明复印件不清晰" in html and "补充材料:第 4 页" in html
    assert "退回补充跟踪" in desk.client.get("/desk").text

    # a second return from the desk, answered to the department directly (no pages)
    r = desk.client.post(
        f"/desk/cases/{number}/return",
        data={"comment": "请说明经营范围中预包装食品的来源", "csrf": csrf},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    assert "申请人已直接向本部门补充" in desk.client.get(f"/desk/cases/{number}").text
    r = desk.client.post(
        f"/desk/cases/{number}/information-supplied", data={"csrf": csrf}, follow_redirects=False
    )
    assert r.status_code == 303, r.text
    view = desk.client.get(f"/api/v1/cases/{number}", headers=desk.headers("clerk")).json()
    assert [(x["waiting"], x["pages"]) for x in view["returns"]] == [(False, [4]), (False, [])]

    r = desk.client.post(
        f"/api/v1/cases/{number}/approve",
        json={"comment": "准予登记"},
        headers=desk.headers("reviewer"),
    )
    assert r.status_code == 201 and r.json()["license"]["number"], r.text
    with session_scope(desk.hall.sessions) as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        events = s.scalars(
            select(AuditEvent).where(AuditEvent.target == f"case:{case.id}").order_by(AuditEvent.id)
        ).all()
    actions = [e.action for e in events]
    for expected in (
        "review.final.return",
        "clock.suspended",
        "clock.resumed",
        "case.information_supplied",
        "review.final.approve",
    ):
        assert expected in actions, expected
    answer_pages = [e.detail for e in events if e.detail.get("answers_return")]
    assert len(answer_pages) == 1 and answer_pages[0]["supplement"] is True
    supplied = next(e for e in events if e.action == "case.information_supplied")
    assert len(supplied.detail["pages"]) == 1
