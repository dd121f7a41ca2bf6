"""The `blend` reporting corpus: every layout and capture profile, deterministic from its
seed, truth equal (as a multiset of characters) to the glyphs Blend2D shaped and drew,
read back through each face's cmap; every character in its face with an outline; numbers
passing their check characters; tuned on since 5 December 2026."""

from __future__ import annotations

import random
from pathlib import Path

import cv2
import numpy as np
import pytest

from reporting_corpora import CORPORA, CORPUS_CAPTURES, ReportPage, build
from reporting_corpora.blend_captures import CAPTURES, PROFILES
from reporting_corpora.blend_data import credit_check, id_check
from reporting_corpora.blend_draw import FACES, PX_H, PX_W, glyph_text
from reporting_corpora.blend_pages import (
    LAYOUTS,
    MissingGlyph,
    Page,
    TruthMismatch,
    check_truth,
    missing_glyphs,
    model,
    render_all,
)
from tests.reporting_corpora.truth_fields import checked_people

FIELD_NAMES = {"id_number", "credit_code", "phone", "person_name", "enterprise_name"}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[ReportPage]:
    # 8 pages: every layout, every capture profile twice (build checks each page's truth
    # against the glyphs Blend2D drew as it goes)
    return build("blend", 8, 3, tmp_path_factory.mktemp("blend"))


def test_registered() -> None:
    from bench.ocr.corpus import BLEND, TUNED_ON

    assert "blend" in CORPORA and BLEND == "blend" and BLEND in TUNED_ON
    # tuned on (its pages and errors read) since 5 December 2026 02:10
    assert CORPUS_CAPTURES["blend"] == CAPTURES == tuple(PROFILES)
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
    a = build("blend", 2, 7, tmp_path / "a")
    b = build("blend", 2, 7, tmp_path / "b")
    c = build("blend", 2, 8, tmp_path / "c")
    assert [p.truth_text for p in a] == [p.truth_text for p in b]
    assert [Path(p.path).read_bytes() for p in a] == [Path(p.path).read_bytes() for p in b]
    assert [p.truth_text for p in a] != [p.truth_text for p in c]


def test_truth_is_what_blend2d_drew() -> None:
    models = [model(layout, random.Random(f"t:{layout}")) for layout in LAYOUTS]
    for page, (image, text) in zip(models, render_all(models), strict=True):
        assert image.shape == (PX_H, PX_W, 3) and image.dtype == np.uint8
        assert (image < 128).any()
        if any(kind == "seal" for kind, _ in page.ops):
            assert (image[:, :, 0].astype(int) - image[:, :, 1] > 80).any()  # red ink
        check_truth(page, text)
        # seal ring words are outlines, not runs: drawn runs hold them only where the
        # page prints them as text too
        flat, truth = "".join(text.split()), "".join(page.truth().split())
        for _, _, _, ring, _ in (args for kind, args in page.ops if kind == "seal"):
            assert flat.count(str(ring)) == truth.count(str(ring))
        with pytest.raises(TruthMismatch):
            check_truth(page, text + "多")


def test_every_character_in_its_face() -> None:
    for layout in LAYOUTS:
        page = model(layout, random.Random(f"f:{layout}"))
        for face, text in page.runs:
            assert missing_glyphs(face, text) == "", (face, text)
            assert glyph_text(face, text) == text.replace(" ", ""), (face, text)
    assert set(FACES) == {"print", "title", "hand", "sign", "note"}


def test_missing_glyph_raises() -> None:
    assert missing_glyphs("print", "食品经营许可证") == ""
    assert missing_glyphs("hand", "𠀀") == "𠀀"
    assert glyph_text("hand", "申𠀀") == "申\ufffd"
    page = Page("x")
    with pytest.raises(MissingGlyph):
        page.text(10, 10, 12, "申请人𠀀", "hand")
    with pytest.raises(MissingGlyph):
        page.seal(50, 50, 20, "𠀀市场监督管理局")


def test_captures_change_the_page() -> None:
    page = model("food_licence", random.Random(5))
    ((image, _),) = render_all([page])
    for name, simulate in PROFILES.items():
        a = simulate(image, random.Random(1))
        assert a == simulate(image, random.Random(1)), name
        decoded = cv2.imdecode(np.frombuffer(a, np.uint8), cv2.IMREAD_UNCHANGED)
        assert decoded is not None and 1400 < decoded.shape[0] < 3600, name
