"""Hot-folder driver: network scanners drop files into a folder (SMB/FTP).

A file is taken only when it is complete: its size and mtime have not changed for
``quiet_seconds`` of this driver's own observation (so call ``scan()`` repeatedly),
and the image format is whole (JPEG ends with FFD9, PNG has IEND,
TIFF decodes). Then it is claimed by an atomic rename into ``processing/``, read, and
moved to ``done/`` once the consumer asks for the next page. Broken files go to
``quarantine/`` with a ``<name>.reason.txt``.

Delivery is at-least-once: a page claimed but not confirmed (consumer crashed) stays in
``processing/`` and is offered again by the next driver on the folder. Files in
``done/`` are never read again. Store pages content-addressed to absorb the rare repeat.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from scanner_drivers._formats import PDF, is_complete, sniff, split_pages
from scanner_drivers.base import ScannedPage
from scanner_drivers.errors import Cancelled, ScannerError

logger = logging.getLogger(__name__)

_IGNORED_SUFFIXES = (".tmp", ".part", ".partial", ".crdownload", ".filepart")


@dataclass
class _Seen:
    size: int
    mtime_ns: int
    since: float  # monotonic time the (size, mtime) pair was first seen


class HotFolderDriver:
    name = "hotfolder"

    def __init__(
        self,
        folder: Path,
        *,
        quiet_seconds: float = 2.0,
        broken_after_seconds: float = 60.0,
        max_bytes: int = 50 * 1024 * 1024,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.folder = Path(folder)
        self.processing = self.folder / "processing"
        self.done = self.folder / "done"
        self.quarantine = self.folder / "quarantine"
        for sub in (self.processing, self.done, self.quarantine):
            sub.mkdir(parents=True, exist_ok=True)
        self.quiet_seconds = quiet_seconds
        self.broken_after_seconds = max(broken_after_seconds, quiet_seconds)
        self.max_bytes = max_bytes
        self._clock = clock
        self._seen: dict[str, _Seen] = {}
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    def scan(self) -> Iterator[ScannedPage]:
        """One pass: yield the pages of every file that is complete now, oldest first."""
        self._cancelled.clear()
        index = 0
        for claimed in self._recovered() + [p for p in map(self._claim, self._ready()) if p]:
            try:
                pages = split_pages(claimed.name, claimed.read_bytes())
            except ScannerError as e:
                self._quarantine(claimed, e.en + "\n" + e.zh)
                continue
            except OSError as e:
                logger.warning("cannot read claimed file %s: %s", claimed.name, e)
                continue
            digest = hashlib.sha256(b"".join(p.data for p in pages)).hexdigest()[:16]
            for page in pages:
                if self._cancelled.is_set():
                    raise Cancelled("scan cancelled", "扫描已取消")
                # the same file offered again after a restart gives the same key
                key = f"{page.source}@{digest}"
                yield ScannedPage(index, page.data, page.content_type, page.source, key=key)
                index += 1
            _move(claimed, self.done)  # the consumer came back for more: it has the pages

    # -- choosing files ------------------------------------------------------------------

    def _recovered(self) -> list[Path]:
        """Files claimed by a driver that died before confirming them."""
        files = [p for p in self.processing.iterdir() if p.is_file()]
        return sorted(files, key=lambda p: (p.stat().st_mtime_ns, p.name))

    def _ready(self) -> list[Path]:
        now = self._clock()
        ready: list[tuple[int, str, Path]] = []
        present: set[str] = set()
        for path in self.folder.iterdir():
            name = path.name
            if name.startswith((".", "~")) or name.lower().endswith(_IGNORED_SUFFIXES):
                continue
            try:
                st = path.stat()
            except FileNotFoundError:
                continue
            if not path.is_file():
                continue
            present.add(name)
            seen = self._seen.get(name)
            if seen is None or (seen.size, seen.mtime_ns) != (st.st_size, st.st_mtime_ns):
                # New or still changing: the quiet period starts now. An mtime on disk is
                # not trusted alone (copies preserve old mtimes while still growing).
                self._seen[name] = seen = _Seen(st.st_size, st.st_mtime_ns, now)
            if now - seen.since < self.quiet_seconds:
                continue
            verdict = self._judge(path, st.st_size, now - seen.since)
            if verdict == "ready":
                ready.append((st.st_mtime_ns, name, path))
        for gone in set(self._seen) - present:
            del self._seen[gone]
        return [p for _, _, p in sorted(ready)]

    def _judge(self, path: Path, size: int, quiet_for: float) -> str:
        """'ready', 'wait' (maybe still arriving) or 'quarantined'."""
        if size > self.max_bytes:
            self._quarantine(path, f"file larger than {self.max_bytes} bytes\n文件过大")
            return "quarantined"
        try:
            with path.open("rb") as f:
                data = f.read()
        except OSError:
            return "wait"
        kind = sniff(data)
        if kind is None or kind == PDF:
            if size == 0 and quiet_for < self.broken_after_seconds:
                return "wait"  # an SMB client creates the file before writing it
            reason = "not a JPEG, PNG or TIFF image" if kind is None else "PDF not supported yet"
            zh = "不是 JPEG、PNG 或 TIFF 图像" if kind is None else "暂不支持 PDF 文件"
            self._quarantine(path, f"{reason}\n{zh}")
            return "quarantined"
        if is_complete(data, kind):
            return "ready"
        if quiet_for >= self.broken_after_seconds:
            self._quarantine(
                path, "image data incomplete (truncated file)\n图像数据不完整（文件被截断）"
            )
            return "quarantined"
        return "wait"

    # -- moving files --------------------------------------------------------------------

    def _claim(self, path: Path) -> Path | None:
        try:
            claimed = _move(path, self.processing)
        except FileNotFoundError:
            return None  # another driver claimed it first
        self._seen.pop(path.name, None)
        return claimed

    def _quarantine(self, path: Path, reason: str) -> None:
        try:
            target = _move(path, self.quarantine)
        except FileNotFoundError:
            return
        self._seen.pop(path.name, None)
        target.with_name(target.name + ".reason.txt").write_text(reason + "\n", encoding="utf-8")
        logger.warning("quarantined %s: %s", path.name, reason.splitlines()[0])


def _move(path: Path, folder: Path) -> Path:
    """Atomic rename into ``folder`` (same file system), never overwriting a file there."""
    target = folder / path.name
    if target.exists():
        target = folder / f"{path.stem}.{uuid.uuid4().hex[:8]}{path.suffix}"
    os.rename(path, target)
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    return target
