"""The searchable PDF: page image plus an invisible text layer that pdftotext finds."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np

from ocr.engine import Line, rect_box
from ocr.pdf import layer_text, searchable_pdf


def test_layer_text_has_no_spaces_between_chinese() -> None:
    assert layer_text("公民 身份 号码 152502") == "公民身份号码 152502"
    assert layer_text(" 营业执照 ") == "营业执照"


def test_pdf_text_is_searchable(tmp_path: Path) -> None:
    image = np.full((2339, 1654, 3), 255, np.uint8)
    lines = [
        Line("公民 身份号码", rect_box(150, 400, 450, 440), 0.99),
        Line("152502198408227243", rect_box(480, 400, 1000, 440), 0.98),
        Line("营业执照", rect_box(600, 200, 1000, 300), 0.97),
    ]
    pdf = searchable_pdf([(image, lines), (image, [])])
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "公民身份号码" in text and "152502198408227243" in text and "营业执照" in text
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True)
    assert "Pages:           2" in info.stdout
    assert "595" in info.stdout  # A4 width in points at 200 dpi
