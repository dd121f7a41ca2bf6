"""Finding 12: a download link is served by the app and checked against the access of the
member of staff who asked for it at every use, so it dies with the grant it relied on
(an S3 presigned URL would have kept working until it expired)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from fastapi.testclient import TestClient

from cases.accounts import deactivate
from cases.db import session_scope
from models import User
from tests.security.conftest import SecureHall, accepted_case_with_page


def _get_link(client: TestClient, url: str) -> Any:
    parts = urlsplit(url)
    assert parts.path == "/api/v1/archive/link", "links are served by the app"
    return client.get(f"{parts.path}?{parts.query}")


def test_a_link_stops_working_when_its_grant_is_revoked(secure: SecureHall) -> None:
    number, _, object_id = accepted_case_with_page(secure, "SCJG-GT-001")
    body = {"grantee": "wjw", "case_number": number, "purpose": "公共场所卫生许可核查"}
    r = secure.client.post("/api/v1/grants", json=body, headers=secure.bearer("reviewer_a"))
    assert r.status_code == 201, r.text
    grant = r.json()["id"]
    r = secure.client.post(
        f"/api/v1/objects/{object_id}/link?seconds=600", headers=secure.bearer("reviewer_b")
    )
    assert r.status_code == 200, r.text
    url = r.json()["url"]
    anonymous = secure.new_client()
    assert _get_link(anonymous, url).status_code == 200

    r = secure.client.delete(f"/api/v1/grants/{grant}", headers=secure.bearer("reviewer_a"))
    assert r.status_code == 200 and r.json()["revoked"]
    refused = _get_link(anonymous, url)
    assert refused.status_code == 403
    assert "撤销" in refused.json()["error"]["message_zh"]
    # the department's own link, issued the same way, keeps working
    own = secure.client.post(
        f"/api/v1/objects/{object_id}/link", headers=secure.bearer("reviewer_a")
    ).json()["url"]
    assert _get_link(anonymous, own).status_code == 200
    # tampering with the link is refused
    assert _get_link(anonymous, own.replace("sig=", "sig=0")).status_code == 403
    # and a link dies with its issuer's account
    with session_scope(secure.hall.sessions) as s:
        deactivate(s.get_one(User, secure.users["reviewer_a"]))
    assert _get_link(anonymous, own).status_code == 403
