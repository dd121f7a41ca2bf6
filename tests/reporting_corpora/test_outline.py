"""The `outline` reporting corpus: every layout and capture profile, deterministic from its
seed, truth equal (as a multiset of characters) to the glyphs whose outlines OpenCV filled
with ink, every character in the face that draws it, numbers passing their check
characters."""

from __future__ import annotations

import json
import random
from pathlib import Path

import cv2
import numpy as np
import pytest

from reporting_corpora import CORPORA, CORPUS_CAPTURES, ReportPage, build
from reporting_corpora.outline_captures import CAPTURES, PROFILES
from reporting_corpora.outline_data import (
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
)
from reporting_corpora.outline_draw import (
    FACES,
    NODE,
    PX_H,
    PX_W,
    Canvas,
    face_file,
    glyph,
    render_canvas,
)
from reporting_corpora.outline_pages import (
    LAYOUTS,
    MissingGlyph,
    Page,
    TruthMismatch,
    check_truth,
    missing_glyphs,
    model,
    render_all,
)
from tests.reporting_corpora.truth_fields import check_pages, checked_people

FIELD_NAMES = {"id_number", "credit_code", "phone", "person_name", "enterprise_name"}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[ReportPage]:
    # 8 pages: every layout, every capture profile twice (build checks each page's truth
    # against the characters whose outlines were filled as it goes)
    return build("outline", 8, 3, tmp_path_factory.mktemp("outline"))


def test_registered() -> None:
    from bench.ocr.__main__ import DEFAULT_CORPORA
    from bench.ocr.corpus import OUTLINE, TUNED_ON

    assert "outline" in CORPORA and OUTLINE == "outline" and OUTLINE not in TUNED_ON
    assert "outline:12" in DEFAULT_CORPORA.split(",")
    assert CORPUS_CAPTURES["outline"] == CAPTURES == tuple(PROFILES)
    assert len(LAYOUTS) >= 5 and len(CAPTURES) == 4


def test_every_layout_and_capture(pages: list[ReportPage]) -> None:
    check_pages(pages, LAYOUTS, CAPTURES)


def test_fields(pages: list[ReportPage]) -> None:
    people: set[str] = set()
    for p in pages:
        names = {k for k, _ in p.truth_fields}
        assert p.truth_fields and names <= FIELD_NAMES, p.layout
        assert {"person_name", "id_number"} <= names or p.layout == "food_licence", p.layout
        people |= checked_people(p.truth_text, p.truth_fields)
    assert len(people) >= 8
    every = {k for p in pages for k, _ in p.truth_fields}
    assert every == FIELD_NAMES


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
        code = credit_code(rng, "320106")
        assert len(code) == 18 and credit_check(code[:17]) == code[17]
        assert org_check(code[8:16]) == code[16]


def test_deterministic(tmp_path: Path) -> None:
    a = build("outline", 2, 7, tmp_path / "a")
    b = build("outline", 2, 7, tmp_path / "b")
    c = build("outline", 1, 8, tmp_path / "c")
    assert [p.truth_text for p in a] == [p.truth_text for p in b]
    assert [Path(p.path).read_bytes() for p in a] == [Path(p.path).read_bytes() for p in b]
    assert a[0].truth_text != c[0].truth_text


def test_truth_is_the_filled_glyphs() -> None:
    models = [model(layout, random.Random(f"t:{layout}")) for layout in LAYOUTS]
    for page, (image, drawn) in zip(models, render_all(models), strict=True):
        assert image.shape == (PX_H, PX_W, 3) and image.dtype == np.uint8
        assert (image < 128).any()
        check_truth(page, drawn)
        # seals are ink, not text: red on the page, none of their words in what was drawn
        seals = [args for op, args, _ in page.ops if op == "seal"]
        assert seals, page.layout
        b, g, r = (image[..., i].astype(int) for i in range(3))
        assert ((r - b > 80) & (r - g > 80)).sum() > 5000, page.layout
        # hand entries in ballpoint blue: present on every page but the printed licence
        blue = (b - r > 50).sum()
        assert blue > 2000 or page.layout == "food_licence", page.layout
        with pytest.raises(TruthMismatch):
            check_truth(page, drawn + "多")
        with pytest.raises(TruthMismatch):
            check_truth(page, drawn[1:])


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_no_text_over_other_text(layout: str) -> None:
    """No run of text lands on another (a value over its label, a cell's words over the
    next): glyph boxes of different runs overlap by at most a sliver; all on the page."""
    for seed in range(2):
        canvas = render_canvas(model(layout, random.Random(f"o:{layout}:{seed}")))
        boxes = np.array(canvas.boxes)
        assert len(boxes) == len(canvas.drawn) > 200
        assert (boxes[:, 0] >= 0).all() and (boxes[:, 2] <= PX_W).all()
        assert (boxes[:, 1] >= 0).all() and (boxes[:, 3] <= PX_H).all()
        x0, y0, x1, y1, run = (boxes[:, k] for k in range(5))
        w = np.clip(np.minimum(x1[:, None], x1) - np.maximum(x0[:, None], x0), 0, None)
        h = np.clip(np.minimum(y1[:, None], y1) - np.maximum(y0[:, None], y0), 0, None)
        area = (x1 - x0) * (y1 - y0)
        share = w * h / np.minimum(area[:, None], area)
        share[run[:, None] == run] = 0
        worst = np.unravel_index(np.argmax(share), share.shape)
        assert share.max() < 0.15, (
            layout,
            canvas.drawn[worst[0]],
            canvas.drawn[worst[1]],
            boxes[worst[0]],
        )


def test_seal_words_are_not_drawn_text() -> None:
    canvas = Canvas()
    canvas.seal(600, 600, 220, "某某市民政局婚姻登记专用章", random.Random(3))
    assert canvas.drawn == []
    b, g, r = (canvas.image[..., i].astype(int) for i in range(3))
    assert ((r - b > 80) & (r - g > 80)).sum() > 5000


def test_outlines_fill_counters() -> None:
    """Nonzero winding: 国's inner strokes inside its enclosure are ink, the enclosure's
    inside around them is paper (an even-odd or naive fill loses one or the other)."""
    canvas = Canvas()
    canvas.text(100, 400, "国回", 300)
    ink = canvas.image[..., 0] < 128
    # 国: the enclosure's middle has the inner strokes; 回: its middle is its inner box
    guo = ink[100 + 60 : 400 - 30, 100 + 60 : 100 + 240]
    assert 0.15 < guo.mean() < 0.6
    assert canvas.drawn == ["国", "回"]
    g = glyph("print", "回")
    assert g is not None and len(g.filled) >= 2 and len(g.holes) >= 2


def test_faces_are_the_npm_files() -> None:
    for role, (package, version, _) in FACES.items():
        path = face_file(role)
        assert Path(path).exists() and package in path
        manifest = json.loads((NODE / package / "package.json").read_text(encoding="utf-8"))
        assert manifest["name"] == package and manifest["version"] == version
    # mainland standard forms the print face must have (any face of the corpus draws
    # them: a missing one would fail here)
    assert missing_glyphs("print", "总商真启说没户内骨最低生活保障申请审批表") == ""
    names = SURNAMES + "".join(DOUBLE_SURNAMES) + RARE_GIVEN + COMMON_GIVEN
    assert missing_glyphs("hand", names) == ""
    assert missing_glyphs("print", names) == ""


def test_missing_glyph_raises() -> None:
    assert missing_glyphs("print", "食品经营许可证") == ""
    assert missing_glyphs("hand", "骞琛") == ""
    assert missing_glyphs("hand", "𠀀") == "𠀀"
    page = Page("x")
    with pytest.raises(MissingGlyph):
        page.text(10, 10, "申请人𠀀", 10, "hand")
    with pytest.raises(MissingGlyph):
        page.seal(100, 100, 40, "𠀀局", random.Random(1))


def test_captures_change_the_page() -> None:
    page = model("marriage_review", random.Random(5))
    ((image, _),) = render_all([page])
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
