"""首席代表 and 受理与审批相分离 through the API: only the reviewer the department's seal-use
delegation covers makes the final decision and seals; whoever accepted a case at the window
cannot decide it (an administrator may do both otherwise: the acceptor check comes first)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from cases.accounts import create_user
from cases.db import session_scope
from cases.seals.delegations import grant_seal_use, revoke_delegation
from models import Delegation, DelegationKind, Department, Role, User
from sample_scans.scans import SamplePage, sample_applicant
from tests.api.conftest import ITEM, Desk

pytestmark = pytest.mark.ocr


def _user(desk: Desk, name: str, role: Role, **where: Any) -> dict[str, str]:
    with session_scope(desk.hall.sessions) as s:
        _, token = create_user(s, username=name, display_name=name, role=role, **where)
    return {"Authorization": f"Bearer {token}"}


def _delegate_seal_to(desk: Desk, username: str, *, only: bool = False) -> None:
    """The market regulator's 授权委托书 naming `username` (and, `only`, no one else)."""
    today = date.today()
    with session_scope(desk.hall.sessions) as s:
        department = s.scalars(select(Department).where(Department.code == "scjgj")).one()
        if only:
            for d in s.scalars(
                select(Delegation).where(
                    Delegation.kind == DelegationKind.SEAL_USE,
                    Delegation.department_id == department.id,
                    Delegation.user_id.is_(None),
                )
            ):
                revoke_delegation(s, d, actor="admin", reason="首席代表已任命")
        user = s.scalars(select(User).where(User.username == username)).one()
        grant_seal_use(
            s,
            department=department,
            user=user,
            valid_from=today - timedelta(days=1),
            valid_to=today + timedelta(days=365),
            actor="admin",
            note="首席代表授权委托书",
        )


def test_only_the_chief_representative_decides_and_never_the_acceptor(
    embedded_desk: Desk, sample_pages: dict[str, SamplePage]
) -> None:
    desk = embedded_desk
    boss = _user(desk, "boss", Role.ADMIN, window_code="W01")
    other_admin = _user(desk, "other-admin", Role.ADMIN)
    chief = _user(desk, "chief", Role.REVIEWER, department_code="scjgj")

    # the administrator opens and accepts the case at the window
    person = sample_applicant(3)
    r = desk.client.post(
        "/api/v1/cases",
        headers=boss,
        json={
            "item_code": ITEM,
            "applicant_type": "person",
            "applicant_name": person.name,
            "applicant_id": person.id_number,
        },
    )
    assert r.status_code == 201, r.text
    number = r.json()["number"]
    files = [("files", (p.filename, p.data, "image/jpeg")) for p in sample_pages.values()]
    r = desk.client.post(f"/api/v1/cases/{number}/pages", files=files, headers=boss)
    assert r.status_code == 202, r.text
    r = desk.client.post(f"/api/v1/cases/{number}/decision", json={}, headers=boss)
    assert r.status_code == 201 and r.json()["status"] == "accepted", r.text

    # the department names its chief representative: the department-wide delegation goes
    _delegate_seal_to(desk, "chief", only=True)

    def approve(headers: dict[str, str]) -> Any:
        return desk.client.post(
            f"/api/v1/cases/{number}/approve", json={"comment": "准予"}, headers=headers
        )

    # the acceptor may not decide: said first, whatever else they lack
    r = approve(boss)
    assert r.status_code == 403, r.text
    error = r.json()["error"]
    assert error["code"] == "review.separation_of_duties"
    assert "受理与审批相分离" in error["message_zh"] and "separation" in error["message_en"]
    r = desk.client.post(
        f"/api/v1/cases/{number}/deny", json={"comment": "不符合条件"}, headers=boss
    )
    assert r.status_code == 403 and r.json()["error"]["code"] == "review.separation_of_duties"

    # a reviewer of the department and an administrator without the delegation may not
    for headers in (desk.headers("reviewer"), other_admin):
        r = approve(headers)
        assert r.status_code == 403, r.text
        error = r.json()["error"]
        assert error["code"] == "review.not_chief_representative"
        assert "首席代表" in error["message_zh"] and "chief representative" in error["message_en"]

    # nothing was decided by the refused attempts
    view = desk.client.get(f"/api/v1/cases/{number}", headers=desk.headers("clerk")).json()
    assert view["status"] == "accepted"

    # the chief representative decides; the license carries the department's seal
    r = approve(chief)
    assert r.status_code == 201, r.text
    license_number = r.json()["license"]["number"]
    pdf = desk.client.get(f"/api/v1/licenses/{license_number}/pdf", headers=chief)
    verdict = desk.client.post("/api/v1/verify", files={"file": ("l.pdf", pdf.content)})
    assert verdict.json()["verdict"] == "valid", verdict.text
