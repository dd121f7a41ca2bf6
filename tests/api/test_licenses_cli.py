"""`onewindow licenses`, `onewindow seals` and `onewindow verify` report options, run
in-process on a hall in a temporary data folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from api.cli import main
from cases import intake
from cases.accounts import create_user
from cases.config import Settings
from cases.db import session_scope
from cases.hall import Hall
from cases.licenses import issue_license
from cases.samples import sample_applicant
from models import Role, StoredObject


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path))
    hall = Hall.open(Settings(data_dir=tmp_path))
    with session_scope(hall.sessions) as s:
        clerk, _ = create_user(
            s, username="c", display_name="c", role=Role.CLERK, window_code="W01"
        )
        reviewer, _ = create_user(
            s, username="r", display_name="r", role=Role.REVIEWER, department_code="scjgj"
        )
        applicant = sample_applicant(seed=51)
        case = intake.create_case(
            s,
            item_code="SCJG-GT-001",
            applicant_type="person",
            applicant_name=applicant.name,
            applicant_id=applicant.id_number,
            actor=clerk,
        )
        license_ = issue_license(s, hall, case, actor=reviewer)
        (tmp_path / "license.pdf").write_bytes(
            hall.store.get(s.get_one(StoredObject, license_.object_id).key)
        )
        number = license_.number
    hall.close()
    return tmp_path, number


def test_verify_reports_then_revoke_makes_it_fail(
    data_dir: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, number = data_dir
    pdf = str(folder / "license.pdf")
    html, report = folder / "r.html", folder / "r.pdf"
    assert main(["verify", pdf, "--html", str(html), "--report-pdf", str(report)]) == 0
    assert "有效" in html.read_text(encoding="utf-8")
    assert report.read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    assert main(["licenses", "show", number]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "valid"
    assert main(["licenses", "revoke", number, "--reason", "申请人注销", "--as", "r"]) == 0
    capsys.readouterr()
    assert main(["verify", pdf, "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["indication"] == "TOTAL-FAILED" and out["license"]["status"] == "cancelled"


def test_seal_registry_and_delegations(
    data_dir: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = data_dir
    assert main(["seals", "list"]) == 0
    listing = capsys.readouterr().out
    assert "dept-scjgj\tactive" in listing and "service-verify\tactive" in listing
    assert (
        main(["seals", "grant", "--department", "scjgj", "--user", "r", "--to", "2099-01-01"]) == 0
    )
    assert main(["seals", "delegations"]) == 0
    assert "user:" in capsys.readouterr().out
    assert main(["seals", "revoke", "dept-scjgj", "--reason", "密钥泄露"]) == 0
    assert main(["verify", str(folder / "license.pdf")]) == 1
