"""The `ft` corpus's entry for `reporting_corpora.build`: a page model per layout from a
seeded Random; each page's glyphs rasterised by FreeType at 300 ppi and composited onto
an A4 array, with the characters FreeType drew with ink, which check the truth."""

from __future__ import annotations

import random

from reporting_corpora.ft_draw import (
    MissingGlyph,
    Page,
    TruthMismatch,
    check_truth,
    missing_glyphs,
    render_all,
)
from reporting_corpora.ft_layouts import LAYOUTS

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
