"""The `onewindow` command as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from api.cli import main


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *args],
        capture_output=True,
        text=True,
        check=False,
        env={"ONEWINDOW_DATA_DIR": str(data_dir), "PATH": "/usr/bin:/bin"},
    )


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("demo-data")
    done = run("demo", data_dir=data)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "valid (有效)" in done.stdout
    return data


@pytest.mark.ocr  # the demo reads its scans with the real engine
def test_demo_writes_the_three_documents(demo_dir: Path) -> None:
    for name in ("correction-notice.pdf", "acceptance-notice.pdf", "license.pdf"):
        assert (demo_dir / "demo" / name).read_bytes().startswith(b"%PDF")
    ofd = demo_dir / "demo" / "license.ofd"
    assert ofd.read_bytes().startswith(b"PK")  # the OFD package beside the PDF
    ok = run("verify", str(ofd), "--json", data_dir=demo_dir)
    assert ok.returncode == 0 and json.loads(ok.stdout)["verdict"] == "valid", ok.stdout


@pytest.mark.ocr  # the demo reads its scans with the real engine
def test_verify_exit_codes(demo_dir: Path, tmp_path: Path) -> None:
    license_pdf = demo_dir / "demo" / "license.pdf"
    ok = run("verify", str(license_pdf), "--json", data_dir=demo_dir)
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["verdict"] == "valid"

    data = bytearray(license_pdf.read_bytes())
    at = len(data) // 4  # inside the first signed byte range
    data[at] ^= 0x01
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    bad = run("verify", str(tampered), data_dir=demo_dir)
    assert bad.returncode == 1
    assert "invalid" in bad.stdout and "无效" in bad.stdout

    other_pki = run("verify", str(license_pdf), data_dir=tmp_path / "elsewhere")
    assert other_pki.returncode == 2, "a seal from an unknown PKI is indeterminate"

    missing = run("verify", str(tmp_path / "nope.pdf"), data_dir=demo_dir)
    assert missing.returncode == 65 and "不存在" in missing.stderr


def test_catalog_list_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The published catalog, from the hall's database (a new one imports the directory)."""
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path))
    assert main(["catalog", "list", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    gt = next(i for i in items if i["code"] == "SCJG-GT-001")
    assert {"code": "id_card", "required": True}.items() <= gt["materials"][1].items()


def test_samples_with_omit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["samples", "--item", "SCJG-GT-001", "--out", str(tmp_path), "--omit", "id_card"]) == 0
    )
    names = sorted(p.name for p in tmp_path.iterdir())
    assert len(names) == 2 and not any("id_card" in n for n in names)
    assert (
        main(["samples", "--item", "SCJG-GT-001", "--out", str(tmp_path), "--omit", "nonsense"])
        == 65
    )
    assert main(["samples", "--item", "NOPE-1", "--out", str(tmp_path)]) == 65


def test_users_create_with_a_web_password(tmp_path: Path) -> None:
    def users(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "api.cli", "users", *args],
            input=stdin,
            capture_output=True,
            text=True,
            check=False,
            env={"ONEWINDOW_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
        )

    short = users(
        "create", "zoe", "--role", "clerk", "--window", "W01", "--password-stdin", stdin="short\n"
    )
    assert short.returncode == 65 and "8" in short.stderr
    ok = users(
        "create",
        "zoe",
        "--role",
        "clerk",
        "--window",
        "W01",
        "--password-stdin",
        stdin="zoe-long-password\n",
    )
    assert ok.returncode == 0 and len(ok.stdout.strip()) > 30  # the API token
    assert users("password", "zoe", stdin="another-password\n").returncode == 0
    assert users("password", "nobody", stdin="another-password\n").returncode == 65

    from cases.accounts import login
    from cases.db import make_engine, make_sessionmaker, session_scope

    engine = make_engine(f"sqlite:///{tmp_path / 'onewindow.db'}")
    with session_scope(make_sessionmaker(engine)) as session:
        assert login(session, "zoe", "another-password").username == "zoe"
    engine.dispose()
