"""eSCL (AirScan, Mopria) driver: network scanners spoken to over HTTP.

The protocol: GET ``ScannerCapabilities``; POST ``ScanJobs`` with ``ScanSettings`` XML →
201 and a ``Location``; GET ``{job}/NextDocument`` until 404, each 200 a page; 503 means
busy, try again; DELETE ``{job}`` cancels. Why a job ended is read from
``ScannerStatus`` (JobState, JobStateReasons, AdfState).
"""

from __future__ import annotations

import logging
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from urllib.parse import urljoin

import httpx

from scanner_drivers._formats import is_complete, sniff
from scanner_drivers.base import Capabilities, DeviceInfo, ScannedPage, ScanSettings
from scanner_drivers.errors import (
    Cancelled,
    CoverOpen,
    DeviceBusy,
    DeviceGone,
    FeederEmpty,
    Jammed,
    ScannerError,
    TruncatedPage,
)

logger = logging.getLogger(__name__)

PWG = "http://www.pwg.org/schemas/2010/12/sm"
SCAN = "http://schemas.hp.com/imaging/escl/2011/05/03"
NS = {"pwg": PWG, "scan": SCAN}
_MODES = {"color": "RGB24", "gray": "Grayscale8", "lineart": "BlackAndWhite1"}
_OUR_MODES = {v: k for k, v in _MODES.items()}


def scan_settings_xml(settings: ScanSettings, *, document_format: str = "image/jpeg") -> str:
    """The ScanSettings request body (dimensions in 1/300 inch, as eSCL counts)."""
    width = round(settings.width_mm / 25.4 * 300)
    height = round(settings.height_mm / 25.4 * 300)
    source = {"adf": "Feeder", "flatbed": "Platen", "camera": "Camera"}.get(settings.source)
    duplex = "<scan:Duplex>true</scan:Duplex>" if settings.duplex else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<scan:ScanSettings xmlns:scan="{SCAN}" xmlns:pwg="{PWG}">'
        "<pwg:Version>2.6</pwg:Version>"
        "<pwg:ScanRegions><pwg:ScanRegion>"
        f"<pwg:Height>{height}</pwg:Height><pwg:Width>{width}</pwg:Width>"
        "<pwg:XOffset>0</pwg:XOffset><pwg:YOffset>0</pwg:YOffset>"
        "<pwg:ContentRegionUnits>escl:ThreeHundredthsOfInches</pwg:ContentRegionUnits>"
        "</pwg:ScanRegion></pwg:ScanRegions>"
        f"<pwg:InputSource>{source or 'Feeder'}</pwg:InputSource>"
        f"<scan:ColorMode>{_MODES[settings.color_mode]}</scan:ColorMode>"
        f"<pwg:DocumentFormat>{document_format}</pwg:DocumentFormat>"
        f"<scan:DocumentFormatExt>{document_format}</scan:DocumentFormatExt>"
        f"<scan:XResolution>{settings.resolution}</scan:XResolution>"
        f"<scan:YResolution>{settings.resolution}</scan:YResolution>"
        f"{duplex}</scan:ScanSettings>"
    )


class EsclBackend:
    """One eSCL scanner at ``base_url`` (e.g. ``http://192.168.1.20/eSCL``)."""

    def __init__(
        self,
        base_url: str,
        *,
        client: httpx.Client | None = None,
        busy_retries: int = 10,
        busy_wait: float = 0.5,
        timeout: float = 60.0,
    ) -> None:
        self.base_url = base_url.rstrip("/") + "/"
        self.client = client or httpx.Client(timeout=timeout)
        self.busy_retries = busy_retries
        self.busy_wait = busy_wait

    def request(self, method: str, url: str, **kwargs: object) -> httpx.Response:
        try:
            return self.client.request(method, urljoin(self.base_url, url), **kwargs)  # type: ignore[arg-type]
        except httpx.TransportError as e:
            raise DeviceGone(
                f"scanner at {self.base_url} unreachable: {e}",
                "无法连接网络扫描仪，请检查电源与网络",
            ) from e

    def _xml(self, path: str) -> ET.Element:
        response = self.request("GET", path)
        if response.status_code != 200:
            raise DeviceGone(
                f"{path}: HTTP {response.status_code}", f"扫描仪返回错误 {response.status_code}"
            )
        try:
            return ET.fromstring(response.content)
        except ET.ParseError as e:
            raise DeviceGone(f"{path}: bad XML ({e})", "扫描仪返回的数据无法解析") from e

    def devices(self) -> list[DeviceInfo]:
        caps = self._xml("ScannerCapabilities")
        make_model = caps.findtext("pwg:MakeAndModel", "", NS)
        return [DeviceInfo(f"escl:{self.base_url}", "escl", "", make_model, "network scanner")]

    def capabilities(self, device: str = "") -> Capabilities:
        caps = self._xml("ScannerCapabilities")
        sources = []
        if caps.find("scan:Platen", NS) is not None:
            sources.append("flatbed")
        if caps.find("scan:Adf", NS) is not None:
            sources.append("adf")
        if caps.find("scan:Camera", NS) is not None:
            sources.append("camera")
        resolutions = sorted(
            {
                int(x.text or 0)
                for x in caps.iterfind(".//scan:DiscreteResolution/scan:XResolution", NS)
            }
        )
        modes = sorted(
            {_OUR_MODES.get(m.text or "", "") for m in caps.iterfind(".//scan:ColorMode", NS)}
            - {""}
        )
        widths = [int(w.text or 0) for w in caps.iterfind(".//scan:MaxWidth", NS)]
        heights = [int(h.text or 0) for h in caps.iterfind(".//scan:MaxHeight", NS)]
        return Capabilities(
            sources=tuple(sources),
            resolutions=tuple(resolutions),
            color_modes=tuple(modes),
            duplex=caps.find(".//scan:AdfDuplexInputCaps", NS) is not None,
            max_width_mm=max(widths) / 300 * 25.4 if widths else None,
            max_height_mm=max(heights) / 300 * 25.4 if heights else None,
        )

    def job(self, device: str, settings: ScanSettings) -> EsclJob:
        return EsclJob(self, settings)

    def status(self) -> ET.Element:
        return self._xml("ScannerStatus")


class EsclJob:
    name = "escl"

    def __init__(self, backend: EsclBackend, settings: ScanSettings) -> None:
        self.backend = backend
        self.settings = settings
        self.location: str | None = None
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()
        if self.location is not None:
            try:
                self.backend.request("DELETE", self.location)
            except ScannerError as e:
                logger.warning("cancel of eSCL job failed: %s", e.code)

    def _busy(self, attempt: int, what: str) -> None:
        if attempt >= self.backend.busy_retries:
            raise DeviceBusy(f"scanner busy ({what})", "扫描仪忙，请稍后重试")
        if self._cancelled.wait(self.backend.busy_wait):
            raise Cancelled("scan cancelled", "扫描已取消")

    def _create(self) -> str:
        body = scan_settings_xml(self.settings)
        for attempt in range(self.backend.busy_retries + 1):
            response = self.backend.request(
                "POST", "ScanJobs", content=body, headers={"Content-Type": "text/xml"}
            )
            if response.status_code == 201 and response.headers.get("Location"):
                return response.headers["Location"]
            if response.status_code == 503:
                self._busy(attempt, "ScanJobs")
                continue
            if response.status_code == 409:  # the state forbids a job: read why
                raise self._status_error(pages=0) or DeviceBusy(
                    "scanner refused the job (409)", "扫描仪暂不能扫描，请稍后重试"
                )
            raise DeviceGone(
                f"ScanJobs: HTTP {response.status_code}",
                f"扫描仪拒绝扫描（{response.status_code}）",
            )
        raise DeviceBusy("scanner busy", "扫描仪忙，请稍后重试")

    def scan(self) -> Iterator[ScannedPage]:
        if self._cancelled.is_set():
            raise Cancelled("scan cancelled", "扫描已取消")
        self.location = self._create()
        index = 0
        attempt = 0
        while True:
            if self._cancelled.is_set():
                raise Cancelled(
                    f"scan cancelled after {index} page(s)", f"扫描已取消，已收到 {index} 页"
                )
            try:
                response = self.backend.request("GET", f"{self.location.rstrip('/')}/NextDocument")
            except DeviceGone as e:
                if isinstance(e.__cause__, httpx.RemoteProtocolError):  # body cut off
                    raise self._truncated(index) from e
                raise
            if response.status_code == 503:
                self._busy(attempt, "NextDocument")
                attempt += 1
                continue
            attempt = 0
            if response.status_code == 404:
                break
            if response.status_code != 200:
                raise self._status_error(pages=index) or DeviceGone(
                    f"NextDocument: HTTP {response.status_code}",
                    f"扫描仪出错（{response.status_code}），已收到 {index} 页",
                )
            data = response.content
            kind = sniff(data)
            if kind is None or not is_complete(data, kind):
                raise self._truncated(index)
            yield ScannedPage(
                index, data, kind, f"escl#{index + 1}", key=f"escl:{self.location}:{index}"
            )
            index += 1
        if self._cancelled.is_set():
            raise Cancelled(
                f"scan cancelled after {index} page(s)", f"扫描已取消，已收到 {index} 页"
            )
        error = self._status_error(pages=index)
        if error is not None:
            raise error

    def _truncated(self, index: int) -> TruncatedPage:
        return TruncatedPage(
            f"page {index + 1} arrived incomplete; re-feed from this sheet",
            f"第 {index + 1} 页图像不完整，请从该页起重新放入扫描",
        )

    def _status_error(self, *, pages: int) -> ScannerError | None:
        """Why the job (or the device) stopped, from ScannerStatus."""
        try:
            status = self.backend.status()
        except ScannerError:
            return None
        reasons: list[str] = []
        state = ""
        for info in status.iterfind(".//scan:JobInfo", NS):
            uri = info.findtext("pwg:JobUri", "", NS)
            if self.location and uri and self.location.rstrip("/").endswith(uri.rstrip("/")):
                state = info.findtext("pwg:JobState", "", NS)
                reasons = [r.text or "" for r in info.iterfind(".//pwg:JobStateReason", NS)]
        adf = status.findtext("scan:AdfState", "", NS)
        words = " ".join([adf, state, *reasons]).lower()
        suffix = f"(after {pages} page(s))"
        if "jam" in words:
            return Jammed(
                f"feeder jammed {suffix}", f"进纸器卡纸，已收到 {pages} 页，请从卡纸页起重新放入"
            )
        if "dooropen" in words or "coveropen" in words or "hatchopen" in words:
            return CoverOpen(f"cover open {suffix}", "扫描仪盖板打开，请合上后重试")
        if "canceled" in words or "cancelled" in words:
            return Cancelled(
                f"job cancelled at the scanner {suffix}", f"扫描已在设备上取消，已收到 {pages} 页"
            )
        if pages == 0 and ("empty" in words or "nodocument" in words):
            return FeederEmpty("feeder empty", "进纸器中没有纸张，请放入材料后重试")
        if state == "Aborted":
            return DeviceGone(
                f"job aborted {suffix}: {' '.join(reasons)}", f"扫描任务中止，已收到 {pages} 页"
            )
        return None
