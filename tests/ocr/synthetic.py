"""Pages made of synthetic engine lines, for the tests of reading order and fields: a line
is placed by its top-left corner (32 px a character, 40 px high) or by its box."""

from __future__ import annotations

from ocr.engine import Line, rect_box
from ocr.fields import extract_fields
from ocr.pipeline import PageReading, reading_order
from ocr.preprocess import Quality

A4_200_DPI = (1654, 2339)


def reading(lines: list[Line], size: tuple[int, int] = A4_200_DPI) -> PageReading:
    ordered, text = reading_order(lines)
    return PageReading(
        lines=ordered,
        text=text,
        width=size[0],
        height=size[1],
        skew_degrees=0.0,
        seals=(),
        blank=False,
        quality=Quality(500.0, 150.0, True),
        engine="test",
        seconds=0.0,
    )


def line(text: str, left: float, top: float, conf: float = 0.98) -> Line:
    return Line(text, rect_box(left, top, left + 32 * len(text), top + 40), conf)


def box(text: str, left: float, top: float, right: float, bottom: float) -> Line:
    return Line(text, rect_box(left, top, right, bottom), 0.97)


def named(lines: list[Line], size: tuple[int, int] = A4_200_DPI) -> set[tuple[str, str]]:
    """The person and enterprise names extracted from the page."""
    return {
        (f.name, f.value)
        for f in extract_fields(reading(lines, size))
        if f.name in ("person_name", "enterprise_name")
    }
