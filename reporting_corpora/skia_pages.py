"""The `skia` corpus's pages for `build`: a model per page, then a batch drawn by Skia on
300 ppi raster surfaces and into one Skia PDF whose text (pypdfium2) checks the truth."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence

import numpy as np
import pypdfium2 as pdfium

from reporting_corpora.skia_draw import (
    MissingGlyph,
    Page,
    missing_glyphs,
    pdf,
    radical_ideographs,
    raster,
)
from reporting_corpora.skia_layouts import LAYOUTS

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
    """The truth and the text of the PDF Skia drew differ."""


def model(layout: str, rng: random.Random) -> Page:
    return LAYOUTS[layout](rng)


def pdf_texts(document: bytes) -> list[str]:
    doc = pdfium.PdfDocument(document)
    try:
        return [page.get_textpage().get_text_range() for page in doc]
    finally:
        doc.close()


def render_all(pages: Sequence[Page]) -> list[tuple[np.ndarray, str]]:
    """(300 ppi BGR image, PDF text) of each page; one PDF for the batch."""
    texts = pdf_texts(pdf(pages))
    return [(raster(page), text) for page, text in zip(pages, texts, strict=True)]


def _ideograph(c: str) -> str:
    # a face whose one glyph serves an ideograph and a radical (毛 and ⽑, 黄 and ⻩) may
    # have it written back to the PDF as the radical: read it as the ideograph
    return radical_ideographs().get(c, c)


def check_truth(page: Page, text: str) -> None:
    """The truth and the PDF's text hold the same characters, whitespace aside."""
    truth = Counter(c for c in page.truth() if not c.isspace())
    found = Counter(_ideograph(c) for c in text if not c.isspace())
    if truth != found:
        raise TruthMismatch(
            f"{page.layout}: truth only {dict(truth - found)!r}, PDF only {dict(found - truth)!r}"
        )
