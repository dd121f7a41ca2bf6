"""The `typeset` corpus's pages: typeset by Typst (the PyPI `typst` package, its compiler
in the wheel) in fonts no other corpus uses (Noto Serif CJK SC, Noto Sans CJK SC for print,
AR PL UKai for what is written in by hand), rendered at 300 ppi. Only the fonts of
`fonts-noto-cjk` and `fonts-arphic-ukai` are given to the compiler: neither system fonts
nor Typst's embedded ones, so a page looks the same on every machine, and nothing is
downloaded."""

from __future__ import annotations

import functools
import random
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import cv2
import numpy as np
import typst

from reporting_corpora import typeset_forms, typeset_layouts
from reporting_corpora.typeset_doc import Page, truth, typst_source

FONT_DIRS = (Path("/usr/share/fonts/opentype/noto"), Path("/usr/share/fonts/truetype/arphic"))
PPI = 300
Layout = Callable[[random.Random], tuple[Page, list[tuple[str, str]]]]
LAYOUTS: dict[str, Layout] = {
    "resolution": typeset_layouts.resolution,
    "property_cert": typeset_layouts.property_cert,
    "articles": typeset_layouts.articles,
    "payment_proof": typeset_layouts.payment_proof,
    "legal_rep": typeset_forms.legal_rep,
    "poa_agents": typeset_forms.poa_agents,
    "license_portrait": typeset_forms.license_portrait,
    "application": typeset_forms.application,
}
# PDFs carry a creation date: a fixed one keeps them byte for byte the same
STAMP = datetime(2026, 1, 1, tzinfo=UTC)


@functools.cache
def compiler() -> typst.Compiler:
    missing = [
        str(p / f)
        for p, f in zip(FONT_DIRS, ("NotoSerifCJK-Regular.ttc", "ukai.ttc"), strict=True)
        if not (p / f).exists()
    ]
    if missing:
        raise RuntimeError(
            f"fonts missing: {', '.join(missing)} "
            "(apt-get install fonts-noto-cjk fonts-arphic-ukai)"
        )
    fonts = typst.Fonts(
        include_system_fonts=False,
        include_embedded_fonts=False,
        font_paths=[str(p) for p in FONT_DIRS],
    )
    return typst.Compiler(font_paths=fonts, ignore_system_fonts=True)


def compose(layout: str, rng: random.Random) -> tuple[Page, str, list[tuple[str, str]]]:
    """The page model, its Typst source and its fields (deduplicated, in page order)."""
    page, fields = LAYOUTS[layout](rng)
    return page, typst_source(page), list(dict.fromkeys(fields))


def pdf(source: str) -> bytes:
    out = compiler().compile(source.encode("utf-8"), format="pdf", timestamp=STAMP)
    assert isinstance(out, bytes)
    return out


def render(layout: str, rng: random.Random) -> tuple[np.ndarray, str, list[tuple[str, str]]]:
    """One clean page (BGR, 300 ppi, A4), its truth text and fields."""
    page, source, fields = compose(layout, rng)
    png = compiler().compile(source.encode("utf-8"), format="png", ppi=PPI)
    if not isinstance(png, bytes):  # a list: the page overflowed onto a second one
        raise RuntimeError(f"typeset layout {layout} ran over one page")
    image = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_COLOR)
    assert image is not None
    return image, truth(page), fields
