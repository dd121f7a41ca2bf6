"""Upload driver: files handed in through the browser or an API, treated as a scan batch."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Sequence

from scanner_drivers._formats import split_pages
from scanner_drivers.base import ScannedPage
from scanner_drivers.errors import Cancelled, PageTooLarge

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


class UploadDriver:
    """Pages from uploaded JPEG, PNG or TIFF files, sniffed by content, in the given order.

    Every file is checked before the first page is yielded, so a bad file in a batch
    refuses the whole batch with a message naming it (the clerk re-uploads once).
    """

    name = "upload"

    def __init__(
        self, files: Sequence[tuple[str, bytes]], *, max_bytes: int = DEFAULT_MAX_BYTES
    ) -> None:
        self._files = list(files)
        self._max_bytes = max_bytes
        self._cancelled = threading.Event()

    def scan(self) -> Iterator[ScannedPage]:
        self._cancelled.clear()
        pages = []
        for name, data in self._files:
            if len(data) > self._max_bytes:
                raise PageTooLarge(
                    f"{name}: {len(data)} bytes exceeds the {self._max_bytes}-byte limit",
                    f"{name}：文件大小超过上限（{self._max_bytes // (1024 * 1024)} MB）",
                )
            pages.extend(split_pages(name, data))
        for index, page in enumerate(pages):
            if self._cancelled.is_set():
                raise Cancelled("scan cancelled", "扫描已取消")
            yield ScannedPage(index, page.data, page.content_type, page.source)

    def cancel(self) -> None:
        self._cancelled.set()
