"""Every error a user can cause: a clear 4xx in Chinese and English, nothing saved lost."""

from __future__ import annotations

import io

from PIL import Image

from sample_scans.scans import SamplePage, sample_applicant
from tests.api.conftest import ITEM, Desk


def _error(r: object) -> dict[str, str]:
    body = r.json()["error"]  # type: ignore[attr-defined]
    assert body["code"] and body["message_zh"] and body["message_en"]
    return body


def _case(desk: Desk) -> str:
    return str(desk.open_case(5)["number"])


def test_request_without_token_is_401(embedded_desk: Desk) -> None:
    r = embedded_desk.client.post("/api/v1/cases", json={})
    assert r.status_code == 401
    assert "令牌" in _error(r)["message_zh"]
    r = embedded_desk.client.get("/api/v1/cases/1", headers={"Authorization": "Bearer nope"})
    assert r.status_code == 401


def test_unknown_service_item_is_404(embedded_desk: Desk) -> None:
    a = sample_applicant(5)
    r = embedded_desk.client.post(
        "/api/v1/cases",
        headers=embedded_desk.headers("clerk"),
        json={
            "item_code": "XX-404",
            "applicant_type": "person",
            "applicant_name": a.name,
            "applicant_id": a.id_number,
        },
    )
    assert r.status_code == 404
    assert _error(r)["code"] == "catalog.unknown_item"
    assert embedded_desk.client.get("/api/v1/catalog/XX-404").status_code == 404


def test_invalid_id_number_and_malformed_body_are_422(embedded_desk: Desk) -> None:
    r = embedded_desk.client.post(
        "/api/v1/cases",
        headers=embedded_desk.headers("clerk"),
        json={
            "item_code": ITEM,
            "applicant_type": "person",
            "applicant_name": "某人",
            "applicant_id": "152501199003077710",
        },
    )
    assert r.status_code == 422 and "校验" in _error(r)["message_zh"]
    r = embedded_desk.client.post(
        "/api/v1/cases", headers=embedded_desk.headers("clerk"), content=b"not json"
    )
    assert r.status_code == 422


def test_bad_uploads_are_refused_and_earlier_pages_stay(
    embedded_desk: Desk, sample_pages: dict[str, SamplePage]
) -> None:
    desk = embedded_desk
    number = _case(desk)
    good = sample_pages["application_form"]
    r = desk.client.post(
        f"/api/v1/cases/{number}/pages",
        headers=desk.headers("clerk"),
        files=[("files", (good.filename, good.data, "image/jpeg"))],
    )
    assert r.status_code == 202

    truncated = good.data[: len(good.data) // 3]
    png = io.BytesIO()
    Image.new("RGB", (4, 4)).save(png, "PNG")
    bad_files = {
        "notes.txt": b"this is not an image",
        "scan.pdf": b"%PDF-1.7\n1 0 obj <<>> endobj\n",
        "cut.jpg": truncated,
        "empty.jpg": b"",
        "tiny.png": png.getvalue(),
    }
    for name, data in bad_files.items():
        r = desk.client.post(
            f"/api/v1/cases/{number}/pages",
            headers=desk.headers("clerk"),
            files=[("files", (name, data, "application/octet-stream"))],
        )
        assert r.status_code == 422, (name, r.text)
        assert name in _error(r)["message_en"]

    view = desk.client.get(f"/api/v1/cases/{number}", headers=desk.headers("clerk")).json()
    assert [p["filename"] for p in view["pages"]] == [good.filename]


def test_too_large_upload_is_refused(embedded_desk: Desk) -> None:
    desk = embedded_desk
    number = _case(desk)
    desk.hall.settings.max_upload_bytes = 1000
    try:
        r = desk.client.post(
            f"/api/v1/cases/{number}/pages",
            headers=desk.headers("clerk"),
            files=[("files", ("big.jpg", b"\xff\xd8\xff" + b"0" * 5000))],
        )
    finally:
        desk.hall.settings.max_upload_bytes = 30 * 1024 * 1024
    assert r.status_code == 422 and "MB" in _error(r)["message_zh"]


def test_clerk_cannot_approve_and_other_department_cannot_see(embedded_desk: Desk) -> None:
    desk = embedded_desk
    number = _case(desk)
    r = desk.client.post(f"/api/v1/cases/{number}/approve", json={}, headers=desk.headers("clerk"))
    assert r.status_code == 403 and _error(r)["code"] == "auth.forbidden"
    r = desk.client.get(f"/api/v1/cases/{number}", headers=desk.headers("health"))
    assert r.status_code == 403
    r = desk.client.post(f"/api/v1/cases/{number}/approve", json={}, headers=desk.headers("health"))
    assert r.status_code == 403
    r = desk.client.post("/api/v1/cases", headers=desk.headers("reviewer"), json={})
    assert r.status_code in (403, 422)


def test_reviewer_cannot_approve_a_case_not_yet_accepted(embedded_desk: Desk) -> None:
    desk = embedded_desk
    number = _case(desk)
    r = desk.client.post(
        f"/api/v1/cases/{number}/approve", json={}, headers=desk.headers("reviewer")
    )
    assert r.status_code == 409


def test_decision_without_pages_is_refused(embedded_desk: Desk) -> None:
    desk = embedded_desk
    number = _case(desk)
    r = desk.client.post(f"/api/v1/cases/{number}/decision", json={}, headers=desk.headers("clerk"))
    assert r.status_code == 422
    r = desk.client.post(
        f"/api/v1/cases/{number}/decision",
        json={"reject_reason": " "},
        headers=desk.headers("clerk"),
    )
    assert r.status_code == 422


def test_verify_garbage_is_an_invalid_verdict_not_a_crash(embedded_desk: Desk) -> None:
    for data in (b"garbage", b"%PDF-1.7 broken", b"\x00" * 100):
        r = embedded_desk.client.post("/api/v1/verify", files={"file": ("x.pdf", data)})
        assert r.status_code == 200
        assert r.json()["verdict"] == "invalid"
    r = embedded_desk.client.post("/api/v1/verify", files={"file": ("x.pdf", b"")})
    assert r.status_code == 422


def test_unknown_scenario_and_bad_override_are_clear_errors(embedded_desk: Desk) -> None:
    desk = embedded_desk
    applicant = sample_applicant(3)
    body = {
        "item_code": ITEM,
        "applicant_type": "person",
        "applicant_name": applicant.name,
        "applicant_id": applicant.id_number,
        "scenario": "proxy",
    }
    r = desk.client.post("/api/v1/cases", json=body, headers=desk.headers("clerk"))
    assert 400 <= r.status_code < 500
    assert "proxy" in _error(r)["message_en"] and "委托代理人办理" in _error(r)["message_zh"]
    number = _case(desk)
    r = desk.client.post(
        f"/api/v1/cases/{number}/overrides",
        json={"finding": "id_card:expired", "reason": "   "},
        headers=desk.headers("clerk"),
    )
    assert r.status_code == 422 and "理由" in _error(r)["message_zh"]
    r = desk.client.post(f"/api/v1/cases/{number}/pending/supply", headers=desk.headers("clerk"))
    assert r.status_code == 409 and "容缺" in _error(r)["message_zh"]


def test_window_without_acceptance_delegation_cannot_open_the_case(embedded_desk: Desk) -> None:
    """W02 accepts only 市场监督管理局's items (catalog `accepts`, development delegations)."""
    from cases.accounts import create_user
    from cases.db import session_scope
    from models import Role

    with session_scope(embedded_desk.hall.sessions) as s:
        _, token = create_user(
            s, username="w2", display_name="二号窗口", role=Role.CLERK, window_code="W02"
        )
    a = sample_applicant(5)
    body = {"applicant_type": "person", "applicant_name": a.name, "applicant_id": a.id_number}
    headers = {"Authorization": f"Bearer {token}"}
    r = embedded_desk.client.post(
        "/api/v1/cases", headers=headers, json={"item_code": "WJ-GG-001", **body}
    )
    assert r.status_code == 403 and "受理授权委托" in _error(r)["message_zh"]
    r = embedded_desk.client.post(
        "/api/v1/cases", headers=headers, json={"item_code": ITEM, **body}
    )
    assert r.status_code == 201
