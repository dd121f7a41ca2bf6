"""The `latex` corpus's entry for `reporting_corpora.build`: a page model per layout from a
seeded Random; a batch of pages compiled by LuaLaTeX into one PDF and rasterised by PDFium
at 300 ppi, with the text PDFium finds on each PDF page, which checks the truth."""

from __future__ import annotations

import random

import numpy as np

from reporting_corpora import latex_doc
from reporting_corpora.latex_doc import MissingGlyph, Overflow, Page, TruthMismatch, missing_glyphs
from reporting_corpora.latex_layouts import LAYOUTS

__all__ = [
    "LAYOUTS",
    "MissingGlyph",
    "Overflow",
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
    """Each page at 300 ppi (BGR) with the text PDFium finds on its page of the PDF."""
    return [(r.image, r.text) for r in latex_doc.render(pages)]


def check_truth(page: Page, found: str) -> None:
    """`page`'s truth is the PDF page's text, character for character in order (whitespace
    aside); each of its fields stands whole in its truth."""
    latex_doc.check_truth(page.truth(), found)
    flat = "".join(page.truth().split())
    for name, value in page.fields:
        if value not in flat:
            raise TruthMismatch(f"{name} {value!r} not in the truth")
