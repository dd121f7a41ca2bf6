"""Rows: the detector's lines grouped into the rows a person reads, top to bottom, and
the page's scale (line height, character pitch) that sizes are judged by.

Lines whose vertical centres overlap stand in one row, read left to right; a line set
over another (small print set tight, whose padded boxes overlap by half a line) is the
next line of its block, never a cell of the same row.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from ocr.engine import Line, rect_box

STACKED_APART = 0.35  # middles this far apart, in the lower box's height: one over the other


def _stacked(a: Line, b: Line) -> bool:
    """One line over the other (they share most of the narrower one's width, and less
    than most of the lower one's height, or their middles stand `STACKED_APART` apart):
    lines of one block set tight (small print, a business scope set solid), never two
    cells of one row. Lines at one height over each other are an overprint (a seal's
    ring text on a line), left to the row."""
    shared = min(a.right, b.right) - max(a.left, b.left)
    level = min(a.bottom, b.bottom) - max(a.top, b.top)
    lower = min(a.bottom - a.top, b.bottom - b.top)
    apart = abs(a.centre_y - b.centre_y)
    # (a line within a taller box's height, a cell's lines read as one, stands level)
    over = level < 0.6 * lower or (apart > STACKED_APART * lower and level < 0.85 * lower)
    return shared > 0.5 * min(a.right - a.left, b.right - b.left) and over


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


def _row_centre(row: Sequence[Line]) -> float:
    return statistics.fmean(ln.centre_y for ln in row)


def _heading_span(at: int, rows: list[list[Line]], height: float) -> list[list[Line]] | None:
    """The rows the first line of `rows[at]` heads as a cell merged over them without
    rules: rows set tight around it with nothing in its column, the heading level with
    their middle (the longest such run), or None."""
    head = rows[at][0]

    def clear(row: list[Line]) -> bool:
        return all(ln.left >= head.right + 0.5 * height for ln in row if ln is not head)

    run = [rows[at]] if len(rows[at]) > 1 else []
    k = at - 1
    while k >= 0 and clear(rows[k]) and _tight(rows[k], rows[k + 1], height):
        run.insert(0, rows[k])
        k -= 1
    k = at + 1
    while k < len(rows) and clear(rows[k]) and _tight(rows[k - 1], rows[k], height):
        run.append(rows[k])
        k += 1
    best: list[list[Line]] | None = None
    for i in range(len(run)):
        for j in range(i + 2, len(run) + 1):
            span = run[i:j]
            first, last = _row_centre(span[0]), _row_centre(span[-1])
            pitch = (last - first) / (len(span) - 1)
            covers = span[0][0].top <= head.centre_y <= span[-1][-1].bottom
            if covers and abs(head.centre_y - (first + last) / 2.0) < 0.25 * pitch:
                best = span if best is None or len(span) > len(best) else best
    return best


def _tight(upper: list[Line], lower: list[Line], height: float) -> bool:
    """Two rows of one block: less than a line's height of white between them."""
    return min(ln.top for ln in lower) - max(ln.bottom for ln in upper) < height


# a heading of rows: words without a value after them ("申请人信息", "股东（发起人）")
_HEADING = re.compile(r"[\u4e00-\u9fff（）()]{2,10}")


def lift_row_headings(found: Sequence[tuple[Line, list[Line]]]) -> list[tuple[Line, list[Line]]]:
    """Reading units (`ocr.layout.units`) with a cell merged over several rows without
    rules read with the first of them: "申请人信息" set level with the middle of the rows
    of the applicant's name, ID number and phone, nothing else in its column. Row by row
    it fell between them; a person, and the table's own order (HTML's rowspan), read it
    first. Its stand-in is set level with the first row it heads. A heading `units` set
    level with its first row from the rules already (its stand-in no longer spans its
    lines) stays there: lifted again, it went to the row above them."""
    stand_ins = [stand_in for stand_in, _ in found]
    if len(stand_ins) < 5:
        return list(found)
    ruled = {
        id(stand_in)
        for stand_in, members in found
        if (stand_in.top, stand_in.bottom)
        != (min(ln.top for ln in members), max(ln.bottom for ln in members))
    }
    height = statistics.median(box_height(ln) for ln in stand_ins)
    rows = group_rows(stand_ins)
    moved: dict[int, Line] = {}
    for at, row in enumerate(rows):
        head = row[0]
        if head.text != "\u0000" and not _HEADING.fullmatch(head.text):
            continue  # a row's number ("3") or a field with its value heads no rows
        if id(head) in ruled:
            continue
        span = _heading_span(at, rows, height)
        if span is None or span[0] is row:
            continue
        # the merged cell's column is its own from the first row's top to the last's
        # bottom: a line of another row of the left column there is no cell merged
        top, bottom = min(ln.top for ln in span[0]), max(ln.bottom for ln in span[-1])
        if any(
            ln is not head
            and ln.left < head.right
            and ln.right > head.left
            and ln.bottom > top + 0.2 * height
            and ln.top < bottom - 0.2 * height
            for ln in stand_ins
        ):
            continue
        middle, half = _row_centre(span[0]), box_height(head) / 2.0
        level = rect_box(head.left, middle - half, head.right, middle + half)
        moved[id(head)] = Line(head.text, level, 1.0)
    return [(moved.get(id(stand_in), stand_in), members) for stand_in, members in found]


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
