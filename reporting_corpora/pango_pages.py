"""The `pango` corpus's page interface for `build`: a page model from its layout and the
seed, its 300 ppi image and PDF text drawn by Pango and Cairo from the same operations,
and the check that the truth is what was drawn."""

from __future__ import annotations

import random

import numpy as np

from reporting_corpora.pango_draw import Page, check_truth, missing_glyphs, render
from reporting_corpora.pango_layouts import LAYOUTS

__all__ = ["LAYOUTS", "Page", "check_truth", "missing_glyphs", "model", "render", "render_all"]


def model(layout: str, rng: random.Random) -> Page:
    return LAYOUTS[layout](rng)


def render_all(pages: list[Page]) -> list[tuple[np.ndarray, str]]:
    return [render(page) for page in pages]
