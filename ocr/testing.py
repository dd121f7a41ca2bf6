"""Fake engines for tests: fixed text, a crash and a hang (OCRmyPDF's approach)."""

from __future__ import annotations

import time
from collections.abc import Sequence

import numpy as np

from ocr.engine import Box, Engine, Line, rect_box

_CHAR_WIDTH = 32.0
_LINE_HEIGHT = 40.0
_LINE_PITCH = 60.0
_MARGIN = 50.0


class FixedTextEngine(Engine):
    """Returns the given lines stacked vertically, whatever the image."""

    name = "fixed-text"

    def __init__(self, lines: Sequence[str], confidence: float = 0.99) -> None:
        self._lines = tuple(lines)
        self._confidence = confidence
        self.calls = 0

    def recognise(self, image: np.ndarray) -> list[Line]:
        self.calls += 1
        result: list[Line] = []
        for i, text in enumerate(self._lines):
            top = _MARGIN + i * _LINE_PITCH
            right = _MARGIN + _CHAR_WIDTH * max(1, len(text))
            box = rect_box(_MARGIN, top, right, top + _LINE_HEIGHT)
            result.append(Line(text=text, box=box, confidence=self._confidence))
        return result


class FixedLinesEngine(Engine):
    """Returns exactly the given `Line`s (with their boxes), for geometry tests. Lines
    placed on a page `page_width` pixels wide are scaled to the image the engine is given
    (the pipeline enlarges a small page before reading it)."""

    name = "fixed-lines"

    def __init__(self, lines: Sequence[Line], *, page_width: int | None = None) -> None:
        self._lines = list(lines)
        self._page_width = page_width
        self.calls = 0

    def recognise(self, image: np.ndarray) -> list[Line]:
        self.calls += 1
        if self._page_width is None or image.shape[1] == self._page_width:
            return list(self._lines)
        f = image.shape[1] / self._page_width
        return [Line(ln.text, _scaled(ln.box, f), ln.confidence) for ln in self._lines]


def _scaled(box: Box, f: float) -> Box:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = box
    return ((x0 * f, y0 * f), (x1 * f, y1 * f), (x2 * f, y2 * f), (x3 * f, y3 * f))


class CrashingEngine(Engine):
    """Raises inside `recognise`, like a broken model file or an onnxruntime error."""

    name = "crashing"

    def __init__(self, message: str = "simulated engine crash") -> None:
        self._message = message

    def recognise(self, image: np.ndarray) -> list[Line]:
        raise RuntimeError(self._message)


class HangingEngine(Engine):
    """Sleeps `seconds` before returning nothing, to exercise timeouts."""

    name = "hanging"

    def __init__(self, seconds: float) -> None:
        self._seconds = seconds

    def recognise(self, image: np.ndarray) -> list[Line]:
        time.sleep(self._seconds)
        return []
