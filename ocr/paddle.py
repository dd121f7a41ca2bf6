"""PaddleOCR (paddleocr + paddlepaddle, the optional extra `paddle`) behind `Engine`.

PaddleOCR looks for a model hub at start-up and fails offline; given local model
directories it runs through PaddleX's ONNX Runtime engine (see FACTS.md). Each directory
holds `inference.onnx` and `inference.yml`. Measured here: same accuracy as RapidOCR with
the same PP-OCR models, slower and about four times the memory, so it is an option, not
the default. The application sets PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK=True before
loading (cases.hall.make_ocr_engine), so PaddleX does not look for a model hub.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

import numpy as np

from ocr.engine import Engine, Line, lines_from_polygons
from ocr.errors import EngineFailed, EngineUnavailable

log = logging.getLogger(__name__)

MODEL_FILES = ("inference.onnx", "inference.yml")


def check_model_dir(kind: str, path: Path | None) -> Path:
    """The directory, or EngineUnavailable naming what is missing."""
    if path is None:
        raise EngineUnavailable(
            f"the PaddleOCR {kind} model directory is not configured "
            f"(set ONEWINDOW_OCR_PADDLE_{kind.upper()}_DIR)",
            f"未配置 PaddleOCR {kind} 模型目录(请设置 ONEWINDOW_OCR_PADDLE_{kind.upper()}_DIR)",
        )
    if not path.is_dir():
        raise EngineUnavailable(
            f"the PaddleOCR {kind} model directory {path} does not exist",
            f"PaddleOCR {kind} 模型目录 {path} 不存在",
        )
    missing = [name for name in MODEL_FILES if not (path / name).is_file()]
    if missing:
        raise EngineUnavailable(
            f"the PaddleOCR {kind} model directory {path} lacks {', '.join(missing)}",
            f"PaddleOCR {kind} 模型目录 {path} 缺少 {'、'.join(missing)}",
        )
    return path


def _model_name(path: Path, default: str) -> str:
    import yaml

    try:
        data = yaml.safe_load((path / "inference.yml").read_text(encoding="utf-8"))
        return str(data["Global"]["model_name"])
    except Exception:
        return default


class PaddleOcrEngine(Engine):
    """Checks the model directories at construction; loads PaddleOCR on first use."""

    name = "paddleocr-onnxruntime"

    def __init__(
        self, *, det_dir: Path | None, rec_dir: Path | None, threads: int | None = None
    ) -> None:
        self.det_dir = check_model_dir("det", det_dir)
        self.rec_dir = check_model_dir("rec", rec_dir)
        self._threads = threads
        self._ocr: Any = None
        self._lock = threading.Lock()

    def load(self) -> None:
        with self._lock:
            if self._ocr is not None:
                return
            try:
                from paddleocr import PaddleOCR

                self._ocr = PaddleOCR(
                    text_detection_model_name=_model_name(self.det_dir, "PP-OCRv5_mobile_det"),
                    text_detection_model_dir=str(self.det_dir),
                    text_recognition_model_name=_model_name(self.rec_dir, "PP-OCRv5_mobile_rec"),
                    text_recognition_model_dir=str(self.rec_dir),
                    engine="onnxruntime",
                    use_doc_orientation_classify=False,
                    use_doc_unwarping=False,
                    use_textline_orientation=False,
                    device="cpu",
                    **({"cpu_threads": self._threads} if self._threads else {}),
                )
            except Exception as e:
                log.error("could not load PaddleOCR: %s", type(e).__name__)
                raise EngineUnavailable(
                    f"PaddleOCR could not be loaded ({type(e).__name__}: {e}); install the "
                    "'paddle' extra and check the model directories",
                    "PaddleOCR 无法加载,请安装 paddle 可选依赖并检查模型目录",
                ) from e

    def recognise(self, image: np.ndarray) -> list[Line]:
        self.load()
        try:
            with self._lock:
                results = self._ocr.predict(image)
        except Exception as e:
            raise EngineFailed(
                f"PaddleOCR failed on the page ({type(e).__name__}); try again or rescan",
                "PaddleOCR 处理该页时出错,请重试或重新扫描",
            ) from e
        lines: list[Line] = []
        for result in results or ():
            polys = result.get("rec_polys", result.get("dt_polys", []))
            lines += lines_from_polygons(
                polys, result.get("rec_texts", []), result.get("rec_scores", [])
            )
        return lines
