"""A conditional case with real scanned pages through the API: accepted on the 容缺
commitment, approved, blocked at the window until the supplement is in, then handed out
with an identity check, fed back to the department, rated and traced."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from cases.db import session_scope
from cases.tasks.routing import route_case
from models import Case, CaseStatus, Material, User
from sample_scans.scans import SamplePage, sample_applicant
from tests.api.conftest import Desk


@pytest.mark.ocr
def test_conditional_case_delivery_through_the_api(
    embedded_desk: Desk, sample_pages: dict[str, SamplePage]
) -> None:
    desk = embedded_desk
    applicant = sample_applicant(3)
    number = desk.open_case(3, phone="13900000002")["number"]
    pages = [sample_pages["application_form"], sample_pages["id_card"]]
    files = [("files", (p.filename, p.data, "image/jpeg")) for p in pages]
    r = desk.client.post(
        f"/api/v1/cases/{number}/pages", files=files, headers=desk.headers("clerk")
    )
    assert r.status_code == 202, r.text
    r = desk.client.post(
        f"/api/v1/cases/{number}/decision",
        json={"conditional": True},
        headers=desk.headers("clerk"),
    )
    assert r.status_code == 201 and r.json()["status"] == "conditional", r.text

    r = desk.client.post(f"/api/v1/cases/{number}/handovers", headers=desk.headers("clerk"))
    assert r.status_code == 201, r.text
    (paper,) = r.json()
    assert set(paper["items"]) == {"application_form", "id_card"}
    r = desk.client.post(f"/api/v1/handovers/{paper['id']}/sign", headers=desk.headers("health"))
    assert r.status_code == 403
    r = desk.client.post(f"/api/v1/handovers/{paper['id']}/sign", headers=desk.headers("reviewer"))
    assert r.status_code == 200 and r.json()["received_at"]

    tasks = desk.client.get("/api/v1/review/tasks", headers=desk.headers("reviewer")).json()
    assert [(t["case"], t["kind"]) for t in tasks] == [(number, "final")]
    r = desk.client.post(
        f"/api/v1/cases/{number}/approve",
        json={"comment": "准予登记"},
        headers=desk.headers("reviewer"),
    )
    assert r.status_code == 201 and r.json()["license"]["number"], r.text

    pickup = {"receiver_name": applicant.name, "id_number": applicant.id_number}
    r = desk.client.post(
        f"/api/v1/cases/{number}/delivery/pickup", json=pickup, headers=desk.headers("clerk")
    )
    assert r.status_code == 409, r.text
    assert "容缺" in r.json()["error"]["message_zh"]
    # what is next, as the window reads it: the supplement, not the handout
    r = desk.client.get(f"/api/v1/cases/{number}/next", headers=desk.headers("clerk"))
    steps = {(n["action"], n["by"]) for n in r.json()}
    assert {("add_page", "clerk"), ("supply", "clerk"), ("expire", "system")} <= steps, r.text
    assert ("pick_up", "clerk") not in steps
    assert ("sign_handover", "clerk") in steps  # the license's way back to the window

    # the applicant brings the pending material after approval: a supplement submission,
    # read by the OCR engine, checked, and recorded by the 容缺 supply
    r = desk.client.post(
        f"/api/v1/cases/{number}/pending/supply", headers=desk.headers("clerk")
    )  # nothing brought yet: still outstanding
    assert r.status_code == 200 and r.json()["outstanding"] == ["premises_proof"], r.text
    supplement = sample_pages["premises_proof"]
    r = desk.client.post(
        f"/api/v1/cases/{number}/pages",
        files=[("files", (supplement.filename, supplement.data, "image/jpeg"))],
        headers=desk.headers("clerk"),
    )
    assert r.status_code == 202, r.text
    r = desk.client.post(f"/api/v1/cases/{number}/pending/supply", headers=desk.headers("clerk"))
    assert r.status_code == 200, r.text
    assert r.json() == {
        "status": "issued",
        "outstanding": [],
        "delivery_allowed": True,
        "reason": "",
    }
    with session_scope(desk.hall.sessions) as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        supplied = s.scalars(
            select(Material)
            .where(Material.case_id == case.id, Material.code == "premises_proof")
            .order_by(Material.id.desc())
        ).first()
        assert supplied is not None and supplied.state == "present" and supplied.page_ids
        assert supplied.submission_id == case.submissions[-1].id and len(case.submissions) > 1
    r = desk.client.post(  # nothing is outstanding now: the case takes no more pages
        f"/api/v1/cases/{number}/pages",
        files=[("files", (supplement.filename, supplement.data, "image/jpeg"))],
        headers=desk.headers("clerk"),
    )
    assert r.status_code == 409 and "不能再添加材料" in r.json()["error"]["message_zh"], r.text
    r = desk.client.post(
        f"/api/v1/cases/{number}/delivery/pickup",
        json={"receiver_name": "代领人", "id_number": "110105194912310037"},
        headers=desk.headers("clerk"),
    )
    assert r.status_code == 422 and "授权委托书" in r.json()["error"]["message_zh"]
    r = desk.client.post(
        f"/api/v1/cases/{number}/delivery/pickup", json=pickup, headers=desk.headers("clerk")
    )
    assert r.status_code == 200 and r.json()["status"] == "delivered", r.text

    fed = desk.client.get("/api/v1/delivery/feedback", headers=desk.headers("reviewer")).json()
    assert [(f["case"], f["method"]) for f in fed] == [(number, "window")]
    assert desk.client.get("/api/v1/delivery/feedback", headers=desk.headers("health")).json() == []

    r = desk.client.post(
        f"/api/v1/cases/{number}/rating", json={"id_number": "110105194912310037", "score": 1}
    )
    assert r.status_code == 404  # as for a case that does not exist (tests/api/test_rating_api)
    r = desk.client.post(
        f"/api/v1/cases/{number}/rating", json={"id_number": applicant.id_number, "score": 5}
    )
    assert r.status_code == 201, r.text

    trail = desk.client.get(f"/api/v1/cases/{number}/trail", headers=desk.headers("reviewer"))
    actions = [e["action"] for e in trail.json()]
    for expected in (
        "routing.opened",
        "handover.signed",
        "review.final.approve",
        "delivery.blocked",  # the refused pickup, kept although its request failed
        "case.pending_supplied",
        "delivery.delivered",
        "rating",
    ):
        assert expected in actions, expected


def test_denial_document_through_the_api(embedded_desk: Desk) -> None:
    """The denial's sealed 不予许可决定书: downloadable by the hall and its department,
    not by another department; handed out at the window and fed back."""
    desk = embedded_desk
    applicant = sample_applicant(5)
    number = desk.open_case(5, phone="13900000004")["number"]
    with session_scope(desk.hall.sessions) as s:  # accepted without scanning
        case = s.scalars(select(Case).where(Case.number == number)).one()
        clerk = s.scalars(select(User).where(User.username == "clerk")).one()
        case.status, case.accepted_at = CaseStatus.ACCEPTED, datetime.now(UTC)
        route_case(s, desk.hall, case, actor=clerk)
    r = desk.client.post(
        f"/api/v1/cases/{number}/deny",
        json={"comment": "经营场所为住宅,不符合登记条件"},
        headers=desk.headers("reviewer"),
    )
    assert r.status_code == 200 and r.json()["status"] == "denied", r.text
    pdf_url = r.json()["decision"]["pdf"]
    shown = desk.client.get(f"/api/v1/cases/{number}/delivery", headers=desk.headers("clerk"))
    assert shown.json()["decision_pdf"] == pdf_url
    for who in ("clerk", "reviewer"):
        got = desk.client.get(pdf_url, headers=desk.headers(who))
        assert got.status_code == 200 and got.content.startswith(b"%PDF"), who
        assert got.headers["X-Content-SHA256"]
    assert desk.client.get(pdf_url, headers=desk.headers("health")).status_code == 403
    assert desk.client.get(pdf_url).status_code == 401
    r = desk.client.post(
        f"/api/v1/cases/{number}/delivery/pickup",
        json={"receiver_name": applicant.name, "id_number": applicant.id_number},
        headers=desk.headers("clerk"),
    )
    assert r.status_code == 200 and r.json()["status"] == "delivered", r.text
    fed = desk.client.get("/api/v1/delivery/feedback", headers=desk.headers("reviewer")).json()
    assert [(f["case"], f["result_kind"]) for f in fed] == [(number, "decision")]
