"""邮寄收件 at the counter (registered, SMS, the notice's address sheet) and the 自助终端:
progress by the notice's QR code or the case number and ID tail, notice reprint, the
locker pickup code re-sent to the phone, the item guide; nothing without the proof."""

from __future__ import annotations

import io

from pypdf import PdfReader
from sqlalchemy import select

from cases.db import session_scope
from cases.delivery import handout, locker
from cases.results.licenses import issue_license
from cases.seals.links import progress_token, progress_url
from models import AuditEvent, Case, PostalSubmission
from sample_scans.scans import sample_applicant
from tests.licensing import sample_case, user
from tests.online.conftest import Online, staff_log_in

PHONE = "13700000007"


def _mailed_case(online: Online) -> tuple[str, str]:
    """A case whose paper came by post, refused (no OCR needed): (number, notice)."""
    person = sample_applicant(51)
    clerk = online.client("192.0.2.60")
    r = clerk.post(
        "/api/v1/cases",
        headers=online.bearer("c"),
        json={
            "item_code": "SCJG-GT-001",
            "applicant_type": "person",
            "applicant_name": person.name,
            "applicant_id": person.id_number,
            "applicant_phone": PHONE,
        },
    )
    assert r.status_code == 201, r.text
    number = r.json()["number"]
    staff = staff_log_in(clerk, "c")
    r = clerk.post(f"/counter/cases/{number}/postal", data={"csrf": staff, "tracking_number": ""})
    assert r.status_code == 422  # the form is incomplete
    r = clerk.post(
        f"/counter/cases/{number}/postal",
        data={
            "csrf": staff,
            "tracking_number": "EMS1234567890",
            "sender": person.name,
            "address": "北京市东城区示例路1号",
        },
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert "EMS1234567890" in online.sink.messages[-1]["text"]
    page = clerk.get(f"/counter/cases/{number}").text
    assert "邮寄收件" in page and "EMS1234567890" in page and "打印邮寄地址单" in page
    r = clerk.post(
        f"/api/v1/cases/{number}/decision",
        headers=online.bearer("c"),
        json={"reject_reason": "不属于本机关职权范围"},
    )
    assert r.status_code == 201, r.text
    assert "不予受理" in online.sink.messages[-1]["text"]
    return number, r.json()["notice"]["number"]


def test_a_mailed_in_case_gets_its_notice_with_an_address_sheet(online: Online) -> None:
    number, notice = _mailed_case(online)
    clerk = online.client("192.0.2.60")
    staff_log_in(clerk, "c")
    r = clerk.get(f"/counter/cases/{number}/address-sheet.pdf")
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(r.content)).pages)
    assert "邮寄地址单" in text and "北京市东城区示例路1号" in text and notice in text
    assert PHONE not in text and PHONE[-4:] in text
    with session_scope(online.hall.sessions) as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        assert case.channel == "post"
        assert s.scalars(select(PostalSubmission)).one().received_by == "c"
    assert [m["phone"] for m in online.sink.messages] == [PHONE, PHONE]


def test_the_kiosk_shows_progress_and_reprints_after_proof(online: Online) -> None:
    number, notice = _mailed_case(online)
    kiosk = online.client("192.0.2.99")
    assert "办件进度查询" in kiosk.get("/kiosk").text
    assert kiosk.get("/kiosk/case").status_code == 404  # nothing before the proof
    person = sample_applicant(51)
    r = kiosk.post("/kiosk/query", data={"case": number, "id_tail": "1234"})
    assert r.status_code == 404 and "未查到该办件" in r.text
    r = kiosk.post("/kiosk/query", data={"case": number, "id_tail": person.id_number[-4:]})
    assert r.status_code == 200 and "不予受理" in r.text and number in r.text
    assert person.name not in r.text and person.id_number not in r.text  # masked only
    r = kiosk.get(f"/kiosk/notices/{notice}.pdf")
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    with session_scope(online.hall.sessions) as s:
        assert s.scalars(select(AuditEvent).where(AuditEvent.action == "notice.reprint")).one()
    kiosk.post("/kiosk/end")
    assert kiosk.get(f"/kiosk/notices/{notice}.pdf").status_code == 404

    # the notice's QR code, as the kiosk's scanner types it
    with session_scope(online.hall.sessions) as s:
        url = progress_url("http://hall", number, progress_token(s, online.hall.pki, number))
    r = kiosk.post("/kiosk/query", data={"scan": url})
    assert r.status_code == 200 and number in r.text
    forged = url[:-6] + ("AAAAAA" if not url.endswith("AAAAAA") else "BBBBBB")
    r = kiosk.post("/kiosk/query", data={"scan": forged})
    assert r.status_code == 404
    assert kiosk.get("/kiosk/case").status_code == 404  # a failed query ends the last one

    guide = kiosk.get("/kiosk/items/SCJG-GT-001").text
    assert "申请材料清单" in guide and "开始申报" not in guide


def test_the_kiosk_resends_a_locker_code_to_the_phone_only(online: Online) -> None:
    hall = online.hall
    with session_scope(hall.sessions) as s:
        case = sample_case(s, 52)
        case.applicant_phone = PHONE
        license_ = issue_license(s, hall, case, actor=user(s, "r"))
        case.status = "issued"
        handout.result_ready(s, case, license_, actor=user(s, "r"))
        locker.to_locker(s, hall, case, actor=user(s, "c"), box="A01")
        number = case.number
    first = online.sink.messages[-1]["text"]
    kiosk = online.client("192.0.2.98")
    r = kiosk.post(
        "/kiosk/query", data={"case": number, "id_tail": sample_applicant(52).id_number[-4:]}
    )
    assert "A01" in r.text and "重新发送取件码" in r.text
    r = kiosk.post("/kiosk/locker-code")
    assert r.status_code == 200 and "新的取件码已发送" in r.text
    sent = online.sink.messages[-1]
    assert sent["phone"] == PHONE and "新取件码" in sent["text"] and sent["text"] != first
    code = sent["text"].split("新取件码", 1)[1][:6]
    assert code not in r.text
