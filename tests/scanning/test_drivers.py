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
    PageLargerThanDevice,
    ScannerDriver,
    ScannerError,
    TruncatedPage,
    UnsupportedSetting,
)
from scanner_drivers.base import ScanSettings
from scanner_drivers.escl import EsclBackend
from scanner_drivers.sane import SaneBackend
from tests.scanning import sheets
from tests.scanning.escl_sim import EsclSimulator
from tests.scanning.sane_env import airscan_config, stalling_scanimage

LOW = ScanSettings(resolution=75, width_mm=210, height_mm=297)


def fast(config: Path) -> SaneBackend:
    return SaneBackend(
        config_dir=config, busy_retries=1, busy_wait=0.05, page_timeout=20, status_grace=0.5
    )


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


def test_sane_flatbed_scans_the_sheet_on_the_glass_once(sane_config: Path) -> None:
    """A flatbed never runs out of paper: without a count, a batch scanned the glass over
    and over (3538 pages before the test backend stalled)."""
    job = fast(sane_config).job("sane:test:0", ScanSettings(source="flatbed", resolution=75))
    assert len(list(job.scan())) == 1


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


# -- the caller's SANE environment, the device's scan area ------------------------------


def test_sane_gets_sane_variables_from_the_caller_and_nothing_else(tmp_path: Path) -> None:
    environ = {
        "SANE_CONFIG_DIR": "/from/caller",
        "SANE_DEBUG_TEST": "1",
        "HOME": "/home/clerk",
        "ONEWINDOW_KEY_PASSPHRASE": "secret",
        "LC_ALL": "zh_CN.UTF-8",
        "PATH": "/opt/elsewhere",
    }
    env = SaneBackend(environ=environ).env()
    assert env["SANE_CONFIG_DIR"] == "/from/caller" and env["SANE_DEBUG_TEST"] == "1"
    assert env["HOME"] == "/home/clerk" and env["LC_ALL"] == "C"
    assert "ONEWINDOW_KEY_PASSPHRASE" not in env and "/opt/elsewhere" not in env["PATH"]
    explicit = SaneBackend(config_dir=tmp_path, environ=environ).env()
    assert explicit["SANE_CONFIG_DIR"] == str(tmp_path)  # --sane-config wins
    assert "SANE_CONFIG_DIR" not in SaneBackend().env()  # no caller: SANE's own defaults


def test_sane_config_dir_of_the_caller_is_used(
    debian_sane_config: Path, debian_sane_config_a4: Path
) -> None:
    """Debian's test.conf with only geometry_max raised, given as SANE_CONFIG_DIR: A4 fits."""
    backend = SaneBackend(environ={"SANE_CONFIG_DIR": str(debian_sane_config_a4)})
    assert backend.capabilities("sane:test:0").max_height_mm == 300.0
    adf = ScanSettings(source="adf", resolution=75)
    assert len(list(backend.job("sane:test:0", adf).scan())) == 10
    # an explicit configuration directory (--sane-config) wins over the caller's variable
    stock = SaneBackend(
        config_dir=debian_sane_config, environ={"SANE_CONFIG_DIR": str(debian_sane_config_a4)}
    )
    assert stock.capabilities("sane:test:0").max_height_mm == 200.0


def test_page_larger_than_the_device_is_refused_before_scanning(debian_sane_config: Path) -> None:
    """Debian's stock test.conf: 200 × 200 mm. A4 is refused with both sizes named, never
    scanned at 200 mm and then taken for a cut-off sheet."""
    backend = fast(debian_sane_config)
    with pytest.raises(PageLargerThanDevice) as info:
        backend.job("sane:test:0", ScanSettings(source="adf", resolution=75))
    error = info.value
    assert isinstance(error, UnsupportedSetting)
    assert "maximum height is 200 mm, the page needs 297 mm" in error.en
    assert "maximum width is 200 mm, the page needs 210 mm" in error.en and "A4" in error.en
    assert "最大扫描高度为 200 mm，该页需要 297 mm" in error.zh and "请" in error.zh
    # only the height too large: only the height is named
    with pytest.raises(PageLargerThanDevice) as info:
        backend.job("sane:test:0", ScanSettings(resolution=75, width_mm=150, height_mm=250))
    assert "height is 200 mm, the page needs 250 mm" in info.value.en
    assert "width" not in info.value.en


def test_a_page_at_the_devices_maximum_scans_whole(debian_sane_config: Path) -> None:
    """A page up to 1 mm over the scan area is scanned at the maximum (rounding, not loss);
    the pages are complete, not cut off."""
    settings = ScanSettings(source="adf", resolution=75, width_mm=150, height_mm=200.8)
    job = fast(debian_sane_config).job("sane:test:0", settings)
    assert job.args[job.args.index("-y") + 1] == "200"
    pages = list(job.scan())
    assert len(pages) == 10
    assert Image.open(io.BytesIO(pages[0].data)).size == (442, 590)


@pytest.mark.parametrize("device", ["test:0", "sane:test:0"])
def test_cli_scan_uses_the_callers_sane_config_dir(
    debian_sane_config_a4: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    device: str,
) -> None:
    """`SANE_CONFIG_DIR=... onewindow scan --device test:0 --source adf --out DIR`."""
    from api.cli import main

    monkeypatch.setenv("SANE_CONFIG_DIR", str(debian_sane_config_a4))
    out = tmp_path / "pages"
    argv = ["scan", "--device", device, "--source", "adf", "--resolution", "75"]
    assert main([*argv, "--out", str(out)]) == 0
    assert len(list(out.glob("page*.png"))) == 10
    assert "10 page(s) saved" in capsys.readouterr().out


def test_cli_scan_refuses_a4_on_debians_stock_test_backend(
    debian_sane_config: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from api.cli import main

    monkeypatch.setenv("SANE_CONFIG_DIR", str(debian_sane_config))
    out = tmp_path / "pages"
    argv = ["scan", "--device", "test:0", "--source", "adf", "--out", str(out)]
    assert main(argv) == 65  # a setting the device cannot do, not a failed device (74)
    err = capsys.readouterr().err
    assert "scanner.page_larger_than_device" in err
    assert "maximum height is 200 mm, the page needs 297 mm" in err
    assert "最大扫描高度为 200 mm" in err
    assert "cut off" not in err and "Traceback" not in err
    assert not list(out.glob("page*"))


# -- the outcome is what scanimage reported, not how long it took -----------------------


def running_in_group(pgid: int) -> list[int]:
    """Processes of the group that are not zombies (an orphan is reaped by init, later)."""
    running = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended while we looked
        if int(fields[2]) == pgid and fields[0] != "Z":
            running.append(int(stat.parent.name))
    return running


@pytest.mark.parametrize("stall", ["hang", "orphan"])
def test_busy_is_busy_even_when_scanimage_then_never_exits(
    sane_config: Path, tmp_path: Path, stall: str
) -> None:
    """Debian's scanimage reports DEVICE_BUSY and then, now and then, deadlocks (two
    threads on one futex) instead of exiting. The page timer must not turn that into
    "no page for 60 s": the reported status is the outcome, whenever it was read."""
    backend = SaneBackend(
        config_dir=sane_config,
        scanimage=str(stalling_scanimage(tmp_path, mode=stall)),
        busy_retries=1,
        busy_wait=0,
        page_timeout=60,
        status_grace=0.2,
    )
    busy = ScanSettings(resolution=75, extra={"read-return-value": "SANE_STATUS_DEVICE_BUSY"})
    job = backend.job("sane:test:0", busy)
    with pytest.raises(DeviceBusy, match="try again"):
        list(job.scan())
    assert job._proc is not None and not running_in_group(job._proc.pid)  # ended


@pytest.mark.parametrize("stall", ["hang", "orphan"])
def test_a_feeder_batch_is_complete_when_scanimage_then_stalls(
    sane_config: Path, tmp_path: Path, stall: str
) -> None:
    """ "out of documents" after 10 pages is the batch's end; every page listed before it
    is delivered, though the process has to be ended."""
    backend = SaneBackend(
        config_dir=sane_config,
        scanimage=str(stalling_scanimage(tmp_path, mode=stall)),
        page_timeout=60,
        status_grace=0.2,
    )
    pages = list(backend.job("sane:test:0", ScanSettings(source="adf", resolution=75)).scan())
    assert len(pages) == 10 and len({p.key for p in pages}) == 10


def test_a_scanner_that_says_nothing_is_gone_after_the_page_timeout(
    sane_config: Path, tmp_path: Path
) -> None:
    silent = stalling_scanimage(tmp_path, mode="silent")
    backend = SaneBackend(config_dir=sane_config, scanimage=str(silent), page_timeout=0.3)
    job = backend.job("sane:test:0", LOW)
    with pytest.raises(DeviceGone, match=r"no page for 0.3 s after 0 page\(s\); check"):
        list(job.scan())
    assert job._proc is not None and job._proc.poll() is not None


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
