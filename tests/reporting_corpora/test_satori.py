"""The `satori` reporting corpus: every layout and capture profile, deterministic from its
seed; satori leaves no text layer, so the truth is checked as each page is built by a
second render with all text transparent (the difference is the text's ink: inside every
run's box and nowhere else; every run's box in its parent's and the page, no two
overlapping) and by the runs satori laid out, in its order, being the model's runs and
the truth character for character; every character in the cmap of the face that draws
it, seals and QR-like blocks not text, numbers passing their check characters."""

from __future__ import annotations

import random
from pathlib import Path

import cv2
import numpy as np
import pytest
from fontTools.ttLib import TTFont

from reporting_corpora import CORPORA, CORPUS_CAPTURES, ReportPage, build
from reporting_corpora.satori_captures import CAPTURES, PROFILES
from reporting_corpora.satori_data import (
    COMPOUND_SURNAMES,
    GIVEN,
    RARE_GIVEN,
    RARE_SURNAMES,
    REGIONS,
    SURNAMES,
    capital_yuan,
    code_check,
    credit_code,
    enterprise,
    id_check,
    org_check,
    person,
)
from reporting_corpora.satori_doc import (
    FACES,
    Page,
    Rendered,
    check_render,
    cmap,
    face_of,
    render,
)
from reporting_corpora.satori_pages import (
    LAYOUTS,
    MissingGlyph,
    Overflow,
    TruthMismatch,
    check_truth,
    missing_glyphs,
    model,
    render_all,
)
from tests.reporting_corpora.truth_fields import check_fields, check_pages


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[ReportPage]:
    # 6 pages: every layout (6), every capture profile (4); build checks each page as it
    # goes (check_render and check_truth)
    return build("satori", 6, 3, tmp_path_factory.mktemp("satori"))


def test_registered() -> None:
    from bench.ocr.__main__ import DEFAULT_CORPORA
    from bench.ocr.corpus import SATORI, TUNED_ON

    # read as tuning since 6 December 2026 00:45 (java2d reports in its place)
    assert "satori" in CORPORA and SATORI == "satori" and SATORI in TUNED_ON
    assert "satori:12" in DEFAULT_CORPORA.split(",")
    assert CORPUS_CAPTURES["satori"] == CAPTURES == tuple(PROFILES)
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
        code = credit_code(rng, "420106", "91")
        assert len(code) == 18 and code_check(code[:17]) == code[17]
        assert org_check(code[8:16]) == code[16]
        e = enterprise(rng)
        assert code_check(e.credit_code[:17]) == e.credit_code[17]
        if e.form == "个体工商户":
            assert e.name[-1] in "店馆部" and e.credit_code[:2] == "92"
    assert capital_yuan(4200) == "肆仟贰佰元整"
    assert capital_yuan(144000) == "壹拾肆万肆仟元整"
    assert capital_yuan(100005) == "壹拾万零伍元整"
    assert capital_yuan(8000000) == "捌佰万元整"


def test_deterministic(pages: list[ReportPage], tmp_path: Path) -> None:
    (a,) = build("satori", 1, 3, tmp_path / "a")  # the first of `pages` again
    c = build("satori", 1, 8, tmp_path / "c")
    assert a.truth_text == pages[0].truth_text
    assert Path(a.path).read_bytes() == Path(pages[0].path).read_bytes()
    assert a.truth_text != c[0].truth_text


def test_truth_lines_in_reading_order(pages: list[ReportPage]) -> None:
    by_layout = {p.layout: p for p in pages}
    lines = by_layout["allowance-application"].truth_text.splitlines()
    head = next(i for i, ln in enumerate(lines) if ln.startswith("姓名 与申请人关系"))
    assert lines[head].split() == [
        "姓名",
        "与申请人关系",
        "身份证号码",
        "健康状况",
        "就业情况",
        "月收入（元）",
    ]
    lic = by_layout["business-licence"].truth_text.splitlines()
    # two columns read column by column: the left column's fields, then the right's
    keys = ("名　　称", "类　　型", "经营范围", "注册资本", "成立日期", "住　　所")
    labels = [k for ln in lic for k in keys if ln.startswith(k)]
    assert labels == list(keys)


@pytest.fixture(scope="module")
def drawn() -> tuple[list[Page], list[Rendered]]:
    """Every layout drawn once (checked as it is rendered)."""
    models = [model(layout, random.Random(f"t:{layout}")) for layout in LAYOUTS]
    return models, render(models)


def test_truth_is_what_satori_laid_out(drawn: tuple[list[Page], list[Rendered]]) -> None:
    models, rendered = drawn
    for page, r in zip(models, rendered, strict=True):
        assert r.image.dtype == np.uint8 and r.image.shape[2] == 3
        assert max(r.image.shape[:2]) == 3508 and min(r.image.shape[:2]) == 2480
        check_truth(page, r.text)
        flat = "".join(r.text.split())
        with pytest.raises(TruthMismatch):
            check_truth(page, flat[1:] + flat[0])
        with pytest.raises(TruthMismatch):
            check_truth(page, flat + "多")
        b, g, red = (r.image[..., i].astype(int) for i in range(3))
        assert page.seals >= 1, page.layout
        assert ((red - b > 80) & (red - g > 80)).sum() > 5000, page.layout
        if page.layout not in ("business-licence", "fund-certificate"):
            assert any(run.role == "hand" for run in page.runs), page.layout
            assert ((b - red > 50) & (b < 200)).sum() > 500, page.layout  # ballpoint blue
        # the text's ink is a real part of the page, and lies only in the runs' boxes
        assert r.ink.sum() > 20000, page.layout
    assert sum(p.qr_blocks for p in models) >= 1


def test_the_check_catches_overflow_and_disorder(
    drawn: tuple[list[Page], list[Rendered]],
) -> None:
    models, rendered = drawn
    page, r = models[0], rendered[0]
    order = [run.key for run in page.runs]
    check_render(page, r, order)
    with pytest.raises(TruthMismatch):  # laid out in another order than the model's
        check_render(page, r, order[1:] + order[:1])
    ink = r.ink.copy()
    ink[5:15, 5:15] = True  # ink where no run is: text overflowed or was drawn stray
    with pytest.raises(Overflow):
        check_render(page, Rendered(r.image, r.text, r.boxes, ink), order)
    empty = r.ink.copy()
    x, y, w, h = r.boxes[page.runs[0].key]
    empty[y : y + h, x : x + w] = False  # a run that left no ink (clipped away)
    with pytest.raises(Overflow):
        check_render(page, Rendered(r.image, r.text, r.boxes, empty), order)
    boxes = dict(r.boxes)
    x, y, w, h = boxes[page.runs[1].key]
    boxes[page.runs[1].key] = (x, y, w + 3000, h)  # a run wider than its box and the page
    with pytest.raises(Overflow):
        check_render(page, Rendered(r.image, r.text, boxes, r.ink), order)


def test_a_narrow_box_overflows() -> None:
    """A credit code that cannot break, in a box too narrow for it, is caught."""
    p = Page("narrow")
    code = p.t("91420106MA4K3XYZ1R91420106", size=60)
    p.br()
    p.finish(p.row(p.box(code, width=300), padding=200))
    with pytest.raises(Overflow):
        render([p])


def test_every_drawn_character_has_a_glyph() -> None:
    """Every character every layout draws (several seeds) is in the cmap of the face that
    draws it; so are the name pools; a missing one raises instead of being drawn by
    another face."""
    names = SURNAMES + RARE_SURNAMES + "".join(COMPOUND_SURNAMES) + GIVEN + RARE_GIVEN
    for role in ("print", "head", "hand"):
        assert missing_glyphs(role, names) == "", role
    for layout in LAYOUTS:
        for seed in range(6):
            page = model(layout, random.Random(f"g:{layout}:{seed}"))
            for run in page.runs:
                for ch in run.text:
                    assert ord(ch) in cmap(face_of(run.role, ch)), (layout, run.text, ch)
    assert face_of("print", "7") == "latin" and face_of("print", "证") == "print"
    assert face_of("hand", "7") == "hand"


def test_missing_glyph_raises() -> None:
    page = Page("x")
    with pytest.raises(MissingGlyph):
        page.t("申请人𠀀")
    with pytest.raises(MissingGlyph):
        page.hand("𠀀", random.Random(1))
    with pytest.raises(MissingGlyph):
        page.seal("𠀀局", 400, random.Random(1))


def test_faces_are_the_corpus_faces() -> None:
    for role, (path, index, family) in FACES.items():
        font = TTFont(path, fontNumber=index, lazy=True) if index >= 0 else TTFont(path)
        assert font["name"].getDebugName(4).startswith(family), role
    assert len(cmap("print")) > 30000 and len(cmap("latin")) > 150


def test_seal_and_qr_are_not_text() -> None:
    page = Page("seal")
    rng = random.Random(2)
    page.finish(page.seal("武汉市武昌区行政审批局", 500, rng), page.qr(400, rng), padding=200)
    ((image, text),) = render_all([page])
    assert text == "" and page.truth() == "" and page.runs == []
    b, g, r = (image[..., i].astype(int) for i in range(3))
    assert ((r - b > 80) & (r - g > 80)).sum() > 5000
    assert (image.max(axis=2) < 60).sum() > 20000  # the QR-like block's modules


def test_captures_change_the_page(drawn: tuple[list[Page], list[Rendered]]) -> None:
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
        # legible: ink still dark (the form's text and rules are a few per cent of it),
        # paper still light
        assert np.percentile(gray, 0.3) < 90 and np.percentile(gray, 60) > 150, name
