"""The `typst` reporting corpus: deterministic from its seed, every layout and capture
profile, truth equal to the text of the PDF Typst made of the same source (seal words
left out), every character in both faces, numbers passing their check characters,
captures that change the page but keep its size."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import cv2
import numpy as np
import pytest

from reporting_corpora import CORPORA, CORPUS_CAPTURES, ReportPage, build
from reporting_corpora.typst_captures import CAPTURES, PROFILES
from reporting_corpora.typst_data import credit_check, id_check, org_check
from reporting_corpora.typst_markup import Doc
from reporting_corpora.typst_pages import LAYOUTS, check_truth, missing_glyphs, model, render
from tests.reporting_corpora.truth_fields import checked_people

SEED = 7


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[ReportPage]:
    # one page of each layout, the captures cycling under them; the build checks each
    # page's truth against its PDF's text as it goes
    return build("typst", len(LAYOUTS), SEED, tmp_path_factory.mktemp("typst"))


def _model(i: int) -> tuple[Doc, random.Random]:
    rng = random.Random(f"typst:{SEED}:{i}")
    return model(list(LAYOUTS)[i], rng), rng


def test_covers_every_layout_and_capture(pages: list[ReportPage]) -> None:
    assert "typst" in CORPORA and CORPUS_CAPTURES["typst"] == CAPTURES
    assert [p.layout for p in pages] == list(LAYOUTS)
    assert {p.capture for p in pages} == set(CAPTURES)
    assert len({p.truth_text for p in pages}) == len(pages)


def test_truth_is_the_pdfs_text_and_pages_repeat(pages: list[ReportPage]) -> None:
    # the same seed gives the same page, byte for byte, through Typst and the capture
    doc, rng = _model(1)
    assert doc.truth() == pages[1].truth_text
    image, text = render(doc)
    check_truth(doc, text)
    # the seal's ring is ink: in the PDF, not in the truth
    assert doc.ink_parts and doc.ink_parts[1] in "".join(text.split())
    assert doc.ink_parts[1] not in "".join(doc.truth().split())
    assert Counter("".join(doc.truth().split())) != Counter("".join(text.split()))
    assert image.shape[:2] == (2480, 3508)  # the licence: A4 landscape at 300 ppi
    assert PROFILES[pages[1].capture](image, rng) == Path(pages[1].path).read_bytes()
    b, g, r = (image[..., k].astype(np.int16) for k in range(3))
    assert int(((r - g > 80) & (r - b > 80)).sum()) > 5000  # the red seal
    with pytest.raises(ValueError, match="truth and document differ"):
        check_truth(doc, text + "章")
    other = model(list(LAYOUTS)[1], random.Random(f"typst:{SEED + 1}:1"))
    assert other.truth() != pages[1].truth_text


def test_reading_order() -> None:
    # tables row by row with each label before its value; the licence's left column
    # before its right; the lease's landlord before the tenant
    form, _ = _model(0)
    flat = "".join(form.truth().split())
    assert flat.index("名称") < flat.index("住所") < flat.index("法定代表人")
    assert flat.index("法定代表人") < flat.index("身份证件号码") < flat.index("注册资本")
    assert flat.index("申请人声明") < flat.index("本申请人") < flat.index("法定代表人签字")
    licence, _ = _model(1)
    flat = "".join(licence.truth().split())
    assert flat.index("经营范围") < flat.index("注册资本") < flat.index("住所")
    assert flat.index("住所") < flat.index("扫描二维码") < flat.index("登记机关")


def test_every_character_is_in_both_faces() -> None:
    for i in range(len(LAYOUTS)):
        doc, _ = _model(i)
        assert not missing_glyphs(doc), doc.layout
    doc.t("𠀀")  # CJK extension B: in TW-Sung-Ext-B, not in the faces used
    assert missing_glyphs(doc) == {"𠀀"}


def test_check_characters() -> None:
    # published examples: GB 11643's, GB 11714's and a unified social credit code's
    assert id_check("11010519491231002") == "X"
    assert org_check("D2143569") == "X"
    assert org_check("M000100Y") == "4"
    assert credit_check("91350100M000100Y4") == "3"


def test_fields_pass_their_checks_and_stand_on_the_page(pages: list[ReportPage]) -> None:
    names = set()
    for page in pages:
        flat = "".join(page.truth_text.split())
        kinds = [name for name, _ in page.truth_fields]
        assert len(kinds) == len(set(kinds))
        assert {"person_name", "enterprise_name"} <= set(kinds)
        assert {"id_number", "credit_code"} & set(kinds)
        names |= checked_people(page.truth_text, page.truth_fields)
        assert all(v.endswith("公司") for n, v in page.truth_fields if n == "enterprise_name")
        # full-width punctuation, as on paper
        assert "：" in flat and ":" not in flat
    assert len(names) == len(pages)
    assert any("☑" in p.truth_text and "□" in p.truth_text for p in pages)
    assert any("一、" in p.truth_text for p in pages)


def test_captures_change_the_page_and_keep_its_size(pages: list[ReportPage]) -> None:
    for page in pages:
        data = Path(page.path).read_bytes()
        assert 100_000 < len(data) < 3_000_000, (page.capture, len(data))
        image = cv2.imread(page.path, cv2.IMREAD_COLOR)
        assert image is not None
        h, w = image.shape[:2]
        assert (w > h) == (page.layout == "business_licence"), page.layout
        long, short = max(h, w), min(h, w)
        if page.capture in ("flatbed-200", "fax-fine"):
            assert (long, short) == (2339, 1653), page.capture
        else:  # the page's own 300 ppi
            assert (long, short) == (3508, 2480), page.capture
        grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
        # still a page a clerk can read: dark strokes on a lighter ground
        assert (grey < 110).mean() > 0.005 and np.median(grey) > 150, page.capture
    # each profile changes a page in its own way
    clean = np.full((1754, 1240, 3), 255, np.uint8)
    cv2.putText(clean, "typst 2026", (100, 400), cv2.FONT_HERSHEY_SIMPLEX, 4, (0, 0, 0), 10)
    outs = {name: PROFILES[name](clean, random.Random(1)) for name in CAPTURES}
    assert len(set(outs.values())) == len(CAPTURES)
    for name, data in outs.items():
        grey = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
        assert grey.shape[0] / grey.shape[1] == pytest.approx(1754 / 1240, abs=0.002), name
        if name == "fax-fine":  # black and white, specks on the white
            assert ((grey > 60) & (grey < 190)).mean() < 0.02
            assert (grey[:, 600:] < 100).sum() > 0
        else:
            assert np.median(grey) < 250, name  # no longer a white page
