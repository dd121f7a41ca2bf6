"""The checks every reporting corpus's truth fields pass (the corpora share no code; their
tests share these)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import cv2

from ocr import valid_credit_code, valid_id_number
from reporting_corpora import ReportPage

FIELD_NAMES = {"id_number", "credit_code", "phone", "person_name", "enterprise_name"}


def checked_people(truth_text: str, truth_fields: tuple[tuple[str, str], ...]) -> set[str]:
    """Each field stands in the page's text and has its field's shape: an ID number and a
    credit code pass their check characters (GB 11643, GB 32100), a mobile phone has 11
    digits from 1, a person's name 2-4 characters. Returns the people named."""
    flat = "".join(truth_text.split())
    people = set()
    for name, value in truth_fields:
        assert value in flat, (name, value)
        if name == "id_number":
            assert valid_id_number(value), value
        elif name == "credit_code":
            assert valid_credit_code(value), value
        elif name == "phone":
            assert len(value) == 11 and value.startswith("1")
        elif name == "person_name":
            assert 2 <= len(value) <= 4
            people.add(value)
    return people


def check_pages(
    pages: Sequence[ReportPage], layouts: Iterable[str], captures: Iterable[str]
) -> None:
    """Every layout and every capture among `pages`, each page a JPEG or PNG image more
    than 1500 px high."""
    assert {p.layout for p in pages} == set(layouts)
    assert {p.capture for p in pages} == set(captures)
    for p in pages:
        img = cv2.imread(p.path, cv2.IMREAD_UNCHANGED)
        assert img is not None and img.shape[0] > 1500, p.path
        head = Path(p.path).read_bytes()[:4]
        assert head[:2] == b"\xff\xd8" or head == b"\x89PNG", p.path


def check_fields(pages: Sequence[ReportPage]) -> None:
    """Each page names a person among fields of the five kinds (`checked_people`), eight
    people or more in all, and the pages hold every kind."""
    people: set[str] = set()
    for p in pages:
        names = {k for k, _ in p.truth_fields}
        assert p.truth_fields and names <= FIELD_NAMES, p.layout
        assert "person_name" in names, p.layout
        people |= checked_people(p.truth_text, p.truth_fields)
    assert len(people) >= 8
    assert {k for p in pages for k, _ in p.truth_fields} == FIELD_NAMES
