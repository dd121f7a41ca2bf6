"""`onewindow check` as a user runs it: files in, decision and deficiencies out, notice PDF."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import cases.hall
from api.cli import main
from cases.catalog.spec import SAMPLE_CATALOG_DIR
from ocr import Engine
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


def test_correction_notice_asks_for_the_copies_the_checklist_names(
    tmp_path: Path,
    reading_engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A hall whose checklist wants two copies of the legal representative's ID card: the
    notice asks for two (the copies used to be dropped on the way to the notice: "1份").

    The command runs in this process with the session's engine (the test above runs it as
    a process): a process of its own loaded the OCR models again for two pages (12-14 s)."""
    catalog = tmp_path / "catalog"
    shutil.copytree(SAMPLE_CATALOG_DIR, catalog)
    item = catalog / "items" / "spjy-xk.v2.yaml"
    yaml_text = item.read_text("utf-8")
    rep_id = "    name: 法定代表人身份证复印件\n    required: true\n    form: copy\n"
    assert rep_id in yaml_text
    item.write_text(yaml_text.replace(rep_id, rep_id + "    copies: 2\n"), "utf-8")
    files = []
    for i, material in enumerate(("application_form", "business_license"), start=1):
        path = tmp_path / f"{i:02d}-{material}.jpg"
        path.write_bytes(render(PageKey(SP, material)))
        files.append(str(path))
    out = tmp_path / "notice.pdf"
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ONEWINDOW_CATALOG_DIR", str(catalog))
    monkeypatch.setattr(cases.hall, "make_ocr_engine", lambda settings: reading_engine)
    capsys.readouterr()
    argv = ["check", "--item", "SCJG-SP-002", "--applicant-type", "enterprise"]
    assert main([*argv, "--no-commitment", "--out", str(out), *files, "--json"]) == 0
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "请携带复印件2份" in re.sub(r"\s+", "", text)
    report = json.loads(capsys.readouterr().out)
    assert report["decision"] == "correction"
    details = {line["material"]: line["detail"] for line in report["notice_lines"]}
    assert details["法定代表人身份证复印件(复印件)"].endswith("请携带复印件2份")
    assert details["食品安全管理制度(原件)"].endswith("请携带原件1份")
