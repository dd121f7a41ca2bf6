"""The `pygame` corpus's entry for build.py: `model` makes a page of a layout from a seeded
Random, `render_all` draws a batch with pygame (image and the text of the runs drawn),
`check_truth` checks a page's truth against what was drawn."""

from __future__ import annotations

import random

import numpy as np

from reporting_corpora.pygame_draw import MissingGlyph, Page, TruthMismatch, check_truth, render
from reporting_corpora.pygame_layouts import LAYOUTS as _LAYOUTS

LAYOUTS = tuple(_LAYOUTS)

__all__ = ["LAYOUTS", "MissingGlyph", "Page", "TruthMismatch", "check_truth", "model", "render_all"]


def model(layout: str, rng: random.Random) -> Page:
    return _LAYOUTS[layout](rng)


def render_all(pages: list[Page]) -> list[tuple[np.ndarray, str]]:
    return [render(page) for page in pages]
