"""One configuration over the corpus, run in a fresh process so peak memory is its own."""

from __future__ import annotations

import os
import resource
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.ocr.corpus import CorpusPage, item_hints
from bench.ocr.metrics import (
    NUMBER_FIELDS,
    cer_counts,
    classified,
    fields_found,
    order_free_errors,
    unscored_boxes,
)
from ocr import Engine

WORKERS = os.cpu_count() or 2


@dataclass
class PageResult:
    seconds: float
    errors: int
    order_free: int
    length: int
    fields: list[tuple[str, bool]]  # (field name, read exactly) per field on the page
    classified: bool | None  # None: a reporting page (no checklist to classify against)
    capture: str
    corpus: str
    unscored_boxes: int = 0  # check boxes read on a page whose truth has none

    @property
    def numbers(self) -> list[bool]:
        return [ok for name, ok in self.fields if name in NUMBER_FIELDS]


@dataclass
class ConfigResult:
    name: str
    pages: list[PageResult] = field(default_factory=list)
    wall: float = 0.0
    peak_rss_mb: float = 0.0
    workers: int = 1
    latency_after_last: float | None = None


def _score(page: CorpusPage, text: str, seconds: float, reading: Any) -> PageResult:
    errors, length = cer_counts(page.truth_text, text)
    is_class = None
    if page.item_file is not None:
        is_class = classified(text, item_hints()[page.item_file][1], page.code)
    return PageResult(
        seconds=seconds,
        errors=errors,
        order_free=order_free_errors(page.truth_text, text),
        length=length,
        fields=fields_found(text, reading, page.truth_fields),
        classified=is_class,
        capture=page.capture,
        corpus=page.corpus,
        unscored_boxes=unscored_boxes(page.truth_text, text),
    )


def _rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak RSS in MB. Our own from VmHWM: getrusage's ru_maxrss survives fork and exec,
    so a spawned worker would report the parent's peak (the corpus generation) as its own."""
    if who == resource.RUSAGE_SELF:
        return _peak_of(os.getpid())
    return resource.getrusage(who).ru_maxrss / 1024.0


# Each configuration lives in its own process (state below is per process), loads its
# model once, and is handed the corpus in chunks alternating with the other
# configurations, so load from other work on the machine hits all of them alike.
_STATE: dict[str, Any] = {}


class _ReadTwice(Engine):
    """The pipeline as it was before the orientation vote: an engine with the contract's
    default `recognise_upright` (no vote), so an unsure page is read again upside down;
    rec batches of 6."""

    def __init__(self, engine: Any) -> None:
        self.engine = engine
        self.name = engine.name

    def load(self) -> None:
        self.engine.load()

    def recognise(self, image: Any) -> Any:
        return self.engine.recognise(image)


def variant(name: str) -> dict[str, Any]:
    """Engine arguments of a pipeline variant named like `pipeline-det960-recw320-unclip16`
    (detector long side, minimum padded width of a line for the recogniser, the box
    growth ratio in tenths); `pipeline` alone is the engine's defaults."""
    kwargs: dict[str, Any] = {}
    if "BENCH_OCR_DET" in os.environ:
        kwargs["det_limit_side_len"] = int(os.environ["BENCH_OCR_DET"])
    for part in name.split("-")[1:]:
        if part.startswith("det") and part[3:].isdigit():
            kwargs["det_limit_side_len"] = int(part[3:])
        elif part.startswith("recw") and part[4:].isdigit():
            kwargs["rec_min_width"] = int(part[4:])
        elif part.startswith("unclip") and part[6:].isdigit():
            kwargs["unclip_ratio"] = int(part[6:]) / 10.0
        else:
            raise ValueError(f"unknown pipeline variant {name!r}")
    return kwargs


def setup(name: str, warmup: CorpusPage) -> None:
    if name.startswith("pipeline"):
        from ocr import RapidOcrEngine, read_page
        from ocr.pool import EnginePool

        if name != "pipeline-read-twice":
            kwargs = variant(name)
            engine = EnginePool(lambda: RapidOcrEngine(threads=1, **kwargs), WORKERS)
        else:
            engine = EnginePool(
                lambda: _ReadTwice(
                    RapidOcrEngine(
                        threads=1,
                        det_limit_side_len=960,
                        rec_batch=6,
                        rec_min_width=320,
                        unclip_ratio=1.6,
                    )
                ),
                WORKERS,
            )
        engine.load()
        read_page(Path(warmup.path).read_bytes(), engine)
        _STATE["engine"] = engine
    elif name == "paddle":
        import tempfile

        from ocr import read_page
        from ocr.paddle import PaddleOcrEngine
        from ocr.paddle_models import build_paddle_models

        os.environ["PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK"] = "True"  # offline
        models = Path(tempfile.mkdtemp(prefix="bench-paddle-"))
        det, rec = build_paddle_models(models)
        python = Path(__file__).resolve().parents[2] / ".venv-paddle" / "bin" / "python"
        engine = PaddleOcrEngine(det_dir=det, rec_dir=rec, threads=WORKERS, python=python)
        engine.load()
        read_page(Path(warmup.path).read_bytes(), engine)
        _STATE["engine"], _STATE["models"] = engine, models
    elif name == "rapidocr-defaults":
        import cv2
        from rapidocr import RapidOCR

        ocr = RapidOCR(params={"Global.log_level": "error"})
        ocr(cv2.imread(warmup.path))
        _STATE["ocr"] = ocr


# A page's raw output: (text, seconds, the pipeline's reading or None). Pages are timed
# alone and scored after the chunk's wall clock has stopped: scoring (a pure-Python edit
# distance) holds the GIL and is not part of reading a page.
Raw = tuple[str, float, Any]


def _pipeline_page(page: CorpusPage) -> Raw:
    from ocr import read_page

    started = time.perf_counter()
    reading = read_page(Path(page.path).read_bytes(), _STATE["engine"])
    return reading.text, time.perf_counter() - started, reading


def _rapid_page(page: CorpusPage) -> Raw:
    import cv2

    started = time.perf_counter()
    out = _STATE["ocr"](cv2.imread(page.path))
    return "\n".join(out.txts or ()), time.perf_counter() - started, None


def _tesseract_page(page: CorpusPage) -> Raw:
    """`tesseract -l chi_sim`, one process per page with one OpenMP thread, as many at
    once as cores (how OCRmyPDF runs it)."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    started = time.perf_counter()
    done = subprocess.run(
        ["tesseract", page.path, "stdout", "-l", "chi_sim", "--psm", "3"],
        capture_output=True,
        env=env,
        check=False,
    )
    return done.stdout.decode("utf-8", "replace"), time.perf_counter() - started, None


def run_chunk(name: str, pages: list[CorpusPage]) -> tuple[list[PageResult], float]:
    """Results of `pages` and the wall time reading them took (all cores in use)."""
    started = time.perf_counter()
    if name == "rapidocr-defaults":  # ONNX Runtime's own threads use every core
        raw = [_rapid_page(p) for p in pages]
    elif name == "paddle":  # one PaddleOCR process with ONNX Runtime on every core
        raw = [_pipeline_page(p) for p in pages]
    else:
        one = _tesseract_page if name == "tesseract" else _pipeline_page
        with ThreadPoolExecutor(WORKERS) as pool:
            raw = list(pool.map(one, pages))
    wall = time.perf_counter() - started
    return [_score(p, *r) for p, r in zip(pages, raw, strict=True)], wall


def finish(name: str, pages: list[CorpusPage]) -> tuple[float, float | None]:
    """(peak RSS in MB, seconds from the last page of a paced submission to its result)."""
    latency = _arrivals(pages, _STATE["engine"]) if name.startswith("pipeline") else None
    if name == "paddle":  # its worker process's peak, and ours (the pipeline around it)
        engine = _STATE["engine"]
        child = engine._child
        peak = _rss_mb() + (_peak_of(child.pid) if child is not None else 0.0)
        engine.close()
        import shutil

        shutil.rmtree(_STATE["models"], ignore_errors=True)
        return peak, None
    who = resource.RUSAGE_CHILDREN if name == "tesseract" else resource.RUSAGE_SELF
    return _rss_mb(who), latency


def _peak_of(pid: int) -> float:
    """Peak resident memory (MB) of a running process, from /proc."""
    for row in Path(f"/proc/{pid}/status").read_text().splitlines():
        if row.startswith("VmHWM:"):
            return int(row.split()[1]) / 1024.0
    return 0.0


def _arrivals(pages: list[CorpusPage], engine: Any, n: int = 10, pace: float = 1.0) -> float | None:
    """A submission of `n` pages arriving one per `pace` seconds, each read as it arrives
    (as the page worker does); the check result is ready when the last page has been
    classified and its fields extracted. Returns seconds after the last page arrived, or
    None without tuning pages (only those belong to a service item's checklist)."""
    from ocr import classify, extract_fields, read_page

    chosen = [p for p in pages if p.code != "blank_page" and p.item_file][:n]
    if not chosen:
        return None
    done: list[float] = []

    def one(page: CorpusPage) -> None:
        reading = read_page(Path(page.path).read_bytes(), engine)
        classify(reading.text, item_hints()[page.item_file or ""][1])
        extract_fields(reading)
        done.append(time.perf_counter())

    start = time.perf_counter()
    with ThreadPoolExecutor(WORKERS) as pool:
        for i, page in enumerate(chosen):
            delay = start + i * pace - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            pool.submit(one, page)
    return max(done) - (start + (len(chosen) - 1) * pace)


def one_worker_peak_rss(pages: list[CorpusPage]) -> float:
    """Peak RSS (MB) of a process holding one worker's engine, reading `pages`: what each
    additional OCR worker costs."""
    from ocr import RapidOcrEngine, read_page

    engine = RapidOcrEngine(threads=1, **variant("pipeline"))
    for page in pages:
        read_page(Path(page.path).read_bytes(), engine)
    return _rss_mb()
