"""The `weasy` corpus: its truth is what the page draws (checked against the text PDFium
finds in the PDF WeasyPrint lays out from the same page model), its numbers pass their
check characters, each layout fits one sheet, its pages cycle through every layout and
capture profile, and a seed gives the same bytes."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import cv2
import numpy as np
import pytest

from ocr import valid_credit_code, valid_id_number
from reporting_corpora import CORPUS_CAPTURES, build
from reporting_corpora.build import cycle
from reporting_corpora.weasy_data import credit_check, id_check
from reporting_corpora.weasy_pages import LAYOUTS, model, pdf, pdf_text

CAPTURES = CORPUS_CAPTURES["weasy"]
SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    return SPACE.sub("", text)


@pytest.fixture(scope="module")
def pages() -> list:  # type: ignore[type-arg]
    """Two of each layout, from two seeds, with the text PDFium finds on their sheets
    (`pdf` checks that each page took one sheet: a layout that spills over raises)."""
    models = [
        model(layout, random.Random(f"weasy:{s}:{i}"))
        for s in range(2)
        for i, layout in enumerate(LAYOUTS)
    ]
    return list(zip(models, pdf_text(pdf(models)), strict=True))


def test_the_truth_and_the_seals_are_the_characters_of_the_pdf(pages: list) -> None:  # type: ignore[type-arg]
    for page, text in pages:
        drawn = Counter(squash(text))
        told = Counter(squash(page.truth() + "".join(page.seal_texts())))
        assert drawn == told, (drawn - told, told - drawn)


def test_each_field_value_is_in_the_truth_and_the_numbers_check(pages: list) -> None:  # type: ignore[type-arg]
    names = Counter()
    for page, _ in pages:
        truth = squash(page.truth())
        assert page.fields()
        for name, value in page.fields():
            names[name] += 1
            assert squash(value) in truth, (name, value)
            if name == "id_number":
                assert valid_id_number(value) and value[-1] == id_check(value[:17])
            if name == "credit_code":
                assert valid_credit_code(value) and value[-1] == credit_check(value[:17])
    assert set(names) == {"id_number", "credit_code", "person_name", "enterprise_name", "phone"}


def test_pages_cycle_layouts_and_captures_and_a_seed_gives_the_same_bytes(tmp_path: Path) -> None:
    n = len(LAYOUTS) * len(CAPTURES)
    assert set(cycle(list(LAYOUTS), CAPTURES, n)) == {
        (lay, cap) for lay in LAYOUTS for cap in CAPTURES
    }
    first = build("weasy", 4, 7, tmp_path / "a")
    again = build("weasy", 4, 7, tmp_path / "b")
    other = build("weasy", 2, 8, tmp_path / "c")
    assert [p.capture for p in first] == list(CAPTURES)
    for a, b in zip(first, again, strict=True):
        assert Path(a.path).read_bytes() == Path(b.path).read_bytes()
        assert a.truth_text == b.truth_text
        image = cv2.imdecode(np.frombuffer(Path(a.path).read_bytes(), np.uint8), cv2.IMREAD_COLOR)
        assert image is not None and min(image.shape[:2]) > 1200
    for a, c in zip(first, other, strict=False):
        assert a.layout == c.layout and a.capture == c.capture
        assert a.truth_text != c.truth_text
        assert Path(a.path).read_bytes() != Path(c.path).read_bytes()
