"""The scanner-driver seam: a driver yields pages; nothing else is assumed of it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol, runtime_checkable


@dataclass(frozen=True)
class ScannedPage:
    index: int  # 0-based position in this scan
    data: bytes  # a complete, decodable image
    content_type: str  # image/jpeg, image/png or image/tiff
    source: str  # where it came from: file name, "name#2" for a TIFF frame, device name


@runtime_checkable
class ScannerDriver(Protocol):
    name: str

    def scan(self) -> Iterator[ScannedPage]:
        """Yield the pages of one batch, in order. Raises ScannerError subclasses."""
        ...

    def cancel(self) -> None:
        """Ask a running scan to stop; it raises Cancelled before the next page."""
        ...
