"""The `coverage` corpus's entry for `reporting_corpora.build`: a page model per layout
from a seeded Random; each page rasterised by the corpus's own exact-area-coverage
rasteriser onto an A4 array at 300 ppi, with the characters whose outlines left ink,
which check the truth."""

from __future__ import annotations

import random

import numpy as np

from reporting_corpora import coverage_draw
from reporting_corpora.coverage_draw import MissingGlyph, Page, TruthMismatch, missing_glyphs
from reporting_corpora.coverage_layouts import LAYOUTS

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


def model(layout: str, rng: random.Random) -> Page:
    return LAYOUTS[layout](rng)


def render_all(pages: list[Page]) -> list[tuple[np.ndarray, str]]:
    """Each page drawn at 300 ppi (BGR) with the characters its ink drew."""
    return [coverage_draw.render(page) for page in pages]


def check_truth(page: Page, drawn: str) -> None:
    """`page`'s truth is, as a multiset of characters, what left ink; each of its fields
    stands whole in its truth."""
    coverage_draw.check_truth(page.truth(), drawn)
    flat = "".join(page.truth().split())
    for name, value in page.fields:
        if value not in flat:
            raise TruthMismatch(f"{name} {value!r} not in the truth")
