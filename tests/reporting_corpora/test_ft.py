"""The `ft` reporting corpus: every layout and capture profile, deterministic from its
seed, truth equal (as a multiset of characters) to the glyphs FreeType drew with ink,
every character in the face that draws it, numbers passing their check characters."""

from __future__ import annotations

import random
from pathlib import Path

import cv2
import numpy as np
import pytest

from reporting_corpora import CORPORA, CORPUS_CAPTURES, ReportPage, build
from reporting_corpora.ft_captures import CAPTURES, PROFILES
from reporting_corpora.ft_data import credit_check, id_check
from reporting_corpora.ft_draw import FACES, PX_H, PX_W, face_file
from reporting_corpora.ft_pages import (
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
    # against the glyphs FreeType drew as it goes)
    return build("ft", 8, 3, tmp_path_factory.mktemp("ft"))


def test_registered() -> None:
    from bench.ocr.__main__ import DEFAULT_CORPORA
    from bench.ocr.corpus import FT, TUNED_ON

    assert "ft" in CORPORA and FT == "ft" and FT in TUNED_ON
    assert "ft:12" in DEFAULT_CORPORA.split(",")
    assert CORPUS_CAPTURES["ft"] == CAPTURES == tuple(PROFILES)
    assert len(LAYOUTS) >= 5


def test_every_layout_and_capture(pages: list[ReportPage]) -> None:
    assert {p.layout for p in pages} == set(LAYOUTS)
    assert {p.capture for p in pages} == set(CAPTURES)
    for p in pages:
        img = cv2.imread(p.path)
        assert img is not None and img.shape[0] > 1500, p.path
        assert Path(p.path).read_bytes()[:2] == b"\xff\xd8"


def test_fields(pages: list[ReportPage]) -> None:
    people: set[str] = set()
    for p in pages:
        assert p.truth_fields and {k for k, _ in p.truth_fields} <= FIELD_NAMES
        people |= checked_people(p.truth_text, p.truth_fields)
    assert len(people) >= 8


def test_check_characters() -> None:
    assert id_check("11010519491231002") == "X"  # GB 11643's example
    assert credit_check("91350100M000100Y4") == "3"


def test_deterministic(tmp_path: Path) -> None:
    a = build("ft", 2, 7, tmp_path / "a")
    b = build("ft", 2, 7, tmp_path / "b")
    c = build("ft", 1, 8, tmp_path / "c")
    assert [p.truth_text for p in a] == [p.truth_text for p in b]
    assert [Path(p.path).read_bytes() for p in a] == [Path(p.path).read_bytes() for p in b]
    assert a[0].truth_text != c[0].truth_text


def test_truth_is_the_drawn_glyphs() -> None:
    models = [model(layout, random.Random(f"t:{layout}")) for layout in LAYOUTS]
    for page, (image, drawn) in zip(models, render_all(models), strict=True):
        assert image.shape == (PX_H, PX_W, 3) and image.dtype == np.uint8
        assert (image < 128).any()
        check_truth(page, drawn)
        # seals are outlines: red ink on the page, none of their words in what was drawn
        seals = [args for kind, args in page.ops if kind == "seal"]
        if seals:
            b, g, r = (image[..., i].astype(int) for i in range(3))
            assert ((r - b > 80) & (r - g > 80)).sum() > 5000, page.layout
        with pytest.raises(TruthMismatch):
            check_truth(page, drawn + "多")
        with pytest.raises(TruthMismatch):
            check_truth(page, drawn[1:])


def test_faces_are_the_npm_files() -> None:
    for role, (package, version, _, _) in FACES.items():
        path = face_file(role)
        assert Path(path).exists() and f"{package.split('/')[1]}-{version}" in path
    # mainland standard forms the print face must have (any face of the corpus draws
    # them: a missing one would fail here)
    assert missing_glyphs("print", "总商真启说没户内骨建设工程规划许可证户口迁移证明") == ""


def test_missing_glyph_raises() -> None:
    assert missing_glyphs("print", "个体工商户年度报告书") == ""
    assert missing_glyphs("hand", "骞琛") == ""
    assert missing_glyphs("hand", "𠀀") == "𠀀"
    page = Page("x")
    with pytest.raises(MissingGlyph):
        page.text(10, 10, "申请人𠀀", 10, "hand")
    with pytest.raises(MissingGlyph):
        page.seal(100, 100, 40, "𠀀局", random.Random(1))


def test_captures_change_the_page() -> None:
    page = model("planning_licence", random.Random(5))
    ((image, _),) = render_all([page])
    for name, simulate in PROFILES.items():
        a = simulate(image, random.Random(1))
        assert a == simulate(image, random.Random(1)), name
        assert a != simulate(image, random.Random(2)), name
        decoded = cv2.imdecode(np.frombuffer(a, np.uint8), cv2.IMREAD_UNCHANGED)
        assert decoded is not None and 1500 < decoded.shape[0] < 3600, name
        assert decoded.shape[0] > decoded.shape[1]
