"""The `pdfkit` corpus's entry for `reporting_corpora.build`: a page model per layout from
a seeded Random; a batch of pages laid out by pdfkit into one PDF and rasterised by pdf.js
at 300 ppi (one node run), with the text pdf.js finds in the PDF, which checks the truth."""

from __future__ import annotations

import random

import numpy as np

from reporting_corpora import pdfkit_doc
from reporting_corpora.pdfkit_doc import MissingGlyph, Overflow, Page, TruthMismatch, missing_glyphs
from reporting_corpora.pdfkit_layouts import LAYOUTS

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
    """Each page at 300 ppi (BGR) with the text pdf.js finds in the PDF pdfkit made."""
    return [(r.image, r.text) for r in pdfkit_doc.render(pages)]


def check_truth(page: Page, found: str) -> None:
    """`page`'s truth is the PDF's text, character for character in order (whitespace
    aside); each of its fields stands whole in its truth."""
    pdfkit_doc.check_truth(page.truth(), found)
    flat = "".join(page.truth().split())
    for name, value in page.fields:
        if value not in flat:
            raise TruthMismatch(f"{name} {value!r} not in the truth")
