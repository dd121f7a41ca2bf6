"""An OCR engine for worker processes under test, chosen with
`ONEWINDOW_OCR_ENGINE=tests.jobs.recording_engine:RecordingEngine`: it appends one line
per call to the file named by `OW_TEST_OCR_LOG` ("start"/"end", this process's id, the
SHA-256 of the image it was given), sleeps `OW_TEST_OCR_SECONDS`, and returns fixed text,
so a test counts how often each page was really recognised, and by whom."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import numpy as np

from ocr import Engine, Line
from ocr.engine import rect_box


def _log(event: str, digest: str) -> None:
    with Path(os.environ["OW_TEST_OCR_LOG"]).open("a") as f:
        f.write(f"{event} {os.getpid()} {digest}\n")
        f.flush()
        os.fsync(f.fileno())


class RecordingEngine(Engine):
    name = "recording"

    def recognise(self, image: np.ndarray) -> list[Line]:
        digest = hashlib.sha256(np.ascontiguousarray(image).tobytes()).hexdigest()[:16]
        _log("start", digest)
        time.sleep(float(os.environ.get("OW_TEST_OCR_SECONDS", "0")))
        _log("end", digest)
        return [Line("居民身份证复印件", rect_box(100, 100, 700, 160), 0.99)]


def calls(log: Path) -> list[tuple[str, int, str]]:
    """(event, pid, image digest) per line of the log."""
    if not log.exists():
        return []
    out = []
    for line in log.read_text().splitlines():
        event, pid, digest = line.split()
        out.append((event, int(pid), digest))
    return out
