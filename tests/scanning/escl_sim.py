"""An eSCL (AirScan) scanner simulator on loopback, written from the Mopria eSCL spec.

It has a paper feeder holding prepared sheet images and serves ScannerCapabilities,
ScannerStatus, ScanJobs (201 + Location), NextDocument (200 per sheet, 404 at the end,
503 when busy) and DELETE to cancel. Faults are injected as a real device shows them:
``busy`` answers 503 that many times, ``jam_after`` aborts the job with AdfJam after that
many sheets of the job (the jammed sheet stays at the head of the feeder, as the clerk
re-feeds it), ``cut_after`` sends the next sheet's image cut off mid-body and puts the
sheet back. Sheets taken by a finished transfer are gone from the feeder: a page is either
delivered once or still in the feeder, which is how a test counts loss and duplication.
"""

from __future__ import annotations

import io
import threading
import uuid
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from PIL import Image


def _blank_back() -> bytes:
    out = io.BytesIO()
    Image.new("L", (827, 1169), 252).save(out, format="JPEG", quality=75)
    return out.getvalue()


BLANK_BACK = _blank_back()  # what a duplex feeder returns for a sheet printed on one side

PWG = "http://www.pwg.org/schemas/2010/12/sm"
SCAN = "http://schemas.hp.com/imaging/escl/2011/05/03"

_INPUT_CAPS = """
<scan:MinWidth>16</scan:MinWidth><scan:MaxWidth>2550</scan:MaxWidth>
<scan:MinHeight>16</scan:MinHeight><scan:MaxHeight>3508</scan:MaxHeight>
<scan:MaxScanRegions>1</scan:MaxScanRegions>
<scan:SettingProfiles><scan:SettingProfile>
<scan:ColorModes><scan:ColorMode>Grayscale8</scan:ColorMode><scan:ColorMode>RGB24</scan:ColorMode></scan:ColorModes>
<scan:DocumentFormats><pwg:DocumentFormat>image/jpeg</pwg:DocumentFormat><scan:DocumentFormatExt>image/jpeg</scan:DocumentFormatExt></scan:DocumentFormats>
<scan:SupportedResolutions><scan:DiscreteResolutions>
<scan:DiscreteResolution><scan:XResolution>100</scan:XResolution><scan:YResolution>100</scan:YResolution></scan:DiscreteResolution>
<scan:DiscreteResolution><scan:XResolution>200</scan:XResolution><scan:YResolution>200</scan:YResolution></scan:DiscreteResolution>
</scan:DiscreteResolutions></scan:SupportedResolutions>
</scan:SettingProfile></scan:SettingProfiles>
<scan:SupportedIntents><scan:Intent>Document</scan:Intent></scan:SupportedIntents>
"""

CAPABILITIES = f"""<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerCapabilities xmlns:scan="{SCAN}" xmlns:pwg="{PWG}">
<pwg:Version>2.63</pwg:Version>
<pwg:MakeAndModel>OneWindow eSCL Simulator</pwg:MakeAndModel>
<pwg:SerialNumber>SIM0001</pwg:SerialNumber>
<scan:UUID>4509a320-00a0-008f-00b6-002507510eca</scan:UUID>
<scan:Platen><scan:PlatenInputCaps>{_INPUT_CAPS}</scan:PlatenInputCaps></scan:Platen>
<scan:Adf><scan:AdfSimplexInputCaps>{_INPUT_CAPS}</scan:AdfSimplexInputCaps>
<scan:AdfDuplexInputCaps>{_INPUT_CAPS}</scan:AdfDuplexInputCaps>
<scan:FeederCapacity>50</scan:FeederCapacity>
<scan:AdfOptions><scan:AdfOption>DetectPaperLoaded</scan:AdfOption>
<scan:AdfOption>Duplex</scan:AdfOption></scan:AdfOptions>
</scan:Adf>
</scan:ScannerCapabilities>
"""


@dataclass
class Job:
    id: str
    state: str = "Processing"  # Processing | Completed | Aborted | Canceled
    reason: str = "JobScanning"
    delivered: int = 0
    duplex: bool = False
    back: bytes | None = None  # the back side of the sheet just fed, in duplex


@dataclass
class EsclSimulator:
    sheets: deque[bytes | tuple[bytes, bytes]] = field(default_factory=deque)
    busy: int = 0
    jam_after: int | None = None
    cut_after: int | None = None
    jobs: dict[str, Job] = field(default_factory=dict)
    adf_state: str = "ScannerAdfLoaded"
    requests: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    server: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}/eSCL"

    def load(self, sheets: list[bytes] | list[tuple[bytes, bytes]]) -> None:
        with self.lock:
            self.sheets.extend(sheets)
            self.adf_state = "ScannerAdfLoaded"

    def start(self) -> EsclSimulator:
        sim = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                sim.handle(self, "GET")

            def do_POST(self) -> None:
                sim.handle(self, "POST")

            def do_DELETE(self) -> None:
                sim.handle(self, "DELETE")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    # -- protocol -----------------------------------------------------------------------

    def status_xml(self) -> str:
        jobs = "".join(
            f"<scan:JobInfo><pwg:JobUri>/eSCL/ScanJobs/{j.id}</pwg:JobUri>"
            f"<pwg:JobUuid>{j.id}</pwg:JobUuid><scan:Age>1</scan:Age>"
            f"<pwg:ImagesCompleted>{j.delivered}</pwg:ImagesCompleted>"
            f"<pwg:ImagesToTransfer>0</pwg:ImagesToTransfer>"
            f"<pwg:JobState>{j.state}</pwg:JobState>"
            f"<pwg:JobStateReasons><pwg:JobStateReason>{j.reason}</pwg:JobStateReason>"
            f"</pwg:JobStateReasons></scan:JobInfo>"
            for j in self.jobs.values()
        )
        busy = any(j.state == "Processing" for j in self.jobs.values())
        return (
            f'<?xml version="1.0" encoding="UTF-8"?>'
            f'<scan:ScannerStatus xmlns:scan="{SCAN}" xmlns:pwg="{PWG}">'
            f"<pwg:Version>2.63</pwg:Version>"
            f"<pwg:State>{'Processing' if busy else 'Idle'}</pwg:State>"
            f"<scan:AdfState>{self.adf_state}</scan:AdfState>"
            f"<scan:Jobs>{jobs}</scan:Jobs></scan:ScannerStatus>"
        )

    def handle(self, h: BaseHTTPRequestHandler, method: str) -> None:
        length = int(h.headers.get("Content-Length") or 0)
        body = h.rfile.read(length) if length else b""
        path = h.path.split("?")[0].rstrip("/")
        with self.lock:
            self.requests.append(f"{method} {path}")
            if method == "GET" and path == "/eSCL/ScannerCapabilities":
                return _send(h, 200, CAPABILITIES.encode(), "text/xml")
            if method == "GET" and path == "/eSCL/ScannerStatus":
                return _send(h, 200, self.status_xml().encode(), "text/xml")
            if method == "POST" and path == "/eSCL/ScanJobs":
                return self._create(h, duplex=b"<scan:Duplex>true" in body)
            parts = path.split("/")
            if len(parts) >= 4 and parts[2] == "ScanJobs" and parts[3] in self.jobs:
                job = self.jobs[parts[3]]
                if method == "DELETE":
                    if job.state == "Processing":
                        job.state, job.reason = "Canceled", "JobCanceledByUser"
                    return _send(h, 200, b"", "text/plain")
                if method == "GET" and parts[4:] == ["NextDocument"]:
                    return self._next(h, job)
            return _send(h, 404, b"", "text/plain")

    def _create(self, h: BaseHTTPRequestHandler, *, duplex: bool) -> None:
        if self.busy > 0:
            self.busy -= 1
            return _send(h, 503, b"", "text/plain")
        if any(j.state == "Processing" for j in self.jobs.values()):
            return _send(h, 503, b"", "text/plain")
        if not self.sheets:
            self.adf_state = "ScannerAdfEmpty"
            return _send(h, 409, b"", "text/plain")
        job = Job(uuid.uuid4().hex, duplex=duplex)
        self.jobs[job.id] = job
        host = h.headers.get("Host", "127.0.0.1")
        h.send_response(201)
        h.send_header("Location", f"http://{host}/eSCL/ScanJobs/{job.id}")
        h.send_header("Content-Length", "0")
        h.end_headers()

    def _next(self, h: BaseHTTPRequestHandler, job: Job) -> None:
        if job.state != "Processing":
            return _send(h, 404, b"", "text/plain")
        if self.busy > 0:
            self.busy -= 1
            return _send(h, 503, b"", "text/plain")
        if job.back is not None:
            back, job.back = job.back, None
            job.delivered += 1
            return _send(h, 200, back, "image/jpeg")
        if self.jam_after is not None and job.delivered >= self.jam_after:
            self.jam_after = None  # the clerk clears the jam; the sheet stays in the feeder
            job.state, job.reason = "Aborted", "AdfJam"
            self.adf_state = "ScannerAdfJam"
            return _send(h, 404, b"", "text/plain")
        if not self.sheets:
            job.state, job.reason = "Completed", "JobCompletedSuccessfully"
            self.adf_state = "ScannerAdfEmpty"
            return _send(h, 404, b"", "text/plain")
        item = self.sheets.popleft()
        sheet, back = item if isinstance(item, tuple) else (item, None)
        if self.cut_after is not None and job.delivered >= self.cut_after:
            self.cut_after = None
            self.sheets.appendleft(item)  # the page never arrived whole: re-feed it
            job.state, job.reason = "Aborted", "ResourcesAreNotReady"
            h.send_response(200)
            h.send_header("Content-Type", "image/jpeg")
            h.send_header("Content-Length", str(len(sheet)))
            h.end_headers()
            h.wfile.write(sheet[: len(sheet) // 2])
            h.wfile.flush()
            h.close_connection = True
            return None
        job.delivered += 1
        if job.duplex:
            job.back = back if back is not None else BLANK_BACK
        if not self.sheets:
            self.adf_state = "ScannerAdfEmpty"
        return _send(h, 200, sheet, "image/jpeg")


def _send(h: BaseHTTPRequestHandler, code: int, body: bytes, content_type: str) -> None:
    h.send_response(code)
    h.send_header("Content-Type", content_type)
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    if body:
        h.wfile.write(body)
