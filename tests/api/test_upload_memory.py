"""The server's memory while two clients upload the worst pages the limits allow at once
(security finding 3: one 246 KB PNG raised the RSS from 1.5 to 3.2 GB, two to 5.9 GB).

A real `onewindow serve` (uvicorn, the in-process worker, the real OCR engine) on
loopback; its resident memory is sampled from /proc while the pages are uploaded, taken
in and read, and its high-water mark (VmHWM) is read at the end.
"""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cv2
import httpx
import numpy as np
import pytest
from PIL import Image

from sample_scans.scans import render_material, sample_applicant
from tests.servers import free_port
from tests.waiting import wait_until

ITEM = "SCJG-GT-001"
LIMIT_MB = 1536  # what the issue asks: under 1.5 GB with two clients at once
WORST = (5300, 7500)  # 39.75 Mpx: the largest page under the 40 Mpx limit


def _status(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of `pid` in MB."""
    values = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) // 1024
    return values


@dataclass
class Server:
    base: str
    token: str
    process: subprocess.Popen[bytes]
    samples: list[int] = field(default_factory=list)

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def status(self) -> dict[str, int]:
        return _status(self.process.pid)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    env = {**os.environ, "ONEWINDOW_DATA_DIR": str(tmp_path)}
    created = subprocess.run(
        [
            sys.executable,
            "-m",
            "api.cli",
            "users",
            "create",
            "clerk",
            "--role=clerk",
            "--window=W01",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    port = free_port()
    log = (tmp_path / "serve.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "serve", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"

    def up() -> bool:
        assert process.poll() is None, (tmp_path / "serve.log").read_text()
        try:
            return httpx.get(f"{base}/health", timeout=2).status_code == 200
        except httpx.TransportError:
            return False

    try:
        wait_until(up, what="onewindow serve answers /health", timeout=90, interval=0.2)
        yield Server(base, created.stdout.strip().splitlines()[-1], process)
    finally:
        process.terminate()
        process.wait(timeout=60)
        log.close()


def _text_page() -> np.ndarray:
    """An application form (200 dpi) blown up to the worst size: text for the engine to
    read, so the whole pipeline runs on each page."""
    (page,) = render_material(
        "application_form",
        item_name="个体工商户设立登记",
        applicant=sample_applicant(7),
        rng=random.Random(7),
    )
    return cv2.resize(page, WORST, interpolation=cv2.INTER_LINEAR)


def _pil(image: Image.Image, fmt: str, **options: object) -> bytes:
    buf = io.BytesIO()
    image.save(buf, fmt, **options)
    return buf.getvalue()


def _worst_pages(bgr: np.ndarray) -> dict[str, bytes]:
    """The costliest page of each kind the limits let through, each 39.75 Mpx."""
    rgb = Image.fromarray(cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB))
    grey = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    grey16 = Image.frombytes("I;16", WORST, (grey.astype("<u2") * 257).tobytes())
    return {
        "rgba.png": _pil(rgb.convert("RGBA"), "PNG", compress_level=1),
        "palette.png": _pil(rgb.convert("P"), "PNG", compress_level=1),
        "grey-16bit.tif": _pil(grey16, "TIFF", compression="tiff_lzw"),
        "cmyk.tif": _pil(rgb.convert("CMYK"), "TIFF", compression="tiff_lzw"),
    }


def _finding_png() -> bytes:
    """The finding's file: a 246 KB RGBA PNG of 7700 x 7700."""
    return _pil(Image.new("RGBA", (7700, 7700), (255, 255, 255, 255)), "PNG")


# what a client saw: the finding's PNG refused, the pages added, the check, the case
Outcome = tuple[httpx.Response, httpx.Response, httpx.Response, dict[str, Any]]


def _client(
    server: Server, seed: int, pages: dict[str, bytes], bomb: bytes, results: dict[int, Outcome]
) -> Callable[[], None]:
    def run() -> None:
        applicant = sample_applicant(seed)
        with httpx.Client(base_url=server.base, headers=server.headers(), timeout=600) as c:
            case = c.post(
                "/api/v1/cases",
                json={
                    "item_code": ITEM,
                    "applicant_type": "person",
                    "applicant_name": applicant.name,
                    "applicant_id": applicant.id_number,
                },
            ).json()
            number = case["number"]
            refused = c.post(f"/api/v1/cases/{number}/pages", files=[("files", ("p.png", bomb))])
            added = c.post(
                f"/api/v1/cases/{number}/pages",
                files=[("files", (name, data)) for name, data in pages.items()],
            )
            checked = c.get(f"/api/v1/cases/{number}/check")
            read = c.get(f"/api/v1/cases/{number}").json()
            results[seed] = (refused, added, checked, read)

    return run


@pytest.mark.ocr
def test_two_clients_uploading_the_worst_pages_stay_under_1_5_gb(server: Server) -> None:
    worst = _worst_pages(_text_page())
    bomb = _finding_png()
    names = list(worst)
    half = {0: {n: worst[n] for n in names[:2]}, 1: {n: worst[n] for n in names[2:]}}

    # warm up: the engine is loaded by the first page read, as in a hall's first minute
    warm: dict[int, Outcome] = {}
    small = {"form.jpg": cv2.imencode(".jpg", cv2.resize(_text_page(), (1654, 2339)))[1]}
    _client(server, 90, {k: v.tobytes() for k, v in small.items()}, bomb, warm)()
    idle = server.status()["VmRSS"]

    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            server.samples.append(server.status()["VmRSS"])
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    results: dict[int, Outcome] = {}
    clients = [threading.Thread(target=_client(server, s, half[s], bomb, results)) for s in (0, 1)]
    for t in clients:
        t.start()
    for t in clients:
        t.join(900)
    done.set()
    sampler.join(5)
    status = server.status()
    peak = max(status["VmHWM"], *server.samples)
    print(
        f"\nserver RSS: idle after warm-up {idle} MB, sampled peak {max(server.samples)} MB, "
        f"VmHWM {status['VmHWM']} MB, after {status['VmRSS']} MB (limit {LIMIT_MB} MB)"
    )

    assert set(results) == {0, 1}, "a client did not finish"
    for seed, (refused, added, checked, read) in results.items():
        assert refused.status_code == 422, refused.text  # the finding's PNG: a clear 4xx
        body = refused.json()["error"]
        assert "7700x7700" in body["message_en"] and "像素" in body["message_zh"]
        assert added.status_code == 202, added.text
        assert checked.status_code == 200, checked.text
        assert [p["status"] for p in read["pages"]] == ["read", "read"], (seed, read["pages"])
        assert all(p["error"] is None for p in read["pages"])
    assert peak < LIMIT_MB, f"peak RSS {peak} MB"
    # the pages' memory goes back once they are read (3.4 GB stayed before)
    assert status["VmRSS"] < 1024, status
