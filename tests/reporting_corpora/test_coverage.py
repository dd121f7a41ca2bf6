"""The `coverage` reporting corpus: every layout and capture profile, deterministic from its
seed, truth equal (as a multiset of characters) to the glyphs whose outlines the corpus's
own exact-area-coverage rasteriser left as ink, every character in the face (or stroke
data) that draws it, numbers passing their check characters."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import cv2
import numpy as np
import pytest
from fontTools.ttLib import TTFont

from reporting_corpora import CORPORA, CORPUS_CAPTURES, ReportPage, build
from reporting_corpora.coverage_captures import CAPTURES, PROFILES
from reporting_corpora.coverage_data import (
    COMMON_GIVEN,
    DOUBLE_SURNAMES,
    RARE_GIVEN,
    REGIONS,
    SURNAMES,
    credit_check,
    credit_code,
    id_check,
    org_check,
    person,
    upper_amount,
)
from reporting_corpora.coverage_draw import (
    FACES,
    HAND_DATA,
    NODE,
    PX_H,
    PX_W,
    Canvas,
    Coverage,
    _FlatPen,
    _oriented,
    face_file,
    glyph,
    hand_strokes,
    polygon_segs,
    render_canvas,
)
from reporting_corpora.coverage_pages import (
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
    # 5 pages: every layout, every capture profile (build checks each page's truth
    # against the characters whose outlines left ink as it goes)
    return build("coverage", 5, 3, tmp_path_factory.mktemp("coverage"))


def test_registered() -> None:
    from bench.ocr.__main__ import DEFAULT_CORPORA
    from bench.ocr.corpus import COVERAGE, TUNED_ON

    # read never tuned on at 10:34 and 11:50 on 5 December 2026, tuned on since 13:25
    assert "coverage" in CORPORA and COVERAGE == "coverage" and COVERAGE in TUNED_ON
    assert "coverage:12" in DEFAULT_CORPORA.split(",")
    assert CORPUS_CAPTURES["coverage"] == CAPTURES == tuple(PROFILES)
    assert len(LAYOUTS) >= 5 and len(CAPTURES) == 4


def test_every_layout_and_capture(pages: list[ReportPage]) -> None:
    check_pages(pages, LAYOUTS, CAPTURES)


def test_fields(pages: list[ReportPage]) -> None:
    check_fields(pages)


def test_check_characters() -> None:
    assert id_check("11010519491231002") == "X"  # GB 11643's example
    assert credit_check("91350100M000100Y4") == "3"
    assert org_check("D2143569") == "X"  # GB 11714's example
    rng = random.Random(11)
    for _ in range(200):
        p = person(rng)
        assert len(p.id_number) == 18 and id_check(p.id_number[:17]) == p.id_number[17]
        assert p.id_number[:6] in {r[0] for r in REGIONS}
        assert int(p.id_number[16]) % 2 == (1 if p.sex == "男" else 0)
        assert 2 <= len(p.name) <= 4
        code = credit_code(rng, "320106")
        assert len(code) == 18 and credit_check(code[:17]) == code[17]
        assert org_check(code[8:16]) == code[16]
    assert upper_amount(144000) == "壹拾肆万肆仟元整"
    assert upper_amount(85000) == "捌万伍仟元整"
    assert upper_amount(102000) == "壹拾万贰仟元整"


def test_deterministic(pages: list[ReportPage], tmp_path: Path) -> None:
    (a,) = build("coverage", 1, 3, tmp_path / "a")  # the first of `pages` again
    c = build("coverage", 1, 8, tmp_path / "c")
    assert a.truth_text == pages[0].truth_text
    assert Path(a.path).read_bytes() == Path(pages[0].path).read_bytes()
    assert a.truth_text != c[0].truth_text


@pytest.fixture(scope="module")
def drawn() -> list[tuple[Page, np.ndarray, str]]:
    models = [model(layout, random.Random(f"t:{layout}")) for layout in ("used_car", "no_crime")]
    return [(m, image, text) for m, (image, text) in zip(models, render_all(models), strict=True)]


def test_truth_is_the_inked_glyphs(drawn: list[tuple[Page, np.ndarray, str]]) -> None:
    for layout in LAYOUTS:
        page = model(layout, random.Random(f"t:{layout}"))
        # a seal and something written by hand on every page
        assert any(op == "seal" for op, _, _ in page.ops), page.layout
        assert any(op == "text" and args[4] == "hand" for op, args, _ in page.ops), page.layout
    for page, image, drawn_text in drawn:
        assert image.shape == (PX_H, PX_W, 3) and image.dtype == np.uint8
        assert (image < 128).any()
        check_truth(page, drawn_text)
        # seals are ink, not text: red on the page, none of their words in what was drawn
        b, g, r = (image[..., i].astype(int) for i in range(3))
        assert ((r - b > 80) & (r - g > 80)).sum() > 5000, page.layout
        assert ((b - r > 50) & (b < 200)).sum() > 2000, page.layout  # ballpoint blue
        with pytest.raises(TruthMismatch):
            check_truth(page, drawn_text + "多")
        with pytest.raises(TruthMismatch):
            check_truth(page, drawn_text[1:])


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_no_text_over_other_text(layout: str) -> None:
    """No run of text lands on another (a value over its label, a cell's words over the
    next): glyph boxes of different runs overlap by at most a sliver; all on the page."""
    canvas = render_canvas(model(layout, random.Random(f"o:{layout}")))
    boxes = np.array(canvas.boxes)
    assert len(boxes) == len(canvas.drawn) > 200
    assert (boxes[:, 0] >= 0).all() and (boxes[:, 2] <= PX_W).all()
    assert (boxes[:, 1] >= 0).all() and (boxes[:, 3] <= PX_H).all()
    x0, y0, x1, y1, run = (boxes[:, k] for k in range(5))
    w = np.clip(np.minimum(x1[:, None], x1) - np.maximum(x0[:, None], x0), 0, None)
    h = np.clip(np.minimum(y1[:, None], y1) - np.maximum(y0[:, None], y0), 0, None)
    area = np.maximum((x1 - x0) * (y1 - y0), 1)
    share = w * h / np.minimum(area[:, None], area)
    share[run[:, None] == run] = 0
    worst = np.unravel_index(np.argmax(share), share.shape)
    assert share.max() < 0.2, (layout, canvas.drawn[worst[0]], canvas.drawn[worst[1]])


def test_exact_area_coverage() -> None:
    """The rasteriser's coverage is each pixel's exact covered area: a square at
    fractional coordinates, a triangle, a ring (a hole wound the other way), and two
    overlapping shapes whose union is clipped at full coverage."""
    cov = Coverage(20, 20)
    cov.add(polygon_segs(np.array([[2.25, 3.5], [7.75, 3.5], [7.75, 9.0], [2.25, 9.0]])))
    c = cov.coverage()
    assert c.sum() == pytest.approx(5.5 * 5.5, abs=1e-4)
    assert c[3, 2] == pytest.approx(0.75 * 0.5) and c[5, 5] == pytest.approx(1.0)
    assert c[3, 7] == pytest.approx(0.75 * 0.5) and c[9, 5] == 0
    tri = Coverage(20, 20)
    tri.add(polygon_segs(np.array([[1.0, 1.0], [15.3, 2.2], [6.1, 17.9]])))
    area = abs((15.3 - 1) * (17.9 - 1) - (6.1 - 1) * (2.2 - 1)) / 2
    assert tri.coverage().sum() == pytest.approx(area, abs=1e-4)
    ring = Coverage(40, 40)
    t = np.linspace(0, 2 * np.pi, 400, endpoint=False)
    outer = np.stack([20 + 15 * np.cos(t), 20 + 15 * np.sin(t)], axis=1)
    inner = np.stack([20 + 8 * np.cos(t), 20 + 8 * np.sin(t)], axis=1)
    ring.add(np.concatenate([polygon_segs(outer), polygon_segs(inner)[:, [2, 3, 0, 1]]]))
    rc = ring.coverage()
    assert rc[20, 20] == 0 and rc[20, 8] == pytest.approx(1.0)
    assert rc.sum() == pytest.approx(np.pi * (15**2 - 8**2), rel=1e-3)
    both = Coverage(20, 20)
    both.add(polygon_segs(np.array([[2.0, 2.0], [10.0, 2.0], [10.0, 10.0], [2.0, 10.0]])))
    both.add(polygon_segs(np.array([[6.0, 6.0], [14.0, 6.0], [14.0, 14.0], [6.0, 14.0]])))
    assert both.coverage().sum() == pytest.approx(64 + 64 - 16, abs=1e-4)
    # anti-aliased edges: a glyph has partly covered pixels, none above full
    canvas = Canvas(200, 400)
    canvas.text(10, 150, "国回", 150)
    ink = canvas.layers["print"].coverage()
    assert ink.max() <= 1.0 and ((ink > 0.05) & (ink < 0.95)).sum() > 200
    assert canvas.drawn == ["国", "回"]
    # 回's middle is its inner box: paper inside ink inside paper
    middle = ink[150 - 55 : 150 - 45, 160 + 70 : 160 + 80]
    assert middle.max() > 0.9 or middle.min() < 0.1


def test_seal_words_are_not_drawn_text() -> None:
    canvas = Canvas()
    canvas.seal(600, 600, 220, "某某市卫生健康委员会", "专用章", 0.3)
    assert canvas.drawn == []
    image = canvas.image()
    b, g, r = (image[..., i].astype(int) for i in range(3))
    assert ((r - b > 80) & (r - g > 80)).sum() > 5000


def test_faces_are_the_npm_files() -> None:
    for role, (package, version, stem) in FACES.items():
        path = face_file(role)
        assert Path(path).exists() and package in path and stem in path
        manifest = json.loads((NODE / package / "package.json").read_text(encoding="utf-8"))
        assert manifest["name"] == package and manifest["version"] == version
    manifest = json.loads((NODE / HAND_DATA[0] / "package.json").read_text(encoding="utf-8"))
    assert manifest["version"] == HAND_DATA[1]
    # mainland standard forms: MiSans is a simplified-Chinese face (its TC build is a
    # separate directory the corpus never reads)
    assert "/Normal/" in face_file("print", "骨")
    assert missing_glyphs("print", "总商真启说没户内骨") == ""
    names = SURNAMES + "".join(DOUBLE_SURNAMES) + RARE_GIVEN + COMMON_GIVEN
    for role in ("print", "bold", "hand"):
        assert missing_glyphs(role, names) == "", role
    assert missing_glyphs("hand", "0123456789X，。√") == ""


def _taiwan_glyph(ch: str) -> np.ndarray:
    """`ch`'s outline in MiSans TC (the same package's traditional-Chinese build, Taiwan
    forms), read here only to tell the forms apart."""
    folder = NODE / "misans" / "lib" / "TC"
    css = (folder / "MisansTC-Regular.min.css").read_text(encoding="utf-8")
    for url, ranges in re.findall(r"url\('([^']+)'\)[^}]*?unicode-range:([^;}]+)", css):
        for part in ranges.split(","):
            lo, _, hi = part.strip().removeprefix("U+").partition("-")
            if int(lo, 16) <= ord(ch) <= int(hi or lo, 16):
                font = TTFont(folder / url)
                pen = _FlatPen(font.getGlyphSet())
                font.getGlyphSet()[font.getBestCmap()[ord(ch)]].draw(pen)
                segs = np.array(pen.segs) / font["head"].unitsPerEm
                segs[:, [1, 3]] *= -1
                return _oriented(segs)
    raise KeyError(ch)


def test_print_face_draws_mainland_forms() -> None:
    """骨 and 商 are drawn in their mainland forms (骨's inner stroke turning left, 商's
    top as 亠 over 丷), visibly unlike the Taiwan forms of the same package's TC build;
    明 and 真, alike in both standards, come out the same (the comparison is no noise)."""

    def raster(segs: np.ndarray) -> np.ndarray:
        cov = Coverage(130, 130)
        cov.add(segs * 100 + np.array([10, 110, 10, 110]))
        return cov.coverage()

    def apart(ch: str) -> float:
        outline = glyph("print", ch)
        assert outline is not None
        return float(np.abs(raster(outline.segs) - raster(_taiwan_glyph(ch))).mean())

    assert apart("骨") > 0.02 and apart("商") > 0.015
    assert apart("明") < 0.008 and apart("真") < 0.008


def test_every_drawn_character_has_a_glyph() -> None:
    """Every character every layout draws (several seeds) is in the face or the stroke
    data that draws it; a missing one raises instead of drawing nothing."""
    for layout in LAYOUTS:
        for seed in range(3):
            page = model(layout, random.Random(f"g:{layout}:{seed}"))
            for op, args, _ in page.ops:
                if op == "text":
                    role = args[4]
                    assert missing_glyphs(role, args[2]) == "", (layout, args[2])
                    if role == "hand":
                        assert all(hand_strokes(c) for c in args[2] if c.strip())
                    else:
                        assert all(glyph(role, c) is not None for c in args[2])


def test_missing_glyph_raises() -> None:
    assert missing_glyphs("hand", "𠀀") == "𠀀"
    assert missing_glyphs("print", "𠀀") == "𠀀"
    page = Page("x")
    with pytest.raises(MissingGlyph):
        page.text(10, 10, "申请人𠀀", 10, "hand")
    with pytest.raises(MissingGlyph):
        page.seal(100, 100, 40, "𠀀局", random.Random(1))


def test_captures_change_the_page(drawn: list[tuple[Page, np.ndarray, str]]) -> None:
    image = drawn[0][1]
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
