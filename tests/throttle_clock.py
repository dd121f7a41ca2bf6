"""A turnable clock for the database-kept limits (`cases.throttle.clock`): a test turns it
past a lock instead of sleeping through it."""

from __future__ import annotations

import time

import pytest

from cases import throttle


class Clock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now

    def turn(self, seconds: float) -> None:
        self.now += seconds


def turnable_clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(throttle, "clock", clock)
    return clock
