"""The public verification page (from the QR code), the report formats and rate limiting."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.app import create_app
from cases.config import Settings
from cases.db import session_scope
from cases.hall import Hall
from cases.results.licenses import revoke_license
from models import License, StoredObject, User
from tests.licensing import add_staff, issue_sample_license


@pytest.fixture(scope="module")
def issued(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Hall, str, bytes, str]]:
    hall = Hall.open(
        Settings(data_dir=tmp_path_factory.mktemp("verify"), public_verify_per_minute=1000)
    )
    add_staff(hall)
    number, pdf = issue_sample_license(hall, 21)
    metadata = [o for o in _objects(hall) if o.doc_class == "license_metadata"][-1]
    token = re.search(rb'"qr_payload": "([^"]+)"', hall.store.get(metadata.key))
    assert token is not None
    yield hall, number, pdf, token.group(1).decode()
    hall.close()


def _objects(hall: Hall) -> list[StoredObject]:
    with session_scope(hall.sessions) as s:
        rows = list(s.scalars(select(StoredObject)))
        s.expunge_all()
    return rows


@pytest.fixture
def client(issued: tuple[Hall, str, bytes, str]) -> Iterator[TestClient]:
    with TestClient(create_app(hall=issued[0], worker=False)) as c:
        yield c


def test_qr_url_page_shows_license_and_checks_payload(
    client: TestClient, issued: tuple[Hall, str, bytes, str]
) -> None:
    _, number, _, token = issued
    page = client.get("/verify", params={"license": number, "p": token})
    assert page.status_code == 200
    assert "<strong>有效</strong>" in page.text and number in page.text
    assert "二维码签名正确" in page.text
    assert "<form" in page.text
    forged = client.get("/verify", params={"license": number, "p": token[:-3] + "AAA"})
    assert "二维码校验失败" in forged.text and "<strong>无效</strong>" in forged.text
    wrong = client.get(
        "/verify", params={"license": number[:-1] + ("0" if number[-1] != "0" else "1")}
    )
    assert "编号校验位错误" in wrong.text
    assert client.get("/verify").status_code == 200


def test_upload_and_report_formats(
    client: TestClient, issued: tuple[Hall, str, bytes, str], tmp_path: Path
) -> None:
    _, number, pdf, _ = issued
    files = {"file": ("l.pdf", pdf, "application/pdf")}
    html_page = client.post("/verify", files=files)
    assert html_page.status_code == 200 and "有效" in html_page.text and number in html_page.text
    as_json = client.post("/api/v1/verify", files=files).json()
    assert as_json["indication"] == "TOTAL-PASSED" and as_json["license"]["number"] == number
    report = client.post("/api/v1/verify", params={"format": "pdf"}, files=files)
    assert report.headers["content-type"] == "application/pdf"
    # the report is itself sealed by the verification service and verifies
    again = client.post("/api/v1/verify", files={"file": ("r.pdf", report.content)}).json()
    assert again["verdict"] == "valid", again["reasons"]
    assert again["seals"][0]["code"] == "service-verify"


def test_revoked_license_page_says_invalid(
    client: TestClient, issued: tuple[Hall, str, bytes, str]
) -> None:
    hall, number, pdf, _ = issued
    with session_scope(hall.sessions) as s:
        license_ = s.scalars(select(License).where(License.number == number)).one()
        reviewer = s.scalars(select(User).where(User.username == "r")).one()
        revoke_license(s, license_, actor=reviewer, reason="申请人申请注销")
    page = client.get("/verify", params={"license": number})
    assert "无效" in page.text and "已注销" in page.text
    report = client.post("/api/v1/verify", files={"file": ("l.pdf", pdf)}).json()
    assert report["verdict"] == "invalid" and report["sub_indication"] == "REVOKED"


def test_public_page_is_rate_limited(tmp_path: Path) -> None:
    hall = Hall.open(Settings(data_dir=tmp_path, public_verify_per_minute=3))
    with TestClient(create_app(hall=hall, worker=False)) as c:
        codes = [c.get("/verify").status_code for _ in range(5)]
        limited = c.get("/verify")
    hall.close()
    assert codes[:3] == [200, 200, 200] and codes[3:] == [429, 429]
    assert limited.json()["error"]["code"] == "rate_limited"
