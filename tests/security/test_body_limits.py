"""Finding 11: a request body over its route's limit is refused with 413 in the error
envelope before anything reads it: from Content-Length at once, and while it streams in;
uploads may carry ONEWINDOW_MAX_UPLOAD_FILES pages of ONEWINDOW_MAX_UPLOAD_BYTES each."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.security.conftest import SecureHall, open_secure_hall, page_image
from tests.security.live import serving


def _raw_post(base: str, path: str, headers: dict[str, str], first_bytes: bytes) -> bytes:
    """Send the request line, headers and only the first bytes of the body, then read what
    the server answers within a few seconds (it must not wait for the rest)."""
    url = urlsplit(base)
    with socket.create_connection((url.hostname, url.port), timeout=5) as sock:
        head = f"POST {path} HTTP/1.1\r\nHost: {url.netloc}\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
        sock.sendall(head.encode() + first_bytes)
        answer = b""
        try:
            while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
                chunk = sock.recv(65536)
                if not chunk:
                    break
                answer += chunk
        except TimeoutError:
            pass
    return answer


def test_an_anonymous_100_mb_json_is_refused_before_it_is_read(secure: SecureHall) -> None:
    with serving(secure.app) as base:
        answer = _raw_post(
            base,
            "/api/v1/cases",
            {"Content-Type": "application/json", "Content-Length": str(100 * 2**20)},
            b'{"item_code": "' + b"x" * 60000,
        )
    status_line, _, rest = answer.partition(b"\r\n")
    assert status_line.startswith(b"HTTP/1.1 413"), answer[:200]
    body = json.loads(rest.partition(b"\r\n\r\n")[2])
    assert body["error"]["code"] == "request.too_large"
    assert "KB" in body["error"]["message_en"] and body["error"]["message_zh"]


def _chunks(total: int, size: int = 2**16) -> Iterator[bytes]:
    sent = 0
    while sent < total:
        yield b" " * size
        sent += size


def test_a_streamed_body_without_length_is_cut_off(secure: SecureHall) -> None:
    r = secure.client.post(
        "/api/v1/cases", content=_chunks(4 * 2**20), headers={"Content-Type": "application/json"}
    )
    assert r.status_code == 413, r.text
    assert r.json()["error"]["code"] == "request.too_large"
    # a browser form too (the login form is the one anyone can post)
    r = secure.new_client().post(
        "/login",
        content=_chunks(4 * 2**20),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert r.status_code == 413 and "text/html" in r.headers["content-type"]


@pytest.fixture
def small_uploads(tmp_path: Path) -> Iterator[SecureHall]:
    yield from open_secure_hall(tmp_path, max_upload_bytes=100_000, max_upload_files=2)


def test_uploads_are_limited_to_files_times_the_page_limit(small_uploads: SecureHall) -> None:
    hall = small_uploads
    path = f"/api/v1/cases/{hall.cases['a']}/pages"
    r = hall.client.post(
        path,
        files=[("files", ("p.jpg", b"\xff" * 99_000, "image/jpeg")) for _ in range(3)],
    )
    assert r.status_code == 413, "three pages of 99 KB are over 2 x 100 KB, even anonymously"
    # within the limit, the request goes on to the usual checks: no token, 401
    one = [("files", ("p.jpg", page_image(), "image/jpeg"))]
    assert hall.client.post(path, files=one).status_code == 401
    # and a clerk's upload within the limit is taken (the case is accepted: no new pages)
    r = hall.client.post(path, files=one, headers=hall.bearer("clerk"))
    assert r.status_code == 409, r.text
