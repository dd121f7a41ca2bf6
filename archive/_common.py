"""Validation and hashing helpers shared by the store implementations (private)."""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, BinaryIO

from archive.errors import ArchiveError, IntegrityError, InvalidKey, ObjectNotFound, RetentionLocked
from archive.store import Hashed

if TYPE_CHECKING:
    from archive.store import ObjectInfo

CHUNK = 1024 * 1024
MAX_KEY_LENGTH = 1024
RESERVED_METADATA = frozenset({"sha256"})
_META_NAME_RE = re.compile(r"^[a-z][a-z0-9_-]{0,63}$")
_SHA256_RE = re.compile(r"^[0-9a-f]{64}$")


def validate_key(key: str) -> str:
    """Keys are relative, slash-separated paths without '.'/'..' or empty segments."""
    problem = None
    if not isinstance(key, str) or not key:
        problem = "empty key"
    elif len(key.encode("utf-8")) > MAX_KEY_LENGTH:
        problem = "key longer than 1024 bytes"
    elif key.startswith("/") or "\\" in key or (len(key) > 1 and key[1] == ":"):
        problem = "absolute path or backslash"
    elif any(ord(c) < 0x20 or ord(c) == 0x7F for c in key):
        problem = "control character"
    elif any(seg in ("", ".", "..") for seg in key.split("/")):
        problem = "empty, '.' or '..' segment"
    if problem:
        raise InvalidKey(
            f"invalid object key {key!r}: {problem}",
            f"对象键 {key!r} 无效：{problem}",
        )
    return key


def validate_prefix(prefix: str) -> str:
    if prefix and (prefix.startswith("/") or "\\" in prefix or ".." in prefix.split("/")):
        raise InvalidKey(f"invalid prefix {prefix!r}", f"前缀 {prefix!r} 无效")
    return prefix


def validate_metadata(metadata: Mapping[str, str] | None) -> dict[str, str]:
    """Names are lowercase identifiers (they become HTTP headers on S3); values any text."""
    result: dict[str, str] = {}
    for name, value in (metadata or {}).items():
        if not _META_NAME_RE.match(name) or name in RESERVED_METADATA:
            raise InvalidKey(
                f"invalid metadata name {name!r} (lowercase letters, digits, '_' or '-')",
                f"元数据名称 {name!r} 无效（仅限小写字母、数字、下划线或连字符）",
            )
        if not isinstance(value, str) or len(value) > 512:
            raise InvalidKey(
                f"metadata {name!r} must be text of at most 512 characters",
                f"元数据 {name!r} 须为不超过 512 个字符的文本",
            )
        result[name] = value
    return result


def normalize_sha256(sha256: str | None) -> str | None:
    if sha256 is None:
        return None
    digest = sha256.lower()
    if not _SHA256_RE.match(digest):
        raise IntegrityError(
            f"expected SHA-256 is not a 64-digit hex string: {sha256!r}",
            f"给定的 SHA-256 不是 64 位十六进制字符串：{sha256!r}",
        )
    return digest


def mismatch(key: str, expected: str, actual: str) -> IntegrityError:
    return IntegrityError(
        f"SHA-256 mismatch for {key}: expected {expected}, got {actual}",
        f"{key} 的 SHA-256 校验不符：应为 {expected}，实为 {actual}",
    )


def unwrap(
    key: str, data: bytes | BinaryIO | Hashed, expected: str | None
) -> tuple[bytes | BinaryIO, str | None]:
    """The body to store and, for :class:`Hashed` bytes, their digest, which needs no
    second pass (a mismatch with ``expected`` is refused here: nothing is stored)."""
    if not isinstance(data, Hashed):
        return data, None
    if expected is not None and data.sha256 != expected:
        raise mismatch(key, expected, data.sha256)
    return data.data, data.sha256


def not_found(key: str) -> ObjectNotFound:
    return ObjectNotFound(f"object not found: {key}", f"对象不存在：{key}")


def refuse_if_retained(info: ObjectInfo, action: str) -> None:
    """Local enforcement of retention and legal hold (S3 enforces them server-side)."""
    if info.legal_hold:
        raise RetentionLocked(
            f"cannot {action} {info.key}: under legal hold",
            f"对象 {info.key} 处于法律保全（legal hold）状态，不得删除或覆盖",
        )
    if info.retain_until is not None and info.retain_until > now():
        until = info.retain_until.isoformat()
        raise RetentionLocked(
            f"cannot {action} {info.key}: retained until {until}",
            f"对象 {info.key} 处于保留期内（至 {until}），不得删除或覆盖",
        )


def utc(dt: datetime) -> datetime:
    """Naive datetimes are taken as UTC; everything returned is timezone-aware."""
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


def now() -> datetime:
    return datetime.now(UTC)


def iter_chunks(data: bytes | BinaryIO, size: int = CHUNK) -> Iterator[bytes]:
    if isinstance(data, bytes | bytearray | memoryview):
        view = memoryview(data)
        for start in range(0, len(view), size):
            yield bytes(view[start : start + size])
        return
    while True:
        chunk = data.read(size)
        if not chunk:
            return
        yield chunk


class HashingReader(io.RawIOBase):
    """Read-through wrapper that hashes what passes; checks ``expected`` at end of stream.

    Raising at EOF (before the last byte is handed on) is what lets an uploader abort
    before it commits the object.
    """

    def __init__(self, source: BinaryIO, key: str, expected: str | None = None) -> None:
        super().__init__()
        self._source = source
        self._key = key
        self._expected = expected
        self._hash = hashlib.sha256()
        self.size = 0
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        chunk = self._source.read(len(view))
        if not chunk:
            self._finish()
            return 0
        view[: len(chunk)] = chunk
        self._hash.update(chunk)
        self.size += len(chunk)
        return len(chunk)

    def _finish(self) -> None:
        if self._done:
            return
        self._done = True
        if self._expected is not None and self.hexdigest() != self._expected:
            raise mismatch(self._key, self._expected, self.hexdigest())

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


class VerifyingReader(io.RawIOBase):
    """Streams an object to the caller and raises IntegrityError at EOF on a bad hash."""

    def __init__(
        self,
        source: BinaryIO,
        key: str,
        expected: str,
        *,
        on_close: Callable[[], None] | None = None,
        translate: Callable[[Exception], Exception] | None = None,
    ) -> None:
        super().__init__()
        self._inner = HashingReader(source, key, expected)
        self._source = source
        self._on_close = on_close
        self._translate = translate

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            return self._inner.readinto(buffer)
        except IntegrityError:
            raise
        except Exception as e:
            if self._translate is None:
                raise
            raise self._translate(e) from e

    def close(self) -> None:
        if not self.closed:
            try:
                if self._on_close is not None:
                    self._on_close()
                else:
                    self._source.close()
            finally:
                super().close()


def buffered(raw: io.RawIOBase) -> BinaryIO:
    return io.BufferedReader(raw, buffer_size=CHUNK)


def only_current(key: str, version_id: str | None) -> None:
    """Unversioned stores have one version, addressed as None."""
    if version_id is not None:
        raise not_found(f"{key}?versionId={version_id}")


def no_presign(key: str) -> ArchiveError:
    return ArchiveError(
        f"this store cannot make links for {key}: no URL signer configured",
        f"该存储未配置链接签名，无法为 {key} 生成下载链接",
    )
