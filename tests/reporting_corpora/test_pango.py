"""The `pango` reporting corpus: deterministic from its seed, every layout and capture
profile, truth equal to the text of the PDF drawn by the same operations (seal words left
out), every character in the face that draws it, numbers passing their check characters,
captures that change the page and keep its proportions."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import cv2
import numpy as np
import pytest

from reporting_corpora import CORPORA, CORPUS_CAPTURES, ReportPage, build
from reporting_corpora.pango_captures import CAPTURES, PROFILES
from reporting_corpora.pango_data import credit_check, id_check, org_check
from reporting_corpora.pango_draw import Page
from reporting_corpora.pango_pages import LAYOUTS, check_truth, missing_glyphs, model, render
from tests.reporting_corpora.truth_fields import checked_people

SEED = 5


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[ReportPage]:
    # one page of each layout, the captures cycling under them; the build checks each
    # page's truth against its PDF's text as it goes
    return build("pango", len(LAYOUTS), SEED, tmp_path_factory.mktemp("pango"))


def _model(i: int) -> tuple[Page, random.Random]:
    rng = random.Random(f"pango:{SEED}:{i}")
    return model(list(LAYOUTS)[i], rng), rng


def test_covers_every_layout_and_capture(pages: list[ReportPage]) -> None:
    from bench.ocr.corpus import PANGO, TUNED_ON

    assert "pango" in CORPORA and CORPUS_CAPTURES["pango"] == CAPTURES
    assert PANGO == "pango" and PANGO in TUNED_ON  # read since 4 December 2026 22:05
    assert [p.layout for p in pages] == list(LAYOUTS)
    assert {p.capture for p in pages} == set(CAPTURES)
    assert len({p.truth_text for p in pages}) == len(pages)


def test_truth_is_the_pdfs_text_and_pages_repeat(pages: list[ReportPage]) -> None:
    # the same seed gives the same page, byte for byte, through Pango and the capture
    page, rng = _model(1)
    assert page.layout == "business_licence"
    assert page.truth() == pages[1].truth_text
    image, text = render(page)
    check_truth(page, text)
    # the seal's ring is ink: in the PDF, not in the truth
    ring = page.ink_parts[0]
    assert ring.endswith("市场监督管理局")
    assert Counter("".join(text.split())) - Counter("".join(page.truth().split())) == Counter(ring)
    assert image.shape[:2] == (2480, 3508)  # the licence: A4 landscape at 300 ppi
    assert PROFILES[pages[1].capture](image, rng) == Path(pages[1].path).read_bytes()
    b, g, r = (image[..., k].astype(np.int16) for k in range(3))
    assert int(((r - g > 80) & (r - b > 80)).sum()) > 5000  # the red seal
    with pytest.raises(ValueError, match="truth and document differ"):
        check_truth(page, text + "章")
    other = model("business_licence", random.Random(f"pango:{SEED + 1}:1"))
    assert other.truth() != pages[1].truth_text


def test_reading_order() -> None:
    # the licence: code, title, QR caption, then the left column before the right; tables
    # row by row with each label before its value
    licence, _ = _model(1)
    flat = "".join(licence.truth().split())
    assert flat.index("统一社会信用代码") < flat.index("营业执照") < flat.index("扫描二维码")
    assert flat.index("扫描二维码") < flat.index("名称") < flat.index("经营范围")
    assert flat.index("经营范围") < flat.index("注册资本") < flat.index("住所")
    assert flat.index("住所") < flat.index("登记机关")
    form, _ = _model(2)
    flat = "".join(form.truth().split())
    assert flat.index("法定代表人信息") < flat.index("姓名") < flat.index("固定电话")
    assert flat.index("固定电话") < flat.index("移动电话") < flat.index("二、董事、监事、经理信息")
    assert flat.index("身份证件号码产生方式") < flat.index("执行董事")
    notice, _ = _model(6)
    flat = "".join(notice.truth().split())
    assert (
        flat.index("通知书") < flat.index("沿此线剪开") < flat.index("回执") < flat.index("签收人")
    )


def test_every_character_is_in_its_face() -> None:
    for i in range(len(LAYOUTS)):
        page, _ = _model(i)
        assert not missing_glyphs(page), page.layout
    page.ops.append(("text", 0, 0, "☑", "mono", 10, None, "left", False, (0, 0, 0), 0, 0, 0))
    assert missing_glyphs(page) == {"☑"}
    with pytest.raises(ValueError, match="lacks"):  # Pango's fallback is off
        page.text(0, 0, "☑")


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
        # (a half-width colon only in a web address and in times of day)
        assert "：" in flat
        assert ":" not in re.sub(r"https://|\d:\d", "", flat)
    assert len(names) == len(pages)
    assert any("□" in p.truth_text for p in pages)


def test_captures_change_the_page_and_keep_its_size(pages: list[ReportPage]) -> None:
    sizes = {
        "sheetfed-bw-300": (3508, 2480),
        "phone-flash": (3508, 2480),
        "low-res-120": (1403, 992),
        "toner-streak": (2339, 1653),
    }
    for page in pages:
        data = Path(page.path).read_bytes()
        assert 50_000 < len(data) < 3_000_000, (page.capture, len(data))
        image = cv2.imread(page.path, cv2.IMREAD_COLOR)
        assert image is not None
        h, w = image.shape[:2]
        assert (w > h) == (page.layout == "business_licence"), page.layout
        assert (max(h, w), min(h, w)) == sizes[page.capture]
        grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
        # still a page a clerk can read: dark strokes on a lighter ground
        assert (grey < 110).mean() > 0.004 and np.median(grey) > 140, page.capture
    clean = np.full((1754, 1240, 3), 255, np.uint8)
    cv2.putText(clean, "pango 2026", (100, 400), cv2.FONT_HERSHEY_SIMPLEX, 4, (0, 0, 0), 10)
    outs = {name: PROFILES[name](clean, random.Random(1)) for name in CAPTURES}
    assert len(set(outs.values())) == len(CAPTURES)
    for name, data in outs.items():
        out = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
        assert out is not None
        assert out.shape[0] / out.shape[1] == pytest.approx(1754 / 1240, abs=0.003), name
        assert not np.array_equal(out, cv2.resize(clean[..., 0], out.shape[::-1])), name
        if name == "sheetfed-bw-300":  # black and white, dust on the white
            assert ((out > 60) & (out < 190)).mean() < 0.03
            assert (out[1200:, :] < 100).sum() > 0
        else:
            assert np.median(out) < 250, name  # no longer a white page
