"""Finding 12: security headers on every response; the API docs are not public in
production; OpenAPI documents the error statuses with the envelope and downloads as binary;
unparseable bodies get the envelope. (Links and revoked grants: test_links.py.)"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from api.app import create_app
from cases.config import Settings
from tests.cases.backoffice_world import JOINT_ITEM
from tests.security.conftest import SecureHall, accepted_case_with_page

HEADERS = {"x-content-type-options": "nosniff", "referrer-policy": "no-referrer"}


def test_security_headers_on_every_kind_of_response(secure: SecureHall) -> None:
    number, page_id, object_id = accepted_case_with_page(secure, JOINT_ITEM)
    browser, _ = secure.browser("clerk")
    anonymous = secure.new_client()
    responses = [
        anonymous.get("/login"),
        anonymous.get("/counter", follow_redirects=False),
        anonymous.get("/static/app.js"),
        anonymous.get("/api/v1/catalog"),
        anonymous.get("/api/v1/cases/x"),  # 401
        anonymous.get("/no-such-page"),  # 404 page
        anonymous.post("/api/v1/cases", content=b"{", headers={"Content-Type": "application/json"}),
        browser.get(f"/counter/cases/{number}"),
        browser.get(f"/web/pages/{page_id}/thumb"),
        secure.client.get(f"/api/v1/objects/{object_id}", headers=secure.bearer("clerk")),
    ]
    for r in responses:
        for name, value in HEADERS.items():
            assert r.headers.get(name) == value, (r.request.url, name, r.headers)
        policy = {
            d.split()[0]: d.split()[1:]
            for d in r.headers["content-security-policy"].split(";")
            if d.strip()
        }
        assert policy["default-src"] == ["'self'"] and policy["script-src"] == ["'self'"]
        if not r.headers.get("content-type", "").startswith(("application/pdf", "image/")):
            assert policy["frame-ancestors"] == ["'none'"], r.request.url
            assert r.headers["x-frame-options"] == "DENY" and policy["object-src"] == ["'none'"]
        else:  # a document: the app's own preview page may frame it, nobody else
            assert policy["frame-ancestors"] == ["'self'"], r.request.url
            assert r.headers["x-frame-options"] == "SAMEORIGIN"

    # a plain 500 from Starlette's last-resort error middleware carries them too
    def broken() -> None:
        raise RuntimeError("a bug")

    secure.app.add_api_route("/api/v1/test-broken", broken)
    r = secure.new_client().get("/api/v1/test-broken")
    assert r.status_code == 500 and r.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]


def _production(tmp_path: Path, **extra: Any) -> Settings:
    return Settings(
        env="production",
        data_dir=tmp_path,
        session_secret=secrets.token_urlsafe(32),
        key_passphrase=secrets.token_urlsafe(32),
        **extra,
    )


def test_api_docs_are_not_public_in_production(tmp_path: Path, secure: SecureHall) -> None:
    closed = TestClient(create_app(_production(tmp_path), worker=False))  # no lifespan needed
    for path in ("/docs", "/redoc", "/openapi.json"):
        assert closed.get(path).status_code == 404, path
    opened = TestClient(create_app(_production(tmp_path, api_docs=True), worker=False))
    assert opened.get("/openapi.json").status_code == 200
    assert secure.client.get("/docs").status_code == 200  # development: open by default


def test_openapi_documents_errors_with_the_envelope_and_binary_downloads(
    secure: SecureHall,
) -> None:
    spec = secure.client.get("/openapi.json").json()
    envelope = spec["components"]["schemas"]["ErrorEnvelope"]
    assert envelope["properties"]["error"]
    for path, operations in spec["paths"].items():
        if not path.startswith("/api/"):
            continue
        for method, operation in operations.items():
            responses = operation["responses"]
            wanted = {"404", "409", "413", "422", "429", "503"}
            if operation.get("security"):
                wanted |= {"401", "403"}
            missing = wanted - set(responses)
            assert not missing, f"{method} {path} does not document {sorted(missing)}"
            for status in wanted:
                schema = responses[status]["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ErrorEnvelope"}, (path, status)
    pdf = {"type": "string", "format": "binary"}
    for path in (
        "/api/v1/notices/{number}/pdf",
        "/api/v1/licenses/{number}/pdf",
        "/api/v1/decisions/{document_id}/pdf",
        "/api/v1/cases/{number}/sheets",
    ):
        content = spec["paths"][path]["get"]["responses"]["200"]["content"]
        assert content == {"application/pdf": {"schema": pdf}}, path
    content = spec["paths"]["/api/v1/objects/{object_id}"]["get"]["responses"]["200"]["content"]
    assert {"application/pdf", "image/jpeg", "image/png"} <= set(content)
    assert "application/json" not in content
    sample = "/api/v1/catalog/{code}/materials/{material}/sample"
    assert set(spec["paths"][sample]["get"]["responses"]["200"]["content"]) == {
        "image/png",
        "image/jpeg",
    }


def test_unparseable_bodies_get_the_envelope(secure: SecureHall) -> None:
    clerk = secure.bearer("clerk")
    number = secure.cases["a"]
    cases: list[tuple[str, str, dict[str, str], bytes, set[int]]] = [
        ("POST", "/api/v1/cases", {"Content-Type": "application/json"}, b'{"item_code": ', {422}),
        (
            "POST",
            f"/api/v1/cases/{number}/pages",
            {"Content-Type": "multipart/form-data; boundary=xyz"},
            b'--xyz\r\nContent-Disposition: form-data; name="files"; filename="a\r\n\r\nab',
            {400, 422},
        ),
        (
            "POST",
            f"/api/v1/cases/{number}/pages",
            {"Content-Type": "multipart/form-data"},  # no boundary
            b"junk",
            {400},
        ),
        ("GET", "/api/v1/no-such-route", {}, b"", {404}),
        ("PUT", "/api/v1/cases", {}, b"", {405}),
    ]
    for method, path, headers, content, status in cases:
        r = secure.client.request(method, path, headers=clerk | headers, content=content)
        assert r.status_code in status, (path, r.status_code, r.text)
        error = r.json()["error"]
        assert error["code"] and error["message_zh"] and error["message_en"], r.text
