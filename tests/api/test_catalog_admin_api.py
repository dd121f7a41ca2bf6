"""Catalog administration and the knowledge base through the API."""

from __future__ import annotations

from datetime import date

from cases.accounts import create_user
from cases.catalog.spec import SAMPLE_CATALOG_DIR
from cases.db import session_scope
from models import Role
from tests.api.conftest import Desk
from tests.catalog_items import NEW, new_item

V2 = (SAMPLE_CATALOG_DIR / "items" / "spjy-xk.v2.yaml").read_text(encoding="utf-8")


def _admin(desk: Desk) -> dict[str, str]:
    with session_scope(desk.hall.sessions) as s:
        _, token = create_user(s, username="admin", display_name="管理员", role=Role.ADMIN)
    return {"Authorization": f"Bearer {token}"}


def test_admin_validates_publishes_diffs_and_exports(embedded_desk: Desk) -> None:
    desk, admin = embedded_desk, _admin(embedded_desk)
    v3 = V2.replace("version: 2", "version: 3").replace("time_limit_days: 10", "time_limit_days: 7")
    broken = v3.replace("    seal_required: true\n", "    seal_required: sometimes\n", 1)

    r = desk.client.post("/api/v1/catalog/validate", json={"files": {"sp.yaml": v3}}, headers=admin)
    assert r.status_code == 200 and r.json()["items"] == [{"code": "SCJG-SP-002", "version": 3}]
    r = desk.client.post(
        "/api/v1/catalog/validate", json={"files": {"sp.yaml": v3}}, headers=desk.headers("clerk")
    )
    assert r.status_code == 403

    r = desk.client.post(
        "/api/v1/catalog/publish", json={"files": {"a.yaml": v3, "b.yaml": broken}}, headers=admin
    )
    assert 400 <= r.status_code < 500
    err = r.json()["error"]
    assert "b.yaml:" in err["message_en"] and "seal_required" in err["message_en"]
    assert "行" in err["message_zh"]
    versions = desk.client.get("/api/v1/catalog/SCJG-SP-002/versions").json()
    assert [v["version"] for v in versions] == [1, 2]  # nothing half-published

    r = desk.client.post("/api/v1/catalog/publish", json={"files": {"a.yaml": v3}}, headers=admin)
    assert r.status_code == 201, r.text
    versions = desk.client.get("/api/v1/catalog/SCJG-SP-002/versions").json()
    assert [v["version"] for v in versions] == [1, 2, 3]
    diff = desk.client.get(
        "/api/v1/catalog/SCJG-SP-002/diff", params={"from": 2, "to": 3}, headers=admin
    ).json()
    assert diff["changes"] == [{"path": "time_limit_days", "old": 10, "new": 7}]
    exported = desk.client.get(
        "/api/v1/catalog/SCJG-SP-002/export", params={"version": 3}, headers=admin
    )
    assert exported.status_code == 200 and "time_limit_days: 7" in exported.text


def test_knowledge_search_in_chinese(embedded_desk: Desk) -> None:
    r = embedded_desk.client.get("/api/v1/catalog/knowledge", params={"q": "身份证过期了"})
    assert r.status_code == 200
    assert r.json()[0]["item_code"] == "SCJG-GT-001" and "换领" in r.json()[0]["answer"]
    r = embedded_desk.client.get(
        "/api/v1/catalog/knowledge", params={"q": "容缺", "item": "WJ-GG-001"}
    )
    assert {a["item_code"] for a in r.json()} == {"WJ-GG-001"}


def test_material_sample_image(embedded_desk: Desk) -> None:
    r = embedded_desk.client.get("/api/v1/catalog/SCJG-GT-001/materials/application_form/sample")
    assert r.status_code == 200 and r.headers["content-type"] == "image/png"
    assert r.content[:8] == b"\x89PNG\r\n\x1a\n" and len(r.content) > 20_000
    r = embedded_desk.client.get("/api/v1/catalog/SCJG-GT-001/materials/nothing/sample")
    assert r.status_code == 404


def test_an_uploaded_sample_image_path_never_leaves_the_catalog_directory(
    embedded_desk: Desk,
) -> None:
    desk, admin = embedded_desk, _admin(embedded_desk)
    text = new_item(date.today()).replace(
        "    role: person_id\n", "    role: person_id\n    sample_image: ../spec.py\n"
    )
    body = {"files": {"dz.yaml": text}}
    r = desk.client.post("/api/v1/catalog/publish", json=body, headers=admin)
    assert r.status_code == 201, r.text
    r = desk.client.get(f"/api/v1/catalog/{NEW}/materials/id_card/sample")
    assert r.status_code == 200 and r.content[:8] == b"\x89PNG\r\n\x1a\n"  # generated instead
    assert b"import" not in r.content
