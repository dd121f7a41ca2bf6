"""Private SANE configurations: the `test` backend directly, and through saned on loopback.

Debian ships the `test` backend commented out in /etc/sane.d/dll.conf; a private
SANE_CONFIG_DIR enables it with geometry_max 300 mm so that A4 fits. Debian's own
test.conf (geometry_max 200 mm: smaller than A4) is copied as it is, or with only
geometry_max raised. The `net` backend only talks to saned's standard port, so saned binds
127.0.0.1:6566.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import threading
from pathlib import Path
from typing import IO

from tests.servers import die_with_parent

SANED_PORT = 6566
ADF = "Automatic Document Feeder"


def test_backend_config(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dll.conf").write_text("test\n")
    (folder / "test.conf").write_text(
        "number_of_devices 2\nmode Gray\ndepth 8\nresolution 75.0\n"
        'test-picture "Grid"\ngeometry_min 0.0\ngeometry_max 300.0\ngeometry_quant 1.0\n'
    )
    (folder / "saned.conf").write_text("127.0.0.1\nlocalhost\n")
    return folder


DEBIAN_TEST_CONF = Path("/etc/sane.d/test.conf")


def debian_test_config(folder: Path, *, geometry_max: float | None = None) -> Path:
    """Debian's stock test.conf with the backend enabled; only geometry_max changed if given."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dll.conf").write_text("test\n")
    conf = DEBIAN_TEST_CONF.read_text()
    if geometry_max is not None:
        conf, n = re.subn(r"(?m)^geometry_max .*$", f"geometry_max {geometry_max:.1f}", conf)
        assert n == 1, "Debian's test.conf has no geometry_max line"
    (folder / "test.conf").write_text(conf)
    return folder


def stalling_scanimage(folder: Path, *, mode: str) -> Path:
    """A scanimage that keeps its output pipes open after (or instead of) scanning.

    ``hang``: it runs the real one, then never exits, as Debian's scanimage now and then
    after reporting DEVICE_BUSY (two threads deadlocked); ``orphan``: it runs the real one
    and exits, leaving a child behind that holds the pipes, as a backend's helper process
    can; ``silent``: it says nothing at all. Option queries (-A, -f) are answered normally.
    """
    real = shutil.which("scanimage") or "/usr/bin/scanimage"
    scan, stall = {
        "hang": (f'{real} "$@"', "exec sleep 3600"),
        "orphan": (f'{real} "$@"', "sleep 3600 &\nexit 0"),
        "silent": ("", "exec sleep 3600"),
    }[mode]
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / f"scanimage-{mode}"
    script.write_text(
        f'#!/bin/sh\ncase " $* " in *" -A "*|*" -f "*) exec {real} "$@";; esac\n{scan}\n{stall}\n'
    )
    script.chmod(0o755)
    return script


def net_backend_config(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dll.conf").write_text("net\n")
    (folder / "net.conf").write_text("connect_timeout = 5\n127.0.0.1\n")
    return folder


class Saned:
    """saned in debug mode on loopback; started when it says it waits for connections."""

    READY = "waiting for control connection"  # logged after it bound and listens

    def __init__(self, config_dir: Path, log: Path) -> None:
        saned = shutil.which("saned") or "/usr/sbin/saned"
        self.log = log.open("w")
        self.proc = subprocess.Popen(
            [saned, "-l", "-b", "127.0.0.1", "-p", str(SANED_PORT), "-e", "-d", "3"],
            env={"SANE_CONFIG_DIR": str(config_dir), "LC_ALL": "C", "PATH": "/usr/bin:/bin"},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            preexec_fn=die_with_parent,  # a killed test run leaves no saned holding the port
        )
        self._ready = threading.Event()
        self._copier = threading.Thread(
            target=self._copy_log, args=(self.proc.stdout,), daemon=True
        )
        self._copier.start()
        if not self._ready.wait(10) or self.proc.poll() is not None:
            self.stop()
            raise RuntimeError(f"saned did not start on 127.0.0.1:{SANED_PORT}: {log.read_text()}")
        socket.create_connection(("127.0.0.1", SANED_PORT), timeout=5).close()

    def _copy_log(self, stream: IO[str] | None) -> None:
        assert stream is not None
        for line in stream:
            self.log.write(line)
            self.log.flush()
            if self.READY in line:
                self._ready.set()
        self._ready.set()  # saned ended: the waiter looks at the process

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._copier.join(5)  # saned's output has ended: the copy is complete
        self.log.close()


def airscan_config(folder: Path, escl_url: str, name: str = "OneWindow Sim") -> Path:
    """sane-airscan (Debian's eSCL client) with one manual device and discovery off."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dll.conf").write_text("airscan\n")
    (folder / "airscan.conf").write_text(
        f'[devices]\n"{name}" = {escl_url}, eSCL\n\n[options]\ndiscovery = disable\n'
    )
    return folder
