"""The `mupdf` reporting corpus: every layout and capture profile, deterministic from its
seed, truth equal (as a multiset of characters) to the text MuPDF reads from the PDF it
rasterised, every character in the face that draws it, numbers passing their check
characters."""

from __future__ import annotations

import random
from pathlib import Path

import cv2
import numpy as np
import pymupdf
import pytest

from reporting_corpora import CORPORA, CORPUS_CAPTURES, ReportPage, build
from reporting_corpora.mupdf_captures import CAPTURES, PROFILES
from reporting_corpora.mupdf_data import credit_check, id_check, org_check
from reporting_corpora.mupdf_draw import FACES, PX_H, PX_W
from reporting_corpora.mupdf_pages import (
    LAYOUTS,
    MissingGlyph,
    Page,
    TruthMismatch,
    check_truth,
    missing_glyphs,
    model,
    pdf,
    render_all,
)
from tests.reporting_corpora.truth_fields import checked_people

FIELD_NAMES = {"id_number", "credit_code", "phone", "person_name", "enterprise_name"}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[ReportPage]:
    # 8 pages: every layout, every capture profile twice (build checks each page's truth
    # against the PDF's text as it goes)
    return build("mupdf", 8, 3, tmp_path_factory.mktemp("mupdf"))


def test_registered() -> None:
    from bench.ocr.__main__ import DEFAULT_CORPORA
    from bench.ocr.corpus import MUPDF, TUNED_ON

    assert "mupdf" in CORPORA and MUPDF == "mupdf" and MUPDF in TUNED_ON
    # tuned on (its pages and errors read) since 5 December 2026 04:45
    assert "mupdf:12" in DEFAULT_CORPORA.split(",")
    assert CORPUS_CAPTURES["mupdf"] == CAPTURES == tuple(PROFILES)
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
    assert org_check("D2143569") == "X"  # GB 11714's example


def test_deterministic(tmp_path: Path) -> None:
    a = build("mupdf", 2, 7, tmp_path / "a")
    b = build("mupdf", 2, 7, tmp_path / "b")
    c = build("mupdf", 1, 8, tmp_path / "c")
    assert [p.truth_text for p in a] == [p.truth_text for p in b]
    assert [Path(p.path).read_bytes() for p in a] == [Path(p.path).read_bytes() for p in b]
    assert a[0].truth_text != c[0].truth_text


def test_truth_is_the_pdf_text() -> None:
    models = [model(layout, random.Random(f"t:{layout}")) for layout in LAYOUTS]
    for page, (image, text) in zip(models, render_all(models), strict=True):
        assert image.shape == (PX_H, PX_W, 3) and image.dtype == np.uint8
        assert (image < 128).any()
        check_truth(page, text)
        # seal ring words are paths: the PDF has them only where the page prints them too
        flat, truth = "".join(text.split()), "".join(page.truth().split())
        for args in (a for kind, a in page.ops if kind == "seal"):
            ring = args[3]
            assert flat.count(ring) == truth.count(ring)
        with pytest.raises(TruthMismatch):
            check_truth(page, text + "多")


def test_pdf_embeds_only_the_corpus_faces() -> None:
    models = [model(layout, random.Random(f"f:{layout}")) for layout in LAYOUTS]
    doc = pymupdf.open("pdf", pdf(models))
    names = {f[3] for pg in doc.pages() for f in pg.get_fonts(full=True)}
    doc.close()
    # subset fonts are named like ABCDEF+maple-mono-cn-2.0.0 Regular (npm_faces's names)
    allowed = tuple(f"{pkg.split('/')[1]}-{ver}" for pkg, ver, _ in FACES.values())
    assert len(names) >= 2 and all(n.split("+")[-1].startswith(allowed) for n in names), names


def test_missing_glyph_raises() -> None:
    assert missing_glyphs("print", "医疗机构执业许可证") == ""
    assert missing_glyphs("hand", "郜翀") == ""
    assert missing_glyphs("hand", "𠀀") == "𠀀"
    page = Page("x")
    with pytest.raises(MissingGlyph):
        page.text(10, 10, "申请人𠀀", 10, "hand")
    with pytest.raises(MissingGlyph):
        page.seal(100, 100, 40, "𠀀局", random.Random(1))


def test_captures_change_the_page() -> None:
    page = model("medical_licence", random.Random(5))
    ((image, _),) = render_all([page])
    for name, simulate in PROFILES.items():
        a = simulate(image, random.Random(1))
        assert a == simulate(image, random.Random(1)), name
        assert a != simulate(image, random.Random(2)), name
        decoded = cv2.imdecode(np.frombuffer(a, np.uint8), cv2.IMREAD_UNCHANGED)
        assert decoded is not None and 1500 < decoded.shape[0] < 3600, name
        assert decoded.shape[0] > decoded.shape[1]
