"""The `qt` corpus's page interface for `build`: a page model from its layout and the
seed, its 300 ppi image painted by Qt and the text of a PDF painted by the same code, and
the check that the truth is what was drawn."""

from __future__ import annotations

import random

from reporting_corpora.qt_draw import (
    MissingGlyph,
    Page,
    TruthMismatch,
    check_truth,
    missing_glyphs,
    render,
    render_all,
)
from reporting_corpora.qt_layouts import LAYOUTS

__all__ = [
    "LAYOUTS",
    "MissingGlyph",
    "Page",
    "TruthMismatch",
    "check_truth",
    "missing_glyphs",
    "model",
    "render",
    "render_all",
]


def model(layout: str, rng: random.Random) -> Page:
    return LAYOUTS[layout](rng)
