"""Strips of the page between stretches of whitespace running down through rows of
lines, and which of those stretches part a strip of labels from their values.

A strip no wider than a label, holding mostly short lines of body size, is a strip of
labels ("名称", "住所："; a bracketed qualifier, "（负责人）", not counted): the gap after it
parts labels from their values (a label gap). The strip right after a strip of labels
holds their values, however short ("个体工商户"), unless it holds single characters: the
rest of labels set letter-spaced ("名 | 称").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ocr.engine import Line
from ocr.rows import Scale, box_height, char_count

Rect = tuple[float, float, float, float]  # left, top, right, bottom in page pixels

LABEL_WIDTH = 10  # a strip of labels is at most this wide (in characters)
LABEL_CHARS = 8  # and its labels at most this long
# an amount, a date or a number in figures: a value in a table's column, never a label
_FIGURES = re.compile(r"[\d.,:：/%\-¥￥\s]+")


@dataclass(frozen=True)
class Gap:
    """A stretch of whitespace running down through rows of lines."""

    left: float  # page x where the whitespace starts
    right: float  # and where it ends

    @property
    def middle(self) -> float:
        return (self.left + self.right) / 2.0


def free_gaps(
    rows: Sequence[Sequence[Line]], obstacles: Sequence[Rect], min_width: float
) -> list[Gap]:
    """Stretches of whitespace at least `min_width` wide running through every row, with
    ink on both sides (an obstacle, such as a ruled cell, counts as ink)."""
    spans: list[tuple[float, float]] = []
    for row in rows:
        spans += [(ln.left, ln.right) for ln in row]
    top = min(ln.top for row in rows for ln in row)
    bottom = max(ln.bottom for row in rows for ln in row)
    spans += [(o[0], o[2]) for o in obstacles if o[1] < bottom and o[3] > top]
    spans.sort()
    gaps: list[Gap] = []
    reach = spans[0][1]
    for left, right in spans[1:]:
        if left - reach >= min_width:
            gaps.append(Gap(reach, left))
        reach = max(reach, right)
    return gaps


# a bracketed qualifier of a label ("法定代表人（负责人）", "注册资本（万元）", "名称（全称）")
_QUALIFIER = re.compile(r"[（(][^（()）]*[)）]")


def label_stem(text: str) -> str:
    """A label without its bracketed qualifier and its colon: what its length is judged by."""
    return _QUALIFIER.sub("", text).rstrip(":：")


def label_gaps(rows: Sequence[Sequence[Line]], gaps: Sequence[Gap], scale: Scale) -> set[int]:
    """Indexes of the gaps that part labels from their values: the strip between a gap
    and the one before it (or the block's left edge) is no wider than a label, and most
    of its lines are short, in the body's size (a title is no label), and not figures
    (a column of amounts is a table's)."""
    lines = [ln for row in rows for ln in row]
    start = min(ln.left for ln in lines)
    out: set[int] = set()
    for k, gap in enumerate(gaps):
        # a cell read whole (`ocr.layout`) is no evidence either way
        strip = [
            ln
            for ln in lines
            if start <= (ln.left + ln.right) / 2.0 <= gap.left and "\u0000" not in ln.text
        ]
        labels = [
            ln
            for ln in strip
            if char_count(label_stem(ln.text)) <= LABEL_CHARS
            and box_height(ln) <= 1.3 * scale.height
            and not _FIGURES.fullmatch(ln.text)
        ]
        if gap.left - start <= LABEL_WIDTH * scale.char and len(labels) >= 0.6 * len(strip):
            out.add(k)
        start = gap.right
    return out


def value_gaps(rows: Sequence[Sequence[Line]], gaps: Sequence[Gap], labels: set[int]) -> set[int]:
    """Of the label gaps, those after a strip of values: the strip right of a strip of
    labels holds their values, however short, so the gap after it parts no labels from
    values ("名称 | 武昌区稻香理发店 | 注册日期 …": the gap after the value). A strip of
    single characters is no values: the rest of labels set letter-spaced ("名 | 称")."""
    lines = [ln for row in rows for ln in row]
    out: set[int] = set()
    for k in sorted(labels):
        if k - 1 not in labels or k - 1 in out:
            continue
        strip = [
            ln
            for ln in lines
            if gaps[k - 1].right <= (ln.left + ln.right) / 2.0 <= gaps[k].left
            and "\u0000" not in ln.text
        ]
        if sum(char_count(ln.text) >= 2 for ln in strip) > 0.5 * len(strip):
            out.add(k)
    return out
