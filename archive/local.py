"""Local folder store: the embedded default, same contract as S3.

Layout under ``root``::

    objects/<key>        the bytes
    meta/<key>.json      sidecar: sha256, size, content type, metadata, retention
    tmp/                 files being written (never visible as objects)

A put writes both files to ``tmp/``, fsyncs them, then renames the bytes and the
sidecar into place (``os.replace`` is atomic). An object exists when its sidecar
does, so a crash mid-write leaves no partial object; at worst a stale temp file,
removed at the next start. Writers in one process are serialised; several processes
writing the same key at once is not supported.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import threading
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, BinaryIO

from archive._common import (
    VerifyingReader,
    buffered,
    iter_chunks,
    mismatch,
    no_presign,
    normalize_sha256,
    not_found,
    now,
    only_current,
    refuse_if_retained,
    unwrap,
    utc,
    validate_key,
    validate_metadata,
    validate_prefix,
)
from archive.errors import ArchiveError, InvalidKey, StoreAccessDenied, StoreUnavailable
from archive.presign import UrlSigner, check_expiry
from archive.store import Hashed, ObjectInfo, RetentionMode

logger = logging.getLogger(__name__)

_STALE_TMP_SECONDS = 3600


class LocalFolderStore:
    def __init__(self, root: Path, *, url_signer: UrlSigner | None = None) -> None:
        self.root = Path(root)
        self._signer = url_signer
        self._objects = self.root / "objects"
        self._meta = self.root / "meta"
        self._tmp = self.root / "tmp"
        self._lock = threading.Lock()
        with _io_errors(str(self.root)):
            for folder in (self._objects, self._meta, self._tmp):
                folder.mkdir(parents=True, exist_ok=True)
            self._remove_stale_temp_files()

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
        body, known = unwrap(key, data, expected)
        self._refuse_if_retained(key, "replace")
        token = uuid.uuid4().hex
        tmp_data = self._tmp / f"{token}.data"
        tmp_meta = self._tmp / f"{token}.json"
        try:
            size, actual = _write_hashed(tmp_data, body, known)
            with _io_errors(key):
                if expected is not None and actual != expected:
                    raise mismatch(key, expected, actual)
                info = ObjectInfo(
                    key=key,
                    size=size,
                    sha256=actual,
                    content_type=content_type,
                    metadata=meta,
                    modified=now(),
                    retain_until=utc(retain_until) if retain_until is not None else None,
                    retention_mode=retention_mode if retain_until is not None else None,
                    legal_hold=legal_hold,
                )
                _write_synced(tmp_meta, json.dumps(_info_to_json(info)).encode("utf-8"))
                with self._lock:
                    self._refuse_if_retained(key, "replace")
                    data_path, meta_path = self._data_path(key), self._meta_path(key)
                    _make_parents(data_path, key)
                    _make_parents(meta_path, key)
                    os.replace(tmp_data, data_path)
                    os.replace(tmp_meta, meta_path)
                    _fsync_dir(data_path.parent)
                    _fsync_dir(meta_path.parent)
        finally:
            for leftover in (tmp_data, tmp_meta):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()
        logger.debug("stored %s (%d bytes)", key, info.size)
        return info

    def delete(self, key: str) -> None:
        validate_key(key)
        with self._lock, _io_errors(key):
            info = self.stat(key)
            refuse_if_retained(info, "delete")
            self._meta_path(key).unlink()  # the object is gone from here on
            with contextlib.suppress(FileNotFoundError):
                self._data_path(key).unlink()
            self._prune_empty_parents(key)

    # -- reading -------------------------------------------------------------------

    def stat(self, key: str) -> ObjectInfo:
        validate_key(key)
        path = self._meta_path(key)
        with _io_errors(key):
            try:
                raw = path.read_bytes()
            except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
                raise not_found(key) from None
        try:
            return _info_from_json(key, json.loads(raw))
        except (ValueError, KeyError, TypeError) as e:
            raise ArchiveError(
                f"metadata sidecar of {key} is unreadable: {e}",
                f"对象 {key} 的元数据文件已损坏，无法读取",
            ) from e

    def exists(self, key: str) -> bool:
        validate_key(key)
        return self._meta_path(key).is_file()

    def get(self, key: str, *, version_id: str | None = None) -> bytes:
        only_current(key, version_id)
        info = self.stat(key)
        with _io_errors(key):
            try:
                body = self._data_path(key).read_bytes()
            except FileNotFoundError:
                raise not_found(key) from None
        actual = hashlib.sha256(body).hexdigest()
        if actual != info.sha256:
            raise mismatch(key, info.sha256, actual)
        return body

    def open(self, key: str) -> BinaryIO:
        info = self.stat(key)
        with _io_errors(key):
            try:
                handle = self._data_path(key).open("rb")
            except FileNotFoundError:
                raise not_found(key) from None
        return buffered(VerifyingReader(handle, key, info.sha256, translate=_translate_os))

    def list(self, prefix: str = "") -> Iterator[ObjectInfo]:
        validate_prefix(prefix)
        start = self._meta
        if "/" in prefix:
            start = self._meta.joinpath(*prefix.rsplit("/", 1)[0].split("/"))
        if not start.is_dir():
            return
        keys = []
        for dirpath, _dirs, files in os.walk(start):
            for name in files:
                if not name.endswith(".json"):
                    continue
                rel = Path(dirpath, name).relative_to(self._meta).as_posix()
                key = rel.removesuffix(".json")
                if key.startswith(prefix):
                    keys.append(key)
        for key in sorted(keys):
            try:
                yield self.stat(key)
            except ArchiveError:
                continue  # deleted meanwhile

    def versions(self, key: str) -> Sequence[ObjectInfo]:
        return [self.stat(key)]  # the folder store keeps no older versions

    def set_legal_hold(self, key: str, on: bool) -> ObjectInfo:
        with self._lock, _io_errors(key):
            info = replace(self.stat(key), legal_hold=on)
            tmp_meta = self._tmp / f"{uuid.uuid4().hex}.json"
            _write_synced(tmp_meta, json.dumps(_info_to_json(info)).encode("utf-8"))
            os.replace(tmp_meta, self._meta_path(key))
            _fsync_dir(self._meta_path(key).parent)
        return info

    def presign(self, key: str, *, expires: timedelta) -> str:
        check_expiry(expires)
        self.stat(key)
        if self._signer is None:
            raise no_presign(key)
        return self._signer.sign(key, expires)

    # -- internals -----------------------------------------------------------------

    def _data_path(self, key: str) -> Path:
        return self._objects.joinpath(*key.split("/"))

    def _meta_path(self, key: str) -> Path:
        parts = key.split("/")
        return self._meta.joinpath(*parts[:-1], parts[-1] + ".json")

    def _refuse_if_retained(self, key: str, action: str) -> None:
        try:
            refuse_if_retained(self.stat(key), action)
        except ArchiveError as e:
            if e.code != "archive.not_found":
                raise

    def _prune_empty_parents(self, key: str) -> None:
        for base in (self._objects, self._meta):
            path = (base.joinpath(*key.split("/"))).parent
            while path != base:
                try:
                    path.rmdir()
                except OSError:
                    break
                path = path.parent

    def _remove_stale_temp_files(self) -> None:
        cutoff = time.time() - _STALE_TMP_SECONDS
        for entry in self._tmp.iterdir():
            with contextlib.suppress(OSError):
                if entry.stat().st_mtime < cutoff:
                    entry.unlink()
                    logger.info("removed stale temp file %s", entry.name)


def _write_hashed(path: Path, data: bytes | BinaryIO, known: str | None) -> tuple[int, str]:
    """Copy while hashing (unless the digest is ``known``). Errors of the source stream
    pass through untranslated; errors of our own disk become ArchiveErrors."""
    digest = None if known is not None else hashlib.sha256()
    size = 0
    with _io_errors(str(path)):
        out = path.open("xb")
    with out:
        for chunk in iter_chunks(data):
            with _io_errors(str(path)):
                out.write(chunk)
            if digest is not None:
                digest.update(chunk)
            size += len(chunk)
        with _io_errors(str(path)):
            out.flush()
            os.fsync(out.fileno())
    return size, digest.hexdigest() if digest is not None else str(known)


def _write_synced(path: Path, body: bytes) -> None:
    with path.open("xb") as out:
        out.write(body)
        out.flush()
        os.fsync(out.fileno())


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _make_parents(path: Path, key: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as e:
        raise InvalidKey(
            f"key {key!r} conflicts with an existing object used as a folder",
            f"对象键 {key!r} 与已有对象冲突（已有对象名被用作目录）",
        ) from e
    if path.is_dir():
        raise InvalidKey(
            f"key {key!r} conflicts with existing keys below it",
            f"对象键 {key!r} 与其下已有的对象冲突",
        )


def _translate_os(e: Exception) -> Exception:
    if isinstance(e, PermissionError):
        return StoreAccessDenied(f"local store: {e}", f"本地存储无访问权限：{e}")
    if isinstance(e, OSError):
        return StoreUnavailable(f"local store I/O error: {e}", f"本地存储读写失败：{e}")
    return e


@contextlib.contextmanager
def _io_errors(what: str) -> Iterator[None]:
    try:
        yield
    except OSError as e:
        raise _translate_os(e) from e


def _info_to_json(info: ObjectInfo) -> dict[str, Any]:
    return {
        "sha256": info.sha256,
        "size": info.size,
        "content_type": info.content_type,
        "metadata": dict(info.metadata),
        "modified": info.modified.isoformat(),
        "retain_until": info.retain_until.isoformat() if info.retain_until else None,
        "retention_mode": info.retention_mode,
        "legal_hold": info.legal_hold,
    }


def _info_from_json(key: str, raw: dict[str, Any]) -> ObjectInfo:
    until = raw.get("retain_until")
    return ObjectInfo(
        key=key,
        size=int(raw["size"]),
        sha256=str(raw["sha256"]),
        content_type=str(raw["content_type"]),
        metadata={str(k): str(v) for k, v in raw["metadata"].items()},
        modified=datetime.fromisoformat(raw["modified"]),
        retain_until=datetime.fromisoformat(until) if until else None,
        retention_mode=raw.get("retention_mode"),
        legal_hold=bool(raw.get("legal_hold", False)),
    )
