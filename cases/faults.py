"""Fault points for the crash tests: named steps where the process kills itself with SIGKILL
when armed, so a test can stop the server exactly between an archive write and its commit
instead of hoping a timed kill lands there. Armed only through `Settings.fault_points`,
which production refuses."""

from __future__ import annotations

import os
import signal
import threading

_armed: dict[str, int] = {}  # point -> reaches left before the kill
_lock = threading.Lock()


def arm(points: str) -> None:
    """Arm comma-separated points, `name` (first reach) or `name@N` (N-th reach); an empty
    string disarms all."""
    with _lock:
        _armed.clear()
        for item in filter(None, (p.strip() for p in points.split(","))):
            name, _, nth = item.partition("@")
            _armed[name] = int(nth or 1)


def reach(point: str) -> None:
    with _lock:
        if point not in _armed:
            return
        _armed[point] -= 1
        if _armed[point] > 0:
            return
    os.kill(os.getpid(), signal.SIGKILL)
