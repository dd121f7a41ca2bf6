"""RapidOCR (PP-OCRv6 small, ONNX Runtime) behind the `Engine` contract.

Measured on this hardware (see FACTS.md): the 180° line classifier drops lines under
seals, so it is off; the detector's long side is capped at 1280 px, which roughly halves
the time for a small accuracy cost; bench/ocr chose 960 px (as accurate as 1280 on the
corpus, and faster).
"""

from __future__ import annotations

import logging
import threading
from typing import Any

import numpy as np

from ocr.engine import Line
from ocr.errors import EngineFailed, EngineUnavailable

log = logging.getLogger(__name__)


class RapidOcrEngine:
    """Loads the model lazily, once, on first use (thread-safe)."""

    name = "rapidocr-ppocrv6-small"

    def __init__(
        self, *, det_limit_side_len: int = 960, use_cls: bool = False, threads: int | None = None
    ) -> None:
        self._params: dict[str, Any] = {
            "Global.use_cls": use_cls,
            "Global.log_level": "error",
            "Det.limit_type": "max",
            "Det.limit_side_len": det_limit_side_len,
            # RapidOCR turns ONNX Runtime's memory arena off; on, pages are read ~20%
            # faster (no allocation per recogniser batch) for a bounded amount of memory
            "EngineConfig.onnxruntime.enable_cpu_mem_arena": True,
        }
        if threads is not None:
            self._params["EngineConfig.onnxruntime.intra_op_num_threads"] = threads
            self._params["EngineConfig.onnxruntime.inter_op_num_threads"] = 1
        self._use_cls = use_cls
        self._ocr: Any = None
        self._load_lock = threading.Lock()
        self._run_lock = threading.Lock()

    @classmethod
    def with_params(cls, params: dict[str, Any], name: str) -> RapidOcrEngine:
        """An engine with raw RapidOCR parameters (for benchmarks against its defaults)."""
        engine = cls()
        engine._params = {"Global.log_level": "error", **params}
        engine.name = name
        return engine

    def load(self) -> None:
        """Load the models now (otherwise the first page pays for it)."""
        if self._ocr is not None:
            return
        with self._load_lock:
            if self._ocr is not None:
                return
            try:
                from rapidocr import RapidOCR

                ocr = RapidOCR(params=dict(self._params))
                logging.getLogger("RapidOCR").setLevel(logging.ERROR)
                # the detector and recogniser load lazily too; load them now, under our lock
                ocr._load_det_model()
                ocr._load_rec_model()
                if ocr.use_cls:
                    ocr._load_cls_model()
            except Exception as e:
                log.error("could not load RapidOCR: %s", type(e).__name__)
                raise EngineUnavailable(
                    f"the OCR engine could not be loaded ({type(e).__name__}: {e}); "
                    "tell the administrator (reinstall rapidocr and onnxruntime)",
                    "文字识别引擎无法加载,请联系管理员(重新安装 rapidocr 与 onnxruntime)",
                ) from e
            self._ocr = ocr
            log.info("loaded %s", self.name)

    def recognise(self, image: np.ndarray) -> list[Line]:
        self.load()
        try:
            with self._run_lock:
                result = self._ocr(image)
        except Exception as e:
            raise EngineFailed(
                f"RapidOCR failed on the page ({type(e).__name__}); try again or rescan",
                "文字识别引擎处理该页时出错,请重试或重新扫描",
            ) from e
        boxes = getattr(result, "boxes", None)
        txts = getattr(result, "txts", None)
        scores = getattr(result, "scores", None)
        if boxes is None or txts is None or scores is None:
            return []
        lines: list[Line] = []
        for box, text, score in zip(boxes, txts, scores, strict=False):
            pts = [(float(p[0]), float(p[1])) for p in np.asarray(box).reshape(-1, 2)[:4]]
            if len(pts) != 4 or not str(text).strip():
                continue
            lines.append(
                Line(text=str(text), box=(pts[0], pts[1], pts[2], pts[3]), confidence=float(score))
            )
        return lines
