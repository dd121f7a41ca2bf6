"""The reference receiver of docs/platform-exchange.md: what the 一体化在线政务服务平台 must
do with the hall's records, on 127.0.0.1, for tests and demos.

It keeps what it accepted (in this object, so it survives `stop()`/`start()` on the same
port: a receiver that was down for a while), refuses a record that is not the next of its
case (409, to be sent again later), answers a resend of a known idempotency key with its
first answer, and checks each record's digest and each file's sha256.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

MAX_BODY = 64 * 1024 * 1024


def canonical(payload: Any) -> bytes:
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


@dataclass
class Held:
    idempotency_key: str
    case_number: str
    seq: int
    digest: str
    result: str  # accepted | rejected
    reason: str
    receipt: str
    record: dict[str, Any]
    files: list[dict[str, Any]]  # name, media_type, sha256, data (bytes)


@dataclass
class ReferenceReceiver:
    token: str | None = None
    # a test's refusal rule: a reason to reject the record with, or None to accept it
    refuse: Callable[[dict[str, Any]], str | None] = lambda record: None
    held: dict[str, Held] = field(default_factory=dict)  # by idempotency key
    next_seq: dict[str, int] = field(default_factory=dict)  # by case number
    posts: int = 0
    duplicates: int = 0
    out_of_order: int = 0
    port: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: ThreadingHTTPServer | None = None

    # --- what a test reads -----------------------------------------------------------

    def stages(self, case_number: str) -> list[tuple[int, str]]:
        """(seq, stage) of the case's accepted records, in the order they were accepted."""
        got = [h for h in self.held.values() if h.case_number == case_number]
        return [(h.seq, h.record.get("stage", {}).get("stage", h.record["kind"])) for h in got]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/platform"

    # --- the contract ------------------------------------------------------------------

    def answer_post(self, body: dict[str, Any], authorization: str) -> tuple[int, dict[str, Any]]:
        if self.token and authorization != f"Bearer {self.token}":
            return 401, {"result": "unauthorized", "reason": "bad or missing bearer token"}
        try:
            key, number = str(body["idempotency_key"]), str(body["case_number"])
            seq, digest, record = int(body["seq"]), str(body["digest"]), body["record"]
            files = body.get("files") or []
        except (KeyError, TypeError, ValueError) as e:
            return 400, {"result": "rejected", "reason": f"malformed record: {e!r}"}
        with self._lock:
            self.posts += 1
            known = self.held.get(key)
            if known is not None:
                if known.digest != digest:
                    return 422, _rejected("idempotency key reused with other content")
                self.duplicates += 1
                return _answer(known, duplicate=True)
            expected = self.next_seq.get(number, 1)
            if seq > expected:
                self.out_of_order += 1
                return 409, {"result": "out_of_order", "expected_seq": expected}
            if seq < expected:
                return 422, _rejected(f"seq {seq} of case {number} is already taken")
            reason = _invalid(key, number, seq, digest, record, files) or self.refuse(record)
            held = Held(
                key,
                number,
                seq,
                digest,
                "rejected" if reason else "accepted",
                reason or "",
                "" if reason else f"R{len(self.held) + 1:08d}",
                record,
                [] if reason else _decoded(files),
            )
            self.held[key] = held
            self.next_seq[number] = expected + 1
            return _answer(held, duplicate=False)

    def answer_get(self, case_number: str) -> dict[str, Any]:
        with self._lock:
            return {
                "records": [
                    {
                        "seq": h.seq,
                        "idempotency_key": h.idempotency_key,
                        "digest": h.digest,
                        "result": h.result,
                        "reason": h.reason,
                        "receipt": h.receipt,
                    }
                    for h in self.held.values()
                    if h.case_number == case_number
                ]
            }

    # --- the HTTP server ---------------------------------------------------------------

    def start(self) -> ReferenceReceiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                if urlsplit(self.path).path != "/platform/records":
                    return self._send(404, {"result": "not_found"})
                length = int(self.headers.get("Content-Length", 0))
                if length > MAX_BODY:
                    return self._send(413, {"result": "rejected", "reason": "record too large"})
                try:
                    body = json.loads(self.rfile.read(length))
                except ValueError:
                    return self._send(400, {"result": "rejected", "reason": "not JSON"})
                auth = self.headers.get("Authorization", "")
                self._send(*receiver.answer_post(body, auth))

            def do_GET(self) -> None:
                url = urlsplit(self.path)
                if url.path != "/platform/records":
                    return self._send(404, {"result": "not_found"})
                number = parse_qs(url.query).get("case_number", [""])[0]
                self._send(200, receiver.answer_get(number))

            def _send(self, status: int, answer: dict[str, Any]) -> None:
                data = json.dumps(answer, ensure_ascii=False).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        """Down: connections are refused until `start()` (same port, same holdings)."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> ReferenceReceiver:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _rejected(reason: str) -> dict[str, Any]:
    return {"result": "rejected", "reason": reason}


def _answer(held: Held, *, duplicate: bool) -> tuple[int, dict[str, Any]]:
    if held.result == "rejected":
        return 422, {**_rejected(held.reason), "duplicate": duplicate}
    return 200, {
        "result": "accepted",
        "idempotency_key": held.idempotency_key,
        "receipt": held.receipt,
        "duplicate": duplicate,
    }


def _invalid(
    key: str, number: str, seq: int, digest: str, record: Any, files: list[Any]
) -> str | None:
    if not isinstance(record, dict):
        return "record is not an object"
    if hashlib.sha256(canonical(record)).hexdigest() != digest:
        return "digest does not match the record"
    if (record.get("idempotency_key"), record.get("case_number"), record.get("seq")) != (
        key,
        number,
        seq,
    ):
        return "the envelope does not match the record"
    for f in files:
        try:
            data = base64.b64decode(f.get("content_base64", ""), validate=True)
        except ValueError:
            return f"file {f.get('name')}: content_base64 is not base64"
        if hashlib.sha256(data).hexdigest() != f.get("sha256"):
            return f"file {f.get('name')}: sha256 does not match its content"
    return None


def _decoded(files: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "name": f["name"],
            "media_type": f["media_type"],
            "sha256": f["sha256"],
            "data": base64.b64decode(f["content_base64"]),
        }
        for f in files
    ]
