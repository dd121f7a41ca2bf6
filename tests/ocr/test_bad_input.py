"""Bad input gives a clear error and bounded work, never a crashed reader."""

from __future__ import annotations

import io
import json
import pickle

import cv2
import numpy as np
import pytest
from PIL import Image
from reportlab.pdfgen import canvas

from api.cli import main as cli
from ocr import ImageTooLarge, OcrError, UnreadableImage, read_page
from ocr.errors import EngineFailed
from ocr.testing import FixedTextEngine


def _jpeg() -> bytes:
    page = np.full((1200, 900, 3), 255, np.uint8)
    cv2.putText(page, "TEXT", (80, 200), 0, 2, (0, 0, 0), 4)
    return cv2.imencode(".jpg", page)[1].tobytes()


def _huge_png() -> bytes:
    """20000x20000 pixels declared, a few kilobytes on disk (a decompression bomb)."""
    buf = io.BytesIO()
    Image.new("1", (20000, 20000), 1).save(buf, "PNG")
    return buf.getvalue()


def _pdf(pages: int) -> bytes:
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf)
    for i in range(pages):
        pdf.drawString(72, 720, f"page {i}")
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


BAD = {
    "empty": (b"", UnreadableImage),
    "truncated_jpeg": (_jpeg()[:2000], UnreadableImage),
    "huge_image": (_huge_png(), ImageTooLarge),
    "pdf_500_pages": (_pdf(500), UnreadableImage),
    "not_an_image": ("这不是图像 / not an image\n".encode() * 50, UnreadableImage),
}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_input_is_refused_before_the_engine(name: str) -> None:
    data, error = BAD[name]
    engine = FixedTextEngine(["x"])
    with pytest.raises(error) as info:
        read_page(data, engine)
    assert info.value.code.startswith("ocr.") and info.value.zh and info.value.en
    assert engine.calls == 0


def test_cli_reports_each_bad_file_and_reads_the_good_one(
    tmp_path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import cases.hall

    monkeypatch.setattr(cases.hall, "make_ocr_engine", lambda s: FixedTextEngine(["营业执照"]))
    files = []
    for name, (data, _) in BAD.items():
        path = tmp_path / f"{name}.bin"
        path.write_bytes(data)
        files.append(str(path))
    good = tmp_path / "good.jpg"
    good.write_bytes(_jpeg())
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path))
    code = cli(["ocr", *files, str(good), "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 1
    errors = [p["error"]["code"] for p in out["pages"] if "error" in p]
    assert len(errors) == len(BAD) and all(c.startswith("ocr.") for c in errors)
    assert out["pages"][-1]["text"] == "营业执照"


def test_errors_share_one_root() -> None:
    assert issubclass(UnreadableImage, OcrError) and issubclass(ImageTooLarge, OcrError)


def test_an_ocr_error_crosses_a_process_boundary_whole() -> None:
    """A page that fails in a worker process (the bench's pool, a process pool) reaches the
    caller as the same error with both messages, not as a pool broken by an error that
    cannot be rebuilt from its pickle."""
    error = pickle.loads(pickle.dumps(EngineFailed("RapidOCR failed", "文字识别引擎出错")))
    assert type(error) is EngineFailed
    assert (error.en, error.zh) == ("RapidOCR failed", "文字识别引擎出错")
    assert str(error) == "文字识别引擎出错 / RapidOCR failed"
