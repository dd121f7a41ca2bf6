"""Every license is issued as an OFD beside the PDF, sealed with the department's
GB/T 38540 e-seal under the seal-use delegation, and verified like the PDF: the same
report, the registry's status, the CLI's exit codes, the public upload."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from lxml import etree
from sqlalchemy import select

from api.app import create_app
from api.cli import main
from cases.accounts import create_user
from cases.config import Settings
from cases.db import session_scope
from cases.hall import Hall
from cases.results.licenses import find_license, revoke_license
from cases.seals.registry import revoke_seal, seal_by_code
from cases.verification.status import Verdict, verify_document
from models import AuditEvent, Role, StoredObject
from tests.licensing import issue_sample_license, user

NS = "{http://www.ofdspec.org/2016}"


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hall]:
    hall = Hall.open(
        Settings(data_dir=tmp_path_factory.mktemp("hall"), public_verify_per_minute=1000)
    )
    with session_scope(hall.sessions) as s:
        create_user(s, username="of-c", display_name="c", role=Role.CLERK, window_code="W01")
        create_user(
            s, username="of-r", display_name="r", role=Role.REVIEWER, department_code="scjgj"
        )
    yield hall
    hall.close()


def _issue(hall: Hall, seed: int) -> tuple[str, bytes]:
    number, _ = issue_sample_license(hall, seed, clerk="of-c", reviewer="of-r")
    with session_scope(hall.sessions) as s:
        license_ = find_license(s, number)
        assert license_.ofd_object_id is not None
        return number, hall.store.get(s.get_one(StoredObject, license_.ofd_object_id).key)


def test_issued_ofd_verifies_with_the_registry_and_carries_the_core_metadata(
    hall: Hall,
) -> None:
    number, ofd = _issue(hall, 51)
    with session_scope(hall.sessions) as s:
        outcome = verify_document(s, hall, ofd)
        license_ = find_license(s, number)
        record = dict(license_.core_metadata or {})
        uses = [e.detail for e in s.scalars(select(AuditEvent)) if e.action == "seal.use"]
    assert outcome.verdict is Verdict.VALID, outcome.reasons
    d = outcome.to_dict()
    assert d["license"]["number"] == number and d["seals"][0]["code"] == "dept-scjgj"
    assert d["signatures"]["signatures"][0]["pades_level"] == "GB/T 38540"
    assert any(u.get("level") == "GB/T 38540" for u in uses)  # the seal's use is audited
    with zipfile.ZipFile(io.BytesIO(ofd)) as archive:
        info = etree.fromstring(archive.read("OFD.xml"))
        page = archive.read("Doc_0/Pages/Page_0/Content.xml").decode()
    custom = {c.get("Name"): c.text for c in info.iter(f"{NS}CustomData")}
    assert custom["证照标识"] == record["证照标识"] and custom["持证主体代码类型"] == "111"
    assert number in page and record["持证主体"] in page
    assert record["签章信息"]["OFD签章"] == "GB/T 38540 SM2-SM3"


def test_revoked_license_or_seal_and_unregistered_ofds_do_not_verify(hall: Hall) -> None:
    number, ofd = _issue(hall, 52)
    with session_scope(hall.sessions) as s:
        revoke_license(s, find_license(s, number), actor=user(s, "of-r"), reason="注销登记")
    with session_scope(hall.sessions) as s:
        revoked = verify_document(s, hall, ofd)
    assert revoked.verdict is Verdict.INVALID and revoked.sub_indication == "REVOKED"
    # an OFD sealed with the registry's seal but never registered (its row rolled back)
    # (the same signed files in another zip container: a file the registry never saw)
    _, other = _issue(hall, 53)
    with zipfile.ZipFile(io.BytesIO(other)) as archive:
        files = {n: archive.read(n) for n in archive.namelist()}
    repacked = io.BytesIO()
    with zipfile.ZipFile(repacked, "w", zipfile.ZIP_STORED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    with session_scope(hall.sessions) as s:
        unregistered = verify_document(s, hall, repacked.getvalue())
    assert unregistered.verdict is Verdict.INVALID
    assert unregistered.sub_indication == "NOT_REGISTERED", unregistered.reasons


def test_cli_and_public_upload_report_the_ofd_like_a_pdf(
    hall: Hall, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    number, ofd = _issue(hall, 54)
    path = tmp_path / "license.ofd"
    path.write_bytes(ofd)
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(hall.settings.data_dir))
    assert main(["verify", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["verdict"] == "valid" and report["license"]["number"] == number
    broken = bytearray(ofd)
    broken[len(broken) // 3] ^= 0x01
    (tmp_path / "broken.ofd").write_bytes(bytes(broken))
    assert main(["verify", str(tmp_path / "broken.ofd")]) == 1
    assert "无效" in capsys.readouterr().out
    with TestClient(create_app(hall=hall, worker=False)) as client:
        files = {"file": ("l.ofd", ofd, "application/ofd")}
        as_json = client.post("/api/v1/verify", files=files).json()
        page = client.post("/verify", files=files)
    assert as_json["indication"] == "TOTAL-PASSED" and as_json["license"]["number"] == number
    assert page.status_code == 200 and "有效" in page.text and "GB/T 38540" in page.text


def test_a_revoked_seal_fails_its_ofds(hall: Hall) -> None:
    _, ofd = _issue(hall, 55)
    with session_scope(hall.sessions) as s:
        revoke_seal(s, seal_by_code(s, "dept-scjgj"), actor="admin", reason="密钥泄露")
    with session_scope(hall.sessions) as s:
        outcome = verify_document(s, hall, ofd)
    assert outcome.verdict is Verdict.INVALID and outcome.sub_indication == "REVOKED"
