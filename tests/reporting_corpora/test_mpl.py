"""The `mpl` reporting corpus: every layout and capture profile, deterministic from its
seed, truth equal (character for character) to the text of the PDF drawn from the same
figures, in reading order, every character in the face that draws it, numbers passing
their check characters, JPEGs of the size each profile gives."""

from __future__ import annotations

import random
from pathlib import Path

import cv2
import numpy as np
import pytest

from reporting_corpora import CORPORA, CORPUS_CAPTURES, ReportPage, build
from reporting_corpora.mpl_captures import CAPTURES, PROFILES, output_size
from reporting_corpora.mpl_data import credit_check, id_check, org_check
from reporting_corpora.mpl_draw import PX_H, PX_W, Text, wrap
from reporting_corpora.mpl_pages import (
    LAYOUTS,
    MissingGlyph,
    Page,
    check_truth,
    missing_glyphs,
    model,
    render_all,
)
from tests.reporting_corpora.truth_fields import checked_people

FIELD_NAMES = {"id_number", "credit_code", "phone", "person_name", "enterprise_name"}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[ReportPage]:
    # 8 pages: every layout once, every capture profile twice (build checks each page's
    # truth against its PDF text as it goes)
    return build("mpl", len(LAYOUTS), 3, tmp_path_factory.mktemp("mpl"))


def test_registered() -> None:
    from bench.ocr.__main__ import DEFAULT_CORPORA
    from bench.ocr.corpus import MPL, TUNED_ON

    # read never tuned on once (4 December 2026 15:38), a tuning corpus since 16:00
    assert "mpl" in CORPORA and MPL == "mpl" and MPL in TUNED_ON
    assert CORPUS_CAPTURES["mpl"] == CAPTURES == tuple(PROFILES)
    assert "mpl:12" in DEFAULT_CORPORA.split(",")
    assert len(LAYOUTS) >= 7


def test_every_layout_and_capture(pages: list[ReportPage]) -> None:
    assert {p.layout for p in pages} == set(LAYOUTS)
    assert {p.capture for p in pages} == set(CAPTURES)
    for p in pages:
        assert p.corpus == "mpl" and Path(p.path).name.startswith("mpl-")


def test_jpegs_decode_at_the_profiles_size(pages: list[ReportPage]) -> None:
    for p in pages:
        data = Path(p.path).read_bytes()
        assert data[:3] == b"\xff\xd8\xff"
        image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
        assert image is not None
        assert image.shape[:2] == output_size(p.capture, PX_H, PX_W), (p.capture, image.shape)
        assert image.ndim == (2 if p.capture == "stapled-skew" else 3)
        assert 40 < float(image.mean()) < 250  # neither blank nor black


def test_truth_fields(pages: list[ReportPage]) -> None:
    people: set[str] = set()
    for p in pages:
        names = {n for n, _ in p.truth_fields}
        assert names <= FIELD_NAMES, names
        assert "person_name" in names
        people |= checked_people(p.truth_text, p.truth_fields)
        for name, value in p.truth_fields:
            if name == "enterprise_name":
                assert value.endswith(("公司", "店", "部", "工作室")), value
    kinds = {n for p in pages for n, _ in p.truth_fields}
    assert kinds == FIELD_NAMES
    assert len(people) >= 15
    text = "".join(p.truth_text for p in pages)
    for s in ("¥", "年", "%", "@", "http", "：", "。"):
        assert s in text, s


def test_reading_order() -> None:
    page = model("getihu-apply", random.Random(7))
    flat = "".join(page.truth().split())
    person = dict(page.fields)["person_name"]
    # row by row, label then value, left cell before right
    assert flat.index("经营者姓名") < flat.index(person) < flat.index("性别")
    assert flat.index("身份证件号码") < flat.index("联系电话") < flat.index("民族")
    lic = model("licence-copy", random.Random(7))
    flat = "".join(lic.truth().split())
    # the left column before the right
    assert flat.index("经营范围") < flat.index("注册资本") < flat.index("住所")


def test_truth_against_pdf_text() -> None:
    pages = [model(layout, random.Random(11)) for layout in ("proxy-letter", "id-copy")]
    clean = render_all(pages)
    for page, (image, text) in zip(pages, clean, strict=True):
        assert image.shape == (PX_H, PX_W, 3) and image.dtype == np.uint8
        check_truth(page, text)
        page.parts.append("多")  # a truth that says more than was drawn
        with pytest.raises(ValueError, match="only in truth"):
            check_truth(page, text)


def test_deterministic() -> None:
    for layout in LAYOUTS:
        a, b = model(layout, random.Random(5)), model(layout, random.Random(5))
        assert a.truth() == b.truth() and a.fields == b.fields and a.ops == b.ops
    assert (
        model("shebao-enroll", random.Random(5)).truth()
        != model("shebao-enroll", random.Random(6)).truth()
    )
    [(clean, _)] = render_all([model("licence-copy", random.Random(5))])
    small = np.ascontiguousarray(clean[::2, ::2])
    for name, simulate in PROFILES.items():
        once = simulate(small, random.Random(9))
        assert once == simulate(small, random.Random(9)), name
        assert once != simulate(small, random.Random(10)), name


def test_every_character_in_its_face() -> None:
    for layout in LAYOUTS:
        page = model(layout, random.Random(2))
        for op in page.ops:
            if isinstance(op, Text):
                assert not missing_glyphs(op.face, op.s), (layout, op.s)


def test_tofu_is_refused() -> None:
    page = Page("test")
    assert missing_glyphs("song", "\U0001f600")  # an emoji, in none of the faces
    with pytest.raises(MissingGlyph):
        page.text(20, 20, "经营者\U0001f600", "song", 11)
    assert not page.parts and not page.ops


def test_numbers_stay_whole_when_wrapped() -> None:
    lines = wrap("hei", 10, "公民身份号码110105194912310021及金额¥12,500.00", 40)
    assert any("110105194912310021" in line for line in lines)
    assert any("¥12,500.00" in line for line in lines)
    assert not any(line.endswith("（") for line in wrap("song", 11, "甲" * 30 + "（乙）", 30))


def test_check_characters() -> None:
    # GB 11643 (ISO 7064 MOD 11-2), GB 11714 and GB 32100 against published examples
    assert id_check("11010519491231002") == "X"
    assert org_check("D2143569") == "X"
    assert credit_check("91350100M000100Y4") == "3"
