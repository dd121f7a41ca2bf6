"""The public verification page (from the QR code), the report formats and rate limiting.

Issue 14, finding 2: the page must not hand out holders' names to someone enumerating
license numbers (only with the QR's signed payload), and its limit must hold across
processes and against a forged X-Forwarded-For."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.app import create_app
from cases.config import Settings
from cases.db import session_scope
from cases.hall import Hall
from cases.results.licenses import revoke_license
from models import License, StoredObject, User
from tests.api.conftest import fresh_postgres_database
from tests.licensing import add_staff, issue_sample_license
from tests.servers import free_port
from tests.waiting import wait_until


@pytest.fixture(scope="module")
def issued(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Hall, str, bytes, str]]:
    hall = Hall.open(
        Settings(data_dir=tmp_path_factory.mktemp("verify"), public_verify_per_minute=1000)
    )
    add_staff(hall)
    number, pdf = issue_sample_license(hall, 21)
    metadata = [o for o in _objects(hall) if o.doc_class == "license_metadata"][-1]
    token = re.search(rb'"qr_payload": "([^"]+)"', hall.store.get(metadata.key))
    assert token is not None
    yield hall, number, pdf, token.group(1).decode()
    hall.close()


def _objects(hall: Hall) -> list[StoredObject]:
    with session_scope(hall.sessions) as s:
        rows = list(s.scalars(select(StoredObject)))
        s.expunge_all()
    return rows


@pytest.fixture
def client(issued: tuple[Hall, str, bytes, str]) -> Iterator[TestClient]:
    with TestClient(create_app(hall=issued[0], worker=False)) as c:
        yield c


def test_qr_url_page_shows_license_and_checks_payload(
    client: TestClient, issued: tuple[Hall, str, bytes, str]
) -> None:
    _, number, _, token = issued
    page = client.get("/verify", params={"license": number, "p": token})
    assert page.status_code == 200
    assert "<strong>有效</strong>" in page.text and number in page.text
    assert "二维码签名正确" in page.text
    assert "<form" in page.text
    forged = client.get("/verify", params={"license": number, "p": token[:-3] + "AAA"})
    assert "二维码校验失败" in forged.text and "<strong>无效</strong>" in forged.text
    wrong = client.get(
        "/verify", params={"license": number[:-1] + ("0" if number[-1] != "0" else "1")}
    )
    assert "编号校验位错误" in wrong.text
    assert client.get("/verify").status_code == 200


def test_the_qr_url_names_the_gbt_identifier_and_old_numbers_still_resolve(
    client: TestClient, issued: tuple[Hall, str, bytes, str]
) -> None:
    hall, number, _, token = issued
    with session_scope(hall.sessions) as s:
        identifier = s.scalars(select(License.identifier).where(License.number == number)).one()
    assert identifier is not None and identifier.startswith("1.2.156.3005.2.")
    by_identifier = client.get("/verify", params={"license": identifier, "p": token})
    assert "二维码签名正确" in by_identifier.text and "<strong>有效</strong>" in by_identifier.text
    assert f"证照标识 {identifier}" in by_identifier.text and number in by_identifier.text
    by_number = client.get("/verify", params={"license": number, "p": token})
    assert "二维码签名正确" in by_number.text and identifier in by_number.text
    typo = identifier[:-1] + ("0" if identifier[-1] != "0" else "1")
    assert "编号校验位错误" in client.get("/verify", params={"license": typo}).text


def _holder(hall: Hall, number: str) -> str:
    with session_scope(hall.sessions) as s:
        return s.scalars(select(License.holder).where(License.number == number)).one()


def test_without_the_qr_payload_the_holder_is_masked(
    client: TestClient, issued: tuple[Hall, str, bytes, str]
) -> None:
    hall, number, _, token = issued
    holder = _holder(hall, number)
    assert len(holder) >= 2
    bare = client.get("/verify", params={"license": number})
    assert bare.status_code == 200 and number in bare.text
    assert holder not in bare.text
    assert f"{holder[0]}*" in bare.text  # masked: the first character, then stars
    assert "扫描证照上的二维码" in bare.text  # says how to see the whole entry
    forged = client.get("/verify", params={"license": number, "p": token[:-3] + "AAA"})
    assert holder not in forged.text
    signed = client.get("/verify", params={"license": number, "p": token})
    assert holder in signed.text and "二维码签名正确" in signed.text


def test_upload_and_report_formats(
    client: TestClient, issued: tuple[Hall, str, bytes, str], tmp_path: Path
) -> None:
    _, number, pdf, _ = issued
    files = {"file": ("l.pdf", pdf, "application/pdf")}
    html_page = client.post("/verify", files=files)
    assert html_page.status_code == 200 and "有效" in html_page.text and number in html_page.text
    as_json = client.post("/api/v1/verify", files=files).json()
    assert as_json["indication"] == "TOTAL-PASSED" and as_json["license"]["number"] == number
    report = client.post("/api/v1/verify", params={"format": "pdf"}, files=files)
    assert report.headers["content-type"] == "application/pdf"
    # the report is itself sealed by the verification service and verifies
    again = client.post("/api/v1/verify", files={"file": ("r.pdf", report.content)}).json()
    assert again["verdict"] == "valid", again["reasons"]
    assert again["seals"][0]["code"] == "service-verify"


def test_revoked_license_page_says_invalid(
    client: TestClient, issued: tuple[Hall, str, bytes, str]
) -> None:
    hall, number, pdf, _ = issued
    with session_scope(hall.sessions) as s:
        license_ = s.scalars(select(License).where(License.number == number)).one()
        reviewer = s.scalars(select(User).where(User.username == "r")).one()
        revoke_license(s, license_, actor=reviewer, reason="申请人申请注销")
    page = client.get("/verify", params={"license": number})
    assert "无效" in page.text and "已注销" in page.text
    report = client.post("/api/v1/verify", files={"file": ("l.pdf", pdf)}).json()
    assert report["verdict"] == "invalid" and report["sub_indication"] == "REVOKED"


def test_public_page_is_rate_limited(tmp_path: Path) -> None:
    hall = Hall.open(Settings(data_dir=tmp_path, public_verify_per_minute=3))
    with TestClient(create_app(hall=hall, worker=False)) as c:
        codes = [c.get("/verify").status_code for _ in range(5)]
        limited = c.post("/api/v1/verify", files={"file": ("l.pdf", b"%PDF-1.7")})
    hall.close()
    assert codes[:3] == [200, 200, 200] and codes[3:] == [429, 429]
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) > 0
    assert limited.json()["error"]["code"] == "rate_limited"


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def test_the_limit_is_one_count_for_every_worker_and_machine(
    tmp_path: Path, backend: str, request: pytest.FixtureRequest
) -> None:
    """Two applications on one database, like `uvicorn --workers 2` or two machines
    behind a load balancer: a client that alternates between them gets one budget."""
    url = None
    if backend == "postgres":
        url = fresh_postgres_database(request.getfixturevalue("postgres_url"))
    halls = [
        Hall.open(
            Settings(
                data_dir=tmp_path / n,
                database_url=url or _sqlite(tmp_path),
                public_verify_per_minute=3,
            )
        )
        for n in ("a", "b")
    ]
    try:
        with (
            TestClient(create_app(hall=halls[0], worker=False)) as a,
            TestClient(create_app(hall=halls[1], worker=False)) as b,
        ):
            codes = [c.get("/verify").status_code for c in (a, b, a, b, a)]
    finally:
        for hall in halls:
            hall.close()
    assert codes == [200, 200, 200, 429, 429]


def _sqlite(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'shared.db'}"


def test_forwarded_for_counts_only_from_a_trusted_proxy(tmp_path: Path) -> None:
    hall = Hall.open(
        Settings(data_dir=tmp_path, public_verify_per_minute=2, trusted_proxies=["10.0.0.0/8"])
    )
    app = create_app(hall=hall, worker=False)
    try:
        with (
            TestClient(app, client=("198.51.100.9", 50000)) as direct,
            TestClient(app, client=("10.1.2.3", 50000)) as proxy,
        ):
            _check_forwarded_for(direct, proxy)
    finally:
        hall.close()


def _check_forwarded_for(direct: TestClient, proxy: TestClient) -> None:
    """`direct` talks to the app itself; `proxy` is the trusted reverse proxy."""
    spoofed = [
        direct.get("/verify", headers={"X-Forwarded-For": f"203.0.113.{i}"}).status_code
        for i in range(3)
    ]
    assert spoofed == [200, 200, 429]  # a direct client cannot choose its address
    # the proxy appends the address it saw; what the client wrote before it is its own
    chained = [
        proxy.get("/verify", headers={"X-Forwarded-For": f"1.1.1.{i}, 192.0.2.7"}).status_code
        for i in range(3)
    ]
    assert chained == [200, 200, 429]
    # another client behind the proxy has its own budget, also through a second proxy
    assert proxy.get("/verify", headers={"X-Forwarded-For": "192.0.2.8"}).status_code == 200
    two_hops = {"X-Forwarded-For": "192.0.2.8, 10.0.0.5"}
    assert proxy.get("/verify", headers=two_hops).status_code == 200
    assert proxy.get("/verify", headers=two_hops).status_code == 429


def test_serve_does_not_believe_forwarded_for_from_loopback(tmp_path: Path) -> None:
    """`onewindow serve` as a hall runs it: uvicorn must not turn X-Forwarded-For from
    127.0.0.1 into the client address (it does by default), or every request can claim
    a new address and the per-client limit is gone."""
    port = free_port()
    env = {
        "ONEWINDOW_DATA_DIR": str(tmp_path),
        "ONEWINDOW_PUBLIC_VERIFY_PER_MINUTE": "2",
        "PATH": "/usr/bin:/bin",
    }
    log = (tmp_path / "serve.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "serve", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://127.0.0.1:{port}"

        def up() -> bool:
            assert server.poll() is None, (tmp_path / "serve.log").read_text()
            try:
                return httpx.get(f"{base}/health", timeout=2).status_code == 200
            except httpx.TransportError:
                return False

        wait_until(up, what="onewindow serve answers /health", timeout=60)
        codes = [
            httpx.get(
                f"{base}/verify", headers={"X-Forwarded-For": f"203.0.113.{i}"}, timeout=10
            ).status_code
            for i in range(4)
        ]
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    assert codes == [200, 200, 429, 429]
