"""The `ledger` reporting corpus: deterministic from its seed, every layout and capture
profile in a build that cycles them, truth equal to the PDF's own text (less the seals'
ring text), numbers with valid check characters, legible-size JPEG pages."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import cv2
import pytest

from ocr import valid_credit_code, valid_id_number
from reporting_corpora import CORPORA, CORPUS_CAPTURES, ReportPage, build
from reporting_corpora import ledger_data as data
from reporting_corpora.ledger_captures import CAPTURES
from reporting_corpora.ledger_draw import pdf_text
from reporting_corpora.ledger_pages import LAYOUTS, document

FIELD_NAMES = {"id_number", "credit_code", "person_name", "enterprise_name", "phone"}


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def cycle(tmp_path_factory: pytest.TempPathFactory) -> list[ReportPage]:
    # 8 layouts, 4 captures: the first 8 pages meet every one of both
    return build("ledger", len(LAYOUTS), 5, tmp_path_factory.mktemp("ledger"))


def test_build_covers_every_layout_and_capture(cycle: list[ReportPage]) -> None:
    assert "ledger" in CORPORA and CORPUS_CAPTURES["ledger"] == CAPTURES
    assert len(LAYOUTS) == 8 and len(CAPTURES) == 4
    assert [p.layout for p in cycle] == list(LAYOUTS)
    assert {p.capture for p in cycle} == set(CAPTURES)
    for page in cycle:
        raw = Path(page.path).read_bytes()
        assert raw[:3] == b"\xff\xd8\xff"  # JPEG
        image = cv2.imread(page.path, cv2.IMREAD_COLOR)
        assert image is not None
        # A4 at 150 dpi or more: 7.5-point small print stays above 15 pixels
        assert min(image.shape[:2]) >= 1200 and max(image.shape[:2]) >= 1750
        flat = _squash(page.truth_text)
        assert len(flat) > 250
        # Chinese punctuation full width, as printed; half width only in numbers
        # (4,500.00) and a web address
        assert "：" in flat
        assert not re.search(r"(?<!\d),|,(?!\d)|;|:(?!//)", flat), flat
        assert {name for name, _ in page.truth_fields} <= FIELD_NAMES
        for name, value in page.truth_fields:
            assert value in flat, (name, value)
            if name == "id_number":
                assert valid_id_number(value), value
            elif name == "credit_code":
                assert valid_credit_code(value), value
            elif name == "phone":
                assert re.fullmatch(r"1[3-9]\d{9}", value), value
        assert any(name == "person_name" for name, _ in page.truth_fields)


def test_same_seed_same_pages_other_seed_other_pages(
    cycle: list[ReportPage], tmp_path: Path
) -> None:
    again = build("ledger", 1, 5, tmp_path / "again")
    for first, second in zip(cycle[:1], again, strict=True):
        assert first.truth_text == second.truth_text
        assert first.truth_fields == second.truth_fields
        assert Path(first.path).read_bytes() == Path(second.path).read_bytes()
    other = build("ledger", 1, 6, tmp_path / "other")
    assert other[0].truth_text != cycle[0].truth_text


@pytest.mark.parametrize("layout", LAYOUTS)
def test_truth_is_the_pdf_text_less_the_seals(layout: str) -> None:
    """As character multisets: the truth has no character the page lacks and lacks none
    it has, apart from the seals' ring text, which a reader does not transcribe."""
    for seed in (1, 2):
        doc = document(layout, random.Random(f"{layout}:{seed}"))
        on_page = Counter(_squash(pdf_text(doc.pdf)))
        assert on_page == Counter(_squash(doc.truth + doc.seal_text))
        if layout != "lease_first_page":
            assert doc.seal_text  # every other layout carries a seal


def test_check_characters_on_published_examples_and_against_the_hall() -> None:
    # GB 11643's example number and the credit code printed in GB 32100's explanation
    assert data.id_check("11010519491231002") == "X"
    assert data.credit_check("91350100M000100Y4") == "3"
    assert data.org_check("M000100Y") == "4"
    rng = random.Random(3)
    for _ in range(300):
        person = data.make_person(rng)
        assert valid_id_number(person.id_number), person.id_number
        assert int(person.id_number[16]) % 2 == (1 if person.sex == "男" else 0)
        for shop in (False, True):
            code = data.make_enterprise(rng, shop).credit_code
            assert valid_credit_code(code), code
            assert code[:2] == ("92" if shop else "91")


def test_names_amounts_and_dates_read_as_written() -> None:
    rng = random.Random(4)
    names = [data.person_name(rng) for _ in range(400)]
    assert {len(n) for n in names} == {2, 3, 4}
    assert any(n[:2] in data.COMPOUND_SURNAMES for n in names)
    assert data.amount_capital(3500) == "叁仟伍佰元整"
    assert data.amount_capital(12030) == "壹万贰仟零叁拾元整"
    assert data.amount_capital(105000) == "壹拾万伍仟元整"
    assert data.date_capital((2026, 11, 30)) == "二〇二六年十一月三十日"
    assert data.date_capital((2026, 10, 3)) == "二〇二六年十月三日"
