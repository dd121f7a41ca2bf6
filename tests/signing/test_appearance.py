from __future__ import annotations

import io
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import cast

import pytest
from pypdf import PdfReader

from signing import SigningFailed, seal_appearance_pdf

from .conftest import FONT


def test_seal_is_vector_with_embedded_font(tmp_pdf: Callable[..., Path]) -> None:
    pdf = seal_appearance_pdf("锡林浩特市政务服务中心", font_path=FONT, subtitle="综合受理专用章")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    width_mm = float(page.mediabox.width) / 72 * 25.4
    assert width_mm == pytest.approx(42, abs=0.1)
    assert "/XObject" not in cast(dict[str, object], page["/Resources"])  # no raster image
    text = page.extract_text()
    for char in "锡林浩特市政务服务中心":
        assert char in text
    assert "综合受理专用章" in text
    fonts = subprocess.run(
        ["pdffonts", str(tmp_pdf(pdf))], capture_output=True, text=True, check=True
    ).stdout
    assert "WenQuanYi" in fonts
    cjk = [line for line in fonts.splitlines() if "WenQuanYi" in line]
    assert all(" yes " in line for line in cjk)
    content = page.get_contents().get_data()  # type: ignore[union-attr]
    assert b"0.815686 0.007843 0.105882 RG" in content or b"RG" in content


def test_bad_font_path() -> None:
    with pytest.raises(SigningFailed):
        seal_appearance_pdf("单位", font_path="/nonexistent/font.ttc")


def test_bad_diameter() -> None:
    with pytest.raises(SigningFailed):
        seal_appearance_pdf("单位", font_path=FONT, diameter_mm=0)
