"""即办件 through the real API: an immediate item goes from generated scans through upload,
the real OCR and the check to a license sealed at the window under the department's
delegation, in one visit, with no desk step; refused without a delegation and with
findings, nothing written."""

from __future__ import annotations

import json
import subprocess
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from api.cli import main
from cases.db import session_scope
from cases.errors import InvalidInput
from cases.seals.delegations import grant_window_seal_use, revoke_delegation
from models import (
    AuditEvent,
    Case,
    Decision,
    Delegation,
    DelegationKind,
    Department,
    Handover,
    License,
    Notice,
    ReviewTask,
    TaskStatus,
    Window,
)
from sample_scans.scans import SamplePage, generate_pages, sample_applicant
from tests.api.conftest import Desk

pytestmark = pytest.mark.ocr

IMMEDIATE_ITEM = "SCJG-GT-002"
IMMEDIATE_NAME = "个体工商户变更登记"
SEED = 7


@pytest.fixture(scope="module")
def change_pages() -> dict[str, SamplePage]:
    """The applicant's paper for the change registration, scanned (degraded JPEGs)."""
    pages = generate_pages(
        IMMEDIATE_NAME, ["application_form", "id_card"], sample_applicant(SEED), seed=SEED
    )
    return {p.material_code: p for p in pages}


def _open(desk: Desk) -> str:
    person = sample_applicant(SEED)
    r = desk.client.post(
        "/api/v1/cases",
        headers=desk.headers("clerk"),
        json={
            "item_code": IMMEDIATE_ITEM,
            "applicant_type": "person",
            "applicant_name": person.name,
            "applicant_id": person.id_number,
        },
    )
    assert r.status_code == 201, r.text
    number: str = r.json()["number"]
    return number


def _upload(desk: Desk, number: str, *pages: SamplePage) -> None:
    files = [("files", (p.filename, p.data, "image/jpeg")) for p in pages]
    r = desk.client.post(
        f"/api/v1/cases/{number}/pages", files=files, headers=desk.headers("clerk")
    )
    assert r.status_code == 202, r.text


def _issue(desk: Desk, number: str) -> Any:
    return desk.client.post(
        f"/api/v1/cases/{number}/decision", json={"immediate": True}, headers=desk.headers("clerk")
    )


def _window_delegations(s: Any) -> list[Delegation]:
    w01 = s.scalars(select(Window).where(Window.code == "W01")).one()
    return list(
        s.scalars(
            select(Delegation).where(
                Delegation.kind == DelegationKind.SEAL_USE,
                Delegation.window_id == w01.id,
                Delegation.revoked.is_(False),
            )
        )
    )


def _nothing_written(desk: Desk, number: str) -> None:
    with session_scope(desk.hall.sessions) as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        assert case.status == "receiving"
        assert s.scalars(select(Notice).where(Notice.case_id == case.id)).all() == []
        assert s.scalars(select(License).where(License.case_id == case.id)).all() == []
        assert s.scalars(select(ReviewTask).where(ReviewTask.case_id == case.id)).all() == []


def test_immediate_item_is_issued_at_the_window_in_one_visit(
    desk: Desk,  # embedded defaults, and PostgreSQL + S3
    change_pages: dict[str, SamplePage],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    number = _open(desk)
    _upload(desk, number, change_pages["application_form"], change_pages["id_card"])

    check = desk.client.get(f"/api/v1/cases/{number}/check", headers=desk.headers("clerk"))
    assert check.status_code == 200, check.text
    assert check.json()["outcome"] == "accept" and check.json()["findings"] == []
    assert check.json()["present"] == {"application_form": 1, "id_card": 1}

    r = _issue(desk, number)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["status"] == "issued"
    assert body["notice"]["kind"] == "acceptance"
    license_number = body["license"]["number"]

    # no desk step: nothing waits for the department, the result is at the window
    assert desk.client.get("/api/v1/review/tasks", headers=desk.headers("reviewer")).json() == []
    gate = desk.client.get(f"/api/v1/cases/{number}/delivery-gate", headers=desk.headers("clerk"))
    assert gate.json()["allowed"] is True
    with session_scope(desk.hall.sessions) as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        delegation = s.get_one(Delegation, body["license"]["delegation"])
        assert delegation.window_id == case.window_id and delegation.kind == "seal_use"
        tasks = s.scalars(select(ReviewTask).where(ReviewTask.case_id == case.id)).all()
        assert [(t.status, t.kind) for t in tasks] == [(TaskStatus.DONE, "final")]
        decision = s.scalars(select(Decision).where(Decision.case_id == case.id)).one()
        assert decision.outcome == "approve" and str(delegation.id) in decision.comment
        assert s.scalars(select(Handover).where(Handover.case_id == case.id)).all() == []
        license_ = s.scalars(select(License).where(License.number == license_number)).one()
        assert license_.department_id == case.department_id
        # the trail: who issued, under which delegation; the seal's use names it too
        trail = {
            e.action: e
            for e in s.scalars(select(AuditEvent).where(AuditEvent.target == f"case:{case.id}"))
        }
        assert "routing.opened" not in trail
        issued = trail["case.immediate_issue"]
        assert issued.actor == "clerk"
        assert issued.detail["delegation"] == delegation.id and issued.detail["window"] == "W01"
        assert issued.detail["license"] == license_number
        assert trail["case.acceptance"].detail["immediate"] is True
        seal_uses = [
            e.detail
            for e in s.scalars(select(AuditEvent).where(AuditEvent.action == "seal.use"))
            if e.detail["purpose"] == f"license {license_number}"
        ]
        assert len(seal_uses) == 1
        assert seal_uses[0]["authorised_by"] == f"delegation:{delegation.id}"

    # the acceptance notice says the item is decided on the spot
    notice = desk.client.get(body["notice"]["pdf"], headers=desk.headers("clerk"))
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=notice.content, capture_output=True, check=True
    ).stdout.decode()
    assert "本事项为即办件" in text and "当场办结" in text

    # the sealed license verifies: the API's verification and `onewindow verify`
    pdf = desk.client.get(f"/api/v1/licenses/{license_number}/pdf", headers=desk.headers("clerk"))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    verdict = desk.client.post("/api/v1/verify", files={"file": ("l.pdf", pdf.content)})
    assert verdict.json()["verdict"] == "valid", verdict.text
    assert verdict.json()["license"]["number"] == license_number
    path = tmp_path / "license.pdf"
    path.write_bytes(pdf.content)
    settings = desk.hall.settings  # the CLI opens the same hall: database, store, PKI
    for name in ("data_dir", "database_url", "s3_endpoint", "s3_access_key", "s3_secret_key"):
        value = getattr(settings, name)
        if value is not None:
            monkeypatch.setenv(f"ONEWINDOW_{name.upper()}", str(value))
    monkeypatch.setenv("ONEWINDOW_S3_BUCKET", settings.s3_bucket)
    monkeypatch.setenv("ONEWINDOW_S3_SECURE", str(settings.s3_secure).lower())
    capsys.readouterr()
    assert main(["verify", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["verdict"] == "valid"

    # still in the same visit: handed out at the window after the identity check
    person = sample_applicant(SEED)
    r = desk.client.post(
        f"/api/v1/cases/{number}/delivery/pickup",
        json={"receiver_name": person.name, "id_number": person.id_number},
        headers=desk.headers("clerk"),
    )
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "delivered"

    # decided once: a second immediate issue is refused
    again = _issue(desk, number)
    assert again.status_code == 409 and again.json()["error"]["code"] == "case.invalid_state"


def test_refused_with_findings_and_without_delegation_then_accepted_for_review(
    embedded_desk: Desk, change_pages: dict[str, SamplePage]
) -> None:
    desk = embedded_desk
    number = _open(desk)

    # the ID card is missing: the check has a finding, nothing is issued
    _upload(desk, number, change_pages["application_form"])
    r = _issue(desk, number)
    assert r.status_code == 409, r.text
    error = r.json()["error"]
    assert error["code"] == "immediate.check_has_findings"
    assert "不能当场办结" in error["message_zh"] and "经营者身份证复印件" in error["message_zh"]
    assert "id_card:missing" in error["message_en"]
    _nothing_written(desk, number)

    # the department withdraws the window's delegation: refused, saying why
    _upload(desk, number, change_pages["id_card"])
    with session_scope(desk.hall.sessions) as s:
        for d in _window_delegations(s):
            revoke_delegation(s, d, actor="admin", reason="窗口调整")
    r = _issue(desk, number)
    assert r.status_code == 403, r.text
    error = r.json()["error"]
    assert error["code"] == "seal.window_not_delegated"
    assert "授权委托已被撤销" in error["message_zh"] and "revoked" in error["message_en"]
    _nothing_written(desk, number)

    # a promised item can never be delegated to a window; a delegation not yet valid
    with session_scope(desk.hall.sessions) as s:
        w01 = s.scalars(select(Window).where(Window.code == "W01")).one()
        scjgj = s.scalars(select(Department).where(Department.code == "scjgj")).one()
        today = date.today()
        with pytest.raises(InvalidInput, match="not an immediate item"):
            grant_window_seal_use(
                s,
                department=scjgj,
                window=w01,
                valid_from=today,
                valid_to=today + timedelta(days=30),
                item_codes=["SCJG-GT-001"],  # a promised item: never the window's to seal
                actor="admin",
            )
        grant_window_seal_use(  # valid from tomorrow: not yet
            s,
            department=scjgj,
            window=w01,
            valid_from=today + timedelta(days=1),
            valid_to=today + timedelta(days=30),
            item_codes=[IMMEDIATE_ITEM],
            actor="admin",
        )
    r = _issue(desk, number)
    assert r.status_code == 403, r.text
    assert "尚未生效" in r.json()["error"]["message_zh"]
    _nothing_written(desk, number)

    # the case still reaches its end: accepted for the department's review
    r = desk.client.post(f"/api/v1/cases/{number}/decision", json={}, headers=desk.headers("clerk"))
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "accepted" and r.json()["license"] is None
    tasks = desk.client.get("/api/v1/review/tasks", headers=desk.headers("reviewer")).json()
    assert [t["case"] for t in tasks] == [number]
