"""The `latex` reporting corpus: every layout and capture profile, deterministic from its
seed, truth equal (character for character, in order) to the text PDFium finds in the PDF
LuaLaTeX made, every character in the face that draws it, only the corpus's faces in the
PDF, seals and QR-like blocks not text, numbers passing their check characters."""

from __future__ import annotations

import random
from pathlib import Path

import cv2
import numpy as np
import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from reporting_corpora import CORPORA, CORPUS_CAPTURES, ReportPage, build
from reporting_corpora.latex_captures import CAPTURES, PROFILES
from reporting_corpora.latex_data import (
    COMPOUND_SURNAMES,
    GIVEN,
    RARE_GIVEN,
    REGIONS,
    SURNAMES,
    capital_yuan,
    code_check,
    credit_code,
    id_check,
    org_check,
    person,
)
from reporting_corpora.latex_doc import FAMILY, Rendered, faces, render
from reporting_corpora.latex_pages import (
    LAYOUTS,
    MissingGlyph,
    Page,
    TruthMismatch,
    check_truth,
    missing_glyphs,
    model,
    render_all,
)
from tests.reporting_corpora.truth_fields import check_fields, check_pages


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[ReportPage]:
    # 6 pages: every layout, every capture profile (build checks each page's truth against
    # the text PDFium finds in the PDF as it goes)
    return build("latex", 6, 3, tmp_path_factory.mktemp("latex"))


def test_registered() -> None:
    from bench.ocr.__main__ import DEFAULT_CORPORA
    from bench.ocr.corpus import LATEX, TUNED_ON

    # read as tuning since 5 December 2026 22:07 UTC, while `satori` reports in its place
    assert "latex" in CORPORA and LATEX == "latex" and LATEX in TUNED_ON
    assert "latex:12" in DEFAULT_CORPORA.split(",")
    assert CORPUS_CAPTURES["latex"] == CAPTURES == tuple(PROFILES)
    assert len(LAYOUTS) >= 5 and len(CAPTURES) == 4


def test_every_layout_and_capture(pages: list[ReportPage]) -> None:
    check_pages(pages, LAYOUTS, CAPTURES)


def test_fields(pages: list[ReportPage]) -> None:
    check_fields(pages)


def test_check_characters() -> None:
    assert id_check("11010519491231002") == "X"  # GB 11643's example
    assert code_check("91350100M000100Y4") == "3"
    assert org_check("D2143569") == "X"  # GB 11714's example
    rng = random.Random(5)
    for _ in range(200):
        p = person(rng)
        assert len(p.id_number) == 18 and id_check(p.id_number[:17]) == p.id_number[17]
        assert p.id_number[:6] in {r[0] for r in REGIONS}
        assert int(p.id_number[16]) % 2 == (1 if p.sex == "男" else 0)
        assert 2 <= len(p.name) <= 4
        assert len(p.phone) == 11 and p.phone[0] == "1"
        code = credit_code(rng, "320583")
        assert len(code) == 18 and code_check(code[:17]) == code[17]
        assert org_check(code[8:16]) == code[16]
    assert capital_yuan(4200) == "肆仟贰佰元整"
    assert capital_yuan(144000) == "壹拾肆万肆仟元整"
    assert capital_yuan(100005) == "壹拾万零伍元整"
    assert capital_yuan(3050) == "叁仟零伍拾元整"


def test_deterministic(pages: list[ReportPage], tmp_path: Path) -> None:
    (a,) = build("latex", 1, 3, tmp_path / "a")  # the first of `pages` again
    c = build("latex", 1, 8, tmp_path / "c")
    assert a.truth_text == pages[0].truth_text
    assert Path(a.path).read_bytes() == Path(pages[0].path).read_bytes()
    assert a.truth_text != c[0].truth_text


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Page], list[Rendered], Path]:
    """Every layout drawn once, and the PDF LuaLaTeX made of them."""
    models = [model(layout, random.Random(f"t:{layout}")) for layout in LAYOUTS]
    pdf = tmp_path_factory.mktemp("latex-pdf") / "batch.pdf"
    return models, render(models, keep_pdf=pdf), pdf


def test_truth_is_the_pdfs_text(drawn: tuple[list[Page], list[Rendered], Path]) -> None:
    models, rendered, _ = drawn
    for page, r in zip(models, rendered, strict=True):
        assert r.image.dtype == np.uint8 and r.image.shape[2] == 3
        assert max(r.image.shape[:2]) > 3400 and min(r.image.shape[:2]) > 2400
        check_truth(page, r.text)
        b, g, red = (r.image[..., i].astype(int) for i in range(3))
        if page.seals:
            assert ((red - b > 80) & (red - g > 80)).sum() > 5000, page.layout
        if page.layout != "business-licence":  # printed whole; every other page filled in
            assert any(role == "hand" for role, _ in page.runs), page.layout
            assert ((b - red > 50) & (b < 200)).sum() > 500, page.layout  # ballpoint blue
        flat = "".join(r.text.split())
        with pytest.raises(TruthMismatch):
            check_truth(page, flat[1:] + flat[0])
        with pytest.raises(TruthMismatch):
            check_truth(page, flat + "多")
    assert sum(p.seals for p in models) >= 3 and sum(p.qr_blocks for p in models) >= 1


def test_only_the_corpus_faces_in_the_pdf(drawn: tuple[list[Page], list[Rendered], Path]) -> None:
    _, _, pdf = drawn
    fonts = set()
    for pg in PdfReader(pdf).pages:
        for font in pg["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    ours = {name.replace(" ", "") for name in FAMILY.values()}
    allowed = ours | {"LMRoman10-Regular", "LMRoman10-Bold"}
    assert fonts and fonts <= allowed, fonts
    assert ours <= fonts


def test_faces_are_the_joined_chiron_faces() -> None:
    for role, path in faces().items():
        font = TTFont(path, lazy=True)
        assert font["name"].getDebugName(1) == FAMILY[role]
        assert "CFF " in font and len(font.getBestCmap()) > 800


def test_every_drawn_character_has_a_glyph() -> None:
    """Every character every layout draws (several seeds) is in the face that draws it;
    so are the name pools; a missing one raises instead of drawing nothing."""
    names = SURNAMES + "".join(COMPOUND_SURNAMES) + GIVEN + RARE_GIVEN
    for role in ("song", "hand"):
        assert missing_glyphs(role, names) == "", role
    for layout in LAYOUTS:
        for seed in range(6):
            page = model(layout, random.Random(f"g:{layout}:{seed}"))
            for role, text in page.runs:
                assert missing_glyphs(role, text) == "", (layout, text)


def test_missing_glyph_raises() -> None:
    page = Page("x")
    with pytest.raises(MissingGlyph):
        page.run("申请人𠀀")
    with pytest.raises(MissingGlyph):
        page.hand("𠀀", random.Random(1))
    with pytest.raises(MissingGlyph):
        page.seal("𠀀局", "", random.Random(1), 0, 0)


def test_seal_and_qr_are_not_text() -> None:
    page = Page("seal")
    rng = random.Random(2)
    page.add(page.seal("成都市武侯区行政审批局", "", rng, 60, -30) + page.qr(rng), "")
    ((image, text),) = render_all([page])
    assert "".join(text.split()) == ""
    b, g, r = (image[..., i].astype(int) for i in range(3))
    assert ((r - b > 80) & (r - g > 80)).sum() > 5000
    assert (image.max(axis=2) < 60).sum() > 20000  # the QR-like block's modules


def test_captures_change_the_page(drawn: tuple[list[Page], list[Rendered], Path]) -> None:
    image = drawn[1][0].image
    clean = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    for name, simulate in PROFILES.items():
        a = simulate(image, random.Random(1))
        assert a == simulate(image, random.Random(1)), name
        assert a != simulate(image, random.Random(2)), name
        decoded = cv2.imdecode(np.frombuffer(a, np.uint8), cv2.IMREAD_UNCHANGED)
        assert decoded is not None and 1500 < decoded.shape[0] < 3600, name
        gray = decoded if decoded.ndim == 2 else cv2.cvtColor(decoded, cv2.COLOR_BGR2GRAY)
        resized = cv2.resize(clean, gray.shape[::-1], interpolation=cv2.INTER_AREA)
        diff = np.abs(resized.astype(int) - gray.astype(int)).mean()
        assert diff > 2, (name, diff)
        # legible: ink still dark, paper still light
        assert np.percentile(gray, 1) < 90 and np.percentile(gray, 60) > 150, name
