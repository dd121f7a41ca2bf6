"""The one contract every OCR engine implements.

An engine turns a BGR image into text lines with boxes; everything else (decoding,
deskewing, seal suppression, reading order, classification) is engine-independent, so a
new engine is one new module with one class that subclasses `Engine`.

`recognise` is required. `recognise_upright` is optional, the way an OCRmyPDF plugin
implements only the hooks it has something to say about: an engine that can tell which
way up a page is overrides it; any other gets the default (recognise, no vote), and the
pipeline then tries an unsure page upside down itself. The pipeline calls both through
the contract, never by probing an engine for attributes.
"""

from __future__ import annotations

from abc import abstractmethod
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
    """An OCR engine. Engines subclass it (explicitly, so they inherit the default of the
    optional method); both methods take a BGR uint8 image and may raise anything."""

    name: str

    @abstractmethod
    def recognise(self, image: np.ndarray) -> list[Line]:
        """Required: the text lines of the image as given."""

    def recognise_upright(self, image: np.ndarray) -> tuple[list[Line], float | None]:
        """Optional: the lines of the page read the right way up, and the share (0..1) of
        the engine's vote that the image is upside down, or None when it took no vote.

        When the share is over one half, the lines' boxes refer to the image turned by
        180°. The default takes no vote: it recognises the image as given.
        """
        return self.recognise(image), None

    def char_choices(
        self, image: np.ndarray, box: Box, best: int
    ) -> list[tuple[tuple[str, float], ...]] | None:
        """Optional: the line in `box` read again, with the recogniser's `best` likeliest
        characters (character, probability), best first, at each character it reads; or
        None when the engine cannot tell. The default cannot."""
        return None


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
