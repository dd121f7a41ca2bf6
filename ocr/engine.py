"""The one contract every OCR engine implements.

An engine turns a BGR image into text lines with boxes; everything else (decoding,
deskewing, seal suppression, reading order, classification) is engine-independent, so a
new engine is one new module implementing `Engine`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

import numpy as np

Point = tuple[float, float]
Box = tuple[Point, Point, Point, Point]


@dataclass(frozen=True)
class Line:
    """One recognised text line."""

    text: str
    box: Box  # clockwise from top-left, pixel coordinates of the image given to the engine
    confidence: float

    @property
    def left(self) -> float:
        return min(p[0] for p in self.box)

    @property
    def right(self) -> float:
        return max(p[0] for p in self.box)

    @property
    def top(self) -> float:
        return min(p[1] for p in self.box)

    @property
    def bottom(self) -> float:
        return max(p[1] for p in self.box)

    @property
    def centre_y(self) -> float:
        return (self.top + self.bottom) / 2.0


@runtime_checkable
class Engine(Protocol):
    """An OCR engine; `recognise` takes a BGR uint8 image and may raise anything."""

    name: str

    def recognise(self, image: np.ndarray) -> list[Line]: ...


def rect_box(left: float, top: float, right: float, bottom: float) -> Box:
    """An axis-aligned box, clockwise from top-left."""
    return ((left, top), (right, top), (right, bottom), (left, bottom))


def lines_from_polygons(
    polygons: Iterable[Any], texts: Iterable[Any], scores: Iterable[Any]
) -> list[Line]:
    """Lines from an engine's parallel results: each text polygon (its first four corners,
    clockwise from top-left), text and score; polygons without four corners and empty
    texts are left out."""
    lines: list[Line] = []
    for polygon, text, score in zip(polygons, texts, scores, strict=False):
        pts = [(float(p[0]), float(p[1])) for p in np.asarray(polygon).reshape(-1, 2)[:4]]
        if len(pts) == 4 and str(text).strip():
            lines.append(Line(str(text), (pts[0], pts[1], pts[2], pts[3]), float(score)))
    return lines
