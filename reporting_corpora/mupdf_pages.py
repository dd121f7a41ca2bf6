"""The `mupdf` corpus's entry for `reporting_corpora.build`: a page model per layout from a
seeded Random; a batch rendered by PyMuPDF into one PDF, each page rasterised by MuPDF
at 300 ppi with the text MuPDF reads back, which checks the truth."""

from __future__ import annotations

import random

from reporting_corpora.mupdf_draw import (
    MissingGlyph,
    Page,
    TruthMismatch,
    check_truth,
    missing_glyphs,
    pdf,
    render_all,
)
from reporting_corpora.mupdf_layouts import LAYOUTS

__all__ = [
    "LAYOUTS",
    "MissingGlyph",
    "Page",
    "TruthMismatch",
    "check_truth",
    "missing_glyphs",
    "model",
    "pdf",
    "render_all",
]


def model(layout: str, rng: random.Random) -> Page:
    return LAYOUTS[layout](rng)
