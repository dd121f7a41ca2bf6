"""The seals tab of /admin: a department authorises a window to decide and seal its
immediate items (即办件) on the spot; a promised item is refused, in Chinese, nothing saved.
The counter page shows the refusal of a window without that delegation."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from cases.accounts import create_user, set_password
from cases.db import session_scope
from cases.seals.delegations import revoke_delegation
from models import Case, Delegation, Notice, Role, Window
from sample_scans.scans import sample_applicant
from tests.api.conftest import Desk, password_of
from tests.web.test_pages import log_in


@pytest.mark.ocr  # the desk's hall carries the session's engine (nothing is read here)
def test_admin_authorises_a_window_for_immediate_items(embedded_desk: Desk) -> None:
    desk = embedded_desk
    with session_scope(desk.hall.sessions) as s:
        admin, _ = create_user(s, username="root", display_name="管理员", role=Role.ADMIN)
        set_password(admin, password_of("root"))
    client = desk.client
    csrf = log_in(client, "root")
    grant = {
        "department": "scjgj",
        "window": "W02",
        "valid_from": "2026-01-01",
        "valid_to": "2027-12-31",
        "note": "即办件授权",
        "csrf": csrf,
    }
    r = client.post("/admin/delegations", data=grant | {"items": "SCJG-GT-001"})
    assert r.status_code == 422 and "不是" in r.text and "即办件" in r.text
    with session_scope(desk.hall.sessions) as s:
        assert s.scalars(select(Delegation).where(Delegation.note == "即办件授权")).all() == []
    r = client.post("/admin/delegations", data=grant | {"items": "SCJG-GT-002"})
    assert r.status_code == 200, r.text
    assert "已授权综合受理窗口二号当场办结" in r.text
    assert "综合受理窗口二号(即办件当场办结:SCJG-GT-002)" in r.text
    with session_scope(desk.hall.sessions) as s:
        granted = s.scalars(select(Delegation).where(Delegation.note == "即办件授权")).one()
        w02 = s.scalars(select(Window).where(Window.code == "W02")).one()
        assert (granted.kind, granted.window_id, granted.user_id) == ("seal_use", w02.id, None)
        assert granted.item_codes == ["SCJG-GT-002"]


@pytest.mark.ocr  # the desk's hall carries the session's engine (nothing is read here)
def test_counter_shows_why_the_window_may_not_issue(embedded_desk: Desk) -> None:
    """Without the window's delegation the counter page says why, and nothing is written."""
    desk = embedded_desk
    person = sample_applicant(9)
    r = desk.client.post(
        "/api/v1/cases",
        headers=desk.headers("clerk"),
        json={
            "item_code": "SCJG-GT-002",
            "applicant_type": "person",
            "applicant_name": person.name,
            "applicant_id": person.id_number,
        },
    )
    number = r.json()["number"]
    with session_scope(desk.hall.sessions) as s:
        w01 = s.scalars(select(Window).where(Window.code == "W01")).one()
        for d in s.scalars(select(Delegation).where(Delegation.window_id == w01.id)):
            if d.kind == "seal_use":
                revoke_delegation(s, d, actor="admin", reason="窗口调整")
    client = desk.client
    csrf = log_in(client, "clerk")
    page = client.get(f"/counter/cases/{number}").text
    assert "即办件" in page
    r = client.post(f"/counter/cases/{number}/decision", data={"action": "immediate", "csrf": csrf})
    assert r.status_code == 403
    assert "decision-error" in r.text and "授权委托已被撤销" in r.text
    with session_scope(desk.hall.sessions) as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        assert case.status == "receiving"
        assert s.scalars(select(Notice).where(Notice.case_id == case.id)).all() == []
