"""SANE driver: each scan job runs ``scanimage`` in a child process of its own.

Why a child process: a SANE backend is C code talking to USB or the network; when it
crashes or hangs, only the child dies, and cancelling is ending the child's process
group (python-sane's in-process cancel silently returns cut-off images). ``scanimage
--batch-print`` names each page file once the page is complete; the page is then checked
against its declared and expected height, so a cut-off page is never passed on.

The child gets a small explicit environment (``LC_ALL=C`` so its messages can be mapped,
and ``SANE_CONFIG_DIR`` when given) instead of the server's.
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
import uuid
from collections.abc import Iterator
from pathlib import Path

from scanner_drivers._pnm import pnm_to_png
from scanner_drivers.base import Capabilities, DeviceInfo, ScannedPage, ScanSettings
from scanner_drivers.errors import (
    Cancelled,
    CoverOpen,
    DeviceBusy,
    DeviceGone,
    FeederEmpty,
    Jammed,
    ScannerError,
)

logger = logging.getLogger(__name__)

_PATH = "/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin"
_MODES = {"color": ("Color",), "gray": ("Gray", "Grayscale"), "lineart": ("Lineart", "Binary")}

# scanimage's messages (sane_strstatus, LC_ALL=C) → our errors
_STATUS: list[tuple[str, type[ScannerError], str]] = [
    ("out of documents", FeederEmpty, "进纸器中没有纸张，请放入材料后重试"),
    ("jammed", Jammed, "进纸器卡纸，请取出卡住的纸张，从该页起重新放入"),
    ("cover is open", CoverOpen, "扫描仪盖板打开，请合上后重试"),
    ("device busy", DeviceBusy, "扫描仪忙，请稍后重试"),
    ("was cancel", Cancelled, "扫描已取消"),
]


class SaneBackend:
    """All devices SANE sees with the given configuration directory."""

    def __init__(
        self,
        *,
        config_dir: Path | None = None,
        scanimage: str = "scanimage",
        busy_retries: int = 3,
        busy_wait: float = 1.0,
        page_timeout: float = 120.0,
    ) -> None:
        self.config_dir = config_dir
        found = shutil.which(scanimage) or shutil.which(scanimage, path=_PATH)
        self.scanimage = found or scanimage
        self.busy_retries = busy_retries
        self.busy_wait = busy_wait
        self.page_timeout = page_timeout

    def env(self) -> dict[str, str]:
        env = {"LC_ALL": "C", "PATH": _PATH}
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
                timeout=timeout,
                check=False,
            )
        except FileNotFoundError as e:
            raise DeviceGone(
                "scanimage is not installed (Debian package sane-utils)",
                "未安装 scanimage（Debian 软件包 sane-utils），无法使用 SANE 扫描仪",
            ) from e
        except subprocess.TimeoutExpired as e:
            raise DeviceGone("SANE did not answer in time", "SANE 无响应，请检查扫描仪") from e
        if done.returncode != 0:
            raise _error_from(done.stderr, pages=0) or DeviceGone(
                f"scanimage failed: {done.stderr.strip()[-200:]}", "无法访问扫描仪，请检查连接"
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

    def options(self, device: str) -> dict[str, list[str]]:
        """Each option's allowed values as scanimage -A prints them."""
        out = self._run(["-d", _sane_name(device), "-A"])
        options: dict[str, list[str]] = {}
        for match in re.finditer(r"^\s+(--?[\w-]+) (.+)$", out, re.MULTILINE):
            values = re.sub(r"\s*\[[^\]]*\]$", "", match.group(2))
            values = re.sub(r"\s*\(in steps of [^)]*\)", "", values)
            options[match.group(1).lstrip("-")] = values.split("|")
        return options

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
            max_width_mm=_range_max(opts.get("x")),
            max_height_mm=_range_max(opts.get("y")),
        )

    def job(self, device: str, settings: ScanSettings) -> SaneJob:
        opts = self.options(device)
        args = ["--resolution", str(settings.resolution), "-x", _mm(settings.width_mm)]
        args += ["-y", _mm(settings.height_mm)]
        mode = next((n for n in _MODES[settings.color_mode] if n in opts.get("mode", [])), None)
        if mode:
            args += ["--mode", mode]
        source = _device_source(opts.get("source", []), settings)
        if source:
            args += ["--source", source]
        for name, value in settings.extra.items():
            args.append(f"--{name}={value}")
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
                    raise Cancelled("scan cancelled", "扫描已取消") from None

    def _attempt(self, first_index: int) -> Iterator[ScannedPage]:
        if self._cancelled.is_set():
            raise Cancelled("scan cancelled", "扫描已取消")
        with tempfile.TemporaryDirectory(prefix="onewindow-sane-") as tmp:
            work = Path(tmp)
            stderr_path = work / "stderr.txt"
            cmd = [self.backend.scanimage, "-d", self.device, "--format=pnm"]
            cmd += [f"--batch={work}/page%04d.pnm", "--batch-print", *self.args]
            with stderr_path.open("w") as stderr, self._lock:
                self._proc = subprocess.Popen(
                    cmd,
                    env=self.backend.env(),
                    stdout=subprocess.PIPE,
                    stderr=stderr,
                    text=True,
                    start_new_session=True,  # cancel ends the whole process group
                )
            proc = self._proc
            try:
                index = first_index
                for path in _lines(proc, self.backend.page_timeout):
                    if path is None:
                        _kill_group(proc)
                        raise DeviceGone(
                            f"{self.device}: no page for {self.backend.page_timeout:.0f}s",
                            f"扫描仪 {self.device} 长时间无响应，请检查设备后重试",
                        )
                    name = f"{self.device}#{index + 1}"
                    data = Path(path).read_bytes()
                    png = pnm_to_png(
                        data, name=name, expected_height=self.settings.expected_height_px
                    )
                    Path(path).unlink()
                    yield ScannedPage(index, png, "image/png", name, key=f"sane:{self.id}:{index}")
                    index += 1
                returncode = proc.wait()
            finally:
                _kill_group(proc)  # also ends backend helpers left in the group
                proc.wait()
            if self._cancelled.is_set():
                raise Cancelled(
                    f"scan cancelled after {index} page(s)", f"扫描已取消，已收到 {index} 页"
                )
            stderr_text = stderr_path.read_text(errors="replace")
            error = _error_from(stderr_text, pages=index)
            if error is not None:
                raise error
            if returncode != 0:
                raise DeviceGone(
                    f"{self.device}: scanner process ended with {returncode}: "
                    f"{stderr_text.strip()[-300:]}",
                    f"扫描进程异常结束（{returncode}），已收到 {index} 页，请检查扫描仪与设置",
                )


def _lines(proc: subprocess.Popen[str], timeout: float) -> Iterator[str | None]:
    """stdout lines, or None when nothing arrived for ``timeout`` seconds.

    The end is when scanimage has exited and its output is drained, not stdout's EOF:
    a backend's helper process can inherit the pipe and hold it open after scanimage
    is gone (the process group is killed afterwards).
    """
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line.strip())
        lines.put(None)

    threading.Thread(target=pump, daemon=True, name="scanimage-stdout").start()
    idle = 0.0
    exited_for = 0.0
    while True:
        try:
            line = lines.get(timeout=0.1)
        except queue.Empty:
            idle += 0.1
            if proc.poll() is not None:
                exited_for += 0.1
                if exited_for >= 0.5:  # exited, and nothing more came
                    return
            elif idle >= timeout:
                yield None
                return
            continue
        if line is None:
            return
        idle = 0.0
        if line:
            yield line


def _error_from(stderr: str, *, pages: int) -> ScannerError | None:
    for line in stderr.splitlines():
        if not line.startswith("scanimage:") or "received signal" in line:
            continue
        low = line.lower()
        if "open of device" in low:
            return DeviceGone(line, "无法打开扫描仪，请检查连接与电源")
        for needle, cls, zh in _STATUS:
            if needle in low:
                if cls is FeederEmpty and pages > 0:
                    return None  # the normal end of a feeder batch
                return cls(f"{line.removeprefix('scanimage: ')} (after {pages} page(s))", zh)
        if "sane_read" in low or "sane_start" in low:
            return DeviceGone(line, f"扫描仪出错，已收到 {pages} 页，请检查设备")
    return None


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
        raise ScannerError(
            f"source {settings.source!r} not offered; the device has {', '.join(names)}",
            f"扫描仪不支持所选纸张来源 {settings.source!r}",
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


def _range_max(values: list[str] | None) -> float | None:
    numbers = _numbers(values or [])
    return float(numbers[-1]) if numbers else None


def _mm(value: float) -> str:
    return f"{value:g}"
