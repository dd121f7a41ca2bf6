"""The `fpdf` reporting corpus: service-hall documents drawn by fpdf2 (its own tables,
with spans and wrapping), rasterised by PDFium at 300 ppi, captured four ways; the truth
written in reading order as each page is drawn and checked against pypdf's text of the
PDF. Never tuned on."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from reporting_corpora.fpdf_captures import CAPTURES, PROFILES
from reporting_corpora.fpdf_doc import Doc, check_truth, missing_glyphs, render
from reporting_corpora.fpdf_layouts import LAYOUTS, Fields

CORPUS = "fpdf"


@dataclass(frozen=True)
class FpdfPage:
    path: str
    corpus: str
    layout: str
    capture: str
    truth_text: str
    truth_fields: Fields


def page_rng(seed: int, i: int) -> random.Random:
    return random.Random(f"{CORPUS}:{seed}:{i}")


def page_plan(n: int) -> list[tuple[str, str]]:
    """(layout, capture) of each page: every layout in turn, the captures shifted by one
    each round so that a layout meets every capture."""
    names = list(LAYOUTS)
    return [
        (names[i % len(names)], CAPTURES[(i + i // len(names)) % len(CAPTURES)]) for i in range(n)
    ]


def model(layout: str, rng: random.Random) -> tuple[Doc, Fields]:
    doc, fields = LAYOUTS[layout](rng)
    missing = missing_glyphs(doc)
    if missing:
        raise ValueError(f"{layout}: characters in no face used: {''.join(sorted(missing))}")
    return doc, fields


def build(n: int, seed: int, out_dir: Path) -> list[FpdfPage]:
    """`n` pages as JPEG files under `out_dir`; every page's truth checked against its
    PDF's text as it is built."""
    out_dir.mkdir(parents=True, exist_ok=True)
    pages = []
    for i, (layout, capture) in enumerate(page_plan(n)):
        rng = page_rng(seed, i)
        doc, fields = model(layout, rng)
        image, text, _ = render(doc)
        check_truth(doc, text)
        flat = "".join(doc.truth().split())
        for name, value in fields:
            if value not in flat:
                raise ValueError(f"{layout}: {name} {value} is not in the page's text")
        path = out_dir / f"{CORPUS}-{i + 1:03d}-{layout}-{capture}.jpg"
        path.write_bytes(PROFILES[capture](image, rng))
        pages.append(FpdfPage(str(path), CORPUS, layout, capture, doc.truth(), fields))
    return pages
