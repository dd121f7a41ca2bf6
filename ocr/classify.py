"""Which checklist material a page is, from its text and the item's keyword hints.

The first keyword of a hint is usually the document title and weighs most (more when it
appears near the top), because forms quote other documents' field labels (an application
form has a 公民身份号码 field, but it is not an ID card). Keywords of four or more
characters also match with one wrong, missing or extra character, for half credit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

TITLE_WEIGHT = 3.0
TITLE_NEAR_TOP_BONUS = 1.0
KEYWORD_WEIGHT = 1.0
PATTERN_WEIGHT = 0.5
FUZZY_CREDIT = 0.5
MIN_SCORE = 1.5  # the title, or two other keywords
TOP_FRACTION = 0.25


@dataclass(frozen=True)
class MaterialHint:
    code: str
    keywords: tuple[str, ...]
    patterns: tuple[str, ...] = ()  # regexes


@dataclass(frozen=True)
class Classification:
    code: str | None  # None = unknown page
    confidence: float  # 0..1
    matched: tuple[str, ...]  # keywords / patterns that matched, to explain to the clerk


def normalise(text: str) -> str:
    """Drop all whitespace (OCR puts stray spaces between Chinese characters)."""
    return re.sub(r"\s+", "", text)


@lru_cache(maxsize=512)
def _fuzzy(keyword: str) -> re.Pattern[str]:
    """Matches `keyword` with one character substituted, deleted or inserted."""
    variants: set[str] = set()
    for i in range(len(keyword)):
        head, tail = re.escape(keyword[:i]), re.escape(keyword[i + 1 :])
        variants.add(f"{head}.{tail}")  # substitution
        variants.add(f"{head}{tail}")  # deletion
        variants.add(f"{head}.{re.escape(keyword[i:])}")  # insertion
    return re.compile("|".join(sorted(variants, key=len, reverse=True)))


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _find(keyword: str, text: str) -> tuple[float, int]:
    """Credit (1, 0.5 or 0) and position of the best match of `keyword` in `text`."""
    pos = text.find(keyword)
    if pos >= 0:
        return 1.0, pos
    if len(keyword) >= 4:
        m = _fuzzy(keyword).search(text)
        if m is not None:
            return FUZZY_CREDIT, m.start()
    return 0.0, -1


def _score(hint: MaterialHint, text: str) -> tuple[float, list[str]]:
    score = 0.0
    matched: list[str] = []
    near_top = max(40, int(len(text) * TOP_FRACTION))
    for i, keyword in enumerate(hint.keywords):
        kw = normalise(keyword)
        if not kw:
            continue
        credit, pos = _find(kw, text)
        if credit == 0.0:
            continue
        weight = TITLE_WEIGHT if i == 0 else KEYWORD_WEIGHT
        score += weight * credit
        if i == 0 and pos < near_top:
            score += TITLE_NEAR_TOP_BONUS * credit
        matched.append(keyword if credit == 1.0 else f"{keyword}(≈)")
    for pattern in hint.patterns:
        if _compiled(pattern).search(text):
            score += PATTERN_WEIGHT
            matched.append(pattern)
    return score, matched


def classify(text: str, hints: Sequence[MaterialHint]) -> Classification:
    """The best-matching material, or code None when nothing matches well enough."""
    flat = normalise(text)
    if not flat or not hints:
        return Classification(code=None, confidence=0.0, matched=())
    scored = [(_score(h, flat), h.code) for h in hints]
    scored.sort(key=lambda s: s[0][0], reverse=True)
    (best, matched), code = scored[0]
    runner_up = next((s for (s, _), c in scored[1:] if c != code), 0.0)
    if best < MIN_SCORE:
        return Classification(code=None, confidence=0.0, matched=tuple(matched))
    strength = min(1.0, best / (TITLE_WEIGHT + TITLE_NEAR_TOP_BONUS))
    margin = (best - runner_up) / best
    confidence = round(strength * (0.5 + 0.5 * margin), 3)
    return Classification(code=code, confidence=confidence, matched=tuple(matched))


@dataclass(frozen=True)
class PageGroup:
    """Consecutive pages that make up one material (a contract runs over several pages)."""

    code: str | None  # None: pages no hint matched, flagged for the clerk
    pages: tuple[int, ...]  # indexes into the submission
    confidence: float  # the weakest page's
    continuation: bool  # some page had no match of its own and was attached to the one before


def group_pages(
    classifications: Sequence[Classification], blank: Sequence[bool] = ()
) -> list[PageGroup]:
    """Group a submission's pages in scanning order: a page with the same material as the
    one before joins it; an unmatched page right after a matched one is taken as its next
    page (at half confidence, so the clerk looks); blank pages are left out."""
    groups: list[PageGroup] = []
    for i, c in enumerate(classifications):
        if i < len(blank) and blank[i]:
            continue
        last = groups[-1] if groups else None
        follows = last is not None and last.pages[-1] == i - 1 - _blanks_before(blank, i)
        if last is not None and follows and c.code is not None and c.code == last.code:
            groups[-1] = PageGroup(
                last.code, (*last.pages, i), min(last.confidence, c.confidence), last.continuation
            )
        elif last is not None and follows and c.code is None and last.code is not None:
            groups[-1] = PageGroup(last.code, (*last.pages, i), round(last.confidence / 2, 3), True)
        else:
            groups.append(PageGroup(c.code, (i,), c.confidence, False))
    return groups


def _blanks_before(blank: Sequence[bool], i: int) -> int:
    """How many blank pages directly precede page `i` (a separator sheet between pages)."""
    n = 0
    while i - 1 - n >= 0 and i - 1 - n < len(blank) and blank[i - 1 - n]:
        n += 1
    return n
