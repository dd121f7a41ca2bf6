"""Benchmark: the onewindow OCR pipeline vs plain RapidOCR defaults vs Tesseract chi_sim
(and vs earlier pipeline settings: `pipeline-unclip16`, `pipeline-det960-recw320-unclip16`,
`pipeline-read-twice`; any `pipeline-detN-recwM-unclipK` variant can be named in --only).

    .venv/bin/python bench/ocr [--pages 42] [--seed 1] [--only pipeline,...]

Generates a corpus of degraded pages with ground truth (scanner, office copy, phone photo,
document camera, pages turned 90/180/270°, a blank sheet; seals over text), runs each
configuration in its own process (so peak memory is its own) and prints a Markdown table:
strict CER over the page text in reading order, ID number / credit code exact match,
classification, seconds per page, pages per second on all cores, peak RSS, and the delay
of a 10-page submission arriving at one page per second.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.ocr.corpus import build  # noqa: E402
from bench.ocr.runners import (  # noqa: E402
    WORKERS,
    ConfigResult,
    finish,
    one_worker_peak_rss,
    run_chunk,
    setup,
)

LABELS = {
    "pipeline": "onewindow pipeline ({w} × RapidOCR v6 small, 1 thread each, det ≤736, "
    "boxes grown ×2.3, orientation vote, rec batch 1, lines padded to ≥96 px)",
    "pipeline-unclip16": "pipeline with RapidOCR's box growth (×1.6)",
    "pipeline-det960-recw320-unclip16": "pipeline with earlier engine settings (det ≤960, "
    "boxes grown ×1.6, lines padded to ≥320 px)",
    "pipeline-read-twice": "pipeline before the orientation vote (unsure pages read again "
    "upside down, rec batch 6, det ≤960)",
    "rapidocr-defaults": "RapidOCR 3.10 defaults (v6 small, cls on, ORT default threads)",
    "tesseract": "Tesseract chi_sim (Debian, {w} processes × 1 thread)",
}


def _pct(a: float, b: float) -> str:
    return f"{100 * a / b:.1f}%" if b else "-"


def row(r: ConfigResult) -> str:
    errors = sum(p.errors for p in r.pages)
    length = sum(p.length for p in r.pages)
    numbers = [ok for p in r.pages for ok in p.numbers.values()]
    cls = sum(p.classified for p in r.pages)
    secs = [p.seconds for p in r.pages]
    latency = "-" if r.latency_after_last is None else f"{r.latency_after_last:.2f} s"
    return (
        f"| {LABELS.get(r.name, r.name).format(w=r.workers)} | {_pct(errors, length)} "
        f"| {sum(numbers)}/{len(numbers)} ({_pct(sum(numbers), len(numbers))}) "
        f"| {cls}/{len(r.pages)} ({_pct(cls, len(r.pages))}) "
        f"| {statistics.median(secs):.2f} | {len(r.pages) / r.wall:.2f} "
        f"| {r.peak_rss_mb:.0f} MB | {latency} |"
    )


def by_capture(results: list[ConfigResult]) -> list[str]:
    kinds = sorted({p.capture for p in results[0].pages})
    out = ["| CER by capture | " + " | ".join(kinds) + " |", "| --- |" + " --- |" * len(kinds)]
    for r in results:
        cells = []
        for k in kinds:
            ps = [p for p in r.pages if p.capture == k]
            cells.append(_pct(sum(p.errors for p in ps), sum(p.length for p in ps)))
        out.append(f"| {r.name} | " + " | ".join(cells) + " |")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--pages", type=int, default=42)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--only",
        default="rapidocr-defaults,pipeline-unclip16,pipeline,tesseract",
    )
    parser.add_argument("--chunk", type=int, default=6, help="pages per alternation")
    parser.add_argument("--memory-pages", type=int, default=14, help="pages for one worker")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-ocr-") as tmp:
        print(f"generating {args.pages} pages ...", file=sys.stderr)
        pages = build(args.pages, args.seed, Path(tmp))
        ctx = mp.get_context("spawn")
        names = args.only.split(",")
        procs = {name: ctx.Pool(1) for name in names}
        results = {
            n: ConfigResult(n, workers=1 if n == "rapidocr-defaults" else WORKERS) for n in names
        }
        try:
            for name, proc in procs.items():
                print(f"loading {name} ...", file=sys.stderr)
                proc.apply(setup, (name, pages[0]))
            chunks = [pages[i : i + args.chunk] for i in range(0, len(pages), args.chunk)]
            for k, chunk in enumerate(chunks):
                order = names if k % 2 == 0 else names[::-1]
                for name in order:
                    page_results, wall = procs[name].apply(run_chunk, (name, chunk))
                    results[name].pages += page_results
                    results[name].wall += wall
                print(f"  chunk {k + 1}/{len(chunks)} done", file=sys.stderr)
            for name, proc in procs.items():
                rss, latency = proc.apply(finish, (name, pages))
                results[name].peak_rss_mb, results[name].latency_after_last = rss, latency
        finally:
            for proc in procs.values():
                proc.terminate()
        results_list = [results[n] for n in names]
        one_worker = None
        if "pipeline" in names:
            print("measuring one worker's memory ...", file=sys.stderr)
            with ctx.Pool(1) as proc:
                one_worker = proc.apply(one_worker_peak_rss, (pages[: args.memory_pages],))
    results = results_list  # type: ignore[assignment]
    n_numbers = sum(len(p.numbers) for p in results[0].pages)
    print(
        f"\nOCR benchmark: {len(pages)} generated pages (seed {args.seed}, "
        f"{n_numbers} ID numbers / credit codes), {os.cpu_count()} cores\n"
    )
    print(
        "| configuration | strict CER | numbers exact | classified | median s/page "
        "| pages/s (all cores) | peak RSS | 10 pages at 1/s: ready after last |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in results:
        print(row(r))
    print()
    print("\n".join(by_capture(results)))
    base = next((r for r in results if r.name == "rapidocr-defaults"), None)
    ours = next((r for r in results if r.name == "pipeline"), None)
    if base and ours:
        ratio = (len(ours.pages) / ours.wall) / (len(base.pages) / base.wall)
        print(f"\nthroughput pipeline / RapidOCR defaults: {ratio:.2f}×")
    for before in results:
        if ours and before is not ours and before.name.startswith("pipeline-"):
            ratio = (len(ours.pages) / ours.wall) / (len(before.pages) / before.wall)
            print(f"throughput pipeline / {before.name}: {ratio:.2f}×")
    tess = next((r for r in results if r.name == "tesseract"), None)
    if tess and ours:
        ratio = (len(ours.pages) / ours.wall) / (len(tess.pages) / tess.wall)
        print(f"throughput pipeline / Tesseract chi_sim: {ratio:.2f}×")
    if one_worker is not None:
        print(
            f"peak RSS of one pipeline worker (one engine, {args.memory_pages} pages, own "
            f"process): {one_worker:.0f} MB"
        )


if __name__ == "__main__":
    main()
