"""S3 object store through the ``minio`` SDK (MinIO in production, SeaweedFS in tests).

Decisions worth knowing:

* The bucket is created with object lock (which implies versioning) when missing.
  ``retain_until`` becomes a COMPLIANCE retention on the version written.
* The SHA-256 of every object is stored as user metadata (``x-amz-meta-sha256``) and
  checked on every read. A stream put with a known ``sha256`` is uploaded in parts and
  aborted before completion on a mismatch; a stream without one is first spooled to a
  temporary file (memory up to 8 MiB, then disk) to learn the hash it must carry.
* Bytes (already in memory) go up in one PUT, hashed once: that SHA-256 is checked
  against ``sha256``, recorded, and is also the SigV4 payload hash, which minio would
  otherwise compute again (:class:`_Client`). :class:`~archive.store.Hashed` bytes are
  not hashed here at all. So an archived page costs the hashing a raw put costs.
* ``delete(key)`` removes the *current version* by its version id. Object lock refuses
  that while the version is retained (RetentionLocked). Older versions of the key, if
  it was overwritten, are left alone and one of them becomes current again.
* Metadata values are percent-encoded, since S3 headers carry ASCII only.
* Every minio / urllib3 / socket error is translated here, at the seam
  (:func:`translate`); small timeouts and few retries make a dead store fail in seconds.
"""

from __future__ import annotations

import hashlib
import io
import logging
import tempfile
import threading
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, BinaryIO, cast
from urllib.parse import quote, unquote

import urllib3
from minio import Minio
from minio.commonconfig import COMPLIANCE, GOVERNANCE
from minio.error import S3Error
from minio.retention import Retention

from archive._common import (
    CHUNK,
    HashingReader,
    VerifyingReader,
    buffered,
    mismatch,
    normalize_sha256,
    now,
    unwrap,
    utc,
    validate_key,
    validate_metadata,
    validate_prefix,
)
from archive._s3_errors import (
    ACCESS_CODES,
    LOCKED_CODES,
    NOT_FOUND_CODES,
    TRANSLATED,
    UNAVAILABLE_CODES,
    translate,
)
from archive.errors import (
    IntegrityError,
    ObjectNotFound,
)
from archive.presign import check_expiry
from archive.store import Hashed, ObjectInfo, RetentionMode

logger = logging.getLogger(__name__)

PART_SIZE = 8 * 1024 * 1024  # S3 minimum is 5 MiB; one part is held in memory at a time
SPOOL_IN_MEMORY = 8 * 1024 * 1024
SINGLE_PUT_MAX = 5 * 1024 * 1024 * 1024  # S3's limit for one PUT
_MIN_PART_SIZE = 5 * 1024 * 1024  # below it minio's part_size must stay 0
_META_PREFIX = "x-amz-meta-"
_PAYLOAD_SHA256 = "x-amz-content-sha256"


class _Client(Minio):
    """minio, except that a request whose ``x-amz-content-sha256`` we already know is
    signed with it instead of hashing the body again.

    Over plain HTTP minio signs every body with its SHA-256 (SigV4); for a single-PUT
    object that is exactly the content hash the archive computed for the key. Requests
    without the header, without a body, over HTTPS (minio signs UNSIGNED-PAYLOAD there)
    or anonymous go through minio unchanged.
    """

    def _build_headers(
        self,
        host: str,
        headers: dict[str, Any] | None = None,
        body: bytes | None = None,
        creds: Any = None,
        *args: Any,
        **kwargs: Any,
    ) -> tuple[dict[str, Any], datetime]:
        known = (headers or {}).get(_PAYLOAD_SHA256)
        if known is None or not body or creds is None or self._base_url.is_https:
            return super()._build_headers(host, headers, body, creds, *args, **kwargs)
        # minio's own headers for an empty body (nothing to hash), then the real length
        # and the hash we have
        built, date = super()._build_headers(host, headers, None, creds, *args, **kwargs)
        built["Content-Length"] = str(len(body))
        built[_PAYLOAD_SHA256] = known
        return built, date


def _http_client(timeout: float, retries: int) -> urllib3.PoolManager:
    return urllib3.PoolManager(
        timeout=urllib3.Timeout(connect=min(timeout, 3.0), read=timeout),
        maxsize=10,
        retries=urllib3.Retry(
            total=retries, backoff_factor=0.2, status_forcelist=[500, 502, 503, 504]
        ),
    )


class S3Store:
    def __init__(
        self,
        *,
        endpoint: str,
        access_key: str,
        secret_key: str,
        bucket: str,
        secure: bool = False,
        region: str | None = None,
        create_bucket: bool = True,
        object_lock: bool = True,
        timeout: float = 10.0,
        retries: int = 2,
    ) -> None:
        client = _Client(
            endpoint,
            access_key=access_key,
            secret_key=secret_key,
            secure=secure,
            region=region,
            http_client=_http_client(timeout, retries),
        )
        self._init(client, bucket, create_bucket=create_bucket, object_lock=object_lock)

    @classmethod
    def with_client(
        cls, client: Minio, bucket: str, *, create_bucket: bool = False, object_lock: bool = True
    ) -> S3Store:
        """Use a prepared client (custom TLS, credentials provider, or a fake in tests)."""
        store = cls.__new__(cls)
        store._init(client, bucket, create_bucket=create_bucket, object_lock=object_lock)
        return store

    def _init(self, client: Minio, bucket: str, *, create_bucket: bool, object_lock: bool) -> None:
        self._client = client
        self.bucket = bucket
        self._object_lock = object_lock
        self._bucket_ready = not create_bucket
        self._bucket_lock = threading.Lock()

    def ensure_bucket(self) -> None:
        """Create the bucket (with object lock) on first use, not in the constructor,
        so an application can start while the store is briefly down."""
        if self._bucket_ready:
            return
        with self._bucket_lock:
            if self._bucket_ready:
                return
            try:
                if not self._client.bucket_exists(self.bucket):
                    logger.info(
                        "creating bucket %s (object lock: %s)", self.bucket, self._object_lock
                    )
                    self._client.make_bucket(self.bucket, object_lock=self._object_lock)
            except S3Error as e:
                if e.code not in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
                    raise translate(e) from e
            except Exception as e:
                raise translate(e) from e
            self._bucket_ready = True

    # -- writing -------------------------------------------------------------------

    def put(
        self,
        key: str,
        data: bytes | BinaryIO | Hashed,
        *,
        content_type: str = "application/octet-stream",
        metadata: Mapping[str, str] | None = None,
        sha256: str | None = None,
        retain_until: datetime | None = None,
        retention_mode: RetentionMode = "COMPLIANCE",
        legal_hold: bool = False,
    ) -> ObjectInfo:
        validate_key(key)
        meta = validate_metadata(metadata)
        expected = normalize_sha256(sha256)
        self.ensure_bucket()
        mode = GOVERNANCE if retention_mode == "GOVERNANCE" else COMPLIANCE
        retention = Retention(mode, utc(retain_until)) if retain_until is not None else None
        lock = _Lock(retention, legal_hold)
        data, known = unwrap(key, data, expected)
        if isinstance(data, bytes | bytearray | memoryview):
            body = bytes(data)
            actual = known or hashlib.sha256(body).hexdigest()
            if expected is not None and actual != expected:
                raise mismatch(key, expected, actual)
            return self._upload(key, io.BytesIO(body), len(body), actual, content_type, meta, lock)
        if expected is not None:
            # Hash checked while the parts go up; a mismatch raises before completion.
            reader = buffered(HashingReader(data, key, expected))
            return self._upload(key, reader, -1, expected, content_type, meta, lock)
        with tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY) as spool:
            digest = hashlib.sha256()
            size = 0
            while chunk := data.read(CHUNK):
                digest.update(chunk)
                spool.write(chunk)
                size += len(chunk)
            spool.seek(0)
            return self._upload(
                key, cast(BinaryIO, spool), size, digest.hexdigest(), content_type, meta, lock
            )

    def _upload(
        self,
        key: str,
        body: BinaryIO,
        length: int,
        digest: str,
        content_type: str,
        meta: dict[str, str],
        lock: _Lock,
    ) -> ObjectInfo:
        headers: dict[str, Any] = {name: quote(value, safe="") for name, value in meta.items()}
        headers["sha256"] = digest
        if 0 <= length <= SINGLE_PUT_MAX:
            # Bytes in memory: one PUT, no parts to copy out, signed with the content hash.
            part_size = 0 if length <= _MIN_PART_SIZE else length
            headers[_PAYLOAD_SHA256] = digest
        else:
            part_size = PART_SIZE  # a stream: bounded memory, one part at a time
        retention = lock.retention
        try:
            result = self._client.put_object(
                self.bucket,
                key,
                body,
                length,
                content_type=content_type,
                metadata=headers,
                part_size=part_size,
                num_parallel_uploads=1,
                retention=retention,
                legal_hold=lock.legal_hold,
            )
        except Exception as e:
            raise translate(e, key=key) from e
        # Built from what we sent, not re-read: a stat per put costs a round trip.
        return ObjectInfo(
            key=key,
            size=length if length >= 0 else _stream_size(body),
            sha256=digest,
            content_type=content_type,
            metadata=meta,
            modified=now(),
            retain_until=utc(retention.retain_until_date) if retention else None,
            retention_mode=retention.mode if retention else None,
            legal_hold=lock.legal_hold,
            version_id=result.version_id,
        )

    def delete(self, key: str) -> None:
        validate_key(key)
        self.ensure_bucket()
        current = self._raw_stat(key)
        version_id = current.version_id
        try:
            self._client.remove_object(self.bucket, key, version_id=version_id)
        except Exception as e:
            raise translate(e, key=key, deleting=True) from e
        logger.info("deleted %s version %s", key, version_id)

    # -- reading -------------------------------------------------------------------

    def stat(self, key: str) -> ObjectInfo:
        validate_key(key)
        self.ensure_bucket()
        return self._stat(key)

    def exists(self, key: str) -> bool:
        try:
            self.stat(key)
        except ObjectNotFound:
            return False
        return True

    def get(self, key: str, *, version_id: str | None = None) -> bytes:
        with self.open(key, version_id=version_id) as stream:
            return stream.read()

    def open(self, key: str, *, version_id: str | None = None) -> BinaryIO:
        validate_key(key)
        self.ensure_bucket()
        info = self._stat(key, version_id)
        try:
            response = self._client.get_object(self.bucket, key, version_id=info.version_id)
        except Exception as e:
            raise translate(e, key=key) from e

        def release() -> None:
            response.close()
            response.release_conn()

        raw = VerifyingReader(
            response,  # type: ignore[arg-type]
            key,
            info.sha256,
            on_close=release,
            translate=lambda e: translate(e, key=key),
        )
        return buffered(raw)

    def list(self, prefix: str = "") -> Iterator[ObjectInfo]:
        validate_prefix(prefix)
        self.ensure_bucket()
        try:
            names = [
                o.object_name
                for o in self._client.list_objects(self.bucket, prefix=prefix, recursive=True)
                if o.object_name is not None and not o.is_dir
            ]
        except Exception as e:
            raise translate(e, key=prefix) from e
        for name in sorted(names):
            try:
                yield self._stat(name)  # S3 listings carry no user metadata
            except ObjectNotFound:
                continue

    def versions(self, key: str) -> Sequence[ObjectInfo]:
        validate_key(key)
        self.ensure_bucket()
        try:
            found = [
                o
                for o in self._client.list_objects(self.bucket, prefix=key, include_version=True)
                if o.object_name == key and not o.is_delete_marker
            ]
        except Exception as e:
            raise translate(e, key=key) from e
        infos = [self._stat(key, o.version_id) for o in found]
        return sorted(infos, key=lambda i: i.modified, reverse=True)

    def set_legal_hold(self, key: str, on: bool) -> ObjectInfo:
        validate_key(key)
        self.ensure_bucket()
        version = self._raw_stat(key).version_id
        try:
            if on:
                self._client.enable_object_legal_hold(self.bucket, key, version_id=version)
            else:
                self._client.disable_object_legal_hold(self.bucket, key, version_id=version)
        except Exception as e:
            raise translate(e, key=key) from e
        return self._stat(key, version)

    def presign(self, key: str, *, expires: timedelta) -> str:
        check_expiry(expires)
        self.stat(key)
        try:
            return self._client.presigned_get_object(self.bucket, key, expires=expires)
        except Exception as e:
            raise translate(e, key=key) from e

    # -- internals -----------------------------------------------------------------

    def _raw_stat(self, key: str, version_id: str | None = None) -> Any:
        try:
            return self._client.stat_object(self.bucket, key, version_id=version_id)
        except Exception as e:
            raise translate(e, key=key) from e

    def _stat(self, key: str, version_id: str | None = None) -> ObjectInfo:
        obj = self._raw_stat(key, version_id)
        headers = obj.metadata or {}
        meta: dict[str, str] = {}
        digest = ""
        until = None
        mode = None
        hold = False
        for name, value in headers.items():
            lower = name.lower()
            if lower == "x-amz-object-lock-retain-until-date":
                until = datetime.fromisoformat(value.replace("Z", "+00:00"))
            elif lower == "x-amz-object-lock-mode":
                mode = value
            elif lower == "x-amz-object-lock-legal-hold":
                hold = value.upper() == "ON"
            if not lower.startswith(_META_PREFIX):
                continue
            short = lower.removeprefix(_META_PREFIX)
            if short == "sha256":
                digest = value
            else:
                meta[short] = unquote(value)
        if not digest:
            raise IntegrityError(
                f"object {key} has no recorded SHA-256 (not written by the archive)",
                f"对象 {key} 没有记录 SHA-256，不是由归档系统写入的",
            )
        return ObjectInfo(
            key=key,
            size=int(obj.size or 0),
            sha256=digest,
            content_type=obj.content_type or "application/octet-stream",
            metadata=meta,
            modified=utc(obj.last_modified) if obj.last_modified else utc(datetime.now()),
            retain_until=utc(until) if until else None,
            retention_mode=mode if until else None,
            legal_hold=hold,
            version_id=obj.version_id,
        )


class _Lock:
    """Object-lock settings of one put."""

    def __init__(self, retention: Retention | None, legal_hold: bool) -> None:
        self.retention = retention
        self.legal_hold = legal_hold


def _stream_size(body: BinaryIO) -> int:
    size = getattr(body, "size", None)  # HashingReader counts what it passed on
    raw = getattr(body, "raw", None)
    if size is None and raw is not None:
        size = getattr(raw, "size", None)
    return int(size or 0)


__all__ = [
    "ACCESS_CODES",
    "LOCKED_CODES",
    "NOT_FOUND_CODES",
    "TRANSLATED",
    "UNAVAILABLE_CODES",
    "S3Store",
    "translate",
]
