"""Scores: strict character error rate, field exact match, classification."""

from __future__ import annotations

import re

from ocr import classify, extract_fields
from ocr.pipeline import PageReading

_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Whitespace carries no meaning in Chinese text; everything else counts."""
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


def cer_counts(truth: str, hypothesis: str) -> tuple[int, int]:
    """(errors, reference length) over the whole page text in reading order."""
    t, h = squash(truth), squash(hypothesis)
    return edit_distance(t, h), len(t)


NUMBER_FIELDS = ("id_number", "credit_code")


def numbers_found(text: str, reading: PageReading | None, truth: dict[str, str]) -> dict[str, bool]:
    """Per ID number / credit code on the page: read exactly? By extraction for our
    pipeline, by substring of the page text for engines without extraction."""
    out: dict[str, bool] = {}
    values: set[str] = set()
    if reading is not None:
        values = {f.value for f in extract_fields(reading) if f.name in NUMBER_FIELDS}
    flat = squash(text)
    for name in NUMBER_FIELDS:
        if name in truth:
            expected = truth[name]
            out[name] = expected in values if reading is not None else expected in flat
    return out


def classified(text: str, hints, expected: str) -> bool:  # type: ignore[no-untyped-def]
    got = classify(text, hints).code
    return got is None if expected == "blank_page" else got == expected
