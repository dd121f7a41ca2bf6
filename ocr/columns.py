"""Columns without rules: a vertical gap running through a block of lines splits it.

A page that sets text in two columns, or two blocks side by side (a QR caption beside a
title, both sides of an ID card copied next to each other, the two columns of a business
licence), is read column by column: a person reads the left column to its end, then the
right one. Row by row, the detector's lines interleave the two.

The columns are found from the geometry of the lines alone, as in a recursive XY-cut: the
lines are grouped into rows; a run of at least `MIN_ROWS` consecutive rows through which
one stretch of whitespace at least `GAP_CHARS` characters wide runs from top to bottom,
with lines on both sides that share a stretch of the page's height, is a block of
columns; its left side is read before its right side (each side again split where it
has a gap of its own). A gap between blocks standing diagonally (a code under the left
end of a centred title) is no gap. A block of columns ends before a row below the end of
one side whose lines stand apart (a blank line or more; the space a seal was stamped on
is no blank space) from the lines above them on their side: that is a block below both
(a serial number under a header of blocks side by side), not the rest of a column; a
longer column's lines at their own leading stay in it. A block of columns right under
another whose sides start where the sides above start goes on the same two columns, read
with them: the gap steps aside where the left half's last value wraps on past it, under
the right half's last labels.
A run whose whitespace runs on below its columns (between a strip of labels and its
values) is cut where a line running across the column gap, well into both sides, closes
it (a paragraph under the two halves of a licence). A run ends before its last rows when
they open a longer run below with a gap of their own (the halves' first row under a
header of a code beside a title), and its opening rows are read first when one side
starts only below them (an authority over a footer beside the print maker's line).
A run is decided on the rows it keeps: once the rows standing apart below it and a
title over it are set aside, the rows left decide its gap again. Rows read as they stand
read a label at the top left with its value under it before a line far to its right
("统一社会信用代码" over its code, then "证照编号：…").

A vertical line between blocks (`ocr.layout.dividers`: a vertical rule that bounds no
cell, as between a birth certificate's mother and father; the line between the halves of a
ruled table split under headers side by side, "卖方" | "买方") parts them before any gap is
looked for, however their rows pair up: the rows above it, its left side, its right side,
then the rows below it.

Not every such gap separates columns. Row order is kept when
- the gap is crossed by a horizontal rule (a table without vertical rules) or by a ruled
  cell (ruled tables are read cell by cell, `ocr.layout`);
- the block has two or more gaps that are not label gaps (a table set in whitespace);
- the gap runs between a form's check-box options set in a grid (`_between_options`);
- the strip left of the gap, from the block's edge or the previous gap, is no wider than
  a label and holds mostly short lines of body size (a bracketed qualifier, "（负责人）",
  not counted): it parts labels ("名称", "住所：") from their values (a label gap). But a
  strip right after a strip of labels holds their values, however short ("个体工商户"; a
  strip of single characters ends labels set letter-spaced, "名 | 称"): the gap after it
  parts two blocks of entries when they start level and their rows do not pair up; and a
  label gap with a party opening each side parts the parties' blocks (under a contract's
  title);
- the two sides pair up row for row (lines of the same height at the same height, as in
  a grid of "label: value" fields; a photo's boxes of one row differ by up to half in
  height), unless both sides are filled lines of running text,
  which pair up only because they share a font and a leading, or each side is a block of
  entries with its own strip of labels (the two halves of a business licence), or each
  side opens with a party to the document ("甲方（签字）：", "乙方（盖章）：", or "乙方" alone
  on its line when a seal took the rest): the parties'
  signature blocks at the foot of a contract, each read whole (signature, telephone,
  date), however level their rows, and however few (two rows: a signature over a date).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from ocr.engine import Line
from ocr.layout import WORDS_ALONE
from ocr.punctuation import CHECK_BOX
from ocr.rows import Scale, box_height, group_rows, page_scale
from ocr.strips import Gap, Rect, free_gaps, label_gaps, value_gaps

# Sizes are in characters (the page's median character pitch): detected boxes are padded
# by a share of their height that varies with the capture, their text runs at its pitch.
MIN_ROWS = 3
GAP_CHARS = 0.3  # narrowest column gap between (padded) boxes
PAIRED_SHARE = 0.8  # rows pairing up across the gap at least this often: a grid
LABEL_GAP_CHARS = 0.15  # narrowest gap between a strip of labels and their values
APART_LINES = 3.0  # blank page above a row, in line heights, that sets it apart
APART_BLANK = 0.75  # whitespace, in line heights, that is a blank line between boxes
OVER_TITLE = 2  # rows over a title opening a run of columns, read before it
TITLE_HEIGHT = 1.3  # a heading's line height, in the page's line heights
ACROSS_CHARS = 2  # a line closing a run of columns reaches this far into both sides
RULED_OFF = 0.8  # share of a side's width a rule under it spans to close it
BAND_ROWS = 4  # rows of a band over a run of columns, at most
CORNER_CHARS = 4  # a line this far right of a label over its value stands apart from it
_COLONS = ("：", ":")
# the parties to a contract or a power of attorney, heading each one's signature block
PARTY = re.compile(
    r"^\s*(甲方|乙方|丙方|丁方|出租[方人]|承租[方人]|转让[方人]|受让[方人]|出让[方人]|买方|卖方"
    r"|买受人|出卖人|委托[方人]|受托[方人]|借款人|贷款人)\s*([（(:：]|$)"
)


def _sides(lines: Sequence[Line], gap: Gap) -> tuple[list[Line], list[Line]]:
    """The lines wholly left of the gap and those wholly right of it (a line across it
    is on neither side)."""
    left = [ln for ln in lines if ln.right <= gap.left + 1]
    right = [ln for ln in lines if ln.left >= gap.right - 1]
    return left, right


def _halves(lines: Sequence[Line], gap: Gap) -> tuple[list[Line], list[Line]]:
    """The lines by the side of the gap their middle stands on."""
    left = [ln for ln in lines if (ln.left + ln.right) / 2.0 < gap.middle]
    return left, [ln for ln in lines if (ln.left + ln.right) / 2.0 >= gap.middle]


def _side_by_side(rows: Sequence[Sequence[Line]], gap: Gap, scale: Scale) -> bool:
    """The lines left of the gap and those right of it share a stretch of the page's
    height at least a line high."""
    lines = [ln for row in rows for ln in row]
    left, right = _sides(lines, gap)
    if not left or not right:
        return False
    top = max(min(ln.top for ln in left), min(ln.top for ln in right))
    bottom = min(max(ln.bottom for ln in left), max(ln.bottom for ln in right))
    return bottom - top >= scale.height


def _level(a: Line, b: Line) -> bool:
    """Two lines stand level: their middles within 0.3 of the lower box's height."""
    return abs(a.centre_y - b.centre_y) < 0.3 * min(box_height(a), box_height(b))


def _paired(rows: Sequence[Sequence[Line]], gap: Gap) -> float:
    """Share of rows where a line left of the gap and one right of it stand level, of
    the same height (cells of one row of a grid)."""
    hits = 0
    for row in rows:
        left, right = _sides(row, gap)
        if any(
            _level(a, b)
            and max(box_height(a), box_height(b)) < 1.5 * min(box_height(a), box_height(b))
            for a in left
            for b in right
        ):
            hits += 1
    return hits / len(rows)


def _between_options(rows: Sequence[Sequence[Line]], gap: Gap) -> bool:
    """The gap parts a form's options set in a grid: in two rows or more with lines on
    both sides, half their sides or more hold a check box, and the line right of the gap
    opens with one in half of them or more ("□500元 □800元" beside "□200元 □300元"; a
    faint box may be lost, and a black-and-white scan loses most of them). A question's
    options are read row by row, whatever whitespace their grid leaves."""
    both = [sides for sides in (_sides(row, gap) for row in rows) if all(sides)]
    opening = sum(
        bool(CHECK_BOX.match(min(right, key=lambda ln: ln.left).text.lstrip())) for _, right in both
    )
    boxed = sum(any(CHECK_BOX.search(ln.text) for ln in side) for pair in both for side in pair)
    return len(both) >= 2 and 2 * opening >= len(both) and boxed >= len(both)


def _filled(lines: Sequence[Line], scale: Scale) -> bool:
    """Running text: most lines long and ending at one right margin (wrapped text)."""
    if len(lines) < MIN_ROWS:
        return False
    margin = max(ln.right for ln in lines)
    full = [ln for ln in lines if margin - ln.right < 2.5 * scale.char]
    long = [ln for ln in lines if ln.right - ln.left > 12 * scale.char]
    return len(full) >= 0.6 * len(lines) and len(long) >= 0.6 * len(lines)


def _opens_with_party(lines: Sequence[Line]) -> bool:
    """The side's first line names a party to the document: its signature block."""
    first = min(lines, key=lambda ln: (ln.top, ln.left))
    return bool(PARTY.match(first.text))


def _parties(rows: Sequence[Sequence[Line]], gap: Gap) -> bool:
    """Each side of the gap opens with a party to the document."""
    lines = [ln for row in rows for ln in row]
    left, right = _sides(lines, gap)
    return bool(left) and bool(right) and _opens_with_party(left) and _opens_with_party(right)


def _column_gap(
    rows: Sequence[Sequence[Line]], obstacles: Sequence[Rect], rules: Sequence[Rect], scale: Scale
) -> Gap | None:
    """The one gap that splits these rows into columns, if they have one."""
    # a label may stand closer to its value than columns stand to each other
    found = free_gaps(rows, obstacles, LABEL_GAP_CHARS * scale.char)
    labels = label_gaps(rows, found, scale)
    values = value_gaps(rows, found, labels)
    labels -= values
    wide = GAP_CHARS * scale.char
    # a gap between blocks standing diagonally (a code below the left end of a centred
    # title) neither splits them nor makes a table
    gaps = [
        g
        for k, g in enumerate(found)
        if k not in labels
        and g.right - g.left >= wide
        and _side_by_side(rows, g, scale)
        and not _between_options(rows, g)
    ]
    if not gaps:
        # the parties' blocks side by side, each opening with its party: the left one's
        # short lines ("甲方（出租方）：", a name, "联系电话：") are no strip of labels
        gaps = [
            g
            for k, g in enumerate(found)
            if k in labels and g.right - g.left >= wide and _parties(rows, g)
        ][:1]
    if len(gaps) != 1:
        return None  # no gap, or a table set in whitespace
    gap = gaps[0]
    # two blocks of "label  value" entries side by side, each with its own strip of labels
    # (the two halves of a business licence): columns, however level their rows
    strips = [g.middle for k, g in enumerate(found) if k in labels]
    side_by_side = any(m < gap.left for m in strips) and any(m > gap.right for m in strips)
    lines = [ln for row in rows for ln in row]
    left, right = _sides(lines, gap)
    if len(left) < 2 or len(right) < 2:
        return None
    # a side whose lines all stand in one row, level with lines of the other side, is
    # no column: that row goes across (a receipt's row under an authority's sign-off)
    for side in (left, right):
        if sum(any(ln in row for ln in side) for row in rows) < 2:
            return None
    if _values_of_labels(rows, gap):
        return None
    # the parties one under the other ("出租方：…" over "承租方：…"), each with its fields
    # across the rows: no column is one party's block
    if any(sum(bool(PARTY.match(ln.text)) for ln in side) >= 2 for side in (left, right)):
        return None
    # a horizontal rule runs across between the rows: a table without vertical rules (a
    # frame round the page, under its last line, runs across no rows)
    top, bottom = min(ln.centre_y for ln in lines), max(ln.centre_y for ln in lines)
    if any(
        top < (r[1] + r[3]) / 2.0 < bottom and r[0] < gap.left and r[2] > gap.right for r in rules
    ):
        return None
    prose = _filled(left, scale) and _filled(right, scale)
    parties = _parties(rows, gap)
    paired = _paired(rows, gap) >= PAIRED_SHARE
    if _short_side_level(rows, gap, scale):
        return None
    if gap in (found[k] for k in values):
        # blocks of entries after a strip of values: columns only where they start level
        # (a title standing over one of them opens no block of entries) and their rows
        # do not pair up (a grid "label value label value" keeps its rows)
        first = rows[0]
        level = all(_sides(first, gap))
        return gap if level and not paired else None
    if not side_by_side and not prose and not parties and paired:
        return None
    return gap


def _values_of_labels(rows: Sequence[Sequence[Line]], gap: Gap) -> bool:
    """Each line right of the gap with lines left of it in its row (two or more) is a
    value, level with a label ending in a colon right before it ("联系电话：" |
    "17792668277"): the gap parts the last labels of a grid of fields from their values,
    however few rows they fill (a lease's parties: "身份证号码：…" alone in its row)."""
    values = 0
    for row in rows:
        left, right = _sides(row, gap)
        for value in right:
            level = [ln for ln in left if _level(ln, value)]
            if not level:
                continue  # a row of its own (a contract's number over its title)
            if value.text.rstrip().endswith(_COLONS):
                return False
            if not max(level, key=lambda ln: ln.right).text.rstrip().endswith(_COLONS):
                return False
            values += 1
    return values >= 2


def _short_side_level(rows: Sequence[Sequence[Line]], gap: Gap, scale: Scale) -> bool:
    """One side holds lines in consecutive rows only, at most half of the run's, each
    level with a line of the other side, which goes on above or below: entries set two
    to a row among a form's entries ("负责人：… 经办人：…" over "联系电话：… 邮政编码：…",
    then "经营地址：…" across), a grid read row by row; not two halves of a licence,
    whose blocks of entries run down side by side (the longer one only because its last
    value wraps on below, its lines indented from the side's labels), nor a shorter
    column of running text."""
    for side in (0, 1):
        held = [k for k, row in enumerate(rows) if _sides(row, gap)[side]]
        if held and held == list(range(held[0], held[-1] + 1)) and 2 * len(held) <= len(rows):
            lines = [ln for k in held for ln in _sides(rows[k], gap)[side]]
            level = _paired(rows[held[0] : held[-1] + 1], gap) == 1.0
            return (
                level and not _filled(lines, scale) and not _wraps_on(rows, held, side, gap, scale)
            )
    return False


def _wraps_on(
    rows: Sequence[Sequence[Line]], held: Sequence[int], side: int, gap: Gap, scale: Scale
) -> bool:
    """The other side goes on only below the rows `held`, and only with lines indented
    from its own left edge in them: the wrapped value of its last entry ("经营范围" and
    its lines under the right half's "住所"), no entries of a form going on."""
    other = 1 - side
    level = [ln for k in held for ln in _sides(rows[k], gap)[other]]
    above = [ln for k in range(held[0]) for ln in _sides(rows[k], gap)[other]]
    below = [ln for k in range(held[-1] + 1, len(rows)) for ln in _sides(rows[k], gap)[other]]
    if above or not below or not level:
        return False
    return min(ln.left for ln in below) > min(ln.left for ln in level) + 2 * scale.char


def _title_rows(rows: Sequence[Sequence[Line]], gap: Gap, scale: Scale) -> int:
    """Number of rows opening a run of columns that are a title over them ("营业执照" /
    "（副本）" over a licence's two halves): each line centred on the run's width or set
    larger than the text (a letter's title centred on the page over entries that do not
    reach its right margin), on one side of the gap, nothing on the other; with up to
    `OVER_TITLE` rows above the title on one side (a certificate's number at the right
    margin over its title)."""
    lines = [ln for row in rows for ln in row]
    left, right = min(ln.left for ln in lines), max(ln.right for ln in lines)
    centre, width = (left + right) / 2.0, right - left

    def one_side(row: Sequence[Line]) -> bool:
        return any(len(side) == len(row) for side in _sides(row, gap))

    def title(row: Sequence[Line]) -> bool:
        centred = all(abs((ln.left + ln.right) / 2.0 - centre) < 0.05 * width for ln in row)
        # set larger than the text: a heading, centred on the page if not on the run
        heading = all(box_height(ln) >= TITLE_HEIGHT * scale.height for ln in row)
        return (centred or heading) and one_side(row)

    over = 0
    while over < min(OVER_TITLE, len(rows)) and not title(rows[over]) and one_side(rows[over]):
        over += 1
    count = over
    while count < len(rows) and title(rows[count]):
        count += 1
    return count if count > over else 0


def _late_side(rows: Sequence[Sequence[Line]], gap: Gap, scale: Scale) -> int:
    """Number of rows opening a run of columns before one side's first line, when that
    line stands more than `APART_LINES` lines below them or the other side goes on
    beside it in one row at most: a block above, read first (an authority and its date
    over a licence's footer, the print maker's line beside the footer's last line), not
    the top of a column."""
    opening = _sides(rows[0], gap) if rows else ([], [])
    if all(opening) or not any(opening):
        return 0
    late = 0 if opening[1] else 1  # the side with nothing in the first row
    for k, row in enumerate(rows):
        lines = _sides(row, gap)[late]
        if lines:
            above = max(ln.bottom for r in rows[:k] for ln in r)
            first = min(ln.top for ln in lines)
            beside = sum(bool(_sides(r, gap)[1 - late]) for r in rows[k:])
            return k if first - above > APART_LINES * scale.height or beside <= 1 else 0
    return 0


def _header_band(rows: Sequence[Sequence[Line]], gap: Gap, scale: Scale) -> int:
    """Number of rows opening a run of columns that are a band over them, read before
    the columns (its left part, then its right part): rows whose lines right of the gap
    all stand where no line of the right column below them starts (a licence's
    "证照编号：…" at the right margin, level with "统一社会信用代码" over its code at the
    left, above the licence's two halves; the caption of its QR code, lines of its own at
    the right margin). At most `BAND_ROWS` rows; the columns must go on below. A row of
    words alone on both sides heads the two columns, each read with its column."""
    right = [_halves(row, gap)[1] for row in rows]
    heading = next(
        (
            k
            for k, lines in enumerate(right)
            if lines
            and all(WORDS_ALONE.fullmatch(ln.text) for ln in rows[k])
            and len(lines) < len(rows[k])
        ),
        len(rows),
    )
    # the longest band from the top right of the gap whose lines there stand right of
    # the column's left edge below them, none where two of the column's lines start (a
    # line of the column at its top is its own; a band's lines may stand over each other)
    for band in range(min(BAND_ROWS, heading, len(rows) - MIN_ROWS), 0, -1):
        starts = [ln.left for later in right[band:] for ln in later]
        lines = [ln for k in range(band) for ln in right[k]]
        if (
            right[0]
            and starts
            and min(ln.left for ln in lines) > min(starts) + 2 * scale.char
            and all(sum(abs(x - ln.left) < scale.char for x in starts) < 2 for ln in lines)
        ):
            return band
    return 0


def _run_end(
    rows: Sequence[Sequence[Line]], start: int, obstacles: Sequence[Rect], min_width: float
) -> int:
    """End of the longest run of rows from `start` with whitespace running through it.

    The first rows of a run may have lines on one side only (columns whose rows are not
    level), so a run may take `MIN_ROWS` + 1 rows to open; once open, the first row that
    closes every gap ends it."""
    best = start
    for end in range(start + 1, len(rows) + 1):
        if free_gaps(rows[start:end], obstacles, min_width):
            best = end
        elif best > start or end - start > MIN_ROWS:
            break
    return best


def _apart(line: Line, above: Sequence[Line], scale: Scale, seals: Sequence[Rect]) -> bool:
    """A blank line between `line` and the lines above it (those over it, else all of
    them): more whitespace than three quarters of a line's height between their boxes
    (a box is padded; a blank line between boxes of lines set solid leaves about a line's
    height). The space a seal was stamped on is no blank space: a date under the seal
    over its label goes on in the label's block."""
    over = [a for a in above if a.left < line.right and a.right > line.left] or above
    if not over:
        return False
    nearest = max(over, key=lambda a: a.bottom)
    top = nearest.bottom
    if line.top - top <= APART_BLANK * scale.height:
        return False
    # no more whitespace than between the line above and the one over it, spaced no
    # wider than a line and a half: the column's own leading (a date under a
    # thumbprint's caption, spaced as the lines above it)
    higher = [
        a.bottom
        for a in above
        if a.bottom <= nearest.centre_y and a.left < nearest.right and a.right > nearest.left
    ]
    leading = nearest.top - max(higher) if higher else 0.0
    if leading <= 1.5 * scale.height and line.top - top <= 1.25 * leading:
        return False
    return not any(
        s[0] < line.right and s[2] > line.left and s[1] < line.top and s[3] > top for s in seals
    )


def _side_ended(
    rows: Sequence[Sequence[Line]],
    gap: Gap,
    scale: Scale,
    seals: Sequence[Rect],
    rules: Sequence[Rect] = (),
) -> int:
    """Number of the run's rows that belong to its columns: a run ends before a row
    below the end of one side whose lines all stand apart from the lines above them on
    their own side (more than a line's height of whitespace): a block below both columns
    (a serial number under a header of blocks side by side), not the rest of a column;
    before a row under a rule closing each side (`rules`: two tables side by side ending
    level, a section's heading under them); and before a page's footer far below a side
    that ended long before (`_footer`)."""

    def side(line: Line) -> int:
        return 0 if (line.left + line.right) / 2.0 < gap.middle else 1

    def ruled_off(k: int) -> bool:
        top = min(ln.top for ln in rows[k])
        for s in (0, 1):
            lines = [ln for r in rows[:k] for ln in r if side(ln) == s]
            if not lines:
                return False
            last = max(ln.centre_y for ln in lines)
            left, right = min(ln.left for ln in lines), max(ln.right for ln in lines)
            if not any(
                last < (r[1] + r[3]) / 2.0 < top
                and min(r[2], right) - max(r[0], left) >= RULED_OFF * (right - left)
                for r in rules
            ):
                return False
        return True

    last = [-1, -1]  # last row holding a line on each side
    for k, row in enumerate(rows):
        for line in row:
            last[side(line)] = k
    for k, row in enumerate(rows):
        if (
            min(sum(any(side(ln) == s for ln in r) for r in rows[:k]) for s in (0, 1)) >= 2
            and min(ln.top for ln in row) - max(ln.bottom for r in rows[:k] for ln in r)
            > APART_LINES * scale.height
        ):
            # blank page across both sides under two columns (two rows or more each):
            # the columns ended above it (not a header's blocks over the columns)
            return k
        sides = {side(ln) for ln in row}
        if len(sides) != 1:
            continue
        other = 1 - next(iter(sides))
        above = [ln for r in rows[:k] for ln in r if side(ln) != other]
        if above and _footer(
            row, above, [ln for r in rows[:k] for ln in r if side(ln) == other], scale
        ):
            return k
        if last[other] < 0 or last[other] >= k:
            continue  # the other side goes on below (or never started)
        if ruled_off(k):
            return k
        # the whole row: a value right under the value above goes on its side, though
        # its label stands apart (the label above it was lost under a seal)
        if all(_apart(line, above, scale, seals) for line in row):
            return k
    return len(rows)


def _footer(
    row: Sequence[Line], above: Sequence[Line], other: Sequence[Line], scale: Scale
) -> bool:
    """A row on one side more than `APART_LINES` lines below that side's last line, with
    the other side's lines going on down between them: the page's footer under a licence
    whose left half ended long before, though the right half's seal, authority and date
    run down to it (a line of the footer may stand on the right, the print maker's)."""
    top, ended = min(ln.top for ln in row), max(ln.bottom for ln in above)
    return top - ended > APART_LINES * scale.height and any(
        ln.top > ended + scale.height for ln in other
    )


def _closed_below(
    rows: Sequence[Sequence[Line]],
    start: int,
    end: int,
    obstacles: Sequence[Rect],
    rules: Sequence[Rect],
    scale: Scale,
) -> tuple[int, Gap | None]:
    """A shorter run from `start` with a column gap, when the run from `start` to `end`
    has none, that the row right below it closes with one line running across it (a
    paragraph across the page under the two halves of a licence) or that the row below
    ends standing apart (more than `APART_LINES` lines of blank page above it: a page's
    footer, a rule over it, under signature blocks side by side): whitespace that runs
    further down (between a strip of labels and its values) and a rule far below must
    not hide the columns above."""
    wide = GAP_CHARS * scale.char
    known = len(free_gaps(rows[start:end], obstacles, wide))
    for stop in range(end - 1, start + MIN_ROWS - 1, -1):
        opened = len(free_gaps(rows[start:stop], obstacles, wide))
        above = max(ln.bottom for ln in rows[stop - 1])
        apart = min(ln.top for ln in rows[stop]) - above > APART_LINES * scale.height
        if opened > known or apart:
            gap = _column_gap(rows[start:stop], obstacles, rules, scale)
            if gap is not None and (apart or any(_across(ln, gap, scale) for ln in rows[stop])):
                return stop, gap
            known = max(known, opened)
    return end, None


def _across(line: Line, gap: Gap, scale: Scale) -> bool:
    """`line` runs across `gap`, well into both sides (a paragraph across two halves; a
    value that only reaches past the gap's edge, its half's wide line under a header
    of blocks, goes on in its half)."""
    reach = ACROSS_CHARS * scale.char
    return line.left < gap.left - reach and line.right > gap.right + reach


def _handed_on(
    rows: Sequence[Sequence[Line]],
    start: int,
    end: int,
    gap: Gap,
    obstacles: Sequence[Rect],
    rules: Sequence[Rect],
    scale: Scale,
) -> int:
    """End of a run of columns before its last rows when they hold lines on both sides
    of its gap, none where a line of its side above starts, and open a longer run below
    with a gap of its own: the first row of a licence's two halves under its header (the
    code at the left, the title right of it) belongs to the halves."""
    for k in range(start + 1, end):
        if _goes_on(rows[start:k], rows[k:end], gap, scale):
            continue
        if not all(all(_sides(row, gap)) for row in rows[k:end]):
            continue  # (a code under a title, the caption beside them: the header's own)
        below = _run_end(rows, k, obstacles, GAP_CHARS * scale.char)
        other = _column_gap(rows[k:below], obstacles, rules, scale) if below > end else None
        if other is not None and (other.right <= gap.left or other.left >= gap.right):
            return k
    return end


def _goes_on(
    above: Sequence[Sequence[Line]], rows: Sequence[Sequence[Line]], gap: Gap, scale: Scale
) -> bool:
    """A line of `rows` starts where a line above on its side of `gap` starts: the
    blocks above go on in them (a QR caption's lines wrapping on beside the halves)."""
    higher = [ln for row in above for ln in row]
    return any(
        abs(ln.left - a.left) <= scale.char and (ln.left < gap.middle) == (a.left < gap.middle)
        for row in rows
        for ln in row
        for a in higher
    )


def _title_band(units: Sequence[Line], scale: Scale) -> list[list[Line]] | None:
    """A title set large at the top between two blocks level with it, one of two lines
    or more ("统一社会信用代码" over the code left of "营业执照", "（副本）" over
    "证照编号：…" right of it): the left block, the title, the right block, each read
    whole. None when no title opens the units so."""
    tall = [u for u in units if box_height(u) >= TITLE_HEIGHT * scale.height]
    if not tall:
        return None
    title = min(tall, key=lambda u: u.top)
    level = [u for u in units if u is not title and title.top <= u.centre_y <= title.bottom]
    left = [u for u in level if u.right <= title.left]
    right = [u for u in level if u.left >= title.right]
    if any(u.centre_y < title.top for u in units) or len(left) + len(right) < len(level):
        return None
    if not left or not right or max(len(left), len(right)) < 2:
        return None  # (one line a side: read row by row, the same order)
    return [sorted(side, key=lambda u: u.top) for side in (left, [title], right)]


def _corner_first(lines: Sequence[Line], scale: Scale) -> list[list[Line]]:
    """`lines` read row by row, except a label at the top left with its value right
    under it and one line far to the right, level with the label ("统一社会信用代码" over
    the licence's code, "证照编号：…" at the right margin): the label and its value are
    read first, then the line at the right, then the rest."""
    rows = group_rows(lines)
    if len(rows) < 2 or len(rows[0]) != 2 or len(rows[1]) != 1:
        return [list(lines)]
    (label, right), (value,) = rows[0], rows[1]
    if (
        right.left - label.right < CORNER_CHARS * scale.char
        or abs(value.left - label.left) > scale.char
        or value.right > right.left - scale.char
        or not WORDS_ALONE.fullmatch(label.text)
        or ":" in value.text
        or "：" in value.text
    ):
        return [list(lines)]
    rest = [ln for row in rows[2:] for ln in row]
    return [[label, value], [right]] + ([rest] if rest else [])


class _Block(NamedTuple):
    """The last block of columns read: its sides, the row it ends before, and the number
    of blocks read before its columns."""

    left: list[Line]
    right: list[Line]
    end: int
    at: int


def _continued(last: _Block, halves: tuple[list[Line], list[Line]], scale: Scale) -> bool:
    """A block of columns right under the last one goes on its two columns: on each
    side, its first line starts where a line of that side above starts (a label under
    labels, a value's wrapped line under values) and does not stand apart from them."""
    for above, below in zip((last.left, last.right), halves, strict=True):
        if not above or not below:
            return False
        first = min(below, key=lambda ln: (ln.top, ln.left))
        if all(abs(first.left - a.left) > scale.char for a in above):
            return False
        if first.top - max(a.bottom for a in above) > scale.height:
            return False
    return True


def _parting(units: Sequence[Line], divider: Rect) -> list[list[Line]] | None:
    """The units level with `divider`, left of it and right of it, when each side holds
    `MIN_ROWS` rows of them and none runs across it (a detected box may reach past it by
    half its height)."""
    x = (divider[0] + divider[2]) / 2.0
    level = [u for u in units if divider[1] <= u.centre_y <= divider[3]]
    if any(min(x - u.left, u.right - x) > box_height(u) / 2.0 for u in level):
        return None
    left = [u for u in level if (u.left + u.right) / 2.0 < x]
    right = [u for u in level if (u.left + u.right) / 2.0 >= x]
    if min(len(group_rows(side)) if side else 0 for side in (left, right)) < MIN_ROWS:
        return None
    return [left, right]


def _divided(
    units: Sequence[Line], dividers: Sequence[Rect]
) -> tuple[Rect, list[list[Line]]] | None:
    """The first divider that parts the units level with it (`_parting`) and the units
    in the order to read them: those above it, those left of it, those right of it,
    those below it. Two or more dividers parting the same rows are a table's column
    rules (a table ruled down but not across), read row by row: none is taken."""
    parting = [(d, sides) for d in dividers if (sides := _parting(units, d)) is not None]
    for divider, (left, right) in parting:
        if any(
            other is not divider and min(other[3], divider[3]) - max(other[1], divider[1]) > 0
            for other, _ in parting
        ):
            continue
        above = [u for u in units if u.centre_y < divider[1]]
        below = [u for u in units if u.centre_y > divider[3]]
        return divider, [above, left, right, below]
    return None


def column_blocks(
    units: Sequence[Line],
    *,
    obstacles: Sequence[Rect] = (),
    rules: Sequence[Rect] = (),
    seals: Sequence[Rect] = (),
    dividers: Sequence[Rect] = (),
) -> list[list[Line]]:
    """`units` in blocks to read one after the other, each block row by row: the rows
    above a block of columns, the left column, the right column, the rows below, ...

    `obstacles` are regions no column gap may cross (ruled table cells), `rules` the
    horizontal ruling lines of the page (a gap they cross is not a column gap), `seals`
    the boxes of the page's round seals, `dividers` vertical lines that part the blocks
    level with them (`ocr.layout.dividers`), however their rows pair up.
    """
    split = _divided(units, dividers)
    if split is not None:
        used, parts = split
        rest = [d for d in dividers if d is not used]
        return [
            block
            for part in parts
            for block in column_blocks(
                part, obstacles=obstacles, rules=rules, seals=seals, dividers=rest
            )
        ]
    if len(units) < 2 * MIN_ROWS - 2:
        return [list(units)] if units else []
    # stand-ins for ruled cells (text "\u0000", see `ocr.layout.units`) are no line
    scale = page_scale([ln for ln in units if "\u0000" not in ln.text] or list(units))
    titled = _title_band(units, scale)
    if titled is not None:
        heading = {id(u) for side in titled for u in side}
        under = [u for u in units if id(u) not in heading]
        return titled + column_blocks(
            under, obstacles=obstacles, rules=rules, seals=seals, dividers=dividers
        )
    rows = group_rows(units)
    blocks: list[list[Line]] = []
    pending: list[Line] = []
    last: _Block | None = None  # goes on only in a block starting at its end row
    i = 0
    while i < len(rows):
        found: tuple[int, int, Gap] | None = None
        end = _run_end(rows, i, obstacles, GAP_CHARS * scale.char)
        if end - i >= MIN_ROWS - 1:
            gap = _column_gap(rows[i:end], obstacles, rules, scale)
            if gap is None and end - i >= MIN_ROWS:
                end, gap = _closed_below(rows, i, end, obstacles, rules, scale)
            if gap is not None:
                # decided on the whole run; the rows standing apart below are read after
                end = i + _side_ended(rows[i:end], gap, scale, seals, rules)
                # a title centred over the columns, on one side of their gap, is read first
                start = i + _title_rows(rows[i:end], gap, scale)
                # the rows left decide again: a footer under a licence's two halves,
                # running across the gap after the left half's values, hid that gap
                settled = (
                    _column_gap(rows[start:end], obstacles, rules, scale)
                    if end - start >= MIN_ROWS - 1
                    else None
                )
                if settled is None and _short_side_level(rows[start:end], gap, scale):
                    # the gap was the rows' below's doing: a notice's list with the
                    # number of copies at the right, over its authority at the right
                    gap = None
                elif settled not in (None, gap):
                    if start > i:
                        # the title's doing ("（副本）" over the halves hid that the gap
                        # after the right half's labels parts labels from values): the
                        # rows from the next one decide on their own
                        gap = None
                    else:
                        gap = settled
                        end = i + _side_ended(rows[i:end], gap, scale, seals, rules)
                        start = i + _title_rows(rows[i:end], gap, scale)
            if gap is not None:
                start += _late_side(rows[start:end], gap, scale)
                end = _handed_on(rows, start, end, gap, obstacles, rules, scale)
                # two parties' signature blocks of two rows ("委托人（签字）：张三" over
                # its date, "受托人（签字）：李四" over its date) are read whole all the same
                least = MIN_ROWS - 1 if _parties(rows[start:end], gap) else MIN_ROWS
                found = (start, end, gap) if end - start >= least else None
        if found is None:
            pending += rows[i]
            i += 1
            continue
        start, end, gap = found
        pending += [ln for row in rows[i:start] for ln in row]
        i = start
        if pending:
            blocks += _corner_first(pending, scale)
            pending = []
        band = _header_band(rows[i:end], gap, scale)
        halves = _halves([ln for row in rows[i + band : end] for ln in row], gap)
        if band == 0 and last is not None and last.end == i and _continued(last, halves, scale):
            # the same two columns, their gap stepped aside (the left half's last value
            # wraps on under the right half's labels, past where the gap ran above)
            halves = (last.left + halves[0], last.right + halves[1])
            del blocks[last.at :]
        else:
            head = [ln for row in rows[i : i + band] for ln in row]
            for side in _halves(head, gap):
                blocks += column_blocks(side, obstacles=obstacles, rules=rules, seals=seals)
        last = _Block(halves[0], halves[1], end, len(blocks))
        for side in halves:
            blocks += column_blocks(side, obstacles=obstacles, rules=rules, seals=seals)
        i = end
    if pending:
        blocks += _corner_first(pending, scale)
    return blocks
