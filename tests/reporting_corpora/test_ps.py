"""The `ps` reporting corpus: PostScript drawn by Ghostscript covers its six layouts and four
captures, is deterministic from the seed, and its truth is what Ghostscript drew."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from reporting_corpora import build, ps_pages
from reporting_corpora import ps_data as data
from reporting_corpora.ps_captures import CAPTURES
from reporting_corpora.ps_faces import face
from tests.reporting_corpora.truth_fields import check_fields, check_pages


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list:
    # six layouts, captures shifting by one: the first six pages meet all four captures
    return build("ps", 6, 3, tmp_path_factory.mktemp("ps"))


def test_covers_layouts_captures_and_fields(pages: list) -> None:
    check_pages(pages, ps_pages.LAYOUTS, CAPTURES)
    check_fields(pages)


def test_check_characters_and_full_width_punctuation(pages: list) -> None:
    for p in pages:
        for name, value in p.truth_fields:
            if name == "id_number":
                assert re.fullmatch(r"\d{17}[\dX]", value)
                assert data.id_check(value[:17]) == value[17]
            elif name == "credit_code":
                assert data.uscc_check(value[:17]) == value[17]
                assert data.org_check(value[8:16]) == value[16]
        text = re.sub(r"https?://\S+", "", p.truth_text)
        assert not re.search(r"[,;:()]", text), p.layout
        assert "：" in text or p.layout == "idcopy", p.layout  # a card has no colons
    # known answers: GB 11643's example and a real credit code's check character
    assert data.id_check("11010519491231002") == "X"
    assert data.uscc_check("91350100M000100Y4") == "3"


def test_deterministic_per_seed(pages: list, tmp_path: Path) -> None:
    again = build("ps", 2, 3, tmp_path / "a")
    for a, b in zip(pages[:2], again, strict=True):
        assert Path(a.path).read_bytes() == Path(b.path).read_bytes()
        assert a.truth_text == b.truth_text
    other = build("ps", 1, 4, tmp_path / "b")
    assert other[0].truth_text != pages[0].truth_text


def test_truth_is_what_ghostscript_drew() -> None:
    page = ps_pages.model("notice", random.Random(11))
    [(image, drawn)] = ps_pages.render_all([page])
    ps_pages.check_truth(page, drawn)  # run by run, glyph for glyph, ink on the page
    assert image.shape[:2] == (3508, 2480)
    assert sum(len(d.gids) for d in drawn) == len("".join(r.text for r in page.runs))
    page.runs[3].text = page.runs[3].text[::-1] + "错"
    with pytest.raises(AssertionError):
        ps_pages.check_truth(page, drawn)


def test_every_character_in_its_face() -> None:
    for layout in ps_pages.LAYOUTS:
        page = ps_pages.model(layout, random.Random(5))
        for run in page.runs:
            f = face(run.key)
            assert all(f.has(c) for c in run.text), run.text


def test_registered_never_tuned_on() -> None:
    from bench.ocr.__main__ import DEFAULT_CORPORA
    from bench.ocr.corpus import PS, TUNED_ON

    assert PS == "ps" and PS not in TUNED_ON
    assert "ps:12" in DEFAULT_CORPORA.split(",")
