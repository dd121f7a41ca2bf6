"""The public progress page (办件进度查询) the notices' QR codes open: the QR decoded from
the sealed notice PDF opens the case's stages and dates; personal data is masked; a forged
link, a wrong case and a wrong ID tail get one and the same answer; guesses are locked out."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from sample_scans.scans import SamplePage, sample_applicant
from tests.api.conftest import Desk

pytestmark = pytest.mark.ocr


def _qr_links(pdf: bytes, tmp_path: Path) -> list[str]:
    import cv2
    import zxingcpp

    path = tmp_path / "notice.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "200", str(path), str(tmp_path / "n")], check=True)
    return [
        b.text
        for png in sorted(tmp_path.glob("n-*.png"))
        for b in zxingcpp.read_barcodes(cv2.imread(str(png)), formats=zxingcpp.BarcodeFormat.QRCode)
    ]


def _stages(html: str) -> dict[str, str]:
    found = re.findall(r'data-stage="(\w+)" class="(\w+)"', html)
    return dict(found)


def test_notice_qr_opens_the_case_progress_page(
    embedded_desk: Desk, sample_pages: dict[str, SamplePage], tmp_path: Path
) -> None:
    desk = embedded_desk
    number = desk.open_case(3)["number"]
    files = [("files", (p.filename, p.data, "image/jpeg")) for p in sample_pages.values()]
    r = desk.client.post(
        f"/api/v1/cases/{number}/pages", files=files, headers=desk.headers("clerk")
    )
    assert r.status_code == 202, r.text
    r = desk.client.post(f"/api/v1/cases/{number}/decision", json={}, headers=desk.headers("clerk"))
    assert r.status_code == 201 and r.json()["status"] == "accepted", r.text
    notice = r.json()["notice"]["number"]
    pdf = desk.client.get(f"/api/v1/notices/{notice}/pdf", headers=desk.headers("clerk"))
    assert pdf.status_code == 200

    [link] = _qr_links(pdf.content, tmp_path)
    url = urlsplit(link)
    assert url.path == "/progress" and parse_qs(url.query)["case"] == [number]
    page = desk.client.get(f"{url.path}?{url.query}")
    assert page.status_code == 200, page.text
    today = date.today().isoformat()
    assert number in page.text and "已受理,审批中" in page.text
    assert _stages(page.text) == {
        "received": "done",
        "accepted": "done",
        "review": "done",
        "decided": "todo",
        "ready": "todo",
        "delivered": "todo",
    }
    assert f"受理:{today}" in page.text
    person = sample_applicant(3)
    assert person.name not in page.text and person.id_number not in page.text
    assert person.name[0] + "*" in page.text

    # the reviewer approves: the same link now shows the decision and the result ready
    r = desk.client.post(
        f"/api/v1/cases/{number}/approve",
        json={"comment": "准予"},
        headers=desk.headers("reviewer"),
    )
    assert r.status_code == 201, r.text
    later = desk.client.get(link.replace(url.scheme + "://" + url.netloc, ""))
    assert _stages(later.text)["decided"] == "done" and _stages(later.text)["ready"] == "done"

    # case number + the last four of the ID number, the way without the notice
    tail = person.id_number[-4:]
    ok = desk.client.post("/progress", data={"case": number, "id_tail": tail})
    assert ok.status_code == 200 and _stages(ok.text)["decided"] == "done"

    # a wrong ID tail, a case that does not exist and a forged link: one answer
    wrong_tail = "0000" if tail != "0000" else "1111"
    answers = [
        desk.client.post("/progress", data={"case": number, "id_tail": wrong_tail}),
        desk.client.post("/progress", data={"case": "XX0000000000", "id_tail": tail}),
    ]
    token = parse_qs(url.query)["p"][0]
    body, signature = token.split(".")
    forged = f"{body}.{signature[:-4]}AAAA"
    answers.append(desk.client.get("/progress", params={"case": number, "p": forged}))
    # the right token for another case number opens nothing either
    answers.append(desk.client.get("/progress", params={"case": "XX0000000000", "p": token}))
    assert {a.status_code for a in answers} == {404}
    texts = {a.text.replace(number, "").replace("XX0000000000", "") for a in answers}
    assert len(texts) == 1, "every wrong answer looks the same"
    assert "已受理" not in answers[0].text

    # guessing is locked out after five wrong answers in a row (four above): then even
    # the right answer waits
    for _ in range(5):
        desk.client.post("/progress", data={"case": number, "id_tail": wrong_tail})
    locked = desk.client.post("/progress", data={"case": number, "id_tail": tail})
    assert locked.status_code == 429 and "Retry-After" in locked.headers
