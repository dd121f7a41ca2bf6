"""GB/T 36903 core metadata: the registry row, the sealed PDF's XMP and the archived JSON
say the same, and the XMP written before the seal leaves the signature valid (pdfsig,
qpdf and our own verification)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from cases.accounts import create_user
from cases.config import Settings
from cases.db import session_scope
from cases.hall import Hall
from cases.results.core_metadata import XMP_NAMES, core_metadata, read_xmp, xmp_packet
from cases.results.licenses import find_license
from cases.verification.status import Verdict, verify_document
from models import Department, Role, StoredObject
from signing.xmp import with_xmp, xmp_of
from tests.licensing import issue_sample_license

ELEMENTS = set(XMP_NAMES)


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hall]:
    hall = Hall.open(Settings(data_dir=tmp_path_factory.mktemp("hall")))
    with session_scope(hall.sessions) as s:
        create_user(s, username="md-c", display_name="c", role=Role.CLERK, window_code="W01")
        create_user(
            s, username="md-r", display_name="r", role=Role.REVIEWER, department_code="scjgj"
        )
    yield hall
    hall.close()


def test_registry_xmp_and_archive_agree_and_the_seal_still_validates(
    hall: Hall, tmp_path: Path
) -> None:
    number, pdf = issue_sample_license(hall, 41, clerk="md-c", reviewer="md-r")
    with session_scope(hall.sessions) as s:
        license_ = find_license(s, number)
        record = dict(license_.core_metadata or {})
        department = s.get_one(Department, license_.department_id)
        archived = [o for o in s.scalars(select(StoredObject)) if o.doc_class == "license_metadata"]
        outcome = verify_document(s, hall, pdf)
        identifier, holder, holder_id = license_.identifier, license_.holder, license_.holder_id
        seal_sha = license_.seal_id
    assert set(record) == ELEMENTS
    assert record["证照编号"] == number and record["证照标识"] == identifier
    assert record["证照类型代码"] == (identifier or "").split(".")[5]
    assert len(record["证照类型代码"]) == 21
    assert record["颁发机构"] == department.name
    assert record["颁发机构代码"] == department.credit_code
    assert record["持证主体"] == holder and record["持证主体代码"] == holder_id
    assert record["持证主体代码类型"] == "111"  # a person: 公民身份号码
    assert record["颁发日期"] == record["有效期起始"] == date.today().isoformat()
    assert record["有效期截止"] == "长期"  # 个体工商户登记证明 has no end
    assert record["签章信息"]["印章编码"] == "dept-scjgj" and seal_sha
    # the XMP inside the sealed file says the same
    xmp = xmp_of(pdf)
    assert xmp is not None
    in_pdf = read_xmp(xmp)
    assert {k: v for k, v in in_pdf.items() if k != "签章信息"} == {
        k: v for k, v in record.items() if k != "签章信息"
    }
    assert "印章编码=dept-scjgj" in in_pdf["签章信息"]
    # and the archived metadata JSON
    meta = json.loads(hall.store.get(archived[-1].key))
    assert meta["gbt_36903"] == record
    # the seal covers the XMP and still validates for poppler, qpdf and our verifier
    path = tmp_path / "license.pdf"
    path.write_bytes(pdf)
    pdfsig = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False)
    assert "Signature is Valid" in pdfsig.stdout, pdfsig.stdout
    qpdf = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert qpdf.returncode == 0, qpdf.stdout + qpdf.stderr
    assert outcome.verdict is Verdict.VALID, outcome.reasons


def test_a_changed_xmp_after_the_seal_is_not_valid(hall: Hall) -> None:
    number, pdf = issue_sample_license(hall, 42, clerk="md-c", reviewer="md-r")
    xmp = xmp_of(pdf)
    assert xmp is not None
    forged = with_xmp(pdf, xmp.replace("长期".encode(), b"2099-01-01"))
    with session_scope(hall.sessions) as s:
        outcome = verify_document(s, hall, forged)
    assert outcome.verdict is not Verdict.VALID, (number, outcome.reasons)


def test_holder_code_type_and_dated_validity() -> None:
    record = core_metadata(
        title="食品经营许可证",
        type_code="11152500011609534E002",
        number="SPJY-11152500011609534E-2026000001-V1X",
        identifier="1.2.156.3005.2.11152500011609534E002.11152500011609534E.20260000001.001.X",
        issuer="锡林浩特市市场监督管理局",
        issuer_code="11152500011609534E",
        issued_on=date(2026, 3, 1),
        holder="锡林浩特市草原鲜奶店",
        holder_code="92152502MA0ABCDE1X",
        holder_type="enterprise",
        valid_until=date(2031, 2, 28),
        seal={"印章编码": "dept-scjgj"},
    )
    assert record["持证主体代码类型"] == "001"  # 统一社会信用代码
    assert (record["有效期起始"], record["有效期截止"]) == ("2026-03-01", "2031-02-28")
    parsed = read_xmp(xmp_packet(record))
    assert (
        parsed["持证主体"] == "锡林浩特市草原鲜奶店" and parsed["签章信息"] == "印章编码=dept-scjgj"
    )
