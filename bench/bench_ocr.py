"""Benchmark: plain RapidOCR defaults vs the onewindow OCR pipeline on generated scans.

    .venv/bin/python bench/bench_ocr.py [--pages N] [--seed S]

Generates N degraded sample pages (mixed materials of the catalog's items), runs both
configurations on every page (paired, interleaved, after a warm-up) and prints a
Markdown table: median and p90 seconds per page, classification accuracy, and how often
the applicant's ID number / credit code on the page was read exactly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cases.samples import SampleApplicant, generate_pages, sample_applicant  # noqa: E402
from ocr import MaterialHint, RapidOcrEngine, classify, read_page  # noqa: E402

ITEMS = ROOT / "cases" / "catalog_data" / "items"
NUMBER_PAGES = {"application_form", "id_card", "legal_rep_id", "premises_proof"}


@dataclass(frozen=True)
class BenchPage:
    item_name: str
    code: str
    data: bytes
    applicant: SampleApplicant
    hints: tuple[MaterialHint, ...]


def _items() -> list[tuple[str, tuple[MaterialHint, ...]]]:
    items = []
    for path in sorted(ITEMS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        hints = tuple(
            MaterialHint(
                m["code"],
                tuple(m.get("hints", {}).get("keywords", ())),
                tuple(m.get("hints", {}).get("patterns", ())),
            )
            for m in data["materials"]
        )
        items.append((str(data["name"]), hints))
    return items


def make_pages(n: int, seed: int) -> list[BenchPage]:
    pairs = [(name, hints, h.code) for name, hints in _items() for h in hints]
    pages: list[BenchPage] = []
    for i in range(n):
        name, hints, code = pairs[i % len(pairs)]
        applicant = sample_applicant(seed * 1000 + i)
        (page,) = generate_pages(name, [code], applicant, seed=seed * 1000 + i)
        pages.append(BenchPage(name, code, page.data, applicant, hints))
    return pages


def _expected_number(page: BenchPage) -> str | None:
    if page.code in NUMBER_PAGES:
        return page.applicant.id_number
    if page.code == "business_license":
        return page.applicant.credit_code
    return None


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@dataclass
class Tally:
    seconds: list[float]
    correct: int = 0
    numbers_read: int = 0
    numbers_total: int = 0

    def add(self, page: BenchPage, seconds: float, text: str) -> None:
        self.seconds.append(seconds)
        if classify(text, page.hints).code == page.code:
            self.correct += 1
        expected = _expected_number(page)
        if expected is not None:
            self.numbers_total += 1
            self.numbers_read += expected in _squash(text)


def baseline_text(ocr: Any, data: bytes) -> str:
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    result = ocr(image)
    return "\n".join(result.txts or ())


def _p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=12)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    from rapidocr import RapidOCR

    print(f"generating {args.pages} pages ...", file=sys.stderr)
    pages = make_pages(args.pages, args.seed)
    baseline = RapidOCR(params={"Global.log_level": "error"})
    ours = RapidOcrEngine()
    ours.load()
    baseline_text(baseline, pages[0].data)  # warm-up, untimed
    read_page(pages[0].data, ours)

    tallies = {"baseline": Tally([]), "pipeline": Tally([])}
    for i, page in enumerate(pages):
        order = ("baseline", "pipeline") if i % 2 == 0 else ("pipeline", "baseline")
        for which in order:
            started = time.perf_counter()
            if which == "baseline":
                text = baseline_text(baseline, page.data)
            else:
                text = read_page(page.data, ours).text
            tallies[which].add(page, time.perf_counter() - started, text)
        print(f"  page {i + 1}/{len(pages)} {page.code}", file=sys.stderr)

    labels = {
        "baseline": "RapidOCR 3.10 defaults (cls on, det min-side 736, raw page)",
        "pipeline": "onewindow read_page (deskew, red suppression, cls off, det max 1280)",
    }
    print(
        f"\nOCR benchmark, {dt.date.today().isoformat()}, {os.cpu_count()} cores, "
        f"{len(pages)} degraded generated pages (seed {args.seed})\n"
    )
    print("| configuration | median s/page | p90 s/page | classified correctly | numbers read |")
    print("| --- | --- | --- | --- | --- |")
    for key, tally in tallies.items():
        numbers = f"{tally.numbers_read}/{tally.numbers_total}" if tally.numbers_total else "-"
        print(
            f"| {labels[key]} | {statistics.median(tally.seconds):.2f} | "
            f"{_p90(tally.seconds):.2f} | {tally.correct}/{len(pages)} "
            f"({100 * tally.correct / len(pages):.0f}%) | {numbers} |"
        )


if __name__ == "__main__":
    main()
