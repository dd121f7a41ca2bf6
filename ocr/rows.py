"""Rows: the detector's lines grouped into the rows a person reads, top to bottom, and
the page's scale (line height, character pitch) that sizes are judged by.

Lines whose vertical centres overlap stand in one row, read left to right; a line set
over another (small print set tight, whose padded boxes overlap by half a line) is the
next line of its block, never a cell of the same row.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from ocr.engine import Line


def _stacked(a: Line, b: Line) -> bool:
    """One line over the other (they share most of the narrower one's width, and less
    than most of the lower one's height): lines of one block set tight (small print),
    never two cells of one row. Lines at one height over each other are an overprint
    (a seal's ring text on a line), left to the row."""
    shared = min(a.right, b.right) - max(a.left, b.left)
    level = min(a.bottom, b.bottom) - max(a.top, b.top)
    lower = min(a.bottom - a.top, b.bottom - b.top)
    return shared > 0.5 * min(a.right - a.left, b.right - b.left) and level < 0.6 * lower


def group_rows(lines: Sequence[Line]) -> list[list[Line]]:
    """Group lines whose vertical centres overlap into rows, top to bottom, left to right;
    a line over another (`_stacked`) starts a row of its own."""
    rows: list[list[Line]] = []
    bounds: list[tuple[float, float]] = []  # mean top and bottom of each row
    for line in sorted(lines, key=lambda ln: (ln.centre_y, ln.left)):
        placed = False
        for i in range(len(rows) - 1, max(-1, len(rows) - 4), -1):
            top, bottom = bounds[i]
            centre = (top + bottom) / 2.0
            if (top <= line.centre_y <= bottom or line.top <= centre <= line.bottom) and not any(
                _stacked(line, other) for other in rows[i]
            ):
                rows[i].append(line)
                n = len(rows[i])
                bounds[i] = (
                    top + (line.top - top) / n,
                    bottom + (line.bottom - bottom) / n,
                )
                placed = True
                break
        if not placed:
            rows.append([line])
            bounds.append((line.top, line.bottom))
    ordered = sorted(zip(rows, bounds, strict=True), key=lambda rb: (rb[1][0] + rb[1][1]) / 2.0)
    return [sorted(row, key=lambda ln: ln.left) for row, _ in ordered]


def box_height(line: Line) -> float:
    """The height of a line's (padded) box."""
    return line.bottom - line.top


@dataclass(frozen=True)
class Scale:
    """The page's sizes: sizes are judged in lines and characters, not pixels."""

    height: float  # median height of a line box
    char: float  # median character pitch (a Latin letter or digit counts half)


def char_count(text: str) -> float:
    """Characters of a text in CJK widths (a Latin letter or digit counts half)."""
    return sum(1.0 if ord(ch) > 0x2E7F else 0.5 for ch in text if not ch.isspace())


def page_scale(lines: Sequence[Line]) -> Scale:
    """The median line height and character pitch of `lines`."""
    height = statistics.median(box_height(ln) for ln in lines)
    pitches = [(ln.right - ln.left) / n for ln in lines if (n := char_count(ln.text)) >= 3]
    return Scale(height, statistics.median(pitches) if pitches else 0.6 * height)
