"""Scanner drivers: every source of page images behind one small protocol.

SANE (``scanimage`` in a child process per job), eSCL/AirScan over HTTP, hot folders,
uploads and document cameras all yield :class:`ScannedPage` streams and raise the
errors of :mod:`scanner_drivers.errors`.
"""

from scanner_drivers.base import (
    Capabilities,
    DeviceInfo,
    ScannedPage,
    ScannerBackend,
    ScannerDriver,
    ScanSettings,
)
from scanner_drivers.errors import (
    Cancelled,
    CoverOpen,
    DeviceBusy,
    DeviceGone,
    FeederEmpty,
    Jammed,
    PageLargerThanDevice,
    PageTooLarge,
    ScannerError,
    TruncatedPage,
    UnsupportedFormat,
    UnsupportedSetting,
)
from scanner_drivers.escl import EsclBackend
from scanner_drivers.hotfolder import HotFolderDriver
from scanner_drivers.sane import SaneBackend
from scanner_drivers.upload import UploadDriver

__all__ = [
    "Cancelled",
    "Capabilities",
    "CoverOpen",
    "DeviceBusy",
    "DeviceGone",
    "DeviceInfo",
    "EsclBackend",
    "FeederEmpty",
    "HotFolderDriver",
    "Jammed",
    "PageLargerThanDevice",
    "PageTooLarge",
    "SaneBackend",
    "ScanSettings",
    "ScannedPage",
    "ScannerBackend",
    "ScannerDriver",
    "ScannerError",
    "TruncatedPage",
    "UnsupportedFormat",
    "UnsupportedSetting",
    "UploadDriver",
]
