"""Sharing through the real API: another department gets 403 without a grant and 200
with one, links expire, revocation closes access again, and every access is in the
hash-chained audit log — on the embedded defaults and on PostgreSQL + SeaweedFS."""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

import urllib3
from sqlalchemy import select

from cases.accounts import create_user
from cases.audit import verify_chain
from cases.db import session_scope
from cases.records.storage import archive_bytes
from models import AuditEvent, Role
from sample_scans.scans import SamplePage
from tests.api.conftest import Desk
from tests.api.test_flow import _create_case, _upload
from tests.waiting import wait_until


def _fetch_link(desk: Desk, url: str) -> tuple[int, bytes]:
    parts = urlsplit(url)
    if parts.path.startswith("/api/v1/archive/link"):  # embedded store: served by the API
        r = desk.client.get(f"{parts.path}?{parts.query}")
        return r.status_code, r.content
    response = urllib3.request("GET", url, retries=False, timeout=10)
    return response.status, response.data


def test_grant_opens_and_revocation_closes_access(
    desk: Desk, sample_pages: dict[str, SamplePage]
) -> None:
    number = _create_case(desk)["number"]
    page = sample_pages["application_form"]
    _upload(desk, number, page)

    own = desk.client.get("/api/v1/objects", headers=desk.headers("reviewer")).json()
    [obj] = [o for o in own if o["doc_class"] == "page_image"]
    assert obj["sha256"] == hashlib.sha256(page.data).hexdigest()
    assert obj["provenance"]["provider"] == "hall" and obj["retention_mode"] == "GOVERNANCE"
    path = f"/api/v1/objects/{obj['id']}"

    assert desk.client.get(path, headers=desk.headers("health")).status_code == 403
    assert desk.client.get("/api/v1/shared", headers=desk.headers("health")).json() == []
    r = desk.client.post(f"{path}/link", headers=desk.headers("health"))
    assert r.status_code == 403

    # the health department may not grant what it does not provide
    body = {"grantee": "wjw", "case_number": number, "purpose": "公共场所卫生许可核查"}
    r = desk.client.post("/api/v1/grants", json=body, headers=desk.headers("health"))
    assert r.status_code == 403
    r = desk.client.post("/api/v1/grants", json=body, headers=desk.headers("reviewer"))
    assert r.status_code == 201, r.text
    grant = r.json()

    r = desk.client.get(path, headers=desk.headers("health"))
    assert r.status_code == 200, r.text
    assert r.content == page.data and r.headers["X-Content-SHA256"] == obj["sha256"]
    shared = desk.client.get("/api/v1/shared", headers=desk.headers("health")).json()
    assert [s["id"] for s in shared] == [obj["id"]]
    assert shared[0]["purpose"] == body["purpose"]

    link = desk.client.post(f"{path}/link?seconds=2", headers=desk.headers("health"))
    assert link.status_code == 200, link.text
    url = link.json()["url"]
    status, data = _fetch_link(desk, url)
    assert status == 200 and data == page.data
    # the same link, once its two seconds are over (S3 judges by its own clock)
    wait_until(lambda: _fetch_link(desk, url)[0] == 403, what="the expired link refused")
    status, _ = _fetch_link(desk, url.replace("sig=", "sig=0"))
    assert status == 403

    r = desk.client.delete(f"/api/v1/grants/{grant['id']}", headers=desk.headers("reviewer"))
    assert r.status_code == 200 and r.json()["revoked"]
    assert desk.client.get(path, headers=desk.headers("health")).status_code == 403

    with session_scope(desk.hall.sessions) as s:
        events = s.scalars(
            select(AuditEvent).where(AuditEvent.target == f"object:{obj['id']}")
        ).all()
        by_action = {(e.actor, e.action, e.detail.get("basis")) for e in events}
        assert ("health", "object.download", "grant") in by_action
        assert ("health", "object.presign", "grant") in by_action
        report = verify_chain(s)
        assert report.ok, report
        assert report.events >= len(events) + 2  # grant and revoke are chained too


def test_delete_only_where_allowed(embedded_desk: Desk) -> None:
    desk = embedded_desk
    with session_scope(desk.hall.sessions) as s:
        _, token = create_user(s, username="archivist", display_name="a", role=Role.ADMIN)
        kept = archive_bytes(
            s, desk.hall.store, b"%PDF notice", content_type="application/pdf", doc_class="notice"
        )
        free = archive_bytes(
            s,
            desk.hall.store,
            b"scratch",
            content_type="text/plain",
            doc_class="page_image",
            retain_years=0,
        )
        kept_id, free_id, free_key = kept.id, free.id, free.key
    admin = {"Authorization": f"Bearer {token}"}
    r = desk.client.delete(f"/api/v1/objects/{kept_id}", headers=admin)
    assert r.status_code == 409 and "保留期" in r.json()["error"]["message_zh"]
    r = desk.client.delete(f"/api/v1/objects/{free_id}", headers=desk.headers("reviewer"))
    assert r.status_code == 403
    hold = {"on": True, "reason": "诉讼保全"}
    r = desk.client.post(f"/api/v1/objects/{free_id}/legal-hold", json=hold, headers=admin)
    assert r.status_code == 200 and r.json()["legal_hold"]
    assert desk.client.delete(f"/api/v1/objects/{free_id}", headers=admin).status_code == 409
    hold["on"] = False
    desk.client.post(f"/api/v1/objects/{free_id}/legal-hold", json=hold, headers=admin)
    r = desk.client.delete(f"/api/v1/objects/{free_id}", headers=admin)
    assert r.status_code == 200, r.text
    assert not desk.hall.store.exists(free_key)
    assert desk.client.get(f"/api/v1/objects/{free_id}", headers=admin).status_code == 404
