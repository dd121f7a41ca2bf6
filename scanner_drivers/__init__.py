"""Scanner drivers: every source of page images behind one small protocol.

Shipped: uploads and hot folders. SANE and eSCL drivers plug into the same
:class:`ScannerDriver` protocol and map device statuses onto the error classes.
"""

from scanner_drivers.base import ScannedPage, ScannerDriver
from scanner_drivers.errors import (
    Cancelled,
    CoverOpen,
    DeviceBusy,
    DeviceGone,
    FeederEmpty,
    Jammed,
    PageTooLarge,
    ScannerError,
    TruncatedPage,
    UnsupportedFormat,
)
from scanner_drivers.hotfolder import HotFolderDriver
from scanner_drivers.upload import UploadDriver

__all__ = [
    "Cancelled",
    "CoverOpen",
    "DeviceBusy",
    "DeviceGone",
    "FeederEmpty",
    "HotFolderDriver",
    "Jammed",
    "PageTooLarge",
    "ScannedPage",
    "ScannerDriver",
    "ScannerError",
    "TruncatedPage",
    "UnsupportedFormat",
    "UploadDriver",
]
