"""The `skia` reporting corpus: every layout and capture profile, deterministic from its
seed, truth equal (as a multiset of characters) to the text of the PDF Skia drew with the
same operations, every character in the face that draws it, numbers passing their check
characters."""

from __future__ import annotations

import random
from pathlib import Path

import cv2
import numpy as np
import pytest

from reporting_corpora import CORPORA, CORPUS_CAPTURES, ReportPage, build
from reporting_corpora.skia_captures import CAPTURES, PROFILES
from reporting_corpora.skia_data import (
    BRANDS,
    GIVEN,
    PLACES,
    SURNAMES,
    TRADES,
    credit_check,
    id_check,
)
from reporting_corpora.skia_draw import PX_H, PX_W
from reporting_corpora.skia_pages import (
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
    # against its PDF text as it goes)
    return build("skia", 8, 3, tmp_path_factory.mktemp("skia"))


def test_registered() -> None:
    assert "skia" in CORPORA
    assert CORPUS_CAPTURES["skia"] == CAPTURES == tuple(PROFILES)
    assert len(LAYOUTS) >= 6


def test_bench_reports_it() -> None:
    from bench.ocr.__main__ import DEFAULT_CORPORA
    from bench.ocr.corpus import SKIA, TUNED_ON

    # read never tuned on once (4 December 2026 18:05), a tuning corpus since 18:20
    assert SKIA == "skia" and SKIA in TUNED_ON
    assert "skia:12" in DEFAULT_CORPORA.split(",")


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


def test_entries_are_in_the_entry_faces() -> None:
    # people, places and enterprise names are filled in with the Japanese faces
    words = [SURNAMES, GIVEN, *BRANDS, *TRADES]
    words += [city + district + "".join(streets) for city, district, _, streets in PLACES]
    for face in ("entry", "sign"):
        assert "".join(missing_glyphs(face, w) for w in words) == "", face


def test_deterministic(tmp_path: Path) -> None:
    a = build("skia", 2, 7, tmp_path / "a")
    b = build("skia", 2, 7, tmp_path / "b")
    c = build("skia", 2, 8, tmp_path / "c")
    assert [p.truth_text for p in a] == [p.truth_text for p in b]
    assert [Path(p.path).read_bytes() for p in a] == [Path(p.path).read_bytes() for p in b]
    assert [p.truth_text for p in a] != [p.truth_text for p in c]


def test_truth_is_the_pdf_text() -> None:
    models = [model(layout, random.Random(f"t:{layout}")) for layout in LAYOUTS]
    for page, (image, text) in zip(models, render_all(models), strict=True):
        assert image.shape == (PX_H, PX_W, 3) and image.dtype == np.uint8
        assert (image < 128).any()
        check_truth(page, text)
        # seal ring words are outlines: the PDF has them only where the page prints them
        # as text too (a power of attorney names its enterprise)
        flat, truth = "".join(text.split()), "".join(page.truth().split())
        for _, _, _, ring, bottom in (args for kind, args in page.ops if kind == "seal"):
            assert flat.count(ring) == truth.count(ring)
            assert not bottom or flat.count(bottom) == truth.count(bottom)
        with pytest.raises(TruthMismatch):
            check_truth(page, text + "多")


def test_missing_glyph_raises() -> None:
    assert missing_glyphs("print", "营业执照") == ""
    assert missing_glyphs("entry", "营业执照") == "营业执"
    page = Page("x")
    with pytest.raises(MissingGlyph):
        page.text(10, 10, 4, "申请人营", "entry")
    with pytest.raises(MissingGlyph):
        page.rich(10, 10, 50, [("print", "委托人："), ("sign", "营")])
    with pytest.raises(MissingGlyph):
        page.text(10, 10, 4, "No. 号", "latin")


def test_captures_change_the_page() -> None:
    page = model("business_licence", random.Random(5))
    ((image, _),) = render_all([page])
    for name, simulate in PROFILES.items():
        a = simulate(image, random.Random(1))
        assert a == simulate(image, random.Random(1)), name
        decoded = cv2.imdecode(np.frombuffer(a, np.uint8), cv2.IMREAD_UNCHANGED)
        assert decoded is not None and 1400 < decoded.shape[0] < 3600, name
        clean = cv2.resize(
            image, (decoded.shape[1], decoded.shape[0]), interpolation=cv2.INTER_AREA
        )
        assert cv2.absdiff(decoded, clean).mean() > 2, name  # the capture changed the page
        assert decoded.shape[0] / decoded.shape[1] > 1.2, name  # still an upright page
