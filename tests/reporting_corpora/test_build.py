"""The reporting corpora are deterministic from their seed, cover every layout and capture
profile, and carry ground truth whose numbers pass their check characters."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from ocr import valid_credit_code, valid_id_number
from reporting_corpora import CAPTURES, build
from reporting_corpora.pdf_pages import LAYOUTS as PDF_LAYOUTS


def _check(pages: list, n: int) -> None:  # type: ignore[type-arg]
    assert len(pages) == n
    for page in pages:
        image = cv2.imread(page.path, cv2.IMREAD_COLOR)
        assert image is not None and image.shape[0] > 2000
        assert len(page.truth_text) > 100
        # full-width punctuation in Chinese text, as on paper
        assert "：" in page.truth_text and ":" not in page.truth_text.replace("http:", "")
        for name, value in page.truth_fields:
            if name == "id_number":
                assert valid_id_number(value), value
            elif name == "credit_code":
                assert valid_credit_code(value), value
            assert value in "".join(page.truth_text.split())


def test_forms_pdf_covers_layouts_and_captures_and_repeats(tmp_path: Path) -> None:
    # layouts cycle fastest and captures shift once per round of layouts, so the first
    # max(layouts, captures) pages already meet every one of both (4 pages, 2.5 s each)
    n = max(len(PDF_LAYOUTS), len(CAPTURES))
    pages = build("forms-pdf", n, 7, tmp_path / "a")
    _check(pages, n)
    assert {p.layout for p in pages} == set(PDF_LAYOUTS)
    assert {p.capture for p in pages} == set(CAPTURES)
    again = build("forms-pdf", 2, 7, tmp_path / "b")
    for first, second in zip(pages[:2], again, strict=True):
        assert first.truth_text == second.truth_text
        assert Path(first.path).read_bytes() == Path(second.path).read_bytes()
    other = build("forms-pdf", 1, 8, tmp_path / "c")
    assert other[0].truth_text != pages[0].truth_text


def test_web_html_license_has_seal_and_qr_block(tmp_path: Path) -> None:
    pages = build("web-html", 1, 7, tmp_path)
    _check(pages, 1)
    page = pages[0]
    assert page.layout == "business_license" and page.capture == "clean_scan"
    assert "扫描二维码登录" in page.truth_text
    image = cv2.imread(page.path, cv2.IMREAD_COLOR)
    b, g, r = (image[..., k].astype(np.int16) for k in range(3))
    assert int(((r - g > 80) & (r - b > 80)).sum()) > 2000  # the red seal
