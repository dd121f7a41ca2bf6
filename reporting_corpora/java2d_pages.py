"""The `java2d` corpus's pages for `reporting_corpora.build`: page models from the layouts,
drawn a batch at a time by one JVM (Java2D), and the check of what Java drew against each
page's truth."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

import numpy as np

from reporting_corpora import java2d_layouts
from reporting_corpora.java2d_doc import Page, Run, render_batch
from reporting_corpora.java2d_doc import check_truth as _check_truth

LAYOUTS: dict[str, Callable[[random.Random], Page]] = {
    "licence": java2d_layouts.licence,
    "application": java2d_layouts.application,
    "roster": java2d_layouts.roster,
    "notice": java2d_layouts.notice,
    "attorney": java2d_layouts.attorney,
    "id_copy": java2d_layouts.id_copy,
}


def model(layout: str, rng: random.Random) -> Page:
    return LAYOUTS[layout](rng)


def render_all(pages: Sequence[Page]) -> list[tuple[np.ndarray, list[Run]]]:
    """Each page as a 300 ppi BGR image with the runs Java drew, in its order."""
    return render_batch(pages)


def check_truth(page: Page, drawn: Sequence[Run]) -> None:
    _check_truth(page, drawn)
