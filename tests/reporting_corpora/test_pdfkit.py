"""The `pdfkit` reporting corpus: every layout and capture profile, deterministic from its
seed, truth equal (character for character, in order) to the text pdf.js finds in the PDF
pdfkit made, every character in the Fandol face that draws it, only Fandol faces in the
PDF, no run of text over another, numbers passing their check characters."""

from __future__ import annotations

import json
import random
from pathlib import Path

import cv2
import numpy as np
import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from reporting_corpora import CORPORA, CORPUS_CAPTURES, ReportPage, build
from reporting_corpora.pdfkit_captures import CAPTURES, PROFILES
from reporting_corpora.pdfkit_data import (
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
from reporting_corpora.pdfkit_doc import (
    FACES,
    FANDOL,
    NODE_DIR,
    PAGE_H,
    Rendered,
    render,
)
from reporting_corpora.pdfkit_pages import (
    LAYOUTS,
    MissingGlyph,
    Overflow,
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
    # 5 pages: every layout, every capture profile (build checks each page's truth
    # against the text pdf.js finds in the PDF as it goes)
    return build("pdfkit", 5, 3, tmp_path_factory.mktemp("pdfkit"))


def test_registered() -> None:
    from bench.ocr.__main__ import DEFAULT_CORPORA
    from bench.ocr.corpus import PDFKIT, TUNED_ON

    # read as tuning since 5 December 2026 21:33 UTC, while `latex` reports in its place
    assert "pdfkit" in CORPORA and PDFKIT == "pdfkit" and PDFKIT in TUNED_ON
    assert "pdfkit:12" in DEFAULT_CORPORA.split(",")
    assert CORPUS_CAPTURES["pdfkit"] == CAPTURES == tuple(PROFILES)
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
        code = credit_code(rng, "330203")
        assert len(code) == 18 and code_check(code[:17]) == code[17]
        assert org_check(code[8:16]) == code[16]
    assert capital_yuan(4200) == "肆仟贰佰元整"
    assert capital_yuan(144000) == "壹拾肆万肆仟元整"
    assert capital_yuan(100005) == "壹拾万零伍元整"
    assert capital_yuan(3050) == "叁仟零伍拾元整"


def test_deterministic(pages: list[ReportPage], tmp_path: Path) -> None:
    (a,) = build("pdfkit", 1, 3, tmp_path / "a")  # the first of `pages` again
    c = build("pdfkit", 1, 8, tmp_path / "c")
    assert a.truth_text == pages[0].truth_text
    assert Path(a.path).read_bytes() == Path(pages[0].path).read_bytes()
    assert a.truth_text != c[0].truth_text


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Page], list[Rendered], Path]:
    """Every layout drawn once, and the PDF pdfkit made of them."""
    models = [model(layout, random.Random(f"t:{layout}")) for layout in LAYOUTS]
    pdf = tmp_path_factory.mktemp("pdfkit-pdf") / "batch.pdf"
    return models, render(models, keep_pdf=pdf), pdf


def test_truth_is_the_pdfs_text(drawn: tuple[list[Page], list[Rendered], Path]) -> None:
    models, rendered, _ = drawn
    for page, r in zip(models, rendered, strict=True):
        assert r.image.shape == (3508, 2480, 3) and r.image.dtype == np.uint8
        check_truth(page, r.text)
        # a seal and something written by hand on every page
        assert any(op["op"] == "seal" for op in page.ops), page.layout
        assert any(op["op"] == "hand" for op in page.ops), page.layout
        b, g, red = (r.image[..., i].astype(int) for i in range(3))
        assert ((red - b > 80) & (red - g > 80)).sum() > 5000, page.layout  # the seal
        if any(op["op"] == "hand" and op["color"] != "#262626" for op in page.ops):
            assert ((b - red > 50) & (b < 200)).sum() > 1000, page.layout  # ballpoint blue
        # the order counts, not only the characters
        flat = "".join(r.text.split())
        with pytest.raises(TruthMismatch):
            check_truth(page, flat[1:] + flat[0])
        with pytest.raises(TruthMismatch):
            check_truth(page, flat + "多")


def _item_boxes(page: Page, r: Rendered) -> list[tuple[float, float, float, float, int, str]]:
    """pdf.js's text items as boxes in points (top left origin), each with the index of
    the text operation its first character came from."""
    starts, ends, n = [], [], 0
    for i, op in enumerate(op for op in page.ops if op["op"] in ("text", "hand")):
        k = len("".join(op["s"].split()))
        starts.append(i)
        ends.append(n + k)
        n += k
    boxes, seen = [], 0
    for s, t, w, h in r.items:
        chars = "".join(s.split())
        if not chars:
            continue
        owner = next(i for i, e in enumerate(ends) if seen < e)
        seen += len(chars)
        x, base = t[4], PAGE_H - t[5]
        size = float(np.hypot(t[2], t[3])) or h
        boxes.append((x, base - size * 0.85, x + w, base + size * 0.1, owner, s))
    assert seen == ends[-1]
    return boxes


def test_no_text_over_other_text(drawn: tuple[list[Page], list[Rendered], Path]) -> None:
    """No run of text lands on another (a value over its label, a cell's words over the
    next, a tick over its option): boxes of different runs, as pdf.js places them,
    overlap by at most a sliver; all on the page."""
    models, rendered, _ = drawn
    for page, r in zip(models, rendered, strict=True):
        boxes = np.array([b[:5] for b in _item_boxes(page, r)])
        texts = [b[5] for b in _item_boxes(page, r)]
        assert len(boxes) > 40
        assert (boxes[:, 0] >= 20).all() and (boxes[:, 2] <= 595.28 - 20).all(), page.layout
        assert (boxes[:, 1] >= 20).all() and (boxes[:, 3] <= PAGE_H - 20).all(), page.layout
        x0, y0, x1, y1, run = (boxes[:, k] for k in range(5))
        w = np.clip(np.minimum(x1[:, None], x1) - np.maximum(x0[:, None], x0), 0, None)
        h = np.clip(np.minimum(y1[:, None], y1) - np.maximum(y0[:, None], y0), 0, None)
        area = np.maximum((x1 - x0) * (y1 - y0), 1e-6)
        share = w * h / np.minimum(area[:, None], area)
        share[run[:, None] == run] = 0
        worst = np.unravel_index(np.argmax(share), share.shape)
        assert share.max() < 0.2, (page.layout, texts[worst[0]], texts[worst[1]])


def test_only_fandol_faces_in_the_pdf(drawn: tuple[list[Page], list[Rendered], Path]) -> None:
    _, _, pdf = drawn
    fonts = set()
    for pg in PdfReader(pdf).pages:
        for font in pg["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    assert fonts and all(f.startswith("Fandol") for f in fonts), fonts
    assert {"FandolSong-Regular", "FandolKai-Regular", "FandolHei-Bold"} <= fonts


def test_faces_and_tools_are_the_pinned_ones() -> None:
    for role, file in FACES.items():
        path = FANDOL / file
        assert path.exists(), path
        family = TTFont(path, lazy=True)["name"].getDebugName(1)
        assert family and family.startswith("Fandol"), (role, family)
    pins = json.loads((NODE_DIR / "package.json").read_text(encoding="utf-8"))["dependencies"]
    for package in ("pdfkit", "pdfjs-dist", "@napi-rs/canvas"):
        manifest = NODE_DIR / "node_modules" / package / "package.json"
        assert json.loads(manifest.read_text(encoding="utf-8"))["version"] == pins[package]


def test_every_drawn_character_has_a_glyph() -> None:
    """Every character every layout draws (several seeds) is in the face that draws it;
    so are the name pools; a missing one raises instead of drawing nothing."""
    names = SURNAMES + "".join(COMPOUND_SURNAMES) + GIVEN + RARE_GIVEN
    for role in FACES:
        assert missing_glyphs(role, names) == "", role
    for layout in LAYOUTS:
        for seed in range(4):
            page = model(layout, random.Random(f"g:{layout}:{seed}"))
            for op in page.ops:
                if op["op"] in ("text", "hand"):
                    assert missing_glyphs(op["face"], op["s"]) == "", (layout, op["s"])
                elif op["op"] == "seal":
                    assert missing_glyphs(op["face"], op["words"] + op["center"]) == ""


def test_missing_glyph_and_overflow_raise() -> None:
    page = Page("x")
    with pytest.raises(MissingGlyph):
        page.text(10, 10, "申请人𠀀", 10)
    with pytest.raises(MissingGlyph):
        page.hand(10, 10, "𠀀", 10, random.Random(1))
    with pytest.raises(MissingGlyph):
        page.seal(100, 100, 40, "𠀀局", random.Random(1))
    page.ops.append(
        dict(op="text", x=50, y=50, w=40, h=12, s="一段放不进这个格子的很长的文字" * 3, size=10,
             face="song", align="left", color="#000000")
    )  # fmt: skip
    with pytest.raises(Overflow):
        render([page])


def test_seal_words_are_not_text() -> None:
    page = Page("seal")
    page.seal(200, 200, 50, "某某市水务局", random.Random(2), "行政审批专用章")
    ((image, text),) = render_all([page])
    assert text == ""
    b, g, r = (image[..., i].astype(int) for i in range(3))
    assert ((r - b > 80) & (r - g > 80)).sum() > 5000


def test_captures_change_the_page(drawn: tuple[list[Page], list[Rendered], Path]) -> None:
    image = drawn[1][0].image
    clean = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    for name, simulate in PROFILES.items():
        a = simulate(image, random.Random(1))
        assert a == simulate(image, random.Random(1)), name
        assert a != simulate(image, random.Random(2)), name
        decoded = cv2.imdecode(np.frombuffer(a, np.uint8), cv2.IMREAD_UNCHANGED)
        assert decoded is not None and 1500 < decoded.shape[0] < 3600, name
        assert decoded.shape[0] > decoded.shape[1]
        gray = decoded if decoded.ndim == 2 else cv2.cvtColor(decoded, cv2.COLOR_BGR2GRAY)
        resized = cv2.resize(clean, gray.shape[::-1], interpolation=cv2.INTER_AREA)
        diff = np.abs(resized.astype(int) - gray.astype(int)).mean()
        assert diff > 2, (name, diff)
        # legible: ink still dark, paper still light
        assert np.percentile(gray, 1) < 90 and np.percentile(gray, 60) > 150, name
