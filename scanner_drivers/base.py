"""The scanner-driver seam: devices, capabilities, and a scan job as a stream of pages.

Every driver (SANE, eSCL, hot folder, upload, document camera, the clerk-PC agent) gives
the same thing: an iterator of complete pages, each with a stable ``key`` so that a
consumer that sees a page twice (a restart, a retried transfer) can store it once.
Errors are the classes in :mod:`scanner_drivers.errors`, whatever the device said.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

SOURCES = ("flatbed", "adf", "camera", "folder", "upload")
COLOR_MODES = ("color", "gray", "lineart")


@dataclass(frozen=True)
class ScannedPage:
    index: int  # 0-based position in this scan
    data: bytes  # a complete, decodable image
    content_type: str  # image/jpeg, image/png or image/tiff
    source: str  # where it came from: file name, "name#2" for a TIFF frame, device name
    key: str = ""  # identity of this page across replays: same page, same key

    @property
    def identity(self) -> str:
        return self.key or f"{self.source}#{self.index}"


@dataclass(frozen=True)
class DeviceInfo:
    id: str  # what --device takes: "sane:test:0", "escl:http://host/eSCL", ...
    driver: str  # sane | escl | hotfolder | upload | camera
    vendor: str = ""
    model: str = ""
    kind: str = ""  # "flatbed scanner", "document feeder", "virtual device", ...


@dataclass(frozen=True)
class Capabilities:
    sources: tuple[str, ...]  # from SOURCES
    resolutions: tuple[int, ...]  # dpi offered (a range is given as its ends)
    color_modes: tuple[str, ...]  # from COLOR_MODES
    duplex: bool = False
    max_width_mm: float | None = None
    max_height_mm: float | None = None


@dataclass(frozen=True)
class ScanSettings:
    """What a clerk chooses. A4 portrait at 200 dpi gray reads well and stays small."""

    source: str = "adf"
    resolution: int = 200
    color_mode: str = "gray"
    duplex: bool = False
    width_mm: float = 210.0
    height_mm: float = 297.0
    extra: dict[str, str] = field(default_factory=dict)  # driver-specific options

    @property
    def expected_height_px(self) -> int:
        return round(self.height_mm / 25.4 * self.resolution)


@runtime_checkable
class ScannerDriver(Protocol):
    """One scan job (or one pass over a folder): iterate it once."""

    name: str

    def scan(self) -> Iterator[ScannedPage]:
        """Yield the pages of one batch, in order, each as soon as it is complete.

        Raises ScannerError subclasses. Pages yielded before an error are real and stay
        valid: a jam after sheet 4 has delivered sheets 1-4, and never a part of sheet 5.
        """
        ...

    def cancel(self) -> None:
        """Ask a running scan to stop; it raises Cancelled instead of further pages."""
        ...


@runtime_checkable
class ScannerBackend(Protocol):
    """A family of devices (all SANE devices, one eSCL scanner, ...)."""

    def devices(self) -> list[DeviceInfo]: ...

    def capabilities(self, device: str) -> Capabilities: ...

    def job(self, device: str, settings: ScanSettings) -> ScannerDriver: ...
