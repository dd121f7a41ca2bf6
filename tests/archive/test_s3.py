"""S3-specific behaviour against a real SeaweedFS server, plus the error-translation seam."""

from __future__ import annotations

import hashlib
import inspect
import io
import os
import socket
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import urllib3
from minio import Minio
from minio.error import InvalidResponseError, MinioException, S3Error, ServerError

from archive import (
    ArchiveError,
    Hashed,
    IntegrityError,
    ObjectNotFound,
    RetentionLocked,
    StoreAccessDenied,
    StoreUnavailable,
)
from archive.s3 import (
    ACCESS_CODES,
    LOCKED_CODES,
    NOT_FOUND_CODES,
    UNAVAILABLE_CODES,
    S3Store,
    translate,
)
from tests.servers import S3Server

# -- against the real server ------------------------------------------------------------


@pytest.mark.s3
def test_bucket_is_created_with_object_lock(s3_server: S3Server, s3_store: S3Store) -> None:
    s3_store.put("x", b"x")
    client = Minio(s3_server.endpoint, s3_server.access_key, s3_server.secret_key, secure=False)
    assert client.get_object_lock_config(s3_store.bucket) is not None
    assert client.get_bucket_versioning(s3_store.bucket).status == "Enabled"


@pytest.mark.s3
def test_retention_is_compliance_on_the_server(s3_server: S3Server, s3_store: S3Store) -> None:
    until = datetime.now(UTC) + timedelta(seconds=20)
    s3_store.put("locked.pdf", b"%PDF sealed", retain_until=until)
    client = Minio(s3_server.endpoint, s3_server.access_key, s3_server.secret_key, secure=False)
    retention = client.get_object_retention(s3_store.bucket, "locked.pdf")
    assert retention is not None and retention.mode == "COMPLIANCE"
    with pytest.raises(RetentionLocked):
        s3_store.delete("locked.pdf")
    # a plain (unversioned) delete only hides it behind a delete marker: our delete
    # targets the version, so the retained bytes stay readable
    assert s3_store.get("locked.pdf") == b"%PDF sealed"


@pytest.mark.s3
def test_wrong_credentials_are_access_denied(s3_server: S3Server, s3_bucket: str) -> None:
    store = S3Store(
        endpoint=s3_server.endpoint,
        access_key=s3_server.access_key,
        secret_key="not-the-secret",
        bucket=s3_bucket,
    )
    with pytest.raises(StoreAccessDenied) as err:
        store.put("k", b"x")
    assert err.value.code == "archive.access_denied"
    assert "访问" in err.value.zh
    unknown = S3Store(
        endpoint=s3_server.endpoint, access_key="NOBODY", secret_key="x", bucket=s3_bucket
    )
    with pytest.raises(StoreAccessDenied):
        unknown.exists("k")


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_dead_endpoint_is_unavailable_within_seconds() -> None:
    store = S3Store(
        endpoint=f"127.0.0.1:{_closed_port()}",
        access_key="a",
        secret_key="b",
        bucket="archive",
        timeout=2.0,
    )
    started = time.monotonic()
    for call in (lambda: store.put("k", b"x"), lambda: store.get("k"), lambda: store.exists("k")):
        with pytest.raises(StoreUnavailable) as err:
            call()
        assert isinstance(err.value.__cause__, Exception)
    assert time.monotonic() - started < 10


def test_unresponsive_endpoint_times_out() -> None:
    """A server that accepts but never answers: the read timeout bounds the wait."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        port = listener.getsockname()[1]
        store = S3Store(
            endpoint=f"127.0.0.1:{port}",
            access_key="a",
            secret_key="b",
            bucket="archive",
            timeout=0.5,
            retries=0,
        )
        started = time.monotonic()
        with pytest.raises(StoreUnavailable):
            store.get("k")
        assert time.monotonic() - started < 5


@pytest.mark.s3
def test_tampered_object_fails_integrity_on_read(s3_server: S3Server, s3_store: S3Store) -> None:
    s3_store.put("ok", b"x")  # creates the bucket
    client = Minio(s3_server.endpoint, s3_server.access_key, s3_server.secret_key, secure=False)
    wrong = hashlib.sha256(b"original").hexdigest()
    client.put_object(s3_store.bucket, "t", io.BytesIO(b"tampered"), 8, metadata={"sha256": wrong})
    with pytest.raises(IntegrityError):
        s3_store.get("t")
    with s3_store.open("t") as stream, pytest.raises(IntegrityError):
        stream.read()
    client.put_object(s3_store.bucket, "foreign", io.BytesIO(b"no hash"), 7)
    with pytest.raises(IntegrityError):
        s3_store.stat("foreign")


@pytest.mark.s3
def test_multipart_mismatch_is_aborted(s3_server: S3Server, s3_store: S3Store) -> None:
    size = 17 * 1024 * 1024
    stream = io.BufferedReader(_Zeros(size))
    with pytest.raises(IntegrityError):
        s3_store.put("big", stream, sha256="1" * 64)
    assert not s3_store.exists("big")
    client = Minio(s3_server.endpoint, s3_server.access_key, s3_server.secret_key, secure=False)
    versions = list(client.list_objects(s3_store.bucket, include_version=True, recursive=True))
    assert [v.object_name for v in versions] == []


@pytest.mark.s3
@pytest.mark.parametrize("given", ["hashed", "bytes"])
def test_bytes_are_hashed_once_and_signed_with_their_content_hash(
    s3_store: S3Store, monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    """One PUT, whose SigV4 payload hash is the content hash: minio hashes no body again
    (and Hashed bytes are not hashed by the store either)."""
    import minio.api

    body = os.urandom(6 * 1024 * 1024)  # above minio's 5 MiB part minimum: still one PUT
    digest = hashlib.sha256(body).hexdigest()
    hashed_by_minio: list[int] = []
    real = minio.api.sha256_hash

    def counting(data: Any) -> str:
        hashed_by_minio.append(len(data or b""))
        return real(data)

    monkeypatch.setattr(minio.api, "sha256_hash", counting)
    data = Hashed(body) if given == "hashed" else body
    s3_store.ensure_bucket()
    trace = io.StringIO()
    s3_store._client.trace_on(trace)
    try:
        info = s3_store.put("scan.jpg", data, sha256=digest, content_type="image/jpeg")
    finally:
        s3_store._client.trace_off()
    assert info.sha256 == digest
    assert max(hashed_by_minio, default=0) == 0  # only empty bodies hashed (none here)
    sent = trace.getvalue()
    assert sent.count("PUT /") == 1 and "uploads" not in sent  # one request, no multipart
    assert f"X-Amz-Content-Sha256: {digest}" in sent
    assert s3_store.get("scan.jpg") == body


@pytest.mark.s3
def test_delete_removes_current_version(s3_store: S3Store) -> None:
    s3_store.put("v", b"1")
    s3_store.delete("v")
    assert not s3_store.exists("v")
    with pytest.raises(ObjectNotFound):
        s3_store.delete("v")


class _Zeros(io.RawIOBase):
    def __init__(self, size: int) -> None:
        self.left = size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = min(len(buffer), self.left)
        buffer[:n] = bytes(n)
        self.left -= n
        return n


# -- the translation seam ---------------------------------------------------------------


def _subclasses(root: type[BaseException]) -> Iterator[type[BaseException]]:
    yield root
    for sub in root.__subclasses__():
        yield from _subclasses(sub)


def _bare(cls: type[BaseException]) -> BaseException:
    """An instance without running __init__ (each class wants different arguments)."""
    return cls.__new__(cls)


def _s3_error(code: str) -> S3Error:
    return S3Error(None, code, "msg", "/b/k", "req", "host")  # type: ignore[arg-type]


def test_every_minio_and_urllib3_error_is_translated() -> None:
    expected: dict[type[BaseException], type[ArchiveError]] = {}
    for cls in _subclasses(urllib3.exceptions.HTTPError):
        expected[cls] = StoreUnavailable
    for cls in _subclasses(MinioException):
        expected.setdefault(cls, ArchiveError)
    expected[ServerError] = StoreUnavailable
    for cls in (
        ConnectionRefusedError,
        ConnectionResetError,
        TimeoutError,
        socket.timeout,
        OSError,
    ):
        expected[cls] = StoreUnavailable
    assert urllib3.exceptions.MaxRetryError in expected
    assert urllib3.exceptions.ReadTimeoutError in expected
    for cls, kind in expected.items():
        if cls is S3Error:
            continue  # by code, below
        result = translate(_bare(cls))
        assert type(result) is kind or (kind is ArchiveError and isinstance(result, kind)), cls


@pytest.mark.parametrize(
    ("codes", "kind"),
    [
        (NOT_FOUND_CODES, ObjectNotFound),
        (ACCESS_CODES, StoreAccessDenied),
        (LOCKED_CODES, RetentionLocked),
        (UNAVAILABLE_CODES, StoreUnavailable),
        ({"NoSuchBucket", "InvalidRequest", "SomethingNew", ""}, ArchiveError),
    ],
)
def test_s3_error_codes_are_mapped(codes: frozenset[str], kind: type[ArchiveError]) -> None:
    for code in codes:
        assert type(translate(_s3_error(code))) is kind, code


def test_access_denied_on_delete_means_retention() -> None:
    assert type(translate(_s3_error("AccessDenied"), deleting=True)) is RetentionLocked
    assert type(translate(_s3_error("AccessDenied"))) is StoreAccessDenied


def test_invalid_response_by_status() -> None:
    assert type(translate(InvalidResponseError(503, "text/html", "x"))) is StoreUnavailable
    assert type(translate(InvalidResponseError(400, "text/html", "x"))) is ArchiveError


class _FailingClient:
    """Stands in for minio.Minio: every call raises the configured error."""

    def __init__(self, error: BaseException) -> None:
        self.error = error

    def __getattr__(self, name: str) -> Callable[..., Any]:
        def fail(*args: Any, **kwargs: Any) -> Any:
            raise self.error

        return fail


_SEAM_ERRORS: list[BaseException] = [
    _s3_error("NoSuchKey"),
    _s3_error("AccessDenied"),
    _s3_error("InternalError"),
    ServerError("boom", 502),
    InvalidResponseError(500, None, None),
    urllib3.exceptions.MaxRetryError(None, "/", None),  # type: ignore[arg-type]
    urllib3.exceptions.ReadTimeoutError(None, "/", "timed out"),  # type: ignore[arg-type]
    urllib3.exceptions.ProtocolError("reset"),
    ConnectionResetError("reset"),
]


@pytest.mark.parametrize("error", _SEAM_ERRORS, ids=lambda e: type(e).__name__)
def test_every_public_method_translates_at_the_seam(error: BaseException) -> None:
    store = S3Store.with_client(_FailingClient(error), "bucket")  # type: ignore[arg-type]
    calls: dict[str, Callable[[], object]] = {
        "put": lambda: store.put("k", b"x"),
        "put_stream": lambda: store.put("k", io.BytesIO(b"x")),
        "get": lambda: store.get("k"),
        "open": lambda: store.open("k"),
        "stat": lambda: store.stat("k"),
        "exists": lambda: store.exists("k"),
        "list": lambda: list(store.list("")),
        "delete": lambda: store.delete("k"),
        "versions": lambda: store.versions("k"),
        "set_legal_hold": lambda: store.set_legal_hold("k", True),
        "presign": lambda: store.presign("k", expires=timedelta(seconds=60)),
    }
    public = {
        n for n, _ in inspect.getmembers(S3Store, inspect.isfunction) if not n.startswith("_")
    }
    assert public - {"ensure_bucket", "with_client"} <= {c.removesuffix("_stream") for c in calls}
    for name, call in calls.items():
        try:
            call()
        except ArchiveError as e:
            assert e.__cause__ is error or e.code == "archive.not_found", name
        except BaseException as e:  # pragma: no cover - the failure we look for
            pytest.fail(f"{name} leaked {type(e).__name__}: {e}")
        else:
            assert name == "exists", f"{name} did not raise"
