"""The `onewindow` command as a user runs it."""

from __future__ import annotations

import io
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


def run_here(
    *args: str, data_dir: Path, capsys: pytest.CaptureFixture[str], stdin: str = ""
) -> tuple[int, str, str]:
    """The same command in this process: each test runs `onewindow` once as its own
    process (`run`), and its other calls here, without the 3-4 s of imports a process
    costs. Exit code, stdout, stderr."""
    capsys.readouterr()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ONEWINDOW_DATA_DIR", str(data_dir))
        patch.setattr(sys, "stdin", io.StringIO(stdin))
        code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("demo-data")
    done = run("demo", data_dir=data)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "valid (有效)" in done.stdout
    return data


@pytest.mark.ocr  # the demo reads its scans with the real engine
def test_demo_writes_the_three_documents(
    demo_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("correction-notice.pdf", "acceptance-notice.pdf", "license.pdf"):
        assert (demo_dir / "demo" / name).read_bytes().startswith(b"%PDF")
    ofd = demo_dir / "demo" / "license.ofd"
    assert ofd.read_bytes().startswith(b"PK")  # the OFD package beside the PDF
    code, out, _ = run_here("verify", str(ofd), "--json", data_dir=demo_dir, capsys=capsys)
    assert code == 0 and json.loads(out)["verdict"] == "valid", out


@pytest.mark.ocr  # the demo reads its scans with the real engine
def test_verify_exit_codes(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    license_pdf = demo_dir / "demo" / "license.pdf"
    code, out, err = run_here(
        "verify", str(license_pdf), "--json", data_dir=demo_dir, capsys=capsys
    )
    assert code == 0, err
    assert json.loads(out)["verdict"] == "valid"

    data = bytearray(license_pdf.read_bytes())
    at = len(data) // 4  # inside the first signed byte range
    data[at] ^= 0x01
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    bad = run("verify", str(tampered), data_dir=demo_dir)  # the exit code a shell sees
    assert bad.returncode == 1
    assert "invalid" in bad.stdout and "无效" in bad.stdout

    elsewhere = tmp_path / "elsewhere"
    code, _, _ = run_here("verify", str(license_pdf), data_dir=elsewhere, capsys=capsys)
    assert code == 2, "a seal from an unknown PKI is indeterminate"

    code, _, err = run_here("verify", str(tmp_path / "nope.pdf"), data_dir=demo_dir, capsys=capsys)
    assert code == 65 and "不存在" in err


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


def test_users_create_with_a_web_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    create = ("users", "create", "zoe", "--role", "clerk", "--window", "W01", "--password-stdin")
    short = subprocess.run(  # once as its own process, the password piped in as a shell would
        [sys.executable, "-m", "api.cli", *create],
        input="short\n",
        capture_output=True,
        text=True,
        check=False,
        env={"ONEWINDOW_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert short.returncode == 65 and "8" in short.stderr

    def users(*args: str, stdin: str) -> tuple[int, str, str]:
        return run_here(*args, data_dir=tmp_path, capsys=capsys, stdin=stdin)

    code, out, _ = users(*create, stdin="zoe-long-password\n")
    assert code == 0 and len(out.strip()) > 30  # the API token
    assert users("users", "password", "zoe", stdin="another-password\n")[0] == 0
    assert users("users", "password", "nobody", stdin="another-password\n")[0] == 65

    from cases.accounts import login
    from cases.db import make_engine, make_sessionmaker, session_scope

    engine = make_engine(f"sqlite:///{tmp_path / 'onewindow.db'}")
    with session_scope(make_sessionmaker(engine)) as session:
        assert login(session, "zoe", "another-password").username == "zoe"
    engine.dispose()
