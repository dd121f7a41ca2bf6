"""Waiting for something another thread or process does: poll a condition until a
deadline, never sleep a fixed time and hope (a loaded machine is slower than hope)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def wait_until(
    condition: Callable[[], T], *, what: str, timeout: float = 20.0, interval: float = 0.05
) -> T:
    """The first truthy value of `condition()`; AssertionError naming `what` when the
    deadline passes first."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"{what}: not within {timeout:.0f} s")
        time.sleep(interval)
