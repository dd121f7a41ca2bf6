"""The browser interface through HTTP: login, CSRF, role scopes, the counter's flow."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sample_scans.scans import SamplePage, sample_applicant
from tests.api.conftest import ITEM, Desk, password_of
from tests.scanning import sane_env


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, "page has no CSRF field"
    return match.group(1)


def log_in(client: TestClient, username: str) -> str:
    token = csrf_of(client.get("/login").text)
    r = client.post(
        "/login",
        data={"username": username, "password": password_of(username), "csrf": token},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    return csrf_of(client.get(r.headers["location"]).text)


def test_visitor_is_sent_to_login(embedded_desk: Desk) -> None:
    client = embedded_desk.client
    for path in ("/", "/counter", "/desk", "/counter/cases/1", "/delivery", "/shared", "/admin"):
        r = client.get(path, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/login", path


def test_wrong_password_and_missing_csrf_are_refused(embedded_desk: Desk) -> None:
    client = embedded_desk.client
    token = csrf_of(client.get("/login").text)
    r = client.post("/login", data={"username": "clerk", "password": "nope-nope", "csrf": token})
    assert r.status_code == 401 and "用户名或密码错误" in r.text
    r = client.post("/login", data={"username": "clerk", "password": password_of("clerk")})
    assert r.status_code == 403 and "页面已过期" in r.text
    assert client.get("/counter", follow_redirects=False).status_code == 303


def test_roles_are_enforced_on_pages(embedded_desk: Desk) -> None:
    client = embedded_desk.client
    log_in(client, "clerk")
    assert client.get("/desk").status_code == 403
    client.cookies.clear()
    log_in(client, "reviewer")
    r = client.get("/counter")
    assert r.status_code == 403 and "无权" in r.text


def test_item_search_by_pinyin_initials_and_code(embedded_desk: Desk) -> None:
    client = embedded_desk.client
    log_in(client, "clerk")
    assert "个体工商户设立登记" in client.get("/counter", params={"q": "gtgsh"}).text
    hits = client.get("/counter", params={"q": "spjy"}).text
    assert "食品经营许可" in hits and "个体工商户设立登记" not in hits
    assert "公共场所卫生许可" in client.get("/counter", params={"q": "WJ-GG"}).text


@pytest.mark.ocr
def test_counter_flow_in_the_browser_pages(
    embedded_desk: Desk, sample_pages: dict[str, SamplePage]
) -> None:
    client = embedded_desk.client
    csrf = log_in(client, "clerk")
    applicant = sample_applicant(3)
    r = client.post(
        "/counter/cases",
        data={
            "item_code": ITEM,
            "applicant_type": "person",
            "applicant_name": applicant.name,
            "applicant_id": "152501199003077710",
            "csrf": csrf,
        },
    )
    assert r.status_code == 422 and "校验未通过" in r.text  # the form comes back, filled in
    assert applicant.name in r.text
    r = client.post(
        "/counter/cases",
        data={
            "item_code": ITEM,
            "applicant_type": "person",
            "applicant_name": applicant.name,
            "applicant_id": applicant.id_number,
            "csrf": csrf,
        },
        follow_redirects=False,
    )
    assert r.status_code == 303
    case_url = r.headers["location"]
    form = sample_pages["application_form"]
    r = client.post(
        f"{case_url}/pages",
        data={"csrf": csrf},
        files=[
            ("files", (form.filename, form.data, "image/jpeg")),
            ("files", ("notes.txt", b"not an image", "text/plain")),
        ],
    )
    assert r.status_code == 422 and "notes.txt" in r.text
    page = client.get(case_url).text
    assert "识别中" in page and "第 1 页" in page
    r = client.post(
        f"{case_url}/decision", data={"action": "decide", "csrf": csrf}, follow_redirects=False
    )
    assert r.status_code == 303
    page = client.get(case_url).text
    assert "材料补正通知书" in page and "待补正" in page
    thumb = client.get(re.search(r'src="(/web/pages/\d+/thumb)"', page).group(1))  # type: ignore[union-attr]
    assert thumb.headers["content-type"] == "image/jpeg"


def test_case_search_by_number_and_applicant(embedded_desk: Desk) -> None:
    client = embedded_desk.client
    csrf = log_in(client, "clerk")
    applicant = sample_applicant(3)
    r = client.post(
        "/counter/cases",
        follow_redirects=False,
        data={
            "item_code": ITEM,
            "applicant_type": "person",
            "applicant_name": applicant.name,
            "applicant_id": applicant.id_number,
            "csrf": csrf,
        },
    )
    number = r.headers["location"].rsplit("/", 1)[-1]
    assert number in client.get("/counter", params={"case": applicant.name}).text
    assert number in client.get("/counter", params={"case": number[:8]}).text
    assert number not in client.get("/counter", params={"case": "没有这个人"}).text


def test_scan_from_the_windows_scanner(embedded_desk: Desk, tmp_path: Path) -> None:
    """The counter's scan button runs the configured scanner (SANE's test backend's
    10-sheet feeder here) straight into the case."""
    desk = embedded_desk
    client = desk.client
    csrf = log_in(client, "clerk")
    applicant = sample_applicant(3)
    r = client.post(
        "/counter/cases",
        follow_redirects=False,
        data={
            "item_code": ITEM,
            "applicant_type": "person",
            "applicant_name": applicant.name,
            "applicant_id": applicant.id_number,
            "csrf": csrf,
        },
    )
    case_url = r.headers["location"]
    assert "从扫描仪扫描" not in client.get(case_url).text  # no scanner configured
    assert client.post(f"{case_url}/scan", data={"csrf": csrf}).status_code == 422

    desk.hall.settings.scanner_device = "sane:test:0"
    desk.hall.settings.sane_config_dir = sane_env.test_backend_config(tmp_path)
    desk.hall.settings.scanner_resolution = 75
    try:
        assert "从扫描仪扫描" in client.get(case_url).text
        r = client.post(f"{case_url}/scan", data={"csrf": csrf})
    finally:
        desk.hall.settings.scanner_device = None
    assert r.status_code == 200 and "收到 10 页" in r.text
    assert "第 10 页" in client.get(case_url).text
