"""The counter end to end through the API, on generated scans (OCR'd once per session):
conditional acceptance and its gate, reminders and 超期处理, overrides, the one-time metric,
cover and separator sheets, notices sealed and readable."""

from __future__ import annotations

import io
import json
import re
import subprocess
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

import cases.hall
from api.cli import main
from api.web.counter import case_panel
from cases.acceptance import counter, pending
from cases.acceptance.checklist import Finding, FindingKind
from cases.acceptance.one_time import record_deficiencies
from cases.config import Settings
from cases.db import session_scope
from cases.delivery import pending_notices
from cases.printing.documents import zh_date
from models import AuditEvent, Case, SmsMessage, User
from ocr import Engine
from tests.api.conftest import Desk, open_desk
from tests.cases.scenario_pages import (
    GT,
    OTHER,
    SP,
    WJ,
    PageKey,
    applicant,
    render,
)
from tests.sms_sink import LoopbackSmsSink

pytestmark = pytest.mark.ocr


@pytest.fixture
def counter_desk(tmp_path: Path, reading_engine: Engine) -> Iterator[Desk]:
    yield from open_desk(Settings(data_dir=tmp_path), reading_engine)


def _open(desk: Desk, item: str, applicant_type: str = "enterprise", **extra: Any) -> str:
    a = applicant(1)
    r = desk.client.post(
        "/api/v1/cases",
        headers=desk.headers("clerk"),
        json={
            "item_code": item,
            "applicant_type": applicant_type,
            "applicant_name": a.enterprise_name if applicant_type == "enterprise" else a.name,
            "applicant_id": a.credit_code if applicant_type == "enterprise" else a.id_number,
            "applicant_phone": a.phone,
            **extra,
        },
    )
    assert r.status_code == 201, r.text
    return str(r.json()["number"])


def _upload(desk: Desk, number: str, item: str, *materials: str | PageKey) -> None:
    keys = [m if isinstance(m, PageKey) else PageKey(item, m) for m in materials]
    files = [
        ("files", (f"{i:02d}-{k.material}.jpg", render(k), "image/jpeg"))
        for i, k in enumerate(keys, start=1)
    ]
    r = desk.client.post(
        f"/api/v1/cases/{number}/pages", files=files, headers=desk.headers("clerk")
    )
    assert r.status_code == 202, r.text


def _decide(desk: Desk, number: str, **body: Any) -> dict[str, Any]:
    r = desk.client.post(
        f"/api/v1/cases/{number}/decision", json=body, headers=desk.headers("clerk")
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


def _notice_text(desk: Desk, notice: dict[str, Any], tmp_path: Path) -> str:
    r = desk.client.get(notice["pdf"], headers=desk.headers("clerk"))
    assert r.status_code == 200, r.text
    path = tmp_path / f"{notice['number']}.pdf"
    path.write_bytes(r.content)
    sig = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False)
    assert "Signature is Valid" in sig.stdout, sig.stdout
    png = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(path), str(png)], check=True
    )
    assert (tmp_path / "page-1.png").stat().st_size > 5000  # something was drawn
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.replace(" ", "")


def test_conditional_acceptance_gate_reminder_and_supply(
    counter_desk: Desk, tmp_path: Path
) -> None:
    desk = counter_desk
    number = _open(desk, WJ)
    _upload(
        desk, number, WJ, "application_form", "business_license", "legal_rep_id", "hygiene_rules"
    )
    check = desk.client.get(f"/api/v1/cases/{number}/check", headers=desk.headers("clerk")).json()
    assert check["outcome"] == "conditional_possible"
    assert check["pending_eligible"] == ["hygiene_test_report"]

    out = _decide(desk, number, conditional=True)
    assert out["status"] == "conditional"
    assert out["notice"]["kind"] == "conditional_acceptance"
    text = _notice_text(desk, out["notice"], tmp_path)
    assert "容缺受理通知书" in text and "承诺书" in text and "公共场所卫生检测报告" in text
    assert "超期处理" in text and "终止办理" in text

    gate = desk.client.get(f"/api/v1/cases/{number}/delivery-gate", headers=desk.headers("clerk"))
    assert gate.json()["allowed"] is False and "容缺材料尚未补齐" in gate.json()["reason"]
    with session_scope(desk.hall.sessions) as s:
        case = s.query(Case).filter_by(number=number).one()
        due = case.pending_due_on
        assert due is not None
    with LoopbackSmsSink() as sink, session_scope(desk.hall.sessions) as s:
        desk.hall.settings.sms_url = sink.url  # the periodic job `pending.run` does this
        assert pending_notices.run(s, desk.hall, today=due - timedelta(days=10)).reminders == []
        done = pending_notices.run(s, desk.hall, today=due - timedelta(days=2))
        assert [r.case_number for r in done.reminders] == [number]
        assert [m.status for m in done.messages] == ["sent"]
        assert pending_notices.run(s, desk.hall, today=due - timedelta(days=1)).messages == []
        (sms,) = sink.messages  # only once
        assert sms["phone"] == applicant(1).phone
        assert "容缺材料公共场所卫生检测报告未补齐" in sms["text"] and number in sms["text"]
        assert zh_date(due) in sms["text"] and "终止办理" in sms["text"]

    _upload(desk, number, WJ, "hygiene_test_report")
    r = desk.client.post(f"/api/v1/cases/{number}/pending/supply", headers=desk.headers("clerk"))
    assert r.status_code == 200, r.text
    assert r.json() == {
        "status": "accepted",
        "outstanding": [],
        "delivery_allowed": True,
        "reason": "",
    }


def test_overdue_pending_terminates_and_blocks_delivery(counter_desk: Desk) -> None:
    desk = counter_desk
    number = _open(desk, WJ)
    _upload(
        desk, number, WJ, "application_form", "business_license", "legal_rep_id", "hygiene_rules"
    )
    _decide(desk, number, conditional=True)
    with LoopbackSmsSink() as sink, session_scope(desk.hall.sessions) as s:
        desk.hall.settings.sms_url = sink.url
        case = s.query(Case).filter_by(number=number).one()
        due = case.pending_due_on
        assert due is not None
        assert pending_notices.run(s, desk.hall, today=due).overdue == []  # due day: in time
        done = pending_notices.run(s, desk.hall, today=due + timedelta(days=1))
        assert [o.case_number for o in done.overdue] == [number]
        allowed, reason = pending.delivery_allowed(s, case)
        assert not s.query(SmsMessage).filter_by(case_id=case.id, status="failed").count()
    assert case.status == "terminated" and not allowed and "终止办理" in reason
    (reminder, overdue) = sink.messages  # the due-day run reminded first
    assert "尚有容缺材料" in reminder["text"]
    assert overdue["phone"] == applicant(1).phone and number in overdue["text"]
    assert f"容缺材料公共场所卫生检测报告未在{zh_date(due)}前补齐" in overdue["text"]
    assert "视为撤回申请,已终止办理" in overdue["text"]


def test_clerk_override_is_audited_and_lets_the_case_through(counter_desk: Desk) -> None:
    desk = counter_desk
    number = _open(desk, SP)
    _upload(
        desk,
        number,
        SP,
        "application_form",
        "unsealed",
        "legal_rep_id",
        "premises_proof",
        "food_safety_rules",
    )
    check = desk.client.get(f"/api/v1/cases/{number}/check", headers=desk.headers("clerk")).json()
    assert [(f["key"], f["page"]) for f in check["findings"]] == [("business_license:no_seal", 2)]
    r = desk.client.post(
        f"/api/v1/cases/{number}/overrides",
        json={"finding": "business_license:no_seal", "reason": ""},
        headers=desk.headers("clerk"),
    )
    assert r.status_code in (400, 422)
    r = desk.client.post(
        f"/api/v1/cases/{number}/overrides",
        json={"finding": "business_license:no_seal", "reason": "原件核验印章清晰,复印件印章过淡"},
        headers=desk.headers("clerk"),
    )
    assert r.status_code == 201, r.text
    check = desk.client.get(f"/api/v1/cases/{number}/check", headers=desk.headers("clerk")).json()
    assert check["findings"] == [] and check["overridden"][0]["key"] == "business_license:no_seal"
    assert _decide(desk, number)["status"] == "accepted"
    with session_scope(desk.hall.sessions) as s:
        actions = [e.action for e in s.query(AuditEvent).order_by(AuditEvent.id)]
    assert "case.override" in actions


def test_one_time_rule_repeat_correction_and_violation(counter_desk: Desk, tmp_path: Path) -> None:
    desk = counter_desk
    number = _open(desk, SP)
    _upload(desk, number, SP, "application_form", "business_license", "premises_proof")
    first = _decide(desk, number)
    text = _notice_text(desk, first["notice"], tmp_path)
    assert "法定代表人身份证复印件" in text and "食品安全管理制度" in text  # all at once
    # back with the two, but the ID card is someone else's
    _upload(desk, number, SP, PageKey(SP, "legal_rep_id", OTHER), "food_safety_rules")
    second = _decide(desk, number)
    assert second["status"] == "correction"
    check = desk.client.get(f"/api/v1/cases/{number}/check", headers=desk.headers("clerk")).json()
    assert [(f["key"], f["page"]) for f in check["findings"]] == [("legal_rep_id:mismatch", 4)]
    metrics = desk.client.get("/api/v1/cases/metrics/one-time", headers=desk.headers("clerk"))
    # a repeat, but a lawful one: the fault is on a page handed in after the first notice
    assert metrics.json() == {
        "repeat_corrections": 1,
        "one_time_violations": 0,
        "cases_with_violations": 0,
    }
    # a finding on a first-visit page that the first notice did not list is a violation
    with session_scope(desk.hall.sessions) as s:
        case = s.query(Case).filter_by(number=number).one()
        old_page = case.submissions[0].pages[0]
        late = Finding(
            "application_form",
            FindingKind.NO_SIGNATURE,
            "第 1 页 申请书:签字栏未签字",
            old_page.id,
            1,
        )
        clerk = s.query(User).filter_by(username="clerk").one()
        record_deficiencies(s, case, case.submissions[-1], (late,), actor=clerk)
    metrics = desk.client.get("/api/v1/cases/metrics/one-time", headers=desk.headers("clerk"))
    assert metrics.json()["one_time_violations"] == 1
    with session_scope(desk.hall.sessions) as s:
        actions = [e.action for e in s.query(AuditEvent)]
    assert "case.one_time_violation" in actions


def test_cover_and_separator_sheets_carry_the_agreed_qr_payloads(
    counter_desk: Desk, tmp_path: Path
) -> None:
    import cv2
    import zxingcpp

    desk = counter_desk
    number = _open(desk, SP)
    r = desk.client.get(f"/api/v1/cases/{number}/sheets", headers=desk.headers("clerk"))
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    pdf = tmp_path / "sheets.pdf"
    pdf.write_bytes(r.content)
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(pdf), str(tmp_path / "s")], check=True)
    payloads = []
    for png in sorted(tmp_path.glob("s-*.png")):
        found = zxingcpp.read_barcodes(cv2.imread(str(png)), formats=zxingcpp.BarcodeFormat.QRCode)
        payloads += [b.text for b in found]
    expected_materials = [
        "application_form",
        "business_license",
        "legal_rep_id",
        "premises_proof",
        "property_certificate",
        "food_safety_rules",
        "layout_plan",
    ]
    assert payloads == [f"OW1|CASE|{number}"] + [
        f"OW1|SEP|{number}|{m}" for m in expected_materials
    ]


def _pdf_text(pdf: bytes) -> str:
    """The text of a notice, whitespace removed (a table cell's wrapped lines join up)."""
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


def test_live_panel_and_decide_agree_on_an_extra_material(counter_desk: Desk) -> None:
    """An authorization brought by an applicant who came in person is a material the
    checklist knows but this applicant need not bring: no fault, on the panel as in the
    decision (the panel used to narrow the checklist first and call the page unknown)."""
    desk = counter_desk
    number = _open(desk, GT, "person")
    pages = ("application_form", PageKey(GT, "id_card", take=1), "premises_proof")
    _upload(desk, number, GT, *pages, "agent_authorization")
    check = desk.client.get(f"/api/v1/cases/{number}/check", headers=desk.headers("clerk")).json()
    assert (check["outcome"], check["findings"]) == ("accept", [])
    with session_scope(desk.hall.sessions) as s:
        case = s.query(Case).filter_by(number=number).one()
        panel = case_panel(s, desk.hall, case)
        assert (panel["outcome"], panel["unplaced"]) == ("accept", [])
        assert "agent_authorization" not in [r["req"].code for r in panel["rows"]]
        assert all(r["state"] in ("present", "optional") for r in panel["rows"])
    assert _decide(desk, number)["notice"]["kind"] == "acceptance"


def test_window_dates_a_pending_material_in_the_words_of_the_pre_check(
    counter_desk: Desk,
    tmp_path: Path,
    reading_engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The window's conditional notice and `onewindow check` word a 容缺 material alike:
    the pre-check gives the rule, the window the date it comes to on the hall's calendar
    (accepted 2026-09-30; 15 working days run past the National Day holiday).

    The command runs in this process with the session's engine, so the window reads the
    same four pages from its cache: as a process of its own it loaded the models and read
    them again (about 15 s); tests/api/test_check_cli.py runs it as a process."""
    desk = counter_desk
    materials = ("application_form", "business_license", "legal_rep_id", "hygiene_rules")
    files = []
    for i, material in enumerate(materials, start=1):
        path = tmp_path / f"{i:02d}-{material}.jpg"
        path.write_bytes(render(PageKey(WJ, material)))
        files.append(str(path))
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path / "cli"))
    monkeypatch.setattr(cases.hall, "make_ocr_engine", lambda settings: reading_engine)
    capsys.readouterr()
    cli = ["check", "--item", WJ, "--applicant-type", "enterprise"]
    assert main([*cli, "--out", str(tmp_path / "pre.pdf"), *files, "--json"]) == 0
    rule = "容缺后补,请携带原件1份,须于受理之日起15个工作日内补齐"
    assert rule in _pdf_text((tmp_path / "pre.pdf").read_bytes())
    report = json.loads(capsys.readouterr().out)
    assert (report["decision"], report["pending"]) == ("conditional", ["hygiene_test_report"])
    [line] = report["notice_lines"]
    assert line["detail"] == rule

    number = _open(desk, WJ)
    _upload(desk, number, WJ, *materials)
    desk.client.get(f"/api/v1/cases/{number}/check", headers=desk.headers("clerk"))
    with session_scope(desk.hall.sessions) as s:
        case = s.query(Case).filter_by(number=number).one()
        clerk = s.query(User).filter_by(username="clerk").one()
        notice = counter.decide(
            s, desk.hall, case, actor=clerk, conditional=True, today=date(2026, 9, 30)
        )
        assert case.pending_due_on == date(2026, 10, 27)
        notice_number = notice.number
    r = desk.client.get(f"/api/v1/notices/{notice_number}/pdf", headers=desk.headers("clerk"))
    window = _pdf_text(r.content)
    assert line["material"] in window
    assert line["detail"].replace("受理之日起15个工作日内", "2026年10月27日前") in window
    assert "请于2026年10月27日前补齐下列全部容缺材料" in window and "超期处理" in window
