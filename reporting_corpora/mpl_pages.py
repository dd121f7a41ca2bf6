"""The `mpl` corpus's page interface for `build`: a page model from its layout and the
seed, its 300 ppi image drawn by matplotlib's Agg backend and the text of a PDF drawn from
the same figure, and the check that the truth is what was drawn."""

from __future__ import annotations

import random

from reporting_corpora.mpl_draw import (
    MissingGlyph,
    Page,
    check_truth,
    missing_glyphs,
    render,
    render_all,
)
from reporting_corpora.mpl_layouts import LAYOUTS

__all__ = [
    "LAYOUTS",
    "MissingGlyph",
    "Page",
    "check_truth",
    "missing_glyphs",
    "model",
    "render",
    "render_all",
]


def model(layout: str, rng: random.Random) -> Page:
    return LAYOUTS[layout](rng)
