"""SANE (test backend, saned on loopback) and eSCL (simulator) drivers, device level."""

from __future__ import annotations

import io
import os
import signal
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from scanner_drivers import (
    Cancelled,
    CoverOpen,
    DeviceBusy,
    DeviceGone,
    FeederEmpty,
    Jammed,
    ScannerDriver,
    ScannerError,
    TruncatedPage,
)
from scanner_drivers.base import ScanSettings
from scanner_drivers.escl import EsclBackend
from scanner_drivers.sane import SaneBackend
from tests.scanning import sheets
from tests.scanning.escl_sim import EsclSimulator
from tests.scanning.sane_env import airscan_config

LOW = ScanSettings(resolution=75, width_mm=210, height_mm=297)


def fast(config: Path) -> SaneBackend:
    return SaneBackend(config_dir=config, busy_retries=1, busy_wait=0.05, page_timeout=20)


def test_sane_lists_devices_and_capabilities(sane_config: Path) -> None:
    backend = fast(sane_config)
    assert [d.id for d in backend.devices()] == ["sane:test:0", "sane:test:1"]
    caps = backend.capabilities("sane:test:0")
    assert caps.sources == ("adf", "flatbed")
    assert caps.color_modes == ("color", "gray")
    assert caps.max_width_mm == 300.0 and caps.resolutions == (1, 1200)


@pytest.mark.parametrize("mode", ["gray", "color"])
def test_sane_feeder_batch_streams_complete_pages(sane_config: Path, mode: str) -> None:
    job = fast(sane_config).job("sane:test:0", ScanSettings(resolution=75, color_mode=mode))
    assert isinstance(job, ScannerDriver)
    pages = list(job.scan())
    assert len(pages) == 10  # the test backend's feeder holds 10 sheets
    assert len({p.key for p in pages}) == 10
    image = Image.open(io.BytesIO(pages[0].data))
    assert image.size == (620, 876) and image.mode == ("L" if mode == "gray" else "RGB")


@pytest.mark.parametrize(
    ("status", "error"),
    [
        ("SANE_STATUS_JAMMED", Jammed),
        ("SANE_STATUS_NO_DOCS", FeederEmpty),
        ("SANE_STATUS_COVER_OPEN", CoverOpen),
        ("SANE_STATUS_DEVICE_BUSY", DeviceBusy),
        ("SANE_STATUS_EOF", TruncatedPage),  # a page ending before its declared height
        ("SANE_STATUS_IO_ERROR", DeviceGone),
    ],
)
def test_sane_injected_errors(sane_config: Path, status: str, error: type[ScannerError]) -> None:
    settings = ScanSettings(resolution=75, extra={"read-return-value": status})
    delivered = []
    with pytest.raises(error) as info:
        for page in fast(sane_config).job("sane:test:0", settings).scan():
            delivered.append(page)
    assert delivered == []
    assert info.value.zh and info.value.en


def test_sane_short_page_detected_by_height(sane_config: Path) -> None:
    """The device delivers 100 mm where the clerk asked for A4: a sheet lost part-way."""
    job = fast(sane_config).job("sane:test:0", LOW)
    job.args[job.args.index("-y") + 1] = "100"
    with pytest.raises(TruncatedPage, match="295 of 877"):
        list(job.scan())


def test_sane_cancel_ends_the_child_process(sane_config: Path) -> None:
    slow = {"read-delay": "yes", "read-delay-duration": "20000"}
    job = fast(sane_config).job("sane:test:0", ScanSettings(resolution=75, extra=slow))
    pages = []
    with pytest.raises(Cancelled):
        for page in job.scan():
            pages.append(page)
            if len(pages) == 2:
                job.cancel()
    assert job._proc is not None and job._proc.poll() is not None
    with pytest.raises(ProcessLookupError):
        os.kill(job._proc.pid, 0)
    assert 2 <= len(pages) < 10
    for page in pages:
        assert Image.open(io.BytesIO(page.data)).size == (620, 876)


def test_saned_on_loopback(saned: Path) -> None:
    backend = fast(saned)
    assert "sane:net:127.0.0.1:test:0" in [d.id for d in backend.devices()]
    assert len(list(backend.job("sane:net:127.0.0.1:test:0", LOW).scan())) == 10
    jam = ScanSettings(resolution=75, extra={"read-return-value": "SANE_STATUS_JAMMED"})
    with pytest.raises(Jammed):
        list(backend.job("sane:net:127.0.0.1:test:0", jam).scan())


def test_missing_scanimage_is_a_clear_error(sane_config: Path) -> None:
    backend = SaneBackend(config_dir=sane_config, scanimage="/nonexistent/scanimage")
    with pytest.raises(DeviceGone, match="sane-utils"):
        backend.devices()


# -- eSCL -------------------------------------------------------------------------------


def escl_backend(sim: EsclSimulator) -> EsclBackend:
    return EsclBackend(sim.base_url, busy_retries=5, busy_wait=0.02, timeout=10)


def test_escl_capabilities(escl: EsclSimulator) -> None:
    backend = escl_backend(escl)
    assert backend.devices()[0].model == "OneWindow eSCL Simulator"
    caps = backend.capabilities()
    assert caps.sources == ("flatbed", "adf") and caps.resolutions == (100, 200)
    assert caps.color_modes == ("color", "gray") and caps.duplex


def test_escl_batch_busy_and_delete(escl: EsclSimulator) -> None:
    pages = [sheets.page_jpeg(n) for n in range(1, 5)]
    escl.load(pages)
    escl.busy = 3  # 503 three times: retried, nothing lost
    job = escl_backend(escl).job("", LOW)
    got = list(job.scan())
    assert [p.data for p in got] == pages
    assert (
        escl.requests.count("POST /eSCL/ScanJobs")
        + escl.requests.count(
            f"GET /eSCL/ScanJobs/{job.location.rsplit('/', 1)[1]}/NextDocument"  # type: ignore[union-attr]
        )
        == 3 + 1 + 5
    )


def test_escl_errors(escl: EsclSimulator) -> None:
    backend = escl_backend(escl)
    with pytest.raises(FeederEmpty):
        list(backend.job("", LOW).scan())
    escl.load([sheets.page_jpeg(n) for n in range(1, 4)])
    escl.jam_after = 1
    got: list[bytes] = []
    with pytest.raises(Jammed):
        got.extend(p.data for p in backend.job("", LOW).scan())
    escl.cut_after = 0
    with pytest.raises(TruncatedPage):
        got.extend(p.data for p in backend.job("", LOW).scan())
    escl.busy = 99
    with pytest.raises(DeviceBusy):
        list(backend.job("", LOW).scan())
    escl.busy = 0
    got.extend(p.data for p in backend.job("", LOW).scan())
    assert got == [sheets.page_jpeg(n) for n in range(1, 4)]


def test_escl_cancel_deletes_the_job(escl: EsclSimulator) -> None:
    escl.load([sheets.page_jpeg(n) for n in range(1, 5)])
    job = escl_backend(escl).job("", LOW)
    pages = job.scan()
    next(pages)
    job.cancel()
    with pytest.raises(Cancelled):
        next(pages)
    assert any(r.startswith("DELETE /eSCL/ScanJobs/") for r in escl.requests)
    assert len(escl.sheets) == 3


def test_cli_devices_and_scan_to_folder(sane_config: Path, tmp_path: Path) -> None:
    from api.cli import main

    assert main(["devices", "--sane-config", str(sane_config)]) == 0
    out = tmp_path / "pages"
    argv = ["scan", "--device", "sane:test:0", "--resolution", "75", "--out", str(out)]
    assert main([*argv, "--sane-config", str(sane_config)]) == 0
    assert len(list(out.glob("page*.png"))) == 10
    gone = ["--sane-config", str(sane_config), "--device", "sane:nosuch:0"]
    assert main(["scan", "--out", str(tmp_path / "x"), *gone]) == 74


def test_sane_airscan_scans_from_the_simulator(escl: EsclSimulator, tmp_path: Path) -> None:
    """Debian's sane-airscan, an eSCL client nobody here wrote, accepts the simulator."""
    backend = fast(airscan_config(tmp_path / "airscan", escl.base_url))
    assert "sane:airscan:e0:OneWindow Sim" in [d.id for d in backend.devices()]
    assert backend.capabilities("sane:airscan:e0:OneWindow Sim").sources == ("adf", "flatbed")
    escl.load([sheets.page_jpeg(n) for n in range(1, 4)])
    escl.jam_after = 0  # at the first sheet; later jams race in airscan (see report)
    settings = ScanSettings(resolution=100)
    with pytest.raises(Jammed):
        list(backend.job("sane:airscan:e0:OneWindow Sim", settings).scan())
    assert len(escl.sheets) == 3
    got = list(backend.job("sane:airscan:e0:OneWindow Sim", settings).scan())
    assert len(got) == 3 and not escl.sheets
    for n, page in enumerate(got, start=1):
        image = Image.open(io.BytesIO(page.data))
        assert image.size == (827, 1169)
        original = Image.open(io.BytesIO(sheets.page_jpeg(n))).convert("L")
        diff = np.abs(np.asarray(image, dtype=int) - np.asarray(original, dtype=int))
        assert diff.mean() < 2  # the same sheet, decoded by airscan
    assert "POST /eSCL/ScanJobs" in escl.requests


def test_escl_duplex_gives_front_and_back(escl: EsclSimulator) -> None:
    fronts = [sheets.page_jpeg(n) for n in (1, 2)]
    escl.load([(fronts[0], sheets.page_jpeg(101)), (fronts[1], sheets.page_jpeg(102))])
    duplex = ScanSettings(resolution=100, duplex=True)
    got = [p.data for p in escl_backend(escl).job("", duplex).scan()]
    assert got == [fronts[0], sheets.page_jpeg(101), fronts[1], sheets.page_jpeg(102)]


@pytest.mark.parametrize(
    ("names", "duplex", "chosen"),
    [
        (["Flatbed", "ADF Front", "ADF Back", "ADF Duplex"], False, "ADF Front"),
        (["Flatbed", "ADF Front", "ADF Back", "ADF Duplex"], True, "ADF Duplex"),
        (["Flatbed", "Automatic Document Feeder"], False, "Automatic Document Feeder"),
        (["Flatbed", "ADF"], True, "ADF"),  # duplex then needs a backend option (extra)
    ],
)
def test_sane_source_names(names: list[str], duplex: bool, chosen: str) -> None:
    from scanner_drivers.sane import _device_source

    assert _device_source(names, ScanSettings(duplex=duplex)) == chosen
    with pytest.raises(ScannerError):
        _device_source(["Flatbed"], ScanSettings(source="adf"))


def test_sane_backend_crash_is_contained(sane_config: Path) -> None:
    """The backend dies mid-batch (SIGSEGV in the child): an error here, not a dead server."""
    slow = {"read-delay": "yes", "read-delay-duration": "20000"}
    job = fast(sane_config).job("sane:test:0", ScanSettings(resolution=75, extra=slow))
    pages = []
    with pytest.raises(DeviceGone, match="-11"):
        for page in job.scan():
            pages.append(page)
            if len(pages) == 2:
                assert job._proc is not None
                os.kill(job._proc.pid, signal.SIGSEGV)
    assert 2 <= len(pages) < 10
