"""Scores: strict character error rate, order-free error, fields exact, classification."""

from __future__ import annotations

import re
from collections import Counter

from ocr import classify, extract_fields
from ocr.pipeline import PageReading
from ocr.punctuation import CHECK_BOX

_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Whitespace carries no meaning in Chinese text; everything else counts (full- and
    half-width punctuation are different characters)."""
    return _SPACE.sub("", text)


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (substitutions, insertions, deletions)."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


# an empty check box is one square however the text codes it (□ U+25A1, ☐ U+2610)
_ONE_BOX = str.maketrans({"☐": "□"})
_TICKS = "√✓✔"
_QUOTED_TICK = re.compile(r"[“\"'‘][√✓✔][”\"'’]")


def scored(truth: str, hypothesis: str) -> tuple[str, str]:
    """The truth and the hypothesis as they are compared: squashed, an empty box one
    character however coded, and the check boxes (□, ☑, ...) left out of the hypothesis
    when the truth has none. A generator that draws its boxes as shapes writes no box into
    its truth, though the page shows them, and a ticked box as its tick alone ("√"): there
    a ticked box read (☑) counts as that tick. One that sets its boxes as characters
    writes them, and there they count."""
    t, h = squash(truth).translate(_ONE_BOX), squash(hypothesis).translate(_ONE_BOX)
    if not CHECK_BOX.search(t):
        # (a tick quoted in an instruction, "请在方框内打“√”", ticks no box)
        ticked = _QUOTED_TICK.sub("", t)
        tick = next((c for c in _TICKS if c in ticked), "")
        h = CHECK_BOX.sub("", h.replace("☑", tick))
    return t, h


def unscored_boxes(truth: str, hypothesis: str) -> int:
    """How many check boxes of the hypothesis `scored` leaves out."""
    return len(squash(hypothesis)) - len(scored(truth, hypothesis)[1])


def cer_counts(truth: str, hypothesis: str) -> tuple[int, int]:
    """(errors, reference length) over the whole page text in reading order."""
    t, h = scored(truth, hypothesis)
    return edit_distance(t, h), len(t)


def order_free_errors(truth: str, hypothesis: str) -> int:
    """Errors when order does not count: characters missing or extra, whichever is more
    (a lower bound of the strict errors; the difference is reading order)."""
    t, h = (Counter(s) for s in scored(truth, hypothesis))
    return max(sum((t - h).values()), sum((h - t).values()))


NUMBER_FIELDS = ("id_number", "credit_code")


def fields_found(
    text: str, reading: PageReading | None, truth: tuple[tuple[str, str], ...]
) -> list[tuple[str, bool]]:
    """Per field drawn on the page (ID number, credit code, phone, person and enterprise
    name): read exactly? By extraction (same field name and value) for our pipeline, by
    substring of the page text for engines without extraction."""
    values: set[tuple[str, str]] = set()
    if reading is not None:
        values = {(f.name, f.value) for f in extract_fields(reading)}
    flat = squash(text)
    return [
        (name, (name, value) in values if reading is not None else value in flat)
        for name, value in truth
    ]


def classified(text: str, hints, expected: str) -> bool:  # type: ignore[no-untyped-def]
    got = classify(text, hints).code
    return got is None if expected == "blank_page" else got == expected
