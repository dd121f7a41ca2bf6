"""Finding 14: a department on a joint case's route (联合办理) sees the case on its desk and
may open it, its pages and its materials; a department not on the route may not. The
answer to a return for information (the clock runs again) is recorded by the window or by
a department on the case's route, as the README says."""

from __future__ import annotations

from sqlalchemy import select

from cases.db import session_scope
from models import AuditEvent
from tests.cases.backoffice_world import JOINT_ITEM
from tests.security.conftest import SecureHall, accepted_case_with_page


def test_a_participant_of_the_route_opens_the_joint_case(secure: SecureHall) -> None:
    number, page_id, object_id = accepted_case_with_page(secure, JOINT_ITEM)
    participant, _ = secure.browser("reviewer_b")  # 卫健委: the route's second step

    desk = participant.get("/desk")
    assert desk.status_code == 200 and number not in desk.text  # its step is not open yet
    r = participant.get(f"/desk/cases/{number}")
    assert r.status_code == 200, r.text
    assert participant.get(f"/web/pages/{page_id}/thumb").status_code == 200
    r = secure.client.get(f"/api/v1/cases/{number}", headers=secure.bearer("reviewer_b"))
    assert r.status_code == 200, r.text
    r = secure.client.get(f"/api/v1/objects/{object_id}", headers=secure.bearer("reviewer_b"))
    assert r.status_code == 200, r.text
    with session_scope(secure.hall.sessions) as s:
        basis = s.scalars(
            select(AuditEvent.detail).where(
                AuditEvent.actor == "reviewer_b", AuditEvent.target == f"object:{object_id}"
            )
        ).all()
        assert basis and {d["basis"] for d in basis} == {"route"}  # the download, the thumbnail


def test_a_department_off_the_route_may_not_open_the_case(secure: SecureHall) -> None:
    number, page_id, object_id = accepted_case_with_page(secure, "SCJG-GT-001")  # 市场监管 only
    outsider, _ = secure.browser("reviewer_b")
    assert outsider.get(f"/desk/cases/{number}").status_code == 403
    assert outsider.get(f"/web/pages/{page_id}/thumb").status_code == 403
    for path in (f"/api/v1/cases/{number}", f"/api/v1/objects/{object_id}"):
        assert secure.client.get(path, headers=secure.bearer("reviewer_b")).status_code == 403


def test_information_supplied_by_the_window_or_a_department_on_the_route(
    secure: SecureHall,
) -> None:
    number = secure.cases["a"]
    r = secure.client.post(
        f"/api/v1/cases/{number}/return",
        json={"comment": "补充经营场所说明"},
        headers=secure.bearer("reviewer_a"),
    )
    assert r.status_code == 200, r.text
    path = f"/api/v1/cases/{number}/information-supplied"
    assert secure.client.post(path, headers=secure.bearer("reviewer_b")).status_code == 403
    r = secure.client.post(path, headers=secure.bearer("reviewer_a"))
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "accepted"
    # the window may record it too (nothing to resume now: no days added)
    r = secure.client.post(path, headers=secure.bearer("clerk"))
    assert r.status_code == 200 and r.json()["days_added"] == 0
