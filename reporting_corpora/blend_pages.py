"""The `blend` corpus's entry for `build`: a page model per layout, drawn by Blend2D, its
truth checked against the characters of the glyphs Blend2D drew (each run shaped by
Blend2D and read back through its face's cmap) as a multiset of characters."""

from __future__ import annotations

import random
from collections import Counter

import numpy as np

from reporting_corpora.blend_draw import MissingGlyph, Page, missing_glyphs, render
from reporting_corpora.blend_layouts import LAYOUTS as _LAYOUTS

LAYOUTS = tuple(_LAYOUTS)
__all__ = [
    "LAYOUTS",
    "MissingGlyph",
    "Page",
    "TruthMismatch",
    "check_truth",
    "missing_glyphs",
    "model",
    "render_all",
]


class TruthMismatch(AssertionError):
    pass


def model(layout: str, rng: random.Random) -> Page:
    return _LAYOUTS[layout](rng)


def render_all(pages: list[Page]) -> list[tuple[np.ndarray, str]]:
    return [render(page) for page in pages]


def check_truth(page: Page, text: str) -> None:
    """The truth and the glyphs drawn hold the same characters (whitespace aside)."""
    want = Counter("".join(page.truth().split()))
    got = Counter("".join(text.split()))
    if want != got:
        raise TruthMismatch(
            f"{page.layout}: truth lacks {dict(got - want)!r}, drawing lacks {dict(want - got)!r}"
        )
