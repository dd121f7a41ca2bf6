"""PaddleOCR (paddleocr + paddlepaddle) behind `Engine`.

PaddleOCR looks for a model hub at start-up and fails offline; given local model
directories it runs through PaddleX's ONNX Runtime engine (see FACTS.md). Each directory
holds `inference.onnx` and `inference.yml`; `onewindow ocr-models build-paddle` makes
them from the models RapidOCR ships (`ocr.paddle_models`). Measured here: same accuracy
as RapidOCR with the same PP-OCR models, slower and about four times the memory, so it is
an option, not the default. The application sets PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK=True
before loading (cases.hall.make_ocr_engine), so PaddleX does not look for a model hub.

PaddleX pins numpy, PyYAML and OpenCV to versions the application does not use, so it
lives in an interpreter of its own (`make` builds `.venv-paddle`): given `python`, the
engine runs `ocr/paddle_worker.py` there as a child process and hands it the pixels;
without it, PaddleOCR is imported in this process (when it is installed here).
"""

from __future__ import annotations

import json
import logging
import subprocess
import tempfile
import threading
import weakref
from pathlib import Path
from typing import IO, Any

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
        self,
        *,
        det_dir: Path | None,
        rec_dir: Path | None,
        threads: int | None = None,
        python: Path | None = None,
    ) -> None:
        self.det_dir = check_model_dir("det", det_dir)
        self.rec_dir = check_model_dir("rec", rec_dir)
        if python is not None and not python.is_file():
            raise EngineUnavailable(
                f"the PaddleOCR interpreter {python} does not exist (make builds .venv-paddle; "
                "or set ONEWINDOW_OCR_PADDLE_PYTHON)",
                f"PaddleOCR 解释器 {python} 不存在(make 会建立 .venv-paddle;"
                "或设置 ONEWINDOW_OCR_PADDLE_PYTHON)",
            )
        self._python = python
        self._threads = threads
        self._ocr: Any = None
        self._child: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    def load(self) -> None:
        with self._lock:
            if self._python is not None:
                if self._child is None:
                    self._child = self._start_child(self._python)
                return
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

    def _start_child(self, python: Path) -> subprocess.Popen[bytes]:
        worker = Path(__file__).with_name("paddle_worker.py")
        errors: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 (closed by _stop)
        args = [
            str(python),
            str(worker),
            str(self.det_dir),
            _model_name(self.det_dir, "PP-OCRv6_small_det"),
            str(self.rec_dir),
            _model_name(self.rec_dir, "PP-OCRv6_small_rec"),
            str(self._threads or 0),
        ]
        child = subprocess.Popen(
            args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors, close_fds=True
        )
        weakref.finalize(self, _stop, child, errors)
        assert child.stdout is not None
        ready = child.stdout.readline()
        if not ready.startswith(b'{"ready"'):
            child.kill()
            errors.seek(0)
            tail = errors.read()[-400:].decode("utf-8", "replace").strip().splitlines()
            log.error("PaddleOCR worker did not start")
            raise EngineUnavailable(
                f"PaddleOCR could not be started with {python}: "
                f"{tail[-1] if tail else 'no output'}; check the 'paddle' interpreter and "
                "the model directories (onewindow ocr-models build-paddle)",
                "PaddleOCR 无法启动,请检查 PaddleOCR 解释器与模型目录"
                "(onewindow ocr-models build-paddle)",
            )
        log.info("started PaddleOCR worker %d", child.pid)
        return child

    def _child_predict(self, image: np.ndarray) -> list[Line]:
        child = self._child
        assert child is not None and child.stdin is not None and child.stdout is not None
        pixels = np.ascontiguousarray(image if image.ndim == 3 else np.dstack([image] * 3))
        h, w = pixels.shape[:2]
        child.stdin.write(json.dumps({"h": h, "w": w}).encode() + b"\n")
        child.stdin.write(pixels.astype(np.uint8).tobytes())
        child.stdin.flush()
        answer = child.stdout.readline()
        if not answer:
            self._child = None
            raise RuntimeError("the PaddleOCR worker exited")
        data = json.loads(answer)
        if "error" in data:
            raise RuntimeError(data["error"])
        rows = data["lines"]
        return lines_from_polygons([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows])

    def close(self) -> None:
        """Stop the worker process, if any."""
        with self._lock:
            if self._child is not None:
                _stop(self._child, None)
                self._child = None

    def recognise(self, image: np.ndarray) -> list[Line]:
        self.load()
        if self._python is not None:
            try:
                with self._lock:
                    return self._child_predict(image)
            except Exception as e:
                raise EngineFailed(
                    f"PaddleOCR failed on the page ({type(e).__name__}); try again or rescan",
                    "PaddleOCR 处理该页时出错,请重试或重新扫描",
                ) from e
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


def _stop(child: subprocess.Popen[bytes], errors: IO[bytes] | None) -> None:
    if child.poll() is None:
        if child.stdin is not None:
            child.stdin.close()  # the worker's loop ends at end of input
        try:
            child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
    if child.stdout is not None:
        child.stdout.close()
    if errors is not None:
        errors.close()
