"""Labels the detector split: a label set letter-spaced is one label.

Forms and licences pad short labels to the width of the longest with spaces between
their characters ("名　　称", "住　　所", "类　　型"). The detector sees the spaces as
gaps between words and returns each character, or the first character and the rest
with the value, as boxes of their own; no box then starts with the label, and its value
has no label beside it. Boxes standing level in one row, close together (the spacing of
a label, at most `SPACING` line heights), whose texts joined begin a known label, are
one label again, and a value merged onto the label's last characters is a box of its
own after it. A label wrapped inside its table cell ("参保单" over "位", starting where it
starts) is one label too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ocr.engine import Line, rect_box

SPACING = 2.0  # widest gap between the characters of a label, in line heights
VALUES = 3  # lines starting at one place that make a strip of values


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _next_in_row(line: Line, lines: Sequence[Line]) -> Line | None:
    """The nearest line right of `line`, level with it, within a label's spacing."""
    height = line.bottom - line.top
    best: Line | None = None
    for other in lines:
        if other is line or other.left <= line.left or other.left - line.right > SPACING * height:
            continue
        overlap = min(line.bottom, other.bottom) - max(line.top, other.top)
        if overlap < 0.5 * min(height, other.bottom - other.top):
            continue
        if best is None or other.left < best.left:
            best = other
    return best


def _wrapped_under(line: Line, lines: Sequence[Line]) -> Line | None:
    """The line right under `line`, starting where it starts: the rest of a label
    wrapped inside its table cell ("参保单" over "位")."""
    height = line.bottom - line.top
    for other in lines:
        if (
            other is not line
            and abs(other.left - line.left) < 0.5 * height
            and line.top + 0.3 * height < other.top < line.bottom + 0.5 * height
        ):
            return other
    return None


def join_spaced_labels(lines: Sequence[Line], labels: Iterable[str]) -> list[Line]:
    """`lines` with each label split into boxes (a start of a label, then the box holding
    its rest, and maybe the value) joined into one line, in the first box's place."""
    known = tuple(labels)
    out = list(lines)
    k = 0
    while k < len(out):
        line = out[k]
        head = _squash(line.text)
        if not head or head in known or not any(lb.startswith(head) for lb in known):
            k += 1
            continue
        nxt = _next_in_row(line, out)
        joined = head + _squash(nxt.text) if nxt is not None else ""
        if nxt is None or not any(joined.startswith(lb) or lb.startswith(joined) for lb in known):
            under = _wrapped_under(line, out)
            if under is not None and head + _squash(under.text) in known:
                # a label wrapped in its cell: one label, in the first line's place
                top, bottom = line.top, under.bottom
                right = max(line.right, under.right)
                confidence = min(line.confidence, under.confidence)
                joined = head + _squash(under.text)
                out[k] = Line(joined, rect_box(line.left, top, right, bottom), confidence)
                k -= out.index(under) < k
                out.remove(under)
            k += 1
            continue
        top, bottom = min(line.top, nxt.top), max(line.bottom, nxt.bottom)
        at = out.index(nxt)
        label = next((lb for lb in known if joined.startswith(lb)), "")
        rest = _squash(nxt.text)[len(label) - len(head) :] if label else ""
        if not rest:  # the whole box belongs to the label (which may go on)
            confidence = min(line.confidence, nxt.confidence)
            out[k] = Line(joined, rect_box(line.left, top, nxt.right, bottom), confidence)
            del out[at]
            k -= at < k  # the joined line is looked at again: a label may be in 3 boxes
            continue
        # the detector merged the label's end with its value: the two are parted where
        # the label's characters end (in proportion to the characters)
        cut = nxt.left + (nxt.right - nxt.left) * (1 - len(rest) / len(_squash(nxt.text)))
        confidence = min(line.confidence, nxt.confidence)
        out[k] = Line(label, rect_box(line.left, top, cut, bottom), confidence)
        out[at] = Line(rest, rect_box(cut, nxt.top, nxt.right, nxt.bottom), nxt.confidence)
        k += 1
    return out


def part_next_labels(lines: Sequence[Line], labels: Iterable[str]) -> list[Line]:
    """`lines` with a value and the next entry's label merged into one box parted again:
    "有限责任公司（自然人投资或控股）成立日期" across the narrow gap between a licence's
    halves. The label must end the box (a colon may follow) and start, at the box's
    pitch, within one and a half characters of where another line starting with a label
    starts (the other half's strip of labels)."""
    known = tuple(labels)
    starts = [ln.left for ln in lines if _squash(ln.text).startswith(known)]
    out: list[Line] = []
    for line in lines:
        head = line.text.rstrip(" :：")
        label = next((lb for lb in known if head.endswith(lb)), "")
        value = head[: len(head) - len(label)].rstrip()
        if not label or len(_squash(value)) < 2 or _squash(value).startswith(known):
            out.append(line)
            continue
        pitch = (line.right - line.left) / _width(_squash(line.text))
        cut = line.left + pitch * _width(_squash(value))
        if not any(abs(x - cut) < 1.5 * pitch for x in starts):
            out.append(line)
            continue
        rest = line.text[len(value) :].strip()
        out.append(Line(value, rect_box(line.left, line.top, cut, line.bottom), line.confidence))
        out.append(Line(rest, rect_box(cut, line.top, line.right, line.bottom), line.confidence))
    return out


def part_label_values(lines: Sequence[Line], labels: Iterable[str]) -> list[Line]:
    """`lines` with a label and its value merged into one box across the space between
    them parted again ("法定代表人　廖祎" beside a strip of values starting under
    "廖祎"): the label must open the box, whitespace follow it, and the value start, at
    the box's pitch (spaces counted), within a character of where
    `VALUES` other lines start (a strip of values)."""
    known = tuple(labels)
    out: list[Line] = []
    for line in lines:
        found = re.fullmatch(r"(\S+?)\s+(\S.*)", line.text.strip())
        if found is None or found.group(1) not in known:
            out.append(line)
            continue
        label, value = found.groups()
        pitch = (line.right - line.left) / _width(line.text.strip())
        cut = line.right - pitch * _width(value)
        if sum(abs(o.left - cut) < pitch for o in lines if o is not line) < VALUES:
            out.append(line)
            continue
        end = line.left + pitch * _width(label)
        out.append(Line(label, rect_box(line.left, line.top, end, line.bottom), line.confidence))
        out.append(Line(value, rect_box(cut, line.top, line.right, line.bottom), line.confidence))
    return out


def _width(text: str) -> float:
    """`text`'s width in characters of a CJK face: Latin letters, digits and ASCII
    punctuation take half."""
    return sum(1.0 if ord(ch) > 0x2E7F else 0.5 for ch in text)
