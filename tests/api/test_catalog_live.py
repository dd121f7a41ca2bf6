"""Item information updates (五(一)) through the real API on PostgreSQL + S3: an item
published through the admin API is served, searched and accepted at the counter without a
restart, by this app and by a second app on the same database; cases keep the checklist
version they were opened with; a version dated later waits for its day; the public
announcement list shows every change and its effective date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from cases.accounts import create_user
from cases.catalog.spec import SAMPLE_CATALOG_DIR, load_catalog
from cases.db import session_scope
from cases.hall import Hall
from models import Role
from ocr import Engine
from sample_scans.scans import SamplePage, sample_applicant
from tests.api.conftest import Desk, open_desk, server_settings
from tests.catalog_items import NEW, new_item
from tests.servers import S3Server
from tests.web.test_pages import log_in

SP = "SCJG-SP-002"
GT = "SCJG-GT-001"
SAMPLE = load_catalog()  # what the hall imports at start


@pytest.fixture
def two_apps(
    tmp_path: Path, postgres_url: str, s3_server: S3Server, ocr_engine: Engine
) -> Iterator[tuple[Desk, TestClient]]:
    """The desk's app, and a second app with its own hall (another process, as far as the
    catalog can tell) on the same PostgreSQL database and bucket."""
    settings = server_settings(tmp_path, postgres_url, s3_server)
    for desk in open_desk(settings, ocr_engine):
        other = Hall.open(settings)
        other.use_ocr(ocr_engine)
        with TestClient(create_app(hall=other, worker=False)) as client:
            yield desk, client
        other.close()


def _case(client: TestClient, desk: Desk, item: str, seed: int = 3) -> dict[str, Any]:
    applicant = sample_applicant(seed)
    body = {
        "item_code": item,
        "applicant_type": "person",
        "applicant_name": applicant.name,
        "applicant_id": applicant.id_number,
    }
    r = client.post("/api/v1/cases", headers=desk.headers("clerk"), json=body)
    assert r.status_code == 201, r.text
    case: dict[str, Any] = r.json()
    return case


def _texts(today: date) -> dict[str, str]:
    sp = (SAMPLE_CATALOG_DIR / "items" / "spjy-xk.v2.yaml").read_text(encoding="utf-8")
    gt = (SAMPLE_CATALOG_DIR / "items" / "gtgsh-sl.v2.yaml").read_text(encoding="utf-8")
    later = today + timedelta(days=30)
    return {
        "dz.yaml": new_item(today),
        "sp.v3.yaml": sp.replace("version: 2", "version: 3")
        .replace("effective_from: 2026-06-01", f"effective_from: {today.isoformat()}")
        .replace("time_limit_days: 10", "time_limit_days: 7"),
        "gt.v3.yaml": gt.replace("version: 2", "version: 3")
        .replace("effective_from: 2026-06-01", f"effective_from: {later.isoformat()}")
        .replace("time_limit_days: 3 ", "time_limit_days: 2 "),
    }


@pytest.mark.ocr  # the counter reads the new item's application form with the real engine
def test_an_item_published_through_admin_is_accepted_at_once_in_both_apps(
    two_apps: tuple[Desk, TestClient], sample_pages: dict[str, SamplePage]
) -> None:
    desk, other = two_apps
    today = date.today()
    with session_scope(desk.hall.sessions) as s:
        _, token = create_user(s, username="admin", display_name="管理员", role=Role.ADMIN)
    admin = {"Authorization": f"Bearer {token}"}

    sp_old = _case(desk.client, desk, SP)  # opened before the publish, on version 2
    assert sp_old["checklist_version"] == 2
    assert other.get(f"/api/v1/catalog/{NEW}").status_code == 404  # the other app has read
    applicant = sample_applicant(3)
    body = {"applicant_type": "person", "applicant_name": applicant.name}
    body |= {"item_code": NEW, "applicant_id": applicant.id_number}
    r = other.post("/api/v1/cases", headers=desk.headers("clerk"), json=body)
    assert r.status_code == 404 and NEW in r.json()["error"]["message_zh"]

    r = desk.client.post("/api/v1/catalog/publish", json={"files": _texts(today)}, headers=admin)
    assert r.status_code == 201, r.text
    assert [(p["code"], p["version"]) for p in r.json()["published"]] == [
        (NEW, 1),
        (SP, 3),
        (GT, 3),
    ]

    # the other app serves the new catalog at once: no restart, no message between them
    for client in (desk.client, other):
        item = client.get(f"/api/v1/catalog/{NEW}").json()
        assert item["version"] == 1 and item["department"] == "锡林浩特市市场监督管理局"
        assert [m["code"] for m in item["materials"]] == ["application_form", "id_card"]
        assert client.get(f"/api/v1/catalog/{SP}").json()["time_limit_days"] == 7
        assert client.get(f"/api/v1/catalog/{GT}").json()["version"] == 2  # v3: in 30 days
    codes = [i["code"] for i in other.get("/api/v1/catalog").json()]
    assert NEW in codes and len(codes) == len(SAMPLE.items) + 1
    answers = other.get("/api/v1/catalog/knowledge", params={"q": "个人独资企业委托办理"}).json()
    assert answers[0]["item_code"] == NEW

    # the counter of the other app accepts a case of the new item
    case = _case(other, desk, NEW)
    number = case["number"]
    assert case["checklist_version"] == 1
    files = [("files", ("form.jpg", sample_pages["application_form"].data, "image/jpeg"))]
    r = other.post(f"/api/v1/cases/{number}/pages", files=files, headers=desk.headers("clerk"))
    assert r.status_code == 202, r.text
    check = other.get(f"/api/v1/cases/{number}/check", headers=desk.headers("clerk")).json()
    assert check["present"] == {"application_form": 1}, check  # the new checklist's material
    assert {f["key"] for f in check["findings"]} >= {"id_card:missing"}
    for finding in check["findings"]:  # the clerk saw the paper ID card: set aside, audited
        r = other.post(
            f"/api/v1/cases/{number}/overrides",
            json={"finding": finding["key"], "reason": "已核验纸质原件"},
            headers=desk.headers("clerk"),
        )
        assert r.status_code == 201, r.text
    r = other.post(f"/api/v1/cases/{number}/decision", json={}, headers=desk.headers("clerk"))
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "accepted" and r.json()["notice"]["kind"] == "acceptance"
    tasks = desk.client.get("/api/v1/review/tasks", headers=desk.headers("reviewer")).json()
    assert number in [t["case"] for t in tasks]  # routed to the item's department

    # cases keep their version; new cases get the version in effect today
    kept = other.get(f"/api/v1/cases/{sp_old['number']}", headers=desk.headers("clerk")).json()
    assert kept["checklist_version"] == 2
    assert _case(other, desk, SP, seed=4)["checklist_version"] == 3
    assert _case(other, desk, GT, seed=5)["checklist_version"] == 2

    # the public announcement list, newest first, in pages
    page = other.get("/api/v1/catalog/announcements", params={"per_page": 3}).json()
    total = sum(len(v) for v in SAMPLE.history.values()) + 3
    assert page["total"] == total and page["pages"] == -(-total // 3)
    gt, sp, dz = page["announcements"]
    assert (gt["item_code"], gt["version"], gt["upcoming"]) == (GT, 3, True)
    assert gt["effective_from"] == (today + timedelta(days=30)).isoformat()
    assert gt["changes"] == ["承诺办理时限由3个工作日调整为2个工作日"]
    assert (sp["item_code"], sp["version"], sp["previous_version"], sp["upcoming"]) == (
        SP,
        3,
        2,
        False,
    )
    assert sp["changes"] == ["承诺办理时限由10个工作日调整为7个工作日"]
    assert sp["effective_from"] == today.isoformat()
    assert dz["item_code"] == NEW and dz["previous_version"] is None
    assert dz["changes"] == ["新增事项“个人独资企业设立登记”,申请材料2项"]
    assert "published_by" not in dz  # who published stays in the hall
    params = {"per_page": 3, "page": page["pages"]}
    last = other.get("/api/v1/catalog/announcements", params=params).json()
    assert len(last["announcements"]) == total - 3 * (page["pages"] - 1)
    r = other.get("/api/v1/catalog/announcements", params={"per_page": 500})
    assert r.status_code == 422  # bounded

    html = other.get("/catalog/announcements")  # public: no login
    assert html.status_code == 200
    assert "个人独资企业设立登记" in html.text and "即将生效" in html.text
    assert "承诺办理时限由10个工作日调整为7个工作日" in html.text

    # the counter page of the other app finds the new item by pinyin initials
    log_in(other, "clerk")
    counter = other.get("/counter", params={"q": "grdz"}).text
    assert NEW in counter and "个人独资企业设立登记" in counter
