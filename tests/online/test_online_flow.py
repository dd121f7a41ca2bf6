"""网上申报 end to end through the applicant's pages and the counter's: one material
missing → the window's 补正 notice (sealed, downloaded, SMS) → supplied online → accepted
→ approved → the sealed license downloaded (delivered) → 好差评. A photo and a PDF are
both taken, with the counter's limits and messages."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from sqlalchemy import select

from cases.db import session_scope
from models import Case, Deficiency, Delivery, Page
from sample_scans.scans import SamplePage, sample_applicant
from tests.api.conftest import ITEM
from tests.online.conftest import Online, sign_in, staff_log_in

pytestmark = pytest.mark.ocr  # the window's check reads the pages with the real engine

PHONE = "13912345678"


def _as_pdf(page: SamplePage) -> bytes:
    out = io.BytesIO()
    Image.open(io.BytesIO(page.data)).convert("RGB").save(out, format="PDF", resolution=200)
    return out.getvalue()


def _texts(online: Online) -> list[str]:
    return [m["text"] for m in online.sink.messages if m["phone"] == PHONE]


def test_apply_online_correct_online_and_download_the_license(
    online: Online, sample_pages: dict[str, SamplePage]
) -> None:
    browser = online.client()
    token = sign_in(online, browser, PHONE)
    assert "个体工商户设立登记" in browser.get("/apply/items", params={"q": "gtgsh"}).text
    guide = browser.get(f"/apply/items/{ITEM}")
    assert "申请材料清单" in guide.text and "经营场所" in guide.text and "查看样例" in guide.text
    person = sample_applicant(3)
    r = browser.post(
        "/apply/cases",
        data={
            "csrf": token,
            "item_code": ITEM,
            "applicant_type": "person",
            "applicant_name": person.name,
            "applicant_id": person.id_number,
        },
        follow_redirects=False,
    )
    assert r.status_code == 303
    number = r.headers["location"].rsplit("/", 1)[-1]
    base = f"/apply/cases/{number}"
    assert "草稿" in browser.get(base).text

    # a photo of the form and the ID card as a PDF; a file that is not a page is refused
    # with the counter's own message, and the others are kept
    r = browser.post(
        f"{base}/pages",
        data={"csrf": token},
        files=[
            ("files", ("form.jpg", sample_pages["application_form"].data, "image/jpeg")),
            ("files", ("id.pdf", _as_pdf(sample_pages["id_card"]), "application/pdf")),
            ("files", ("notes.txt", b"hello", "text/plain")),
        ],
    )
    assert r.status_code == 422 and "notes.txt" in r.text
    with session_scope(online.hall.sessions) as s:
        names = [p.filename for p in s.scalars(select(Page))]
    assert names == ["form.jpg", "id-1.jpg"]

    # the window's own check, before submitting: the premises proof is missing
    r = browser.post(f"{base}/check", data={"csrf": token})
    assert r.status_code == 200 and "窗口检查结果" in r.text and "经营场所" in r.text
    r = browser.post(f"{base}/check", data={"csrf": token, "submit": "1"})
    assert "已提交,等待窗口审核" in r.text and "已提交" in _texts(online)[-1]
    r = browser.post(
        f"{base}/pages", data={"csrf": token}, files={"files": ("x.jpg", b"x", "image/jpeg")}
    )
    assert r.status_code == 409 and "等待窗口审核" in r.text  # locked while the window has it

    clerk = online.client("192.0.2.50")
    staff = staff_log_in(clerk, "c")
    queue = clerk.get("/counter/online").text
    assert number in queue and "新提交" in queue
    r = clerk.post(
        f"/counter/cases/{number}/decision",
        data={"action": "accept", "csrf": staff},
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert number not in clerk.get("/counter/online").text
    assert "需补正材料" in _texts(online)[-1]

    page = browser.get(base).text
    assert "待补正材料" in page and "材料补正通知书" in page and "补正材料" in page
    with session_scope(online.hall.sessions) as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        assert case.status == "correction" and case.window is not None
        has_deficiency = s.scalars(select(Deficiency)).first() is not None
    link = page.split(f'href="{base}/notices/', 1)[1].split('"', 1)[0]
    r = browser.get(f"{base}/notices/{link}")
    assert r.status_code == 200 and r.content.startswith(b"%PDF") and has_deficiency

    # 补正 online: the missing material, then submitted again
    r = browser.post(
        f"{base}/pages",
        data={"csrf": token},
        files={"files": ("premises.jpg", sample_pages["premises_proof"].data, "image/jpeg")},
        follow_redirects=False,
    )
    assert r.status_code == 303
    r = browser.post(f"{base}/check", data={"csrf": token, "submit": "1"})
    assert "已提交,等待窗口审核" in r.text
    assert "补正后重新提交" in clerk.get("/counter/online").text
    clerk.post(f"/counter/cases/{number}/decision", data={"action": "accept", "csrf": staff})
    assert "已受理" in _texts(online)[-1]
    with session_scope(online.hall.sessions) as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        assert case.status == "accepted"
        violations = s.scalars(
            select(Deficiency).where(Deficiency.one_time_violation.is_(True))
        ).all()
        assert violations == []  # the one-time rule held

    # how to receive the result: download; the department approves
    r = browser.post(
        f"{base}/result-by", data={"csrf": token, "by": "download"}, follow_redirects=False
    )
    assert r.status_code == 303
    r = online.client("192.0.2.51").post(
        f"/api/v1/cases/{number}/approve", headers=online.bearer("r"), json={}
    )
    assert r.status_code == 201, r.text
    assert "电子证照可在网上办事大厅下载" in _texts(online)[-1]
    assert "网上下载电子证照" in clerk.get(f"/delivery/cases/{number}").text  # the choice

    page = browser.get(base).text
    assert "已办结" in page and "result.pdf" in page and "服务评价" not in page
    r = browser.get(f"{base}/result.pdf")
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    assert "已送达" in _texts(online)[-1]
    with session_scope(online.hall.sessions) as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        delivery = s.scalars(select(Delivery).where(Delivery.case_id == case.id)).one()
        assert (delivery.status, delivery.method) == ("delivered", "download")

    r = browser.post(f"{base}/rating", data={"csrf": token, "score": "5", "comment": "很方便"})
    assert "您的评价:5 星" in r.text
    r = browser.post(f"{base}/rating", data={"csrf": token, "score": "1"})
    assert r.status_code == 409 and "已评价" in r.text
    page = browser.get(base).text
    assert (
        'data-stage="accepted" class="done"' in page
        and 'data-stage="delivered" class="done"' in page
    )
