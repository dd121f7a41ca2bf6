"""Reading order from the page's structure: ruled table cells read whole, row by row.

A line-by-line reading interleaves the lines of a table row whose cells wrap: the
second line of a long label ("统一社会信用代 / 码") lands after its neighbours' values,
a header "认缴出资额 / （万元）" splits around the next headers. Ruled tables carry their
structure in their rules, so the cells are found from them (long horizontal and vertical
strokes, as in table-structure recognisers) and each cell's lines are read together;
cells and the lines outside any cell are then read in rows, top to bottom, left to right,
except blocks of columns without rules, read column after column (`ocr.columns`, which
also takes the horizontal rules found here: a rule across a gap ties its sides in rows),
and blocks parted by a vertical line (`dividers`), read one after the other.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import NamedTuple

import cv2
import numpy as np

from ocr.engine import Line, rect_box
from ocr.preprocess import working_gray

Cell = tuple[int, int, int, int]  # left, top, right, bottom in page pixels

_WORK_SIDE = 1200
# A rule is ink this many grey levels below the paper around it. A thin rule smeared by a
# hand's shake (a phone held over the counter) fades to a few tens of levels, and broken,
# it closes no cell: at 15, a road transport form blurred by 11 px kept 17 of its 51 cells
# (tuned pages blurred 7-13 px: 83% of cells kept at 15, 89% at 10; strict CER 4.9% ->
# 4.0%, and 8.9% -> 8.7% on other pages blurred otherwise; the same pages unblurred and
# every cached tuned page read the same). The long openings below keep paper's grain out.
RULE_INK = 10


class Rulings(NamedTuple):
    cells: list[Cell]  # rectangles enclosed by rules (`table_cells`)
    rules: list[Cell]  # horizontal rules: one across a gap ties its sides in rows
    verticals: list[Cell]  # vertical rules that bound no cell: one may part two blocks


def table_cells(image: np.ndarray, *, thumb: np.ndarray | None = None) -> list[Cell]:
    """Rectangles enclosed by ruling lines (table cells, framed boxes), in page pixels."""
    return rulings(image, thumb=thumb).cells


def rulings(image: np.ndarray, *, thumb: np.ndarray | None = None) -> Rulings:
    """The page's ruled cells, its horizontal rules and its vertical rules free of cells
    (their boxes), in page pixels."""
    small, scale = working_gray(image, _WORK_SIDE, thumb)
    h, w = small.shape
    ink = cv2.adaptiveThreshold(
        small, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, RULE_INK
    )
    horizontal = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, max(20, w // 25)), np.uint8))
    horizontal = _without_shadow_edges(horizontal, small)
    rules = _boxes(horizontal, scale)
    vertical = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((max(15, h // 60), 1), np.uint8))
    vertical = _without_streaks(vertical)
    if not vertical.any():
        return Rulings([], rules, [])
    if not horizontal.any():
        return Rulings([], rules, _boxes(vertical, scale))
    ruled = cv2.dilate(cv2.bitwise_or(horizontal, vertical), np.ones((3, 3), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(cv2.bitwise_not(ruled), connectivity=4)
    cells: list[Cell] = []
    min_side = max(8, round(0.012 * max(h, w)))
    for i in range(1, count):
        x, y, cw, ch, area = (int(v) for v in stats[i])
        if x == 0 or y == 0 or x + cw >= w or y + ch >= h:
            continue  # the page around the rules
        if cw < min_side or ch < min_side or cw * ch > 0.3 * w * h:
            continue
        if area < 0.85 * cw * ch:
            continue  # not a rectangle: the space between cells, a ring
        cells.append(_scaled(x, y, cw, ch, scale))
    # a vertical rule along a cell is its edge
    edges = np.zeros((h, w), np.uint8)
    for c in cells:
        x0, y0, x1, y1 = (round(v * scale) for v in c)
        edges[max(0, y0 - 4) : y1 + 4, max(0, x0 - 4) : x1 + 4] = 1
    free = [
        _scaled(x, y, cw, ch, scale)
        for x, y, cw, ch in _strokes(vertical)
        if not edges[y : y + ch, x : x + cw].any()
    ]
    return Rulings(cells, rules, free)


def dividers(ruled: Rulings, lines: Sequence[Line] = ()) -> list[Cell]:
    """Vertical lines parting blocks that stand side by side, each read top to bottom
    (`ocr.columns`): the vertical rules free of cells (the line between a birth
    certificate's mother and father), and where a table splits under a row of headers
    side by side (`split_tables`; `lines`, the page's, tell headers from a row of fields)."""
    return ruled.verticals + split_tables(ruled.cells, lines)


# words alone, no colon, no figures: a header ("卖方（出让方）"), a heading over a column
# ("出租人信息"), a label standing over its value ("统一社会信用代码")
WORDS_ALONE = re.compile(r"[\u4e00-\u9fff（）()]{2,12}")
HEADER_CENTRED = 0.08  # a header's middle off its cell's, in the cell's widths, at most


def _header_cell(cell: Cell, lines: Sequence[Line]) -> bool:
    """The lines inside `cell` are a header: words alone, centred in it."""
    inside = [ln for ln in lines if _inside(ln, cell)]
    width = cell[2] - cell[0]
    return all(
        WORDS_ALONE.fullmatch(ln.text.strip())
        and abs((ln.left + ln.right) / 2.0 - (cell[0] + cell[2]) / 2.0) <= HEADER_CENTRED * width
        for ln in inside
    )


def split_tables(cells: Sequence[Cell], lines: Sequence[Line] = ()) -> list[Cell]:
    """A table whose first row holds two or more headers side by side ("卖方（出让方）" |
    "买方（受让方）"), each over the label and value cells of its own half, down to the
    table's end or a row across them, is two tables side by side, as two tables framed
    apart under their headers are: a person reads the seller's half, then the buyer's.
    Returns the lines between the halves (from the headers' top to the last row's
    bottom). A table whose rows stand out past the
    headers (an item's name left of "本期 | 上期") or run across them is no such table,
    nor one whose first row holds anything but words centred in their cells (of `lines`,
    when given): a label and its value ("住所" | an address) over label and value cells."""
    out: list[Cell] = []
    for head in cells:
        slack = 0.25 * (head[3] - head[1])
        row = sorted(
            (c for c in cells if abs(c[1] - head[1]) <= slack and abs(c[3] - head[3]) <= slack),
            key=lambda c: c[0],
        )
        if row[0] != head or len(row) < 2:
            continue  # read each row of headers once, from its leftmost cell
        if not all(_header_cell(c, lines) for c in row):
            continue  # a row of fields ("住所" | "湖北省武汉市…"), no headers
        bounds = [(a[2] + b[0]) / 2.0 for a, b in itertools.pairwise(row)]
        left, right = row[0][0] - slack, row[-1][2] + slack
        below = sorted((c for c in cells if c[1] >= head[3] - slack), key=lambda c: c[1])
        bottom, rows_below, paired = head[3], 0, set()
        while below and below[0][1] <= bottom + slack:
            top = below[0][1]
            level = [c for c in below if c[1] - top <= slack]
            if any(c[0] < left or c[2] > right for c in level):
                break  # a cell out past the headers
            if any(c[0] < b - slack and c[2] > b + slack for c in level for b in bounds):
                break  # a row across the halves
            for k in range(len(row)):
                lo = bounds[k - 1] if k else left
                hi = bounds[k] if k < len(bounds) else right
                if sum(lo <= (c[0] + c[2]) / 2.0 <= hi for c in level) >= 2:
                    paired.add(k)  # a label and its value under this header
            bottom = max(c[3] for c in level)
            rows_below += 1
            below = [c for c in below if c not in level]
        if rows_below >= 2 and len(paired) == len(row):
            out += [(round(b) - 1, head[1], round(b) + 1, bottom) for b in bounds]
    return out


# A stroke down the whole scan, from its top edge to its bottom (within STREAK_REACH of
# the height), is no rule but the scanner's: dust on a sheet feeder's glass or a worn
# drum draws it through the margins, the text and the table alike, and read as a rule it
# cut the page into false cells read out of order (tuned pages with a dust line drawn
# down them, 35 pages: strict CER 0.8% clean, 4.6% streaked; a table's rules end at its
# border, a frame's at the page's margin).
STREAK_REACH = 0.02
STREAK_COVER = 0.6  # of the height
STREAK_BAND = 2  # columns either side of a streak's (its wobble, at 1200 px a page)
STREAK_TILT = 0.05  # a streak's widest lean, bottom against top, in its height (3°)
STREAK_ROWS = 4  # a streak is looked for on every this many rows


def _without_streaks(vertical: np.ndarray) -> np.ndarray:
    """The vertical strokes without the scanner's streaks: the strokes along a straight
    band a few columns wide that reach from the scan's top edge to its bottom and cover
    most of its height between (a streak fades where it crosses dense print, and breaks).
    The band may lean by up to `STREAK_TILT` of the height: the feeder draws the streak
    straight down the sheet, and deskewing the page turns it with the print."""
    h, w = vertical.shape
    ys, xs = np.nonzero(vertical[::STREAK_ROWS])
    if not len(xs):
        return vertical
    rows = -(-h // STREAK_ROWS)
    reach = max(1, round(STREAK_REACH * rows))
    most = round(STREAK_TILT * h)
    across = np.ones((1, 2 * STREAK_BAND + 1), np.uint8)
    found: list[tuple[int, int]] = []  # (column at the top, drift to the bottom)
    for drift in range(-most, most + 1, STREAK_BAND):
        sheared = np.zeros((rows, w + 2 * most), np.uint8)
        sheared[ys, xs - np.round(ys * (drift / rows)).astype(int) + most] = 1
        band = cv2.dilate(sheared, across) > 0
        streak = band.sum(axis=0) >= STREAK_COVER * rows
        streak &= band[:reach].any(axis=0) & band[rows - reach :].any(axis=0)
        found += [(int(x) - most, drift) for x in np.flatnonzero(streak)]
    if not found:
        return vertical
    out = vertical.copy()
    y = np.arange(h)
    for x, drift in found:
        at = x + np.round(y * (drift / h)).astype(int)
        for dx in range(-STREAK_BAND - 1, STREAK_BAND + 2):
            inside = (at + dx >= 0) & (at + dx < w)
            out[y[inside], at[inside] + dx] = 0
    return out


# A ruled line is ink: darker than the paper on both sides. The edge of a shadow (a
# fold's crease, the dust line of a sheet feeder, the edge of a sheet) is faint and dark
# on one side only: its paler side is lighter than it by less than this many grey levels,
SHADOW_CONTRAST = 60
# and its darker side by less than this share of that.
SHADOW_ONE_SIDED = 0.6
# A fold's crease is a faint dark line (less than this many grey levels below the paper)
CREASE_DARKNESS = 100
# with a ridge beside it that catches the light: at least this many levels above the
# paper on one side, and above the other side, which is paper (a printed rule has paper
# on both sides, however lit),
CREASE_GLOSS = 8
# and the ridge is narrow: it fades by at least this much within a few rows (in a flash's
# hotspot a rule has light far above the paper beside it, and as far off it).
CREASE_RIDGE = 5


def _without_shadow_edges(horizontal: np.ndarray, gray: np.ndarray) -> np.ndarray:
    """The horizontal strokes without the edges of shadows: a stroke whose grey, column
    by column, is faint against the paper on one side and about as dark as the other
    side is a step in the page's light, no rule (a crease read as a rule ran across the
    gap between two signature blocks and tied them into rows); nor is a faint stroke
    with a narrow ridge lighter than the paper along one side, a fold's crease (creases
    across a licence's two halves tied them into rows, and closed a cell around half the
    page)."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(horizontal, connectivity=8)
    if count <= 1:
        return horizontal
    g = gray.astype(np.int16)
    h = g.shape[0]
    paper = float(np.median(g[::4, ::4]))
    out = horizontal.copy()
    for i in range(1, count):
        x, y, cw, ch = (int(v) for v in stats[i][:4])
        mine = labels[y : y + ch, x : x + cw] == i
        has = mine.any(axis=0)
        top = (np.argmax(mine, axis=0) + y)[has]
        bottom = (ch - 1 - np.argmax(mine[::-1], axis=0) + y)[has]
        xs = np.arange(x, x + cw)[has]
        core = np.minimum(g[top, xs], g[bottom, xs])
        for dy in range(1, ch):
            core = np.minimum(core, g[np.minimum(top + dy, bottom), xs])
        above = g[np.clip(top - 3, 0, h - 1), xs] - core
        below = g[np.clip(bottom + 3, 0, h - 1), xs] - core
        paler = float(np.median(np.maximum(above, below)))
        darker = float(np.median(np.minimum(above, below)))
        if paler < SHADOW_CONTRAST and darker < SHADOW_ONE_SIDED * paler:
            out[y : y + ch, x : x + cw][mine] = 0
        else:
            (lo, _), (hi, far) = sorted(
                _beside(g, edge, step, xs) for edge, step in ((top, -1), (bottom, 1))
            )
            lit = hi - max(paper, lo) >= CREASE_GLOSS and lo - paper >= -3
            ridge = lit and hi - far >= CREASE_RIDGE
            if ridge and paper - float(np.median(core)) < CREASE_DARKNESS:
                out[y : y + ch, x : x + cw][mine] = 0
    return out


def _beside(g: np.ndarray, edge: np.ndarray, step: int, xs: np.ndarray) -> tuple[float, float]:
    """Off a stroke's `edge` (rows per column), going `step` (-1 up, 1 down): the
    lightest grey 2 to 7 rows off, and the grey 10 to 16 rows off (medians over the
    columns `xs`)."""
    near = [np.clip(edge + step * k, 0, g.shape[0] - 1) for k in range(2, 8)]
    away = [np.clip(edge + step * k, 0, g.shape[0] - 1) for k in range(10, 17)]
    lightest = float(np.median(np.max([g[r, xs] for r in near], axis=0)))
    return lightest, float(np.median(np.median([g[r, xs] for r in away], axis=0)))


def _scaled(x: int, y: int, cw: int, ch: int, scale: float) -> Cell:
    return (round(x / scale), round(y / scale), round((x + cw) / scale), round((y + ch) / scale))


def _strokes(mask: np.ndarray) -> list[tuple[int, int, int, int]]:
    """(x, y, width, height) of the mask's connected strokes."""
    if not mask.any():
        return []
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    return [(int(x), int(y), int(cw), int(ch)) for x, y, cw, ch, _ in stats[1:count]]


def _boxes(mask: np.ndarray, scale: float) -> list[Cell]:
    """Bounding boxes of the mask's connected strokes, in page pixels."""
    return [_scaled(x, y, cw, ch, scale) for x, y, cw, ch in _strokes(mask)]


def _inside(line: Line, cell: Cell) -> bool:
    cx, cy = (line.left + line.right) / 2.0, line.centre_y
    return cell[0] <= cx <= cell[2] and cell[1] <= cy <= cell[3]


def units(lines: Sequence[Line], cells: Sequence[Cell]) -> list[tuple[Line, list[Line]]]:
    """Reading units: each cell holding two or more lines is one unit (a stand-in line
    with the cell's box and its lines); every other line is a unit of its own.

    A cell merged over several rows of the cells beside it ("申请人信息" beside the
    rows of the applicant's name, ID number and phone) is read with the first of them,
    before the rows it heads, as a person reads it and as the table's own order has it
    (HTML's rowspan, Word's vertical merge): its stand-in is set level with that row."""
    taken: dict[int, list[Line]] = {}
    alone: list[Line] = []
    for line in lines:
        home = next((k for k, cell in enumerate(cells) if _inside(line, cell)), None)
        if home is None:
            alone.append(line)
        else:
            taken.setdefault(home, []).append(line)
    out: list[tuple[Line, list[Line]]] = [(line, [line]) for line in alone]
    for k, members in taken.items():
        first = _first_spanned_row(cells[k], cells)
        if first is not None:
            out.append((_level_with(members, first), members))
        elif len(members) == 1:
            # a line set high or low in its cell stands level with the cell's row: a
            # value at the top of a tall cell beside its label centred in its own
            out.append((_level_with(members, (cells[k][1], cells[k][3])), members))
        else:
            # lines set at the top of a tall cell stand level with the cell's row, as a
            # single line does: a statement beside its label centred in its own cell
            whole = _stand_in(members)
            row = (cells[k][1], cells[k][3])
            out.append((_centred(whole, row, whole.bottom - whole.top, whole.text), members))
    return out


def _first_spanned_row(cell: Cell, cells: Sequence[Cell]) -> tuple[int, int] | None:
    """(top, bottom) of the first row a cell merged over two or more rows of the cells
    beside it (right of it, or left of it: the last column's header over two header
    rows) spans, or None for a cell of one row."""
    left, top, right, bottom = cell
    slack = 0.1 * (bottom - top)
    beside = [
        c
        for c in cells
        if (c[0] >= right - slack or c[2] <= left + slack)
        and c[1] >= top - slack
        and c[3] <= bottom + slack
        and c[3] - c[1] < 0.7 * (bottom - top)
    ]
    tops = sorted({c[1] for c in beside})
    # two rows at least: two tops apart by more than the rule's own width
    if len(tops) < 2 or tops[-1] - tops[0] < 0.25 * (bottom - top):
        return None
    first = min(beside, key=lambda c: (c[1], c[0]))
    return first[1], first[3]


def _level_with(members: Sequence[Line], row: tuple[int, int]) -> Line:
    """A merged cell's stand-in (`_stand_in`, one line's own text) set level with the
    middle of its first `row`, a line high."""
    whole = _stand_in(members)
    # (no higher than the row: a label set vertically down a merged cell is a tall line)
    height = min(min(ln.bottom - ln.top for ln in members), row[1] - row[0])
    return _centred(whole, row, height, members[0].text if len(members) == 1 else whole.text)


def _centred(line: Line, row: tuple[float, float], height: float, text: str) -> Line:
    """A stand-in with `text`, as wide as `line`, `height` high, centred on `row`."""
    middle = (row[0] + row[1]) / 2.0
    box = rect_box(line.left, middle - height / 2, line.right, middle + height / 2)
    return Line(text, box, 1.0)


def _stand_in(members: Sequence[Line]) -> Line:
    left = min(ln.left for ln in members)
    right = max(ln.right for ln in members)
    top = min(ln.top for ln in members)
    bottom = max(ln.bottom for ln in members)
    return Line("\u0000", rect_box(left, top, right, bottom), 1.0)


def _stacked(upper: Line, lower: Line, first: Line, height: float) -> bool:
    """`lower` goes on under `upper` in one cell whose first line is `first`: right under
    it (no blank line between), starting where the cell's lines start and running no
    further than its first line."""
    if abs(lower.left - first.left) > 0.5 * height or lower.right > first.right + 0.5 * height:
        return False
    # (small print, a QR code's caption, is set solid at its own leading)
    own = min(upper.bottom - upper.top, lower.bottom - lower.top)
    below = lower.centre_y - upper.centre_y >= min(0.6 * height, 0.5 * own)
    return below and lower.top - upper.bottom <= 0.4 * height


# a line opening with a label of its own and its colon
_OWN_LABEL = re.compile(r"[\u4e00-\u9fff]{2,8}[：:]")


def _wrapped_block(block: Sequence[Line], others: Sequence[Line], height: float) -> bool:
    """The lines of `block`, stacked (`_stacked`), are one cell without rules: the cell
    beside them holds one line set level with their middle (a value centred on a label
    that wrapped, a label centred on a value that wrapped: HTML sets a table's cells
    centred by default)."""
    upper, lower = block[0], block[-1]
    if all(_OWN_LABEL.match(ln.text) for ln in block):
        return False  # fields stacked, each with its label ("发证单位：…" over "发证日期：…")
    top, bottom = upper.top, lower.bottom
    right = max(ln.right for ln in block)
    level = [ln for ln in others if ln.top < bottom and ln.bottom > top]
    if len(block) > 2:
        # lines each level with one of their own beside them are rows of a form (labels
        # stacked tight, each with its value), not one cell
        beside = [ln for ln in level if ln.left > upper.left and ln.right > right]
        partnered = sum(
            any(abs(ln.centre_y - b.centre_y) < 0.3 * height for ln in beside) for b in block
        )
        if partnered >= 2:
            return False
    centred = False
    for side in (
        [ln for ln in level if ln.left >= right - 0.2 * height],
        [ln for ln in level if ln.right <= upper.left + 0.2 * height],
    ):
        if not side:
            continue
        near = min(side, key=lambda ln: min(abs(ln.left - right), abs(upper.left - ln.right)))
        column = [ln for ln in side if ln.left < near.right and ln.right > near.left]
        middle = (upper.centre_y + lower.centre_y) / 2.0
        if (
            len(column) == 1
            and near.bottom - near.top < 1.5 * height
            and abs(near.centre_y - middle) < 0.25 * (lower.centre_y - upper.centre_y)
        ):
            centred = True
        elif len(block) > 2:
            return False  # a column of its own rows beside: the lines are cells of those rows
    return centred


def _stack_below(upper: Line, single: Sequence[Line], taken: set[int], height: float) -> list[Line]:
    """`upper` and the lines stacked under it in one column (`_stacked`), top down."""
    block = [upper]
    while True:
        last = block[-1]
        below = [
            ln
            for ln in single
            if ln is not last
            and id(ln) not in taken
            and ln.top > last.top
            and ln.left < last.right
            and ln.right > last.left
        ]
        if not below:
            return block
        lower = min(below, key=lambda ln: ln.top)
        if not _stacked(last, lower, upper, height):
            return block
        block.append(lower)


def join_wrapped(
    found: Sequence[tuple[Line, list[Line]]], cells: Sequence[Cell] = ()
) -> list[tuple[Line, list[Line]]]:
    """Reading units with the lines of a cell that wrapped in a table without rules
    (`_wrapped_block`: "法定代表人（负责" over "人）" beside the name centred on both, a
    business's scope on four lines beside "经营范围" centred on them) made one unit, read
    whole after the cell beside it or before; lines inside ruled `cells` stay as they are
    (values stacked tight in cells of their own rows are those rows, however centred the
    label beside them looks)."""
    single = [stand_in for stand_in, members in found if len(members) == 1]
    if len(single) < 3:
        return list(found)
    height = float(np.median([ln.bottom - ln.top for ln in single]))
    free = [ln for ln in single if not any(_inside(ln, cell) for cell in cells)]
    blocks: dict[int, list[Line]] = {}
    taken: set[int] = set()
    for upper in sorted(free, key=lambda ln: ln.top):
        if id(upper) in taken:
            continue
        stack = _stack_below(upper, free, taken, height)
        # the longest run of the stack that is one cell beside a line centred on it
        for end in range(len(stack), 1, -1):
            block = stack[:end]
            others = [ln for ln in single if all(ln is not b for b in block)]
            if _wrapped_block(block, others, height):
                blocks[id(upper)] = block
                taken |= {id(ln) for ln in block}
                break
    out: list[tuple[Line, list[Line]]] = []
    for stand_in, members in found:
        if len(members) == 1 and id(stand_in) in blocks:
            block = blocks[id(stand_in)]
            out.append((_stand_in(block), block))
        elif len(members) > 1 or id(stand_in) not in taken:
            out.append((stand_in, members))
    return out


_OPEN, _CLOSE = "（(", "）)"


def _unclosed(text: str) -> int:
    """Brackets opened and not closed in `text` (negative: closed without opening)."""
    return sum(text.count(c) for c in _OPEN) - sum(text.count(c) for c in _CLOSE)


def _continued_by(a: Line, lines: Sequence[Line]) -> Line | None:
    """The line right below `a` in its column when `a` leaves a bracket open and that
    line closes it."""
    if _unclosed(a.text) <= 0:
        return None
    height = a.bottom - a.top
    below = [
        b
        for b in lines
        if b is not a
        and a.top < b.top < a.bottom + 0.8 * height
        and b.left < a.right
        and b.right > a.left
    ]
    if not below:
        return None
    b = min(below, key=lambda ln: ln.top)
    if _unclosed(b.text) < 0 and abs(b.left - a.left) < 0.6 * height:
        return b
    return None


def tie_continuations(found: list[tuple[Line, list[Line]]]) -> list[tuple[Line, list[Line]]]:
    """Reading units (`units`) with a phrase wrapped in its cell read as one unit even
    without rules around it: a line that leaves a bracket open and the line right below
    it, in the same column, that closes it ("法定代表人（负责 / 人）"). The unit stands where
    the first line stands, so it is read before the value beside it (the second line
    alone fell in the value's row or after it)."""
    alone = [stand_in for stand_in, members in found if members == [stand_in]]
    tied: dict[int, Line] = {}  # id of a first line -> the line that closes it
    taken: set[int] = set()
    for a in alone:
        b = _continued_by(a, alone)
        if b is not None and id(a) not in taken and id(b) not in taken:
            tied[id(a)] = b
            taken |= {id(a), id(b)}
    if not tied:
        return found
    closing = {id(b) for b in tied.values()}
    out: list[tuple[Line, list[Line]]] = []
    for stand_in, members in found:
        if id(stand_in) in closing:
            continue
        b = tied.get(id(stand_in))
        if b is None:
            out.append((stand_in, members))
        else:
            out.append((Line("\u0000", stand_in.box, 1.0), [stand_in, b]))
    return out
