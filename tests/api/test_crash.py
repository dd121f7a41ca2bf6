"""SIGKILL at each step between an archive write and its commit (fault points, not timed
kills), then a restart: every acknowledged page is there once, no number is given twice,
every orphan object is reported, and an orphan sealed PDF does not verify."""

from __future__ import annotations

import contextlib
import io
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from api.cli import main
from cases.accounts import create_user
from cases.config import Settings
from cases.db import session_scope
from cases.hall import Hall
from cases.records.reconcile import reconcile
from models import Case, Page, Role, Submission
from sample_scans.scans import SamplePage, sample_applicant
from tests.servers import free_port
from tests.waiting import wait_until

pytestmark = pytest.mark.ocr  # the server reads pages with the real engine

ONEWINDOW = [sys.executable, "-c", "import sys; from api.cli import main; sys.exit(main())"]


@dataclass
class Server:
    data_dir: Path
    tokens: dict[str, str]
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, fault: str = "") -> None:
        env = os.environ | {
            "ONEWINDOW_DATA_DIR": str(self.data_dir),
            "ONEWINDOW_FAULT_POINTS": fault,
            "ONEWINDOW_OCR_WORKERS": "1",
        }
        self.proc = subprocess.Popen(
            [*ONEWINDOW, "serve", "--port", str(self.port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(self._ready, what="the server's start", timeout=60, interval=0.2)

    def _ready(self) -> bool:
        assert self.proc is not None and self.proc.poll() is None, "the server exited at start-up"
        try:
            return httpx.get(self.url + "/api/v1/catalog", timeout=2).status_code == 200
        except httpx.TransportError:
            return False

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            self.proc.wait(30)
        self.proc = None

    def call(self, who: str, method: str, path: str, **kw: Any) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.tokens[who]}"}
        return httpx.request(method, self.url + path, headers=headers, timeout=120, **kw)

    def killed_by(self, who: str, method: str, path: str, **kw: Any) -> None:
        """The request reaches the armed fault point: no answer, and the server is gone."""
        with pytest.raises(httpx.TransportError):
            self.call(who, method, path, **kw)
        assert self.proc is not None
        assert self.proc.wait(30) == -signal.SIGKILL
        self.proc = None

    def open_case(self, seed: int) -> str:
        applicant = sample_applicant(seed)
        body = {
            "item_code": "SCJG-GT-001",
            "applicant_type": "person",
            "applicant_name": applicant.name,
            "applicant_id": applicant.id_number,
        }
        r = self.call("clerk", "POST", "/api/v1/cases", json=body)
        assert r.status_code == 201, r.text
        return str(r.json()["number"])

    def upload(self, number: str, *pages: SamplePage) -> httpx.Response:
        files = [("files", (p.filename, p.data, "image/jpeg")) for p in pages]
        return self.call("clerk", "POST", f"/api/v1/cases/{number}/pages", files=files)

    def wait_read(self, number: str) -> None:
        def read() -> bool:
            view = self.call("clerk", "GET", f"/api/v1/cases/{number}").json()
            return all(p["status"] not in ("queued", "reading") for p in view["pages"])

        wait_until(read, what="pages read", timeout=120, interval=0.3)

    def cli(self, *args: str) -> tuple[int, str]:
        """The `onewindow` command on the stopped-and-restarted hall's folder, run in this
        process (the kills are the server's; a CLI process of its own would add 3-4 s of
        imports per call and prove nothing more): exit code and what it printed."""
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("ONEWINDOW_DATA_DIR", str(self.data_dir))
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(list(args))
        return code, out.getvalue() + err.getvalue()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    hall = Hall.open(Settings(data_dir=tmp_path))
    tokens = {}
    with session_scope(hall.sessions) as s:
        _, tokens["clerk"] = create_user(
            s, username="clerk", display_name="clerk", role=Role.CLERK, window_code="W01"
        )
        _, tokens["reviewer"] = create_user(
            s, username="rev", display_name="rev", role=Role.REVIEWER, department_code="scjgj"
        )
    hall.close()
    running = Server(tmp_path, tokens)
    yield running
    if running.proc is not None:
        running.proc.kill()
        running.proc.wait()


def _pages_of(data_dir: Path, number: str) -> list[tuple[int, str]]:
    hall = Hall.open(Settings(data_dir=data_dir))
    with session_scope(hall.sessions) as s:
        rows = s.execute(
            select(Page.seq, Page.filename)
            .join(Submission)
            .join(Case)
            .where(Case.number == number)
            .order_by(Page.seq)
        ).all()
    hall.close()
    return [(seq, name) for seq, name in rows]


def _reconciled(data_dir: Path) -> dict[str, Any]:
    hall = Hall.open(Settings(data_dir=data_dir))
    with session_scope(hall.sessions) as s:
        report = reconcile(s, hall.store, grace=timedelta(0))
    hall.close()
    return report.to_dict()


def _orphan_pdf(server: Server, doc_class: str, out: Path) -> Path:
    [orphan] = [o for o in _reconciled(server.data_dir)["orphans"] if o["doc_class"] == doc_class]
    code, printed = server.cli("archive", "get", str(orphan["key"]), "--out", str(out))
    assert code == 0, printed
    return out


def test_kill_between_page_archive_and_commit(
    server: Server, sample_pages: dict[str, SamplePage]
) -> None:
    server.start(fault="page.archived@2")
    number = server.open_case(1)
    assert server.upload(number, sample_pages["application_form"]).status_code == 202
    server.killed_by(
        "clerk",
        "POST",
        f"/api/v1/cases/{number}/pages",
        files=[("files", ("id.jpg", sample_pages["id_card"].data, "image/jpeg"))],
    )

    assert _pages_of(server.data_dir, number) == [(1, sample_pages["application_form"].filename)]
    [orphan] = _reconciled(server.data_dir)["orphans"]
    assert orphan["doc_class"] == "page_image"

    server.start()
    assert server.upload(number, sample_pages["id_card"]).status_code == 202
    assert [seq for seq, _ in _pages_of(server.data_dir, number)] == [1, 2]
    assert _reconciled(server.data_dir)["clean"]  # the same bytes now have their row


def test_kill_between_notice_archive_and_commit(
    server: Server, sample_pages: dict[str, SamplePage], tmp_path: Path
) -> None:
    server.start(fault="notice.archived")
    number = server.open_case(2)
    assert server.upload(number, sample_pages["application_form"]).status_code == 202
    server.wait_read(number)
    server.killed_by("clerk", "POST", f"/api/v1/cases/{number}/decision", json={})

    server.start()
    r = server.call("clerk", "POST", f"/api/v1/cases/{number}/decision", json={})
    assert r.status_code == 201, r.text
    issued = r.json()["notice"]["number"]
    report = _reconciled(server.data_dir)
    [void] = report["void_numbers"]
    assert void != issued and void[:-8] == issued[:-8]
    pdf = _orphan_pdf(server, "notice", tmp_path / "orphan-notice.pdf")
    code, verdict = server.cli("verify", str(pdf))
    assert code != 0
    assert "未在本平台登记" in verdict


def test_kill_between_license_archive_and_commit(
    server: Server, sample_pages: dict[str, SamplePage], tmp_path: Path
) -> None:
    server.start(fault="license.archived")
    number = server.open_case(3)
    pages = [sample_pages[c] for c in ("application_form", "id_card", "premises_proof")]
    assert server.upload(number, *pages).status_code == 202
    server.wait_read(number)
    r = server.call("clerk", "POST", f"/api/v1/cases/{number}/decision", json={})
    assert r.status_code == 201 and r.json()["status"] == "accepted", r.text
    server.killed_by("reviewer", "POST", f"/api/v1/cases/{number}/approve", json={})

    server.start()
    r = server.call("reviewer", "POST", f"/api/v1/cases/{number}/approve", json={})
    assert r.status_code == 201, r.text
    issued = r.json()["license"]["number"]
    [void] = _reconciled(server.data_dir)["void_numbers"]
    assert void != issued
    pdf = _orphan_pdf(server, "license", tmp_path / "orphan-license.pdf")
    code, verdict = server.cli("verify", str(pdf))
    assert code != 0
    assert "NOT_REGISTERED" in verdict or "未在本平台登记" in verdict
    assert server.cli("archive", "reconcile", "--grace-minutes", "0")[0] == 1
