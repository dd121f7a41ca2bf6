"""The `svg` reporting corpus: every layout and capture profile, deterministic from its
seed, truth equal (as a multiset of characters) to the text elements of the SVG resvg
rendered, every text run leaving ink when drawn alone, every character drawn by its own
face with no other face loaded, numbers passing their check characters; tuned on since
5 December 2026."""

from __future__ import annotations

import random
from pathlib import Path

import cv2
import numpy as np
import pytest

from bench.ocr.corpus import SVG, TUNED_ON
from reporting_corpora import CORPORA, CORPUS_CAPTURES, ReportPage, build
from reporting_corpora.svg_captures import CAPTURES, PROFILES
from reporting_corpora.svg_data import credit_check, id_check
from reporting_corpora.svg_draw import PX_H, PX_W, Sheet, drawn
from reporting_corpora.svg_pages import (
    LAYOUTS,
    MissingGlyph,
    TruthMismatch,
    check_truth,
    glyphs_without_ink,
    missing_glyphs,
    model,
    render_all,
    runs_without_ink,
    svg_text,
)
from tests.reporting_corpora.truth_fields import checked_people

FIELD_NAMES = {"id_number", "credit_code", "phone", "person_name", "enterprise_name"}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[ReportPage]:
    # 8 pages: every layout, every capture profile twice (build checks each page's truth
    # against its SVG's text elements as it goes)
    return build("svg", 8, 3, tmp_path_factory.mktemp("svg"))


def test_registered() -> None:
    assert "svg" in CORPORA
    assert SVG == "svg" and SVG in TUNED_ON
    assert CORPUS_CAPTURES["svg"] == CAPTURES == tuple(PROFILES)
    assert len(LAYOUTS) >= 6


def test_every_layout_and_capture(pages: list[ReportPage]) -> None:
    assert {p.layout for p in pages} == set(LAYOUTS)
    assert {p.capture for p in pages} == set(CAPTURES)
    for p in pages:
        img = cv2.imread(p.path)
        assert img is not None and img.shape[0] > 1000, p.path
        assert Path(p.path).read_bytes()[:2] == b"\xff\xd8"


def test_fields(pages: list[ReportPage]) -> None:
    people: set[str] = set()
    for p in pages:
        assert p.truth_fields and {k for k, _ in p.truth_fields} <= FIELD_NAMES
        people |= checked_people(p.truth_text, p.truth_fields)
    assert len(people) >= 6


def test_check_characters() -> None:
    assert id_check("11010519491231002") == "X"  # GB 11643's example
    assert credit_check("91350100M000100Y4") == "3"


def test_deterministic(tmp_path: Path) -> None:
    a = build("svg", 1, 7, tmp_path / "a")
    b = build("svg", 1, 7, tmp_path / "b")
    c = build("svg", 1, 8, tmp_path / "c")
    assert [p.truth_text for p in a] == [p.truth_text for p in b]
    assert [Path(p.path).read_bytes() for p in a] == [Path(p.path).read_bytes() for p in b]
    assert [p.truth_text for p in a] != [p.truth_text for p in c]


def test_truth_is_the_svg_text_and_every_run_inks() -> None:
    models = [model(layout, random.Random(f"t:{layout}")) for layout in LAYOUTS]
    for page, (image, text) in zip(models, render_all(models), strict=True):
        assert image.shape == (PX_H, PX_W, 3) and image.dtype == np.uint8
        assert (image < 128).any()
        check_truth(page, text)
        with pytest.raises(TruthMismatch):
            check_truth(page, text + "多")
        # seal ring words are outlines, not text: the enterprise a seal names is in the
        # SVG's text only as often as the page prints it
        assert "<path" in "".join(page.overlays) or not page.overlays
        assert runs_without_ink(page) == []
        assert glyphs_without_ink(page) == []


def test_missing_glyph_raises() -> None:
    assert missing_glyphs("ming", "营业执照") == ""
    assert missing_glyphs("ming", "证") == "证"  # IPAmj Mincho: a Japanese face
    assert missing_glyphs("thin", "𠀀") == "𠀀"
    # SetoFont maps 马 to an empty glyph: a cmap entry is not a glyph
    assert not drawn("hand", "马") and drawn("hand", "滕")
    page = Sheet("x")
    with pytest.raises(MissingGlyph):
        page.text(10, 10, "申请人马", 40, "hand")
    with pytest.raises(MissingGlyph):
        page.text(10, 10, "申请人𠀀", 40, "print")
    page.text(10, 10, "申请书", 40, "print")  # 请 and 书: the ExtraLight face takes the run
    assert 'font-family="Noto Serif CJK SC"' in page.parts[-1]
    assert svg_text(page.svg()) == "申请书"


def test_captures_change_the_page() -> None:
    page = model("business_licence", random.Random(5))
    ((image, _),) = render_all([page])
    for name, simulate in PROFILES.items():
        a = simulate(image, random.Random(1))
        assert a == simulate(image, random.Random(1)), name
        assert a != simulate(image, random.Random(2)), name
        decoded = cv2.imdecode(np.frombuffer(a, np.uint8), cv2.IMREAD_UNCHANGED)
        assert decoded is not None and 1400 < decoded.shape[0] < 3600, name
