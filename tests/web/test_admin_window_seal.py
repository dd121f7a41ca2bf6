"""The seals tab of /admin: a department authorises a window to decide and seal its
immediate items (即办件) on the spot; a promised item is refused, in Chinese, nothing saved."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from cases.accounts import create_user, set_password
from cases.db import session_scope
from models import Delegation, Role, Window
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
