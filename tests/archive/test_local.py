"""LocalFolderStore specifics: key safety, crash safety, on-disk corruption, retention."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from archive import (
    InMemoryStore,
    IntegrityError,
    InvalidKey,
    LocalFolderStore,
    ObjectNotFound,
    RetentionLocked,
)


def test_traversal_never_touches_outside_root(tmp_path: Path) -> None:
    root = tmp_path / "root"
    store = LocalFolderStore(root)
    for key in ("../escape", "a/../../escape", "/etc/passwd", "C:/x", "..", "a/.."):
        with pytest.raises(InvalidKey):
            store.put(key, b"x")
        with pytest.raises(InvalidKey):
            store.get(key)
        with pytest.raises(InvalidKey):
            store.delete(key)
    with pytest.raises(InvalidKey):
        list(store.list("../"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["root"]


def test_exception_mid_write_leaves_no_partial_object(tmp_path: Path) -> None:
    store = LocalFolderStore(tmp_path)

    class Broken(io.RawIOBase):
        sent = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
            if self.sent > 3 * 1024 * 1024:
                raise ConnectionResetError("client went away")
            n = len(buffer)
            memoryview(buffer)[:n] = b"\x01" * n
            self.sent += n
            return n

    store.put("doc", b"old version")
    with pytest.raises(ConnectionResetError):
        store.put("doc", Broken())  # type: ignore[arg-type]
    assert store.get("doc") == b"old version"
    with pytest.raises(Exception):  # noqa: B017
        store.put("new", Broken())  # type: ignore[arg-type]
    assert not store.exists("new")
    assert list((tmp_path / "tmp").iterdir()) == []


def test_killed_process_mid_write_leaves_no_partial_object(tmp_path: Path) -> None:
    """A real crash: the writer is SIGKILLed while streaming."""
    script = textwrap.dedent(
        f"""
        import io, os, signal, sys
        sys.path.insert(0, {str(Path.cwd())!r})
        from pathlib import Path
        from archive import LocalFolderStore

        class Dying(io.RawIOBase):
            sent = 0
            def readable(self): return True
            def readinto(self, b):
                if self.sent > 2 * 1024 * 1024:
                    os.kill(os.getpid(), signal.SIGKILL)
                b[:len(b)] = b"\\x02" * len(b)
                self.sent += len(b)
                return len(b)

        store = LocalFolderStore(Path({str(tmp_path)!r}))
        store.put("first", b"kept")
        store.put("crashed", Dying())
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert result.returncode == -9, result.stderr.decode()
    leftovers = list((tmp_path / "tmp").iterdir())
    assert leftovers, "the crash should have left a temp file behind"
    old = datetime.now().timestamp() - 7200
    for path in leftovers:
        os.utime(path, (old, old))
    store = LocalFolderStore(tmp_path)  # restart cleans stale temp files
    assert not store.exists("crashed")
    assert [i.key for i in store.list()] == ["first"]
    assert list((tmp_path / "tmp").iterdir()) == []


def test_corruption_on_disk_is_detected(tmp_path: Path) -> None:
    store = LocalFolderStore(tmp_path)
    store.put("cases/1/a.jpg", b"original bytes")
    (tmp_path / "objects" / "cases" / "1" / "a.jpg").write_bytes(b"tampered bytes")
    with pytest.raises(IntegrityError):
        store.get("cases/1/a.jpg")
    with store.open("cases/1/a.jpg") as stream, pytest.raises(IntegrityError):
        stream.read()


def test_sidecar_is_json_and_layout_is_documented(tmp_path: Path) -> None:
    import json

    store = LocalFolderStore(tmp_path)
    info = store.put("a/b.pdf", b"x", content_type="application/pdf", metadata={"case": "c"})
    sidecar = json.loads((tmp_path / "meta" / "a" / "b.pdf.json").read_text())
    assert sidecar["sha256"] == info.sha256 == hashlib.sha256(b"x").hexdigest()
    assert sidecar["metadata"] == {"case": "c"}
    assert (tmp_path / "objects" / "a" / "b.pdf").read_bytes() == b"x"


def test_file_and_folder_key_conflict_is_an_archive_error(tmp_path: Path) -> None:
    store = LocalFolderStore(tmp_path)
    store.put("a", b"1")
    with pytest.raises(InvalidKey):
        store.put("a/b", b"2")
    store.put("c/d", b"3")
    with pytest.raises(InvalidKey):
        store.put("c", b"4")


def test_delete_prunes_empty_folders(tmp_path: Path) -> None:
    store = LocalFolderStore(tmp_path)
    store.put("x/y/z", b"1")
    store.delete("x/y/z")
    assert list((tmp_path / "objects").iterdir()) == []
    assert list((tmp_path / "meta").iterdir()) == []
    with pytest.raises(ObjectNotFound):
        store.delete("x/y/z")


@pytest.mark.parametrize("kind", ["memory", "local"])
def test_retention_blocks_replace_and_expires(tmp_path: Path, kind: str) -> None:
    store = InMemoryStore() if kind == "memory" else LocalFolderStore(tmp_path)
    store.put("r", b"1", retain_until=datetime.now(UTC) + timedelta(hours=1))
    with pytest.raises(RetentionLocked):
        store.put("r", b"2")
    assert store.get("r") == b"1"
    store.put("old", b"1", retain_until=datetime.now(UTC) - timedelta(seconds=1))
    store.delete("old")
    naive = datetime.now(UTC).replace(tzinfo=None) + timedelta(hours=1)  # taken as UTC
    info = store.put("n", b"1", retain_until=naive)
    assert info.retain_until == naive.replace(tzinfo=UTC)


def test_memory_store_detects_corruption() -> None:
    store = InMemoryStore()
    store.put("k", b"good")
    store.corrupt("k", b"evil")
    with pytest.raises(IntegrityError):
        store.get("k")
