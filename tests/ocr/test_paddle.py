"""The PaddleOCR engine refuses to start without its model directories, naming them."""

from __future__ import annotations

from pathlib import Path

import pytest

from cases.config import Settings
from cases.hall import make_ocr_engine
from ocr import EngineUnavailable
from ocr.paddle import PaddleOcrEngine


def test_unconfigured_directory_names_the_setting() -> None:
    with pytest.raises(EngineUnavailable) as info:
        PaddleOcrEngine(det_dir=None, rec_dir=None)
    assert "ONEWINDOW_OCR_PADDLE_DET_DIR" in info.value.en
    assert info.value.code == "ocr.engine_unavailable"


def test_missing_directory_is_named(tmp_path: Path) -> None:
    det = tmp_path / "det"
    det.mkdir()
    for name in ("inference.onnx", "inference.yml"):
        (det / name).write_text("x")
    missing = tmp_path / "no-such-rec"
    with pytest.raises(EngineUnavailable) as info:
        PaddleOcrEngine(det_dir=det, rec_dir=missing)
    assert str(missing) in info.value.en and str(missing) in info.value.zh


def test_directory_without_model_files_is_named(tmp_path: Path) -> None:
    with pytest.raises(EngineUnavailable) as info:
        PaddleOcrEngine(det_dir=tmp_path, rec_dir=tmp_path)
    assert str(tmp_path) in info.value.en and "inference.onnx" in info.value.en


def test_settings_select_paddle(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, ocr_engine="paddle", ocr_paddle_det_dir=tmp_path / "det")
    with pytest.raises(EngineUnavailable) as info:
        make_ocr_engine(settings)
    assert str(tmp_path / "det") in info.value.en
