"""Several engine instances behind one `Engine`, so pages are recognised in parallel.

ONNX Runtime releases the GIL while it runs, so N instances with one intra-op thread each
use N cores from threads of one process without fighting over them (two instances with
the default thread count on 2 cores are slower than one).
"""

from __future__ import annotations

import queue
from collections.abc import Callable

import numpy as np

from ocr.engine import Box, Engine, Line


class EnginePool(Engine):
    """Hands each `recognise` call to a free instance; blocks while all are busy."""

    def __init__(self, factory: Callable[[], Engine], size: int) -> None:
        if size < 1:
            raise ValueError("size must be at least 1")
        self.size = size
        self._engines: list[Engine] = [factory() for _ in range(size)]
        self.name = self._engines[0].name
        self._free: queue.SimpleQueue[Engine] = queue.SimpleQueue()
        for engine in self._engines:
            self._free.put(engine)

    def load(self) -> None:
        for engine in self._engines:
            load = getattr(engine, "load", None)
            if callable(load):
                load()

    def recognise(self, image: np.ndarray) -> list[Line]:
        engine = self._free.get()
        try:
            return engine.recognise(image)
        finally:
            self._free.put(engine)

    def recognise_upright(self, image: np.ndarray) -> tuple[list[Line], float | None]:
        """The instance's own: a vote when its engine takes one, else no vote."""
        engine = self._free.get()
        try:
            return engine.recognise_upright(image)
        finally:
            self._free.put(engine)

    def char_choices(
        self, image: np.ndarray, box: Box, best: int
    ) -> list[tuple[tuple[str, float], ...]] | None:
        """The instance's own second look (without it, no name's surname was ever put
        right by a pool: the default gives no choices)."""
        engine = self._free.get()
        try:
            return engine.char_choices(image, box, best)
        finally:
            self._free.put(engine)
