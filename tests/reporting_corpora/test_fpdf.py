"""The `fpdf` reporting corpus: deterministic from its seed, every layout and capture
profile, truth equal to the text of the PDF fpdf2 made (seal words left out), every
character in the face it is set in, numbers passing their check characters, captures that
change the page and keep a realistic size, the build's work bounded by its pages."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import cv2
import numpy as np
import pytest

from bench.ocr.corpus import TUNED_ON
from reporting_corpora import fpdf_pages
from reporting_corpora.fpdf_captures import CAPTURES, PROFILES
from reporting_corpora.fpdf_data import credit_check, id_check, org_check, upper_amount
from reporting_corpora.fpdf_doc import Doc, check_truth, missing_glyphs, render
from reporting_corpora.fpdf_layouts import LAYOUTS
from reporting_corpora.fpdf_pages import FpdfPage, build, model, page_plan, page_rng
from tests.reporting_corpora.truth_fields import checked_people

SEED = 7
N = 4  # one page of each capture, the first four layouts; the other four rendered below


Built = tuple[list[FpdfPage], Counter[str], list[tuple[np.ndarray, str, bytes]]]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    # the build checks each page's truth against its PDF's text as it goes; count the work
    # it does, which must follow the number of pages, not the clock (and keep what PDFium
    # and pypdf made of each page)
    calls: Counter[str] = Counter()
    renders: list[tuple[np.ndarray, str, bytes]] = []
    real_render, real_use = fpdf_pages.render, Doc._use

    def counting_render(doc: Doc, ppi: int = 300) -> tuple[np.ndarray, str, bytes]:
        calls["render"] += 1
        renders.append(real_render(doc, ppi))
        return renders[-1]

    def counting_use(self: Doc, family: str) -> None:
        if family not in self._added:
            calls["font"] += 1
        real_use(self, family)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(fpdf_pages, "render", counting_render)
        mp.setattr(Doc, "_use", counting_use)
        pages = build(N, SEED, tmp_path_factory.mktemp("fpdf"))
    return pages, calls, renders


@pytest.fixture(scope="module")
def pages(built: Built) -> list[FpdfPage]:
    return built[0]


def test_wired_into_the_bench_and_tuned_on_since_its_pages_were_read() -> None:
    from bench.ocr.__main__ import DEFAULT_CORPORA

    assert "fpdf:12" in DEFAULT_CORPORA.split(",")
    assert "fpdf" in TUNED_ON


def test_covers_layouts_and_captures(pages: list[FpdfPage]) -> None:
    assert 6 <= len(LAYOUTS) <= 8 and len(CAPTURES) == 4
    assert [p.layout for p in pages] == list(LAYOUTS)[:N]
    assert {p.capture for p in pages} == set(CAPTURES)
    assert len({p.truth_text for p in pages}) == len(pages)
    # over two rounds every layout meets a second capture
    plan = page_plan(2 * len(LAYOUTS))
    for layout in LAYOUTS:
        assert len({c for lay, c in plan if lay == layout}) == 2


def test_work_is_bounded_by_pages(built: Built) -> None:
    _, calls, _ = built
    assert calls["render"] == N
    assert calls["font"] <= 9 * N  # each face loaded once a page at most


def test_every_layout_truth_is_the_pdfs_text_in_its_faces() -> None:
    # the four layouts the fixture did not build, through the same checks
    families = set()
    for i, layout in enumerate(list(LAYOUTS)[N:], start=N):
        doc, fields = model(layout, page_rng(SEED, i))
        assert not missing_glyphs(doc)
        families |= {family for family, _ in doc.runs}
        _, text, _ = render(doc, ppi=50)
        check_truth(doc, text)
        flat = "".join(doc.truth().split())
        assert all(value in flat for _, value in fields), layout
    # cwTeX where a run is wholly in it, Noto CJK SC otherwise
    assert {"cwfs", "cwkai"} <= families and "serif-medium" in families
    with pytest.raises(ValueError, match="no face"):
        Doc("x").face("𠀀", "fang")  # CJK extension B: in none of the faces


def test_same_seed_same_page_and_seal_is_ink(built: Built) -> None:
    pages, _, renders = built
    layout, capture = page_plan(N)[1]
    rng = page_rng(SEED, 1)
    doc, _ = model(layout, rng)
    assert doc.truth() == pages[1].truth_text
    image, text, pdf = renders[1]
    assert doc.pdf_bytes() == pdf  # the same PDF, byte for byte
    assert PROFILES[capture](image, rng) == Path(pages[1].path).read_bytes()
    # the licence's seal: its words in the PDF, not in the truth
    ring = doc.ink[0]
    assert ring in "".join(text.split())
    assert Counter("".join(doc.truth().split())) != Counter("".join(text.split()))
    assert image.shape[:2] == (2481, 3508)  # A4 landscape at 300 ppi
    r, g, b = (image[..., k].astype(np.int16) for k in range(3))
    assert int(((r - g > 80) & (r - b > 80)).sum()) > 5000  # red seal and title
    with pytest.raises(ValueError, match="truth and document differ"):
        check_truth(doc, text + "章")
    other, _ = model(layout, page_rng(SEED + 1, 1))
    assert other.truth() != pages[1].truth_text


def test_reading_order(pages: list[FpdfPage]) -> None:
    form = "".join(pages[0].truth_text.split())
    assert form.index("名称") < form.index("经营者姓名") < form.index("性别")
    assert form.index("身份证件号码") < form.index("联系电话") < form.index("经营范围")
    assert form.index("经营范围") < form.index("许可经营项目") < form.index("一般经营项目")
    licence = "".join(pages[1].truth_text.split())
    # the left column, then the right one; the QR caption under the QR block
    assert licence.index("经营者名称") < licence.index("经营项目") < licence.index("许可证编号")
    assert licence.index("有效期至") < licence.index("扫描二维码") < licence.index("发证机关")


def test_check_characters() -> None:
    # published examples: GB 11643's, GB 11714's and a unified social credit code's
    assert id_check("11010519491231002") == "X"
    assert org_check("D2143569") == "X"
    assert credit_check("91350100M000100Y4") == "3"
    assert upper_amount(3500) == "叁仟伍佰元整"
    assert upper_amount(12000) == "壹万贰仟元整"
    assert upper_amount(15600) == "壹万伍仟陆佰元整"


def test_fields_pass_their_checks_and_stand_on_the_page(pages: list[FpdfPage]) -> None:
    for page in pages:
        flat = "".join(page.truth_text.split())
        kinds = [name for name, _ in page.truth_fields]
        assert len(kinds) == len(set(kinds))
        assert {"person_name", "enterprise_name"} <= set(kinds)
        assert {"id_number", "credit_code"} & set(kinds)
        checked_people(page.truth_text, page.truth_fields)
        assert "：" in flat and ":" not in flat  # full-width, as on paper
    assert any("☑" in p.truth_text and "□" in p.truth_text for p in pages)
    assert any("一、" in p.truth_text for p in pages)


def test_captures_change_the_page_and_keep_a_realistic_size(pages: list[FpdfPage]) -> None:
    for page in pages:
        data = Path(page.path).read_bytes()
        assert 80_000 < len(data) < 3_000_000, (page.capture, len(data))
        image = cv2.imread(page.path, cv2.IMREAD_COLOR)
        assert image is not None
        h, w = image.shape[:2]
        assert (w > h) == (page.layout == "food_licence"), page.layout
        long = max(h, w)
        dpi = {"mfp-gray-150": 150, "folded-crease": 200, "thermal-fax": 200}
        assert long == pytest.approx(297 / 25.4 * dpi.get(page.capture, 300), abs=3)
        grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
        assert (grey < 130).mean() > 0.004 and np.median(grey) > 140, page.capture
    clean = np.full((1754, 1240, 3), 255, np.uint8)
    cv2.putText(clean, "fpdf 2026", (100, 400), cv2.FONT_HERSHEY_SIMPLEX, 4, (0, 0, 0), 10)
    outs = {name: PROFILES[name](clean, random.Random(1)) for name in CAPTURES}
    assert len(set(outs.values())) == len(CAPTURES)
    for name, data in outs.items():
        grey = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
        assert grey.shape[0] / grey.shape[1] == pytest.approx(1754 / 1240, abs=0.003), name
        assert np.median(grey) < 250, name  # no longer a white page
    fax = cv2.imdecode(np.frombuffer(outs["thermal-fax"], np.uint8), cv2.IMREAD_GRAYSCALE)
    assert fax.max() - fax.min() < 200  # low contrast
    assert outs["mfp-gray-150"] != PROFILES["mfp-gray-150"](clean, random.Random(2))
