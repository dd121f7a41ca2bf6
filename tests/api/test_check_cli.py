"""`onewindow check` as a user runs it: files in, decision and deficiencies out, notice PDF."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cases.scenario_pages import SP, PageKey, render

pytestmark = pytest.mark.ocr


def test_check_prints_decision_deficiencies_and_writes_the_notice(tmp_path: Path) -> None:
    files = []
    for i, material in enumerate(("application_form", "unsealed"), start=1):
        path = tmp_path / f"{i:02d}-{material}.jpg"
        path.write_bytes(render(PageKey(SP, material)))
        files.append(str(path))
    out = tmp_path / "notice.pdf"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "api.cli",
            "check",
            "--item",
            "SCJG-SP-002",
            "--applicant-type",
            "enterprise",
            "--out",
            str(out),
            *files,
            "--json",
        ],
        capture_output=True,
        text=True,
        check=False,
        env={"ONEWINDOW_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["decision"] == "correction"
    assert [(d["material"], d["page"], d["kind"]) for d in report["deficiencies"]] == [
        ("营业执照复印件", 2, "no_seal"),
        ("法定代表人身份证复印件", None, "missing"),
        ("经营场所使用证明(房屋租赁合同)", None, "missing"),
        ("食品安全管理制度", None, "missing"),
    ]
    assert all(d["reason"] for d in report["deficiencies"])
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout.replace(" ", "")
    assert "申请材料补正通知书" in text and "未见印章" in text


def test_check_refuses_an_unknown_item(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "api.cli", "check", "--item", "XX-000", "x.jpg", "--json"],
        capture_output=True,
        text=True,
        check=False,
        env={"ONEWINDOW_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode != 0 and "XX-000" in done.stderr
