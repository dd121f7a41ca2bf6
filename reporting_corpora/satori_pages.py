"""The `satori` corpus's entry for `reporting_corpora.build`: a page model per layout from a
seeded Random; a batch of pages laid out by satori and rasterised by resvg at 300 ppi in
one node run, each page checked as it is built (`satori_doc.check_render`: every
character in its face's cmap, no overflow or clipping by a transparent-text second render,
reading order of the truth = the model's = satori's), with the text of the runs satori
laid out, in its order, which checks the truth."""

from __future__ import annotations

import random

import numpy as np

from reporting_corpora import satori_doc
from reporting_corpora.satori_doc import MissingGlyph, Overflow, Page, TruthMismatch, missing_glyphs
from reporting_corpora.satori_layouts import LAYOUTS

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
    """Each page at 300 ppi (BGR) with the text of the runs satori laid out, in order."""
    return [(r.image, r.text) for r in satori_doc.render(pages)]


def check_truth(page: Page, found: str) -> None:
    """`page`'s truth is the laid-out runs' text, character for character in order
    (whitespace aside); each of its fields stands whole in its truth."""
    flat = "".join(page.truth().split())
    if "".join(found.split()) != flat:
        raise TruthMismatch(f"{page.layout}: truth differs from the runs satori laid out")
    for name, value in page.fields:
        if value not in flat:
            raise TruthMismatch(f"{name} {value!r} not in the truth")
