"""The `svg` reporting corpus's pages: a layout drawn as SVG (`svg_layouts`), rasterised
by resvg at 300 ppi A4 with only this corpus's face files loaded.

resvg makes no PDF, so the truth is checked against the SVG itself: the characters of its
text elements, as a multiset, must be the truth's (seal ring words are outlines and QR-like
blocks rectangles, so neither is text); and, in the tests, every text run rendered alone
must leave ink, and every character rendered alone in its face, with only that face's
file loaded, must too (no missing glyph, no fallback)."""

from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ET
from collections import Counter

import numpy as np

from reporting_corpora.svg_draw import FACES, MissingGlyph, Sheet, missing_glyphs, rasterise
from reporting_corpora.svg_layouts import LAYOUTS as _LAYOUTS

LAYOUTS = tuple(_LAYOUTS)
Page = Sheet
SVG_NS = "{http://www.w3.org/2000/svg}"

__all__ = [
    "LAYOUTS",
    "MissingGlyph",
    "Page",
    "TruthMismatch",
    "check_truth",
    "glyphs_without_ink",
    "missing_glyphs",
    "model",
    "render_all",
    "runs_without_ink",
    "svg_text",
]


class TruthMismatch(AssertionError):
    pass


def model(layout: str, rng: random.Random) -> Sheet:
    return _LAYOUTS[layout](rng)


def svg_text(svg: str) -> str:
    """The characters of the SVG's text elements, one element a line, in document order."""
    root = ET.fromstring(svg)
    return "\n".join("".join(el.itertext()) for el in root.iter(f"{SVG_NS}text"))


def render_all(models: list[Sheet]) -> list[tuple[np.ndarray, str]]:
    """(300 ppi BGR image, text of the SVG's text elements) of each page."""
    out = []
    for page in models:
        svg = page.svg()
        out.append((rasterise(svg), svg_text(svg)))
    return out


def _chars(text: str) -> Counter[str]:
    return Counter(c for c in text if not c.isspace())


def check_truth(page: Sheet, text: str) -> None:
    want, got = _chars(page.truth()), _chars(text)
    if want != got:
        raise TruthMismatch(
            f"{page.layout}: truth lacks {dict(got - want)!r}, SVG text lacks {dict(want - got)!r}"
        )


_TEXT = re.compile(r'<text x="[^"]*" y="[^"]*" font-size="([^"]*)"')
BAND = 72  # pixels a run gets in the ink check


def _ink(image: np.ndarray, top: int, bottom: int) -> bool:
    return bool((image[top:bottom].min(axis=2) < 160).any())


def runs_without_ink(page: Sheet) -> list[str]:
    """Each text run of the page drawn alone in a band of its own (scaled to 40 px, every
    face loaded): the runs whose band stayed blank."""
    runs = [p for p in page.parts if p.startswith("<text ")]
    bands = []
    for i, run in enumerate(runs):
        size = float(_TEXT.match(run).group(1))  # type: ignore[union-attr]
        scale = 40 / size
        body = _TEXT.sub(f'<text x="0" y="0" font-size="{size:.2f}"', run, count=1)
        bands.append(f'<g transform="translate(20 {i * BAND + 56}) scale({scale:.4f})">{body}</g>')
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="2480" height="{len(runs) * BAND + 20}">'
        + "".join(bands)
        + "</svg>"
    )
    image = rasterise(svg)
    texts = svg_text(svg).split("\n")
    return [
        t
        for i, t in enumerate(texts)
        if t.strip() and not _ink(image, i * BAND + 4, (i + 1) * BAND)
    ]


def glyphs_without_ink(page: Sheet) -> list[tuple[str, str]]:
    """Every (face, character) of the page drawn alone in a grid cell, with only that
    face's file loaded: those whose cell stayed blank."""
    used: dict[str, set[str]] = {}
    for part in page.parts:
        if not part.startswith("<text "):
            continue
        for family, chars in re.findall(r'<tspan font-family="([^"]*)"[^>]*>([^<]*)</tspan>', part):
            face = next(k for k, f in FACES.items() if f.family == family)
            used.setdefault(face, set()).update(
                c for c in ET.fromstring(f"<t>{chars}</t>").text or "" if not c.isspace()
            )
    blank = []
    for face, chars in sorted(used.items()):
        f = FACES[face]
        cells = sorted(chars)
        per_row, cell = 40, 60
        rows = (len(cells) + per_row - 1) // per_row
        svg = (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{per_row * cell}"'
            f' height="{rows * cell}">'
            + "".join(
                f'<text x="{(k % per_row) * cell + 8}" y="{(k // per_row) * cell + 46}"'
                f' font-size="44" font-family="{f.family}"'
                f' font-weight="{f.weight}">{_esc(c)}</text>'
                for k, c in enumerate(cells)
            )
            + "</svg>"
        )
        image = rasterise(svg, (face,))
        for k, c in enumerate(cells):
            r0, c0 = (k // per_row) * cell, (k % per_row) * cell
            if not (image[r0 : r0 + cell, c0 : c0 + cell].min(axis=2) < 160).any():
                blank.append((face, c))
    return blank


def _esc(c: str) -> str:
    return {"<": "&lt;", ">": "&gt;", "&": "&amp;"}.get(c, c)
