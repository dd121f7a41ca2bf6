"""The `ledger` corpus's pages: eight service-hall layouts drawn by ReportLab, rasterised
by poppler, with truth in reading order and the labelled fields drawn on them."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from reporting_corpora import ledger_layouts_a as a
from reporting_corpora import ledger_layouts_b as b
from reporting_corpora.ledger_draw import Page, raster

DRAW: dict[str, Callable[[Page], None]] = {
    "realty_application": a.realty_application,
    "insurance_proof": a.insurance_proof,
    "sole_trader_license": a.sole_trader_license,
    "power_of_attorney": a.power_of_attorney,
    "lease_first_page": b.lease_first_page,
    "no_crime_record": b.no_crime_record,
    "birth_certificate": b.birth_certificate,
    "income_certificate": b.income_certificate,
}
LAYOUTS = tuple(DRAW)


@dataclass(frozen=True)
class Document:
    pdf: bytes
    truth: str  # reading order, one drawn piece a line
    fields: tuple[tuple[str, str], ...]
    seal_text: str  # the seals' own text, drawn but not page text


def document(layout: str, rng: random.Random) -> Document:
    page = Page(rng)
    DRAW[layout](page)
    pdf = page.pdf()
    return Document(pdf, "\n".join(page.truth), tuple(page.fields), "".join(page.seal_text))


def render(layout: str, rng: random.Random, dpi: int) -> tuple[np.ndarray, Document]:
    doc = document(layout, rng)
    return raster(doc.pdf, dpi), doc
