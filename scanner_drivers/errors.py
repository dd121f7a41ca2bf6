"""One error root for scanner drivers, with stable codes and Chinese/English messages.

The codes mirror SANE's statuses (NO_DOCS, JAMMED, COVER_OPEN, DEVICE_BUSY, CANCELLED)
so that SANE and eSCL drivers can map onto them later.
"""

from __future__ import annotations


class ScannerError(Exception):
    code = "scanner.error"

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.en = en
        self.zh = zh

    def __reduce__(self) -> tuple[type[ScannerError], tuple[str, str]]:
        return type(self), (self.en, self.zh)


class FeederEmpty(ScannerError):
    code = "scanner.feeder_empty"


class Jammed(ScannerError):
    code = "scanner.jammed"


class CoverOpen(ScannerError):
    code = "scanner.cover_open"


class DeviceBusy(ScannerError):
    code = "scanner.device_busy"


class Cancelled(ScannerError):
    code = "scanner.cancelled"


class TruncatedPage(ScannerError):
    """The image data ends early (cancelled transfer, file still being written)."""

    code = "scanner.truncated_page"


class DeviceGone(ScannerError):
    code = "scanner.device_gone"


class UnsupportedFormat(ScannerError):
    """Not a JPEG, PNG or TIFF image (PDF is refused for now)."""

    code = "scanner.unsupported_format"


class PageTooLarge(ScannerError):
    code = "scanner.too_large"


class UnsupportedSetting(ScannerError):
    """The device does not offer what the scan settings ask for (a source, a size)."""

    code = "scanner.unsupported_setting"


class PageLargerThanDevice(UnsupportedSetting):
    """The page is wider or taller than the device's maximum scan area.

    Refused before any sheet moves: a scanner asked for more than it can do scans its
    maximum, and a sheet cut at the scanner's maximum is not a jam or a lost sheet.
    """

    code = "scanner.page_larger_than_device"


ALL_ERRORS: tuple[type[ScannerError], ...] = (
    ScannerError,
    FeederEmpty,
    Jammed,
    CoverOpen,
    DeviceBusy,
    Cancelled,
    TruncatedPage,
    DeviceGone,
    UnsupportedFormat,
    PageTooLarge,
    UnsupportedSetting,
    PageLargerThanDevice,
)
