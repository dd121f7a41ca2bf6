"""The `ps` corpus's generator as `reporting_corpora.build` drives it: `model` lays a page
out, `render_all` has Ghostscript draw a batch in one run, `check_truth` holds each page's
truth against the runs Ghostscript reported drawing."""

from __future__ import annotations

import random

import numpy as np

from reporting_corpora import ps_doc
from reporting_corpora.ps_doc import Drawn, Page
from reporting_corpora.ps_faces import face
from reporting_corpora.ps_layouts import LAYOUTS as _LAYOUTS

LAYOUTS = tuple(_LAYOUTS)


def model(layout: str, rng: random.Random) -> Page:
    return _LAYOUTS[layout](rng)


def render_all(pages: list[Page]) -> list[tuple[np.ndarray, list[Drawn]]]:
    images, drawn = ps_doc.render(pages)
    out = []
    for n, (page, image) in enumerate(zip(pages, images, strict=True)):
        runs = [drawn.get(n * 10000 + i, Drawn(-1, [], [])) for i in range(len(page.runs))]
        out.append((image, runs))
    return out


def check_truth(page: Page, drawn: list[Drawn]) -> None:
    """Every run was drawn by Ghostscript, in order, glyph for glyph what the truth says
    (glyph ids decoded back through the face's cmap, which must be one to one on them),
    each with ink inside the page."""
    w_mm, h_mm = page.size_mm
    w_px, h_px = w_mm / 25.4 * ps_doc.DPI, h_mm / 25.4 * ps_doc.DPI
    assert len(drawn) == len(page.runs)
    for run, got in zip(page.runs, drawn, strict=True):
        f = face(run.key)
        text = "".join(chr(f.chars[g]) if g in f.chars else "\ufffd" for g in got.gids)
        assert text == run.text, (page.layout, run.text, text)
        inked = [b for b in got.boxes if b[2] > b[0] and b[3] > b[1]]
        assert inked or run.text.isspace(), (page.layout, run.text)
        for x0, y0, x1, y1 in inked:
            assert x0 >= -2 and x1 <= w_px + 2 and y0 >= -2 and y1 <= h_px + 2, (
                run.text,
                x0,
                y0,
                x1,
                y1,
            )
