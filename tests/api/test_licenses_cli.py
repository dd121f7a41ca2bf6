"""`onewindow licenses`, `onewindow seals` and `onewindow verify` report options, run
in-process on a hall in a temporary data folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from api.cli import main
from cases.config import Settings
from cases.hall import Hall
from tests.licensing import add_staff, issue_sample_license


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path))
    hall = Hall.open(Settings(data_dir=tmp_path))
    add_staff(hall)
    number, pdf = issue_sample_license(hall, 51)
    (tmp_path / "license.pdf").write_bytes(pdf)
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
