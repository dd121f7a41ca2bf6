"""The page pipeline: decode → deskew → seal suppression (red and grey) → recognise → reading order.

A straight line of small stages; engine exceptions are translated at this seam so callers
only ever see `OcrError`s.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from ocr.columns import column_blocks
from ocr.engine import Engine, Line
from ocr.errors import EngineFailed, EngineTimeout, OcrError
from ocr.fields import fields_of
from ocr.geometry import find_page, flatten_light, lies_sideways, turn, warp_page
from ocr.labels import part_label_values, part_next_labels
from ocr.layout import Cell, dividers, join_wrapped, rulings, tie_continuations, units
from ocr.names import NEXT_LABELS
from ocr.preprocess import (
    Quality,
    SealBox,
    decode_image,
    deepened,
    deskew,
    despeckled,
    enlarged,
    find_red_seals,
    is_blank,
    quality,
    suppress_red,
    thumbnail,
    without_codes,
)
from ocr.punctuation import boxes_opening_lines, tidy
from ocr.rows import group_rows, lift_row_headings
from ocr.seals import Ring, drop_seal_words, seal_rings, suppress_grey_seals
from ocr.simplified import simplified
from ocr.surname_lookalikes import surname_lookalike
from ocr.surnames import CHOICES, find, has_surname, put_right

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageReading:
    lines: tuple[Line, ...]  # reading order; boxes refer to the deskewed image
    text: str  # one row per line, cells of a row joined with a single space
    width: int
    height: int
    skew_degrees: float
    seals: tuple[tuple[int, int, int, int], ...]
    blank: bool
    quality: Quality
    engine: str
    seconds: float
    rotation: int = 0  # degrees counter-clockwise the page was turned to stand upright
    perspective_corrected: bool = False  # the sheet was found on a background and warped
    light_flattened: bool = False
    # the page image the boxes refer to (for the searchable PDF); not persisted
    image: np.ndarray | None = field(default=None, compare=False, repr=False)


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _join_row(row: Sequence[Line]) -> str:
    """Join cells with one space; fragments of one CJK phrase split by the detector are
    joined without one (a gap narrower than a character)."""
    parts: list[str] = []
    previous: Line | None = None
    for line in row:
        text = line.text.strip()
        if not text:
            continue
        if previous is not None and parts:
            gap = line.left - previous.right
            height = min(line.bottom - line.top, previous.bottom - previous.top)
            glued = gap < 0.5 * height and _is_cjk(parts[-1][-1]) and _is_cjk(text[0])
            parts.append(text if glued else " " + text)
        else:
            parts.append(text)
        previous = line
    return "".join(parts)


def reading_order(
    lines: Sequence[Line],
    cells: Sequence[Cell] = (),
    rules: Sequence[Cell] = (),
    seals: Sequence[Ring] = (),
    dividers: Sequence[Cell] = (),
) -> tuple[tuple[Line, ...], str]:
    """Lines in reading order and the page text (one row per text line).

    The lines of one table cell (`cells`, see `ocr.layout`) are read together, as one
    unit; units are read row by row, except that a block of columns without rules is
    read column after column (`ocr.columns`; `rules` are the page's horizontal rules,
    `seals` its round seals), and blocks parted by a vertical line (`dividers`) are
    read one after the other.
    """
    kept = part_next_labels([ln for ln in lines if ln.text.strip()], NEXT_LABELS)
    kept = part_label_values(kept, NEXT_LABELS)
    found = lift_row_headings(join_wrapped(tie_continuations(units(kept, cells)), cells))
    members = {id(stand_in): inner for stand_in, inner in found}
    ordered_lines: list[Line] = []
    texts: list[str] = []
    stamped = [(x - r, y - r, x + r, y + r) for x, y, r in seals]
    blocks = column_blocks(
        [stand_in for stand_in, _ in found],
        obstacles=cells,
        rules=rules,
        seals=stamped,
        dividers=dividers,
    )
    for row in (row for block in blocks for row in group_rows(block)):
        joined_units = []
        for stand_in in row:
            sub = group_rows(members[id(stand_in)])
            ordered_lines += [line for r in sub for line in r]
            content = "".join(_join_row(r) for r in sub)
            joined_units.append(replace(stand_in, text=content))
        joined = _join_row(joined_units)
        if joined:
            texts.append(joined)
    return tuple(ordered_lines), "\n".join(texts)


def _run_engine(
    engine: Engine, image: np.ndarray, timeout: float | None, *, upright: bool = False
) -> tuple[list[Line], float | None]:
    """The engine's lines and, with `upright`, the share of its vote for "upside down"
    (see `Engine.recognise_upright`); None when no vote was taken."""
    if timeout is None:
        return _call_engine(engine, image, upright)
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["result"] = _call_engine(engine, image, upright)
        except OcrError as e:
            outcome["error"] = e

    worker = threading.Thread(target=target, name=f"ocr-{engine.name}", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        log.warning("OCR engine %s did not finish within %.1f s", engine.name, timeout)
        raise EngineTimeout(
            f"text recognition did not finish within {timeout:.0f} s; try again, and if it "
            "keeps happening rescan the page at 200-300 dpi",
            f"文字识别未在 {timeout:.0f} 秒内完成,请重试;如仍超时,请以 200-300 dpi 重新扫描",
        )
    error = outcome.get("error")
    if isinstance(error, OcrError):
        raise error
    result = outcome.get("result")
    return result if isinstance(result, tuple) else ([], None)


def _call_engine(
    engine: Engine, image: np.ndarray, upright: bool
) -> tuple[list[Line], float | None]:
    share: float | None = None
    try:
        if upright:
            result, share = engine.recognise_upright(image)
        else:
            result = engine.recognise(image)
    except OcrError:
        raise
    except Exception as e:
        log.error("OCR engine %s failed: %s", engine.name, type(e).__name__)
        raise EngineFailed(
            f"the text recognition engine failed ({type(e).__name__}); try again, or "
            "rescan the page; tell the administrator if it persists",
            "文字识别引擎出错,请重试或重新扫描该页;如多次出现请联系管理员",
        ) from e
    if not isinstance(result, list) or not all(isinstance(ln, Line) for ln in result):
        raise EngineFailed(
            "the text recognition engine returned an invalid result; tell the administrator",
            "文字识别引擎返回了无效结果,请联系管理员",
        )
    return result, share


# Below this mean confidence an upright page is rare and an upside-down one common.
UPSIDE_DOWN_SUSPECT = 0.88
# A vote on the orientation at least this far from even is trusted without a second read.
VOTE_MARGIN = 0.25
# How sure a surname taken for its look is (`ocr.surname_lookalikes`): below
# `ocr.fields.REVIEW_CONFIDENCE`, so the clerk confirms it.
LOOKALIKE_SURE = 0.5


def _for_engine(image: np.ndarray) -> tuple[np.ndarray, list[Ring], list[SealBox]]:
    """What the engine reads: the page with red seals, colourless (grey) ones and QR codes
    turned into paper; the page's round seals, whatever their ink; and its red seals'
    boxes."""
    rings, seals = seal_rings(image), find_red_seals(image)
    return without_codes(suppress_grey_seals(suppress_red(image, seals), rings)), rings, seals


STANDING = 0.6  # share of the text read in boxes standing up that shows a wrong turn


def _standing(lines: Sequence[Line]) -> bool:
    """Most of the text read stands in boxes taller than wide: the lines run down the
    page as the engine saw it."""
    tall = sum(len(ln.text) for ln in lines if ln.bottom - ln.top > 1.5 * (ln.right - ln.left))
    return tall > STANDING * sum(len(ln.text) for ln in lines)


def _mean_confidence(lines: Sequence[Line]) -> float:
    weights = [max(1, len(ln.text.strip())) for ln in lines]
    if not weights:
        return 0.0
    return sum(ln.confidence * w for ln, w in zip(lines, weights, strict=True)) / sum(weights)


def _surnames_put_right(
    lines: tuple[Line, ...], text: str, engine: Engine, image: np.ndarray
) -> list[Line] | None:
    """The lines with each person's name whose surname no one bears put right from the
    engine's other choices at its first characters (`ocr.surnames`) or, when none of them
    is a surname, to the surname its first character looks like
    (`ocr.surname_lookalikes`); None when none was. `image` is the one the engine read
    the lines from."""
    fixed: dict[int, Line] = {}
    for found in fields_of(lines, text):
        if found.name != "person_name" or has_surname(found.value):
            continue
        at = next((k for k, ln in enumerate(lines) if ln.box == found.box), None)
        if at is None or at in fixed:
            continue
        try:
            read = engine.char_choices(image, lines[at].box, CHOICES) or ()
        except Exception:  # (an optional second look: the page stands as read without it)
            log.warning("OCR engine %s failed to give its choices", engine.name, exc_info=True)
            return None
        choices = [c for c in read if c and not c[0][0].isspace()]
        start = find(found.value, choices)
        if start < 0:
            continue  # (read otherwise this time: no telling which choice is which)
        name = put_right(found.value, choices[start : start + len(found.value)])
        if name != found.value:
            # the line is as sure as the recogniser was of the character taken: a clerk
            # confirms a surname it gave little weight to
            k = next(k for k, (a, b) in enumerate(zip(name, found.value, strict=True)) if a != b)
            taken = dict(choices[start + k])[name[k]]
        else:
            # no choice was a surname: the one its first character looks like, which a clerk
            # confirms
            name = surname_lookalike(found.value) or name
            taken = LOOKALIKE_SURE
        if name != found.value:
            line = lines[at]
            text = line.text.replace(found.value, name, 1)
            fixed[at] = replace(line, text=text, confidence=min(line.confidence, taken))
    if not fixed:
        return None
    return [fixed.get(k, ln) for k, ln in enumerate(lines)]


def read_page(data: bytes, engine: Engine, *, timeout: float | None = None) -> PageReading:
    """Read one scanned page. `timeout` (seconds) bounds each engine call when given."""
    started = time.perf_counter()
    image = enlarged(despeckled(decode_image(data)))
    thumb = thumbnail(image)  # remade whenever the page image changes
    if is_blank(image, thumb=thumb):
        h, w = image.shape[:2]
        return PageReading(
            lines=(),
            text="",
            width=w,
            height=h,
            skew_degrees=0.0,
            seals=(),
            blank=True,
            quality=quality(image, thumb=thumb),
            engine=engine.name,
            seconds=round(time.perf_counter() - started, 3),
            image=image,
        )
    quad = find_page(image, thumb=thumb)
    if quad is not None:
        image = warp_page(image, quad)
        thumb = thumbnail(image)
    image, flattened = flatten_light(image, thumb=thumb)
    if flattened:
        thumb = thumbnail(image)
    # a page whose ink runs down in columns is turned; when its lines, read, stand across
    # the turned page, it was upright (a roster's columns of values far apart)
    for turned in (True, False) if lies_sideways(image, thumb=thumb) else (False,):
        page, page_thumb = (turn(image, 1), turn(thumb, 1)) if turned else (image, thumb)
        rotation = 90 if turned else 0
        page_quality = quality(page, thumb=page_thumb)  # of the sheet, found and flattened
        page, deeper = deepened(page)  # (after its quality: a faint page is rescanned)
        if deeper:
            page_thumb = thumbnail(page)
        straight, skew = deskew(page, thumb=page_thumb)
        # An engine that votes on the orientation before recognising reads each page
        # once; otherwise (or when its vote is split) an unsure reading is tried upside
        # down too.
        cleaned, rings, seals = _for_engine(straight)
        lines, upside_down = _run_engine(engine, cleaned, timeout, upright=True)
        if not (turned and _standing(lines)):
            break
    if upside_down is not None and upside_down > 0.5:
        h, w = straight.shape[:2]
        rings = [(w - x, h - y, r) for x, y, r in rings]
        straight, rotation = turn(straight, 2), (rotation + 180) % 360
        cleaned = turn(cleaned, 2)
        seals = find_red_seals(straight)
    decided = upside_down is not None and abs(upside_down - 0.5) >= VOTE_MARGIN
    if lines and not decided and _mean_confidence(lines) < UPSIDE_DOWN_SUSPECT:
        flipped = turn(straight, 2)
        cleaned_flipped, flipped_rings, flipped_seals = _for_engine(flipped)
        flipped_lines, _ = _run_engine(engine, cleaned_flipped, timeout)
        if _mean_confidence(flipped_lines) > _mean_confidence(lines) + 0.05:
            straight, lines, rotation = flipped, flipped_lines, (rotation + 180) % 360
            rings, seals, cleaned = flipped_rings, flipped_seals, cleaned_flipped
    texts = simplified(boxes_opening_lines([tidy(ln.text) for ln in lines]))
    lines = drop_seal_words(
        [replace(ln, text=t) for ln, t in zip(lines, texts, strict=True)], rings
    )
    ruled = rulings(straight)
    cells, rules, parting = ruled.cells, ruled.rules, dividers(ruled, lines)
    ordered, text = reading_order(lines, cells, rules, rings, parting)
    h, w = straight.shape[:2]
    named = _surnames_put_right(ordered, text, engine, cleaned)
    if named is not None:
        ordered, text = reading_order(named, cells, rules, rings, parting)
    seconds = round(time.perf_counter() - started, 3)
    log.info(
        "read page %dx%d: %d lines, rotation %d, skew %.2f°, %d seals, %.2f s",
        w,
        h,
        len(ordered),
        rotation,
        skew,
        len(seals),
        seconds,
    )
    return PageReading(
        lines=ordered,
        text=text,
        width=w,
        height=h,
        skew_degrees=skew,
        seals=tuple(seals),
        blank=False,
        quality=page_quality,
        engine=engine.name,
        seconds=seconds,
        rotation=rotation,
        perspective_corrected=quad is not None,
        light_flattened=flattened,
        image=straight,
    )
