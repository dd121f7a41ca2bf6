"""Delegations, the license lifecycle and registry-aware verification on a real hall
(embedded defaults: SQLite, local folder store, development PKI)."""

from __future__ import annotations

import io
import json
import subprocess
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from cases.accounts import create_user
from cases.config import Settings
from cases.db import session_scope
from cases.hall import Hall
from cases.numbering import valid_license_number
from cases.results.licenses import change_license, issue_license, revoke_license
from cases.seals.delegations import SealUseRefused, grant_seal_use, may_accept, revoke_delegation
from cases.seals.registry import ensure_seals, revoke_seal, seal_for, signer_for
from cases.verification.status import Verdict, verify_document
from models import (
    AuditEvent,
    Case,
    Delegation,
    DelegationKind,
    Department,
    License,
    LicenseStatus,
    Role,
    Seal,
    StoredObject,
    Window,
)
from signing import BadPayload, verify_payload
from tests.licensing import ITEM, add_staff, issue_sample_license, sample_case, user
from tests.pki import serve_test_pki


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hall]:
    hall = Hall.open(Settings(data_dir=tmp_path_factory.mktemp("hall")))
    with session_scope(hall.sessions) as s:
        create_user(s, username="lc-clerk", display_name="c", role=Role.CLERK, window_code="W01")
        create_user(
            s, username="lc-rev", display_name="r", role=Role.REVIEWER, department_code="scjgj"
        )
        create_user(
            s, username="lc-wjw", display_name="h", role=Role.REVIEWER, department_code="wjw"
        )
    yield hall
    hall.close()


def _case(s: Session, seed: int) -> Case:
    return sample_case(s, seed, clerk="lc-clerk")


def _pdf(hall: Hall, s: Session, license_: License) -> bytes:
    return hall.store.get(s.get_one(StoredObject, license_.object_id).key)


def _issue(hall: Hall, seed: int) -> tuple[str, bytes]:
    return issue_sample_license(hall, seed, clerk="lc-clerk", reviewer="lc-rev")


def test_fresh_license_is_valid_with_registry_facts(hall: Hall) -> None:
    number, pdf = _issue(hall, 11)
    with session_scope(hall.sessions) as s:
        outcome = verify_document(s, hall, pdf)
        license_ = s.scalars(select(License).where(License.number == number)).one()
        metadata = [o for o in s.scalars(select(StoredObject)) if o.doc_class == "license_metadata"]
        events = [e.action for e in s.scalars(select(AuditEvent))]
    assert outcome.verdict is Verdict.VALID, outcome.reasons
    d = outcome.to_dict()
    assert d["indication"] == "TOTAL-PASSED" and d["sub_indication"] is None
    assert d["license"]["number"] == number and d["license"]["number_check_ok"]
    assert d["license"]["status"] == "valid"
    assert d["seals"][0]["code"] == "dept-scjgj" and d["seals"][0]["status"] == "active"
    sig = d["signatures"]["signatures"][0]
    assert sig["type"] == "certification" and sig["pades_level"] == "B-B"
    assert len(d["file_sha256"]) == 64
    assert valid_license_number(number) and license_.version == 1
    meta = json.loads(hall.store.get(metadata[-1].key))
    assert meta["number"] == number and meta["pdf_sha256"] == license_.pdf_sha256
    # the QR payload is signed with the seal and checks offline against its certificate
    with session_scope(hall.sessions) as s:
        seal = seal_for(s, department_id=license_.department_id)
        cert = signer_for(hall.pki, seal).certificate
    payload = verify_payload(meta["qr_payload"], cert)
    assert payload["n"] == number and payload["s"] == seal.cert_sha256[:16]
    forged = meta["qr_payload"].replace(
        meta["qr_payload"][5], "A" if meta["qr_payload"][5] != "A" else "B", 1
    )
    with pytest.raises(BadPayload):
        verify_payload(forged, cert)
    assert "seal.use" in events and "license.issue" in events


def test_change_supersedes_and_revoke_invalidates(hall: Hall) -> None:
    number, old_pdf = _issue(hall, 12)
    with session_scope(hall.sessions) as s:
        old = s.scalars(select(License).where(License.number == number)).one()
        new = change_license(
            s, hall, old, actor=user(s, "lc-rev"), reason="经营者变更名称", holder="新名称"
        )
        new_number, new_pdf = new.number, _pdf(hall, s, new)
        assert old.status == LicenseStatus.SUPERSEDED and new.version == 2
    assert new_number.split("-")[:3] == number.split("-")[:3] and "-V2" in new_number
    with session_scope(hall.sessions) as s:
        stale = verify_document(s, hall, old_pdf)
        current = verify_document(s, hall, new_pdf)
    assert stale.verdict is Verdict.INVALID and stale.sub_indication == "REVOKED"
    assert stale.license is not None and stale.license["superseded_by"] == new_number
    assert current.verdict is Verdict.VALID
    with session_scope(hall.sessions) as s:
        new = s.scalars(select(License).where(License.number == new_number)).one()
        with pytest.raises(Exception, match="本部门"):
            revoke_license(s, new, actor=user(s, "lc-wjw"), reason="x")
        revoke_license(s, new, actor=user(s, "lc-rev"), reason="申请人申请注销")
    with session_scope(hall.sessions) as s:
        cancelled = verify_document(s, hall, new_pdf)
    assert cancelled.verdict is Verdict.INVALID
    assert cancelled.license is not None and cancelled.license["status"] == "cancelled"
    assert "注销" in cancelled.advice_zh or "撤销" in cancelled.advice_zh


def test_sealing_needs_a_valid_delegation(hall: Hall) -> None:
    with session_scope(hall.sessions) as s:
        dept = s.scalars(select(Department).where(Department.code == "scjgj")).one()
        dev = s.scalars(
            select(Delegation).where(
                Delegation.kind == DelegationKind.SEAL_USE,
                Delegation.department_id == dept.id,
                Delegation.window_id.is_(None),  # not the windows' (immediate items)
            )
        ).one()
        revoke_delegation(s, dev, actor="admin", reason="首席代表调岗")
    with pytest.raises(SealUseRefused, match="revoked"):
        _issue(hall, 13)
    with session_scope(hall.sessions) as s:
        dept = s.scalars(select(Department).where(Department.code == "scjgj")).one()
        today = date.today()
        grant_seal_use(
            s,
            department=dept,
            user=user(s, "lc-rev"),
            valid_from=today - timedelta(days=30),
            valid_to=today - timedelta(days=1),
            actor="admin",
        )
    with pytest.raises(SealUseRefused, match="expired"):
        _issue(hall, 13)
    with session_scope(hall.sessions) as s:
        dept = s.scalars(select(Department).where(Department.code == "scjgj")).one()
        grant_seal_use(
            s,
            department=dept,
            user=user(s, "lc-rev"),
            valid_from=today,
            valid_to=today + timedelta(days=30),
            actor="admin",
        )
        case = _case(s, 14)
        with pytest.raises(SealUseRefused, match=r"no delegation|not an active"):
            issue_license(s, hall, case, actor=user(s, "lc-clerk"))
    number, _ = _issue(hall, 15)  # the personal delegation works
    assert number
    with session_scope(hall.sessions) as s:
        window = s.scalars(select(Window).where(Window.code == "W01")).one()
        dept = s.scalars(select(Department).where(Department.code == "scjgj")).one()
        assert may_accept(
            s, window_id=window.id, department_id=dept.id, item_code=ITEM, today=today
        )


def test_revoked_seal_in_registry_fails_and_cannot_seal(hall: Hall) -> None:
    _, pdf = _issue(hall, 16)
    with session_scope(hall.sessions) as s:
        dept = s.scalars(select(Department).where(Department.code == "wjw")).one()
        seal = seal_for(s, department_id=dept.id)
        revoke_seal(s, seal, actor="admin", reason="密钥泄露")
    with session_scope(hall.sessions) as s:
        dept = s.scalars(select(Department).where(Department.code == "scjgj")).one()
        seal = seal_for(s, department_id=dept.id)
        revoke_seal(s, seal, actor="admin", reason="密钥泄露")
    with session_scope(hall.sessions) as s:
        outcome = verify_document(s, hall, pdf)
    assert outcome.verdict is Verdict.INVALID and outcome.sub_indication == "REVOKED"
    assert outcome.seals[0]["status"] == "revoked"
    with pytest.raises(Exception, match=r"没有可用|no active seal"):
        _issue(hall, 17)


def test_unregistered_seal_is_indeterminate(hall: Hall, tmp_path: Path) -> None:
    """A seal certificate from our own CA that the registry does not know."""
    from cases.printing.documents import RenderedDocument
    from signing import SealSigner, issue_seal_certificate, sign_pdf

    certified = issue_seal_certificate(
        hall.pki.issuing(),
        hall.pki.passphrase,
        common_name="未登记印章",
        organisation="某单位",
        credit_code="11152502MB1234567X",
    )
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "x.pdf"
    canvas = Canvas(str(path))
    canvas.drawString(100, 700, "x")
    canvas.save()
    doc = RenderedDocument(pdf=path.read_bytes(), seal_page=0, seal_box=(100, 100, 200, 200))
    pdf = sign_pdf(
        doc.pdf,
        SealSigner.from_pem(certified, hall.pki.passphrase),
        field_name="S",
        page=0,
        box=doc.seal_box,
        appearance_pdf=None,
    )
    with session_scope(hall.sessions) as s:
        outcome = verify_document(s, hall, pdf)
    assert outcome.verdict is Verdict.INDETERMINATE and outcome.sub_indication == "SEAL_UNKNOWN"


def test_independent_validators_agree_on_a_fresh_license(hall: Hall, tmp_path: Path) -> None:
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    with session_scope(hall.sessions) as s:  # the earlier test revoked the seals
        for old in s.scalars(select(Seal).where(Seal.code.like("dept-%"))):
            old.code = f"old-{old.id}-{old.code}"
        s.flush()
        ensure_seals(s, hall.pki, hall.catalog.org)
    _, pdf = _issue(hall, 31)
    path = tmp_path / "license.pdf"
    path.write_bytes(pdf)
    pdfsig = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False)
    assert "Signature is Valid" in pdfsig.stdout, pdfsig.stdout
    qpdf = subprocess.run(
        ["qpdf", "--check", str(path)], capture_output=True, text=True, check=False
    )
    assert qpdf.returncode == 0, qpdf.stdout + qpdf.stderr
    root = load_cert_from_pemder(str(hall.pki.directory / "root-ca.pem"))
    sig = PdfFileReader(io.BytesIO(pdf)).embedded_signatures[0]
    status = validate_pdf_signature(sig, ValidationContext(trust_roots=[root]))
    assert status.intact and status.valid and status.trusted and status.bottom_line


@pytest.fixture(scope="module")
def lta_hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hall]:
    """A hall issuing B-LTA licenses with the certomancer TSA (trusted as an extra anchor)."""
    root = tmp_path_factory.mktemp("lta")
    for test_pki in serve_test_pki(root / "certomancer"):
        anchor = root / "tsa-root.pem"
        anchor.write_bytes(test_pki.root_pem)
        settings = Settings(
            data_dir=root / "hall",
            license_pades_level="B-LTA",
            tsa_url=test_pki.tsa_url(),
            extra_trust_anchors=[anchor],
        )
        hall = Hall.open(settings)
        add_staff(hall, clerk="lc-clerk", reviewer="lc-rev")
        yield hall
        hall.close()


def test_lta_license_validates_offline_from_embedded_data(lta_hall: Hall) -> None:
    _, pdf = _issue(lta_hall, 41)
    with session_scope(lta_hall.sessions) as s:
        outcome = verify_document(s, lta_hall, pdf)  # offline: verify_online is False
    assert outcome.verdict is Verdict.VALID, outcome.reasons
    sigs = outcome.to_dict()["signatures"]["signatures"]
    assert [(x["type"], x["pades_level"]) for x in sigs] == [
        ("certification", "B-LTA"),
        ("document_timestamp", "DOC-TS"),
    ]
    assert all(x["proven_signing_time"] for x in sigs)
    assert sigs[1]["revocation"] == "good"  # the TSA's CRL came from the DSS, not the network


def test_pades_level_settings_are_checked_at_start() -> None:
    from cases.errors import ConfigurationError

    with pytest.raises(ConfigurationError, match="TSA"):
        Settings(license_pades_level="B-LTA")
    with pytest.raises(ConfigurationError, match="B-B"):
        Settings(license_pades_level="B-X", tsa_url="http://127.0.0.1:1/tsa")
