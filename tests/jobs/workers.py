"""`onewindow worker` processes for tests: started with a hall's settings and the recording
OCR engine, stopped (or killed) by the test."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import cv2
import numpy as np

from cases.config import Settings
from tests.waiting import wait_until

ROOT = Path(__file__).resolve().parents[2]
ONEWINDOW = Path(sys.executable).with_name("onewindow")
T = TypeVar("T")


def wait_for(condition: Callable[[], T], *, what: str, timeout: float = 60.0) -> T:
    """`tests.waiting.wait_until` with the longer deadline that worker processes need."""
    return wait_until(condition, what=what, timeout=timeout, interval=0.1)


def worker_env(settings: Settings, ocr_log: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ONEWINDOW_")}
    env |= {
        "PYTHONPATH": str(ROOT),
        "ONEWINDOW_DATA_DIR": str(settings.data_dir),
        "ONEWINDOW_DATABASE_URL": settings.effective_database_url,
        "ONEWINDOW_OCR_ENGINE": "tests.jobs.recording_engine:RecordingEngine",
        "ONEWINDOW_OCR_WORKERS": "1",
        "ONEWINDOW_WORKER_LEASE_SECONDS": "3",
        "ONEWINDOW_READ_ATTEMPTS": "3",
        "ONEWINDOW_READ_RETRY_SECONDS": "0.5",
        "ONEWINDOW_WORKER_POLL_SECONDS": "0.2",  # a retry runs when due, not up to 5 s later
        "OW_TEST_OCR_LOG": str(ocr_log),
    }
    if settings.s3_endpoint:
        env |= {
            "ONEWINDOW_S3_ENDPOINT": settings.s3_endpoint,
            "ONEWINDOW_S3_ACCESS_KEY": settings.s3_access_key or "",
            "ONEWINDOW_S3_SECRET_KEY": settings.s3_secret_key or "",
            "ONEWINDOW_S3_BUCKET": settings.s3_bucket,
            "ONEWINDOW_S3_SECURE": "false",
        }
    return env | extra


@contextmanager
def workers(
    env: dict[str, str], count: int, log_dir: Path
) -> Iterator[list[subprocess.Popen[bytes]]]:
    """`count` worker processes; SIGTERM (a clean stop) at the end, SIGKILL if stuck."""
    procs = []
    for i in range(count):
        out = (log_dir / f"worker-{len(list(log_dir.glob('worker-*.log')))}-{i}.log").open("wb")
        procs.append(
            subprocess.Popen(
                [str(ONEWINDOW), "-v", "worker"],
                env=env,
                cwd=ROOT,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        )
    try:
        yield procs
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def distinct_pages(count: int, *, tag: str = "") -> list[tuple[str, bytes]]:
    """PNG pages of printed-looking lines, each different, none blank."""
    pages = []
    for n in range(count):
        image = np.full((1100, 800, 3), 255, np.uint8)
        for row in range(12):
            y = 120 + row * 70
            text = f"ONEWINDOW {tag} PAGE {n:03d} LINE {row:02d} " + "X" * ((n + row) % 9)
            cv2.putText(image, text, (60, y), cv2.FONT_HERSHEY_SIMPLEX, 0.9, (0, 0, 0), 2)
        ok, png = cv2.imencode(".png", image)
        assert ok
        pages.append((f"page-{tag}{n:03d}.png", png.tobytes()))
    return pages
