"""Time of the whole demo case (two visits, OCR, notices, review, sealed license, verify),
on the embedded defaults, against the baseline of its OCR share.

Run: .venv/bin/python bench/bench_demo.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from api.demo import run_demo
from cases.config import Settings
from cases.hall import Hall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    totals: list[float] = []
    ocr: list[float] = []
    rest: list[float] = []
    opened: list[float] = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            hall = Hall.open(Settings(data_dir=Path(tmp)))
            load = getattr(hall.ocr, "load", None)
            if load is not None:
                load()  # load the model once, as a long-running server has it loaded
            opened.append(time.perf_counter() - started)
            started = time.perf_counter()
            result = run_demo(hall, Path(tmp) / "demo", say=lambda _: None)
            totals.append(time.perf_counter() - started)
            hall.close()
            assert result["ok"], "demo did not verify"
            t = result["timings"]
            ocr_s = sum(v for k, v in t.items() if k.startswith("OCR"))
            ocr.append(ocr_s)
            rest.append(totals[-1] - ocr_s)
    med = statistics.median
    print(
        f"Demo case benchmark, {date.today()}, {os.cpu_count()} cores, {args.runs} runs, "
        "3 pages OCR'd (1 + 2 over two visits)\n"
    )
    print("| part | median s | min s | max s |")
    print("| --- | --- | --- | --- |")
    for name, values in [
        ("open hall (migrate, catalog, PKI, load OCR model)", opened),
        ("whole case, start to verified license", totals),
        ("  of which OCR (baseline: the pages alone)", ocr),
        ("  of which the rest (scan generation, check, 2 notices, seals, archive)", rest),
    ]:
        print(f"| {name} | {med(values):.2f} | {min(values):.2f} | {max(values):.2f} |")
    print(f"\nOCR per page (median): {med(ocr) / 3:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
