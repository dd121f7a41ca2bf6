"""One case through the real API: correction, resubmission, acceptance, approval, license,
verification — on the embedded defaults and on PostgreSQL + S3."""

from __future__ import annotations

import subprocess
from typing import Any

import pytest

from sample_scans.scans import SamplePage
from tests.api.conftest import Desk


def _upload(desk: Desk, number: str, *pages: SamplePage) -> None:
    files = [("files", (p.filename, p.data, "image/jpeg")) for p in pages]
    r = desk.client.post(
        f"/api/v1/cases/{number}/pages", files=files, headers=desk.headers("clerk")
    )
    assert r.status_code == 202, r.text


def _create_case(desk: Desk) -> dict[str, Any]:
    return desk.open_case(3)


@pytest.mark.ocr
def test_case_from_correction_to_verified_license(
    desk: Desk, sample_pages: dict[str, SamplePage], tmp_path: Any
) -> None:
    case = _create_case(desk)
    number = case["number"]
    assert case["status"] == "receiving" and case["checklist_version"] == 2

    _upload(desk, number, sample_pages["application_form"])
    check = desk.client.get(f"/api/v1/cases/{number}/check", headers=desk.headers("clerk"))
    assert check.status_code == 200, check.text
    assert check.json()["outcome"] == "correction"
    missing = {f["material_code"] for f in check.json()["findings"] if f["kind"] == "missing"}
    assert missing == {"id_card", "premises_proof"}

    r = desk.client.post(f"/api/v1/cases/{number}/decision", json={}, headers=desk.headers("clerk"))
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "correction"
    assert r.json()["notice"]["kind"] == "correction"

    _upload(desk, number, sample_pages["id_card"], sample_pages["premises_proof"])
    r = desk.client.post(f"/api/v1/cases/{number}/decision", json={}, headers=desk.headers("clerk"))
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "accepted"
    view = desk.client.get(f"/api/v1/cases/{number}", headers=desk.headers("clerk")).json()
    assert [p["material_code"] for p in view["pages"]] == [
        "application_form",
        "id_card",
        "premises_proof",
    ]
    assert [p["submission"] for p in view["pages"]] == [1, 2, 2]
    assert [n["kind"] for n in view["notices"]] == ["correction", "acceptance"]
    assert set(view["materials"].values()) == {"present"}
    assert view["pages"][2]["seals"], "the lease contract carries a red seal"

    tasks = desk.client.get("/api/v1/review/tasks", headers=desk.headers("reviewer")).json()
    assert [t["case"] for t in tasks] == [number]
    assert desk.client.get("/api/v1/review/tasks", headers=desk.headers("health")).json() == []

    r = desk.client.post(
        f"/api/v1/cases/{number}/approve",
        json={"comment": "准予登记"},
        headers=desk.headers("reviewer"),
    )
    assert r.status_code == 201, r.text
    license_number = r.json()["license"]["number"]
    pdf = desk.client.get(
        f"/api/v1/licenses/{license_number}/pdf", headers=desk.headers("reviewer")
    )
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")

    verdict = desk.client.post("/api/v1/verify", files={"file": ("l.pdf", pdf.content)})
    assert verdict.status_code == 200
    assert verdict.json()["verdict"] == "valid"
    assert verdict.json()["license"]["number"] == license_number

    path = tmp_path / "license.pdf"
    path.write_bytes(pdf.content)
    pdfsig = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False)
    assert "Signature is Valid" in pdfsig.stdout, pdfsig.stdout

    tampered = bytearray(pdf.content)
    at = tampered.index(b"/Contents", 200) - 400
    tampered[at] = ord(b" ") if tampered[at] != ord(b" ") else ord(b"x")
    verdict = desk.client.post("/api/v1/verify", files={"file": ("t.pdf", bytes(tampered))})
    assert verdict.json()["verdict"] == "invalid"


@pytest.mark.ocr
def test_conditional_acceptance_when_only_pending_material_is_missing(
    embedded_desk: Desk, sample_pages: dict[str, SamplePage]
) -> None:
    desk = embedded_desk
    number = _create_case(desk)["number"]
    _upload(desk, number, sample_pages["application_form"], sample_pages["id_card"])
    check = desk.client.get(f"/api/v1/cases/{number}/check", headers=desk.headers("clerk"))
    assert check.json()["outcome"] == "conditional_possible"
    r = desk.client.post(
        f"/api/v1/cases/{number}/decision",
        json={"conditional": True},
        headers=desk.headers("clerk"),
    )
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "conditional"
    assert r.json()["notice"]["kind"] == "conditional_acceptance"
    view = desk.client.get(f"/api/v1/cases/{number}", headers=desk.headers("clerk")).json()
    assert view["pending_due_on"] is not None
    assert view["materials"] == {
        "application_form": "present",
        "id_card": "present",
        "premises_proof": "pending",
    }
