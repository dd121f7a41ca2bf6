"""Pages of the `typst` reporting corpus: a layout's `Doc` compiled by Typst (the PyPI
wheel's compiler, offline: only built-in Typst, no packages) in TW-Sung and TW-Kai from
their files, rasterised by Typst at 300 ppi. Every page's truth is checked as it is built
against the text of the PDF Typst makes of the same source."""

from __future__ import annotations

import atexit
import functools
import io
import random
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
import typst
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from reporting_corpora.typst_layouts import (
    business_licence,
    correction_notice,
    lease,
    power_of_attorney,
    registration_form,
    shareholder_table,
)
from reporting_corpora.typst_markup import Doc

PPI = 300
FONT_DIR = Path("/usr/share/fonts/truetype/cns11643")
FONT_FILES = ("TW-Sung-98_1.ttf", "TW-Kai-98_1.ttf")  # fonts-cns11643-sung, -kai

LAYOUTS: dict[str, Callable[[random.Random], Doc]] = {
    "registration_form": registration_form,
    "business_licence": business_licence,
    "power_of_attorney": power_of_attorney,
    "shareholder_table": shareholder_table,
    "correction_notice": correction_notice,
    "lease": lease,
}


def model(layout: str, rng: random.Random) -> Doc:
    doc = LAYOUTS[layout](rng)
    missing = missing_glyphs(doc)
    if missing:
        raise ValueError(f"{layout}: characters neither face has: {''.join(sorted(missing))}")
    return doc


@functools.cache
def _font_dir() -> str:
    # only the two faces: Typst loads fonts by folder, and the system's folder holds more
    missing = [f for f in FONT_FILES if not (FONT_DIR / f).exists()]
    if missing:
        raise FileNotFoundError(
            f"{', '.join(missing)} not in {FONT_DIR}: "
            "apt-get install fonts-cns11643-sung fonts-cns11643-kai"
        )
    folder = Path(tempfile.mkdtemp(prefix="typst-corpus-fonts-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    for name in FONT_FILES:
        (folder / name).symlink_to(FONT_DIR / name)
    return str(folder)


@functools.cache
def _cmaps() -> tuple[frozenset[int], ...]:
    return tuple(frozenset(TTFont(FONT_DIR / name, lazy=True).getBestCmap()) for name in FONT_FILES)


def missing_glyphs(doc: Doc) -> set[str]:
    """Characters of the page (truth and ink) that one of the faces lacks."""
    chars = {c for c in "".join(doc.parts + doc.ink_parts) if not c.isspace()}
    return {c for c in chars for cmap in _cmaps() if ord(c) not in cmap}


@functools.cache
def _compiler() -> typst.Compiler:
    fonts = typst.Fonts(
        include_system_fonts=False, include_embedded_fonts=False, font_paths=[_font_dir()]
    )
    return typst.Compiler(font_paths=fonts, ignore_system_fonts=True)


def render(doc: Doc) -> tuple[np.ndarray, str]:
    """The page as a BGR image at 300 ppi and the text of its PDF."""
    compiler = _compiler()
    source = doc.source().encode("utf-8")
    png = compiler.compile(input=source, format="png", ppi=PPI)
    pdf = compiler.compile(input=source, format="pdf", timestamp=0)
    if not isinstance(png, bytes) or not isinstance(pdf, bytes):
        raise ValueError(f"{doc.layout}: the page runs onto a second page")
    image = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_COLOR)
    if image is None:
        raise ValueError(f"{doc.layout}: Typst's PNG does not decode")
    reader = PdfReader(io.BytesIO(pdf))
    if len(reader.pages) != 1:
        raise ValueError(f"{doc.layout}: {len(reader.pages)} pages")
    return image, reader.pages[0].extract_text()


def render_all(docs: list[Doc]) -> list[tuple[np.ndarray, str]]:
    return [render(doc) for doc in docs]


def check_truth(doc: Doc, text: str) -> None:
    """The truth (with the seal's ink) holds the same characters as the PDF's text,
    whitespace aside; otherwise ValueError."""
    want = Counter("".join((doc.truth() + "".join(doc.ink_parts)).split()))
    got = Counter("".join(text.split()))
    if want != got:
        raise ValueError(
            f"{doc.layout}: truth and document differ: "
            f"only in truth {dict(want - got)}, only in PDF {dict(got - want)}"
        )
