"""SANE driver: each scan job runs ``scanimage`` in a child process of its own.

Why a child process: a SANE backend is C code talking to USB or the network; when it
crashes or hangs, only the child dies, and cancelling is ending the child's process
group (python-sane's in-process cancel silently returns cut-off images). ``scanimage
--batch-print`` names each page file once the page is complete; the page is then checked
against its declared and expected height, so a cut-off page is never passed on.

Before a job starts, the device is asked for its scan area with the job's own settings
(``scanimage -A``: the ``-x``/``-y`` ranges, i.e. ``br-x``/``br-y``, and the values it kept
of ours). A page larger than that is refused, naming both sizes, before any sheet moves:
scanned anyway, it would come out at the device's maximum and look like a cut-off sheet.

A job ends on what scanimage says, not on how long it takes: a final status on its
stderr (jammed, busy, out of documents, ...) is the outcome even if scanimage then never
exits (Debian's ``test`` backend deadlocks after DEVICE_BUSY about once in 100 runs, more
on a loaded machine); it gets ``status_grace`` seconds to finish cancelling, then its
process group is ended. Ending the group closes the pipes, so every page listed before
the status is still delivered. ``page_timeout`` only decides when scanimage said nothing.

The child's environment: ``LC_ALL=C`` (so its messages can be mapped), a fixed PATH, and
SANE's own variables (``SANE_*``: SANE_CONFIG_DIR, SANE_DEBUG_*, ...; HOME and TMPDIR,
where backends keep calibration and temporary files) taken from the ``environ`` the caller
passes in. This library reads no environment itself, and the rest of the caller's
environment (database URLs, key passphrases) never reaches a backend. An explicit
``config_dir`` wins over SANE_CONFIG_DIR.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from scanner_drivers._pnm import pnm_to_png
from scanner_drivers.base import Capabilities, DeviceInfo, ScannedPage, ScanSettings
from scanner_drivers.errors import (
    Cancelled,
    CoverOpen,
    DeviceBusy,
    DeviceGone,
    FeederEmpty,
    Jammed,
    PageLargerThanDevice,
    ScannerError,
    UnsupportedSetting,
)

logger = logging.getLogger(__name__)

_PATH = "/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin"
_PASSED = ("HOME", "TMPDIR")  # besides SANE_*: calibration caches and temporary files
_MODES = {"color": ("Color",), "gray": ("Gray", "Grayscale"), "lineart": ("Lineart", "Binary")}
_FIT_SLACK_MM = 1.0  # a device 1 mm short of the page scans its maximum: rounding, not loss
_DRAIN_LIMIT = 5.0  # after the group is ended: a child outside it may hold a pipe open

# scanimage's messages (sane_strstatus, LC_ALL=C) → our errors, with what to do
_STATUS: list[tuple[str, type[ScannerError], str, str]] = [
    (
        "out of documents",
        FeederEmpty,
        "进纸器中没有纸张，请放入材料后重试",
        "put the sheets in the feeder and try again",
    ),
    (
        "jammed",
        Jammed,
        "进纸器卡纸，请取出卡住的纸张，从该页起重新放入",
        "take out the jammed sheet and feed again from that sheet",
    ),
    ("cover is open", CoverOpen, "扫描仪盖板打开，请合上后重试", "close the cover and try again"),
    ("device busy", DeviceBusy, "扫描仪忙，请稍后重试", "wait a moment and try again"),
    ("was cancel", Cancelled, "扫描已取消", "start the scan again when ready"),
]

# Paper sizes named in messages (mm, portrait)
_PAPER = {
    "A3": (297.0, 420.0),
    "A4": (210.0, 297.0),
    "A5": (148.0, 210.0),
    "B5": (176.0, 250.0),
    "Letter": (215.9, 279.4),
    "Legal": (215.9, 355.6),
}


@dataclass(frozen=True)
class _Options:
    """What ``scanimage -A`` printed: each option's allowed values and current value."""

    allowed: dict[str, list[str]]
    current: dict[str, str]


class SaneBackend:
    """All devices SANE sees with the given environment and configuration directory."""

    def __init__(
        self,
        *,
        config_dir: Path | None = None,
        environ: Mapping[str, str] | None = None,
        scanimage: str = "scanimage",
        busy_retries: int = 3,
        busy_wait: float = 1.0,
        page_timeout: float = 120.0,
        status_grace: float = 5.0,
    ) -> None:
        self.config_dir = config_dir
        self.passed_env = {
            k: v for k, v in (environ or {}).items() if k.startswith("SANE_") or k in _PASSED
        }
        found = shutil.which(scanimage) or shutil.which(scanimage, path=_PATH)
        self.scanimage = found or scanimage
        self.busy_retries = busy_retries
        self.busy_wait = busy_wait
        self.page_timeout = page_timeout
        self.status_grace = status_grace

    def env(self) -> dict[str, str]:
        env = {**self.passed_env, "LC_ALL": "C", "PATH": _PATH}
        if self.config_dir is not None:
            env["SANE_CONFIG_DIR"] = str(self.config_dir)
        return env

    def _run(self, args: list[str], timeout: float = 30.0) -> str:
        try:
            done = subprocess.run(
                [self.scanimage, *args],
                env=self.env(),
                capture_output=True,
                text=True,
                errors="replace",
                timeout=timeout,
                check=False,
            )
        except FileNotFoundError as e:
            raise DeviceGone(
                "scanimage is not installed; install the Debian package sane-utils",
                "未安装 scanimage（Debian 软件包 sane-utils），无法使用 SANE 扫描仪，"
                "请管理员安装后重试",
            ) from e
        except subprocess.TimeoutExpired as e:
            raise DeviceGone(
                f"SANE did not answer in {timeout:g} s; check the scanner's cable and power, "
                "then try again",
                "SANE 无响应，请检查扫描仪的数据线与电源后重试",
            ) from e
        if done.returncode != 0:
            raise _error_from(done.stderr, pages=None) or DeviceGone(
                f"scanimage failed ({done.stderr.strip()[-200:]}); check the scanner's "
                "connection and settings, then try again",
                "无法访问扫描仪，请检查连接与设置后重试",
            )
        return done.stdout

    def devices(self) -> list[DeviceInfo]:
        out = self._run(["-f", "%d\t%v\t%m\t%t%n"])
        found = []
        for line in out.splitlines():
            parts = line.split("\t")
            if len(parts) == 4:
                found.append(DeviceInfo(f"sane:{parts[0]}", "sane", *parts[1:]))
        return found

    def _options(self, device: str, args: Sequence[str] = ()) -> _Options:
        """The device's options after setting ``args``, as scanimage -A prints them."""
        out = self._run(["-d", _sane_name(device), *args, "-A"])
        allowed: dict[str, list[str]] = {}
        current: dict[str, str] = {}
        for match in re.finditer(r"^\s+(--?[\w-]+) (.+)$", out, re.MULTILINE):
            name, text = match.group(1).lstrip("-"), match.group(2)
            now = re.search(r"\[([^\]]*)\]$", text)
            if now:
                current[name] = now.group(1)
            values = re.sub(r"\s*\[[^\]]*\]$", "", text)
            values = re.sub(r"\s*\(in steps of [^)]*\)", "", values)
            allowed[name] = values.split("|")
        return _Options(allowed, current)

    def options(self, device: str) -> dict[str, list[str]]:
        """Each option's allowed values as scanimage -A prints them."""
        return self._options(device).allowed

    def capabilities(self, device: str) -> Capabilities:
        opts = self.options(device)
        raw_sources = opts.get("source", ["Flatbed"])
        sources = sorted({_our_source(s) for s in raw_sources})
        modes = tuple(m for m, names in _MODES.items() if set(names) & set(opts.get("mode", [])))
        resolutions = _numbers(opts.get("resolution", []))
        return Capabilities(
            sources=tuple(sources),
            resolutions=resolutions,
            color_modes=modes,
            duplex=any("duplex" in s.lower() for s in raw_sources),
            max_width_mm=_mm_max(opts.get("x")),
            max_height_mm=_mm_max(opts.get("y")),
        )

    def job(self, device: str, settings: ScanSettings) -> SaneJob:
        """A scan job; UnsupportedSetting (PageLargerThanDevice for the page size) when
        the device cannot do what ``settings`` ask, before anything is scanned."""
        opts = self.options(device)
        args = ["--resolution", str(settings.resolution)]
        mode = next((n for n in _MODES[settings.color_mode] if n in opts.get("mode", [])), None)
        if mode:
            args += ["--mode", mode]
        source = _device_source(opts.get("source", []), settings)
        if source:
            args += ["--source", source]
        for name, value in settings.extra.items():
            args.append(f"--{name}={value}")
        # The scan area last, and checked with everything else set: a backend's area can
        # depend on the source (a feeder often takes longer sheets than the glass).
        area = ["-x", _mm(settings.width_mm), "-y", _mm(settings.height_mm)]
        width, height = _fit(device, settings, self._options(device, [*args, *area]))
        args += ["-x", _mm(width), "-y", _mm(height)]
        return SaneJob(self, _sane_name(device), args, settings)


class SaneJob:
    name = "sane"

    def __init__(
        self, backend: SaneBackend, device: str, args: list[str], settings: ScanSettings
    ) -> None:
        self.backend = backend
        self.device = device
        self.args = args
        self.settings = settings
        self.id = uuid.uuid4().hex
        self._cancelled = threading.Event()
        self._proc: subprocess.Popen[str] | None = None
        self._lock = threading.Lock()

    def cancel(self) -> None:
        """End the child; pages that already left the feeder are still delivered."""
        self._cancelled.set()
        with self._lock:
            if self._proc is not None and self._proc.poll() is None:
                _kill_group(self._proc)

    def scan(self) -> Iterator[ScannedPage]:
        delivered = 0
        for attempt in range(self.backend.busy_retries + 1):
            try:
                for page in self._attempt(delivered):
                    delivered += 1
                    yield page
                return
            except DeviceBusy:
                if delivered or attempt == self.backend.busy_retries:
                    raise
                logger.info("scanner %s busy, retry %d", self.device, attempt + 1)
                if self._cancelled.wait(self.backend.busy_wait * (attempt + 1)):
                    raise Cancelled(
                        "scan cancelled; start it again when ready", "扫描已取消"
                    ) from None

    def _attempt(self, first_index: int) -> Iterator[ScannedPage]:
        with tempfile.TemporaryDirectory(prefix="onewindow-sane-") as tmp:
            cmd = [self.backend.scanimage, "-d", self.device, "--format=pnm"]
            cmd += [f"--batch={tmp}/page%04d.pnm", "--batch-print", *self.args]
            if self.settings.source != "adf":
                cmd.append("--batch-count=1")  # the glass holds one sheet; scanned again forever
            with self._lock:
                if self._cancelled.is_set():
                    raise Cancelled("scan cancelled; start it again when ready", "扫描已取消")
                self._proc = proc = subprocess.Popen(
                    cmd,
                    env=self.backend.env(),
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                    errors="replace",
                    start_new_session=True,  # cancel ends the whole process group
                )
            run = _Run(proc, self.backend)
            index = first_index
            try:
                for path in run.pages():
                    name = f"{self.device}#{index + 1}"
                    data = Path(path).read_bytes()
                    png = pnm_to_png(
                        data, name=name, expected_height=self.settings.expected_height_px
                    )
                    Path(path).unlink()
                    yield ScannedPage(index, png, "image/png", name, key=f"sane:{self.id}:{index}")
                    index += 1
            finally:
                _kill_group(proc)  # also ends backend helpers left in the group
                returncode = proc.wait()
        if self._cancelled.is_set():
            raise Cancelled(
                f"scan cancelled after {index} page(s); start it again for the rest",
                f"扫描已取消，已收到 {index} 页",
            )
        stderr_text = "\n".join(run.stderr)
        error = _error_from(stderr_text, pages=index)
        if error is not None:
            raise error
        if run.ended == "timeout":
            raise DeviceGone(
                f"{self.device}: no page for {self.backend.page_timeout:g} s after "
                f"{index} page(s); check the scanner (paper path, cable, power) and try again",
                f"扫描仪 {self.device} 长时间无响应，已收到 {index} 页，请检查设备后重试",
            )
        if run.ended != "status" and returncode != 0:  # after a status, we ended it
            raise DeviceGone(
                f"{self.device}: scanner process ended with {returncode} after {index} "
                f"page(s): {stderr_text.strip()[-300:]}; check the scanner and its settings",
                f"扫描进程异常结束（{returncode}），已收到 {index} 页，请检查扫描仪与设置",
            )


class _Run:
    """One scanimage process: its page files as it lists them, and its stderr."""

    def __init__(self, proc: subprocess.Popen[str], backend: SaneBackend) -> None:
        self.proc = proc
        self.backend = backend
        self.stderr: list[str] = []
        self.ended = ""  # why we ended the process group: exited | status | timeout
        self._events: queue.Queue[tuple[str, str | None]] = queue.Queue()
        for kind, stream in (("out", proc.stdout), ("err", proc.stderr)):
            threading.Thread(
                target=self._pump, args=(kind, stream), daemon=True, name=f"scanimage-{kind}"
            ).start()

    def _pump(self, kind: str, stream: IO[str] | None) -> None:
        assert stream is not None
        for line in stream:
            self._events.put((kind, line.rstrip("\n")))
        self._events.put((kind, None))

    def pages(self) -> Iterator[str]:
        """Page file names until both pipes have ended.

        The pipes end when every process holding them is gone: scanimage exiting, or the
        process group ended by us (cancel, a final status followed by no exit, no page for
        ``page_timeout``). A page listed before that is delivered, whatever ended it.
        """
        open_pipes = 2
        waiting_since = time.monotonic()
        status_at: float | None = None
        ended_at: float | None = None
        while open_pipes:
            try:
                kind, line = self._events.get(timeout=0.05)
            except queue.Empty:
                now = time.monotonic()
                if ended_at is None:
                    if self.proc.poll() is not None:
                        self.ended = "exited"  # helpers may still hold the pipes
                    elif status_at is not None and now - status_at >= self.backend.status_grace:
                        self.ended = "status"
                    elif now - waiting_since >= self.backend.page_timeout:
                        self.ended = "timeout"
                    if self.ended:
                        _kill_group(self.proc)
                        ended_at = now
                elif now - ended_at >= _DRAIN_LIMIT:
                    logger.warning("scanimage's pipes stay open after its group was ended")
                    return
                continue
            if line is None:
                open_pipes -= 1
            elif kind == "err":
                self.stderr.append(line)
                if status_at is None and _status(line) is not None:
                    status_at = time.monotonic()
            elif line.strip():
                yield line.strip()
                waiting_since = time.monotonic()  # the consumer's time is not the scanner's


def _status(line: str) -> tuple[type[ScannerError], str, str] | None:
    """The final status a scanimage stderr line reports: (error, Chinese, English)."""
    if not line.startswith("scanimage:") or "received signal" in line:
        return None
    low = line.lower()
    said = line.removeprefix("scanimage: ")
    if "open of device" in low:
        return (
            DeviceGone,
            "无法打开扫描仪，请检查数据线与电源，确认设备名称后重试",
            f"{said}: the scanner could not be opened; check its cable and power and the "
            "device name, then try again",
        )
    for needle, cls, zh, advice in _STATUS:
        if needle in low:
            return cls, zh, f"{said}: {advice}"
    if "sane_read" in low or "sane_start" in low:
        return (
            DeviceGone,
            "扫描仪出错，请检查设备后重试",
            f"{said}: check the scanner, then try again",
        )
    return None


def _error_from(stderr: str, *, pages: int | None) -> ScannerError | None:
    """The error of the first final status in ``stderr``; ``pages``: received in a scan,
    None for a query."""
    for line in stderr.splitlines():
        found = _status(line)
        if found is None:
            continue
        cls, zh, en = found
        if pages is None:
            return cls(en, zh)
        if cls is FeederEmpty and pages > 0:
            return None  # the normal end of a feeder batch
        return cls(f"{en} (after {pages} page(s))", f"{zh}（已收到 {pages} 页）")
    return None


def _fit(device: str, settings: ScanSettings, options: _Options) -> tuple[float, float]:
    """The width and height to ask the device for; PageLargerThanDevice when the page is
    larger than its scan area (its range, or what it kept of the page's size)."""
    fitted: list[float] = []
    short: list[tuple[str, str, float, float]] = []
    for axis, en, zh, wanted in (
        ("x", "width", "宽度", settings.width_mm),
        ("y", "height", "高度", settings.height_mm),
    ):
        limit = _mm_max(options.allowed.get(axis))
        if limit is not None:  # the range is in mm, so is the value the device kept
            kept = _number(options.current.get(axis))
            if kept is not None and kept < wanted:
                limit = min(limit, kept)
        if limit is None or limit >= wanted:
            fitted.append(wanted)
        elif limit >= wanted - _FIT_SLACK_MM:
            fitted.append(limit)
        else:
            short.append((en, zh, limit, wanted))
    if short:
        name, size = _paper(settings.width_mm, settings.height_mm)
        en_sizes = "; ".join(
            f"this scanner's maximum {en} is {lim:g} mm, the page needs {w:g} mm"
            for en, _, lim, w in short
        )
        zh_sizes = "；".join(
            f"该扫描仪最大扫描{zh}为 {lim:g} mm，该页需要 {w:g} mm" for _, zh, lim, w in short
        )
        raise PageLargerThanDevice(
            f"{device}: {en_sizes} ({size}). Use a scanner or source that takes {name}, or "
            f"choose a smaller page size; if this scanner should take {name}, have its SANE "
            "configuration checked",
            f"扫描仪 {device}：{zh_sizes}（{size}）。请换用支持 {name} 幅面的扫描仪或进纸方式，"
            f"或改选较小的纸张尺寸；如该扫描仪应支持 {name}，请管理员检查其 SANE 配置",
        )
    return fitted[0], fitted[1]


def _paper(width: float, height: float) -> tuple[str, str]:
    """The paper's name ("A4", or its size when unnamed) and "A4, 210 × 297 mm"."""
    size = f"{width:g} × {height:g} mm"
    for name, (w, h) in _PAPER.items():
        if abs(w - width) < 0.5 and abs(h - height) < 0.5:
            return name, f"{name}, {size}"
    return size, size


def _kill_group(proc: subprocess.Popen[str]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


def _sane_name(device: str) -> str:
    return device.removeprefix("sane:")


def _our_source(name: str) -> str:
    low = name.lower()
    if "feeder" in low or "adf" in low or "duplex" in low:
        return "adf"
    return "flatbed"


def _device_source(names: list[str], settings: ScanSettings) -> str | None:
    if not names:
        return None
    wanted = [n for n in names if _our_source(n) == settings.source]
    if settings.source == "adf":
        duplex = [n for n in wanted if "duplex" in n.lower()]
        simplex = [n for n in wanted if "duplex" not in n.lower()]
        wanted = (duplex or simplex) if settings.duplex else (simplex or duplex)
    if not wanted:
        offered = ", ".join(names)
        raise UnsupportedSetting(
            f"source {settings.source!r} not offered; the device has {offered}: "
            "choose one of those",
            f"扫描仪不支持所选纸张来源 {settings.source!r}，可选：{offered}，请改选后重试",
        )
    return wanted[0]


def _numbers(values: list[str]) -> tuple[int, ...]:
    found: list[int] = []
    for value in values:
        for part in re.split(r"\.\.|,", value):
            digits = re.match(r"\d+", part)
            if digits:
                found.append(int(digits.group()))
    return tuple(sorted(set(found)))


def _mm_max(values: list[str] | None) -> float | None:
    """The largest value of an option given in mm ("0..215.9mm", "100|200mm")."""
    text = "|".join(values or []).strip()
    if not text.endswith("mm"):
        return None
    numbers = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", text)]
    return max(numbers) if numbers else None


def _number(text: str | None) -> float | None:
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(?:mm)?\s*", text or "")
    return float(found.group(1)) if found else None


def _mm(value: float) -> str:
    return f"{value:g}"
