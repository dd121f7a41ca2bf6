"""Entry of the `wand` corpus for build.py: model, render_all, check_truth."""

from __future__ import annotations

import random

import numpy as np

from reporting_corpora.wand_draw import Page, check_truth, render
from reporting_corpora.wand_layouts import LAYOUTS as _LAYOUTS

LAYOUTS = tuple(_LAYOUTS)
__all__ = ["LAYOUTS", "Page", "check_truth", "model", "render_all"]


def model(layout: str, rng: random.Random) -> Page:
    return _LAYOUTS[layout](rng)


def render_all(pages: list[Page]) -> list[tuple[np.ndarray, str]]:
    return [render(p) for p in pages]
