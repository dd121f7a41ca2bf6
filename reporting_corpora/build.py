"""Build a reporting corpus: pages cycling through its layouts and the four capture
profiles, deterministic from the seed, written as JPEG files with a manifest."""

from __future__ import annotations

import json
import random
from dataclasses import asdict, dataclass
from pathlib import Path

from reporting_corpora import html_pages, pdf_pages
from reporting_corpora.captures import CAPTURES, PROFILES

CORPORA = ("forms-pdf", "web-html")


@dataclass(frozen=True)
class ReportPage:
    path: str
    corpus: str
    layout: str
    capture: str
    truth_text: str  # reading order; whitespace carries no meaning
    truth_fields: tuple[tuple[str, str], ...]  # (field name, value) drawn on the page


def build(corpus: str, n: int, seed: int, out_dir: Path) -> list[ReportPage]:
    """`n` pages of `corpus` (one of CORPORA) in `out_dir`."""
    if corpus not in CORPORA:
        raise ValueError(f"unknown reporting corpus {corpus!r}; known: {', '.join(CORPORA)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    layouts = list(pdf_pages.LAYOUTS if corpus == "forms-pdf" else html_pages.LAYOUTS)
    jobs = []
    for i in range(n):
        # every layout meets every capture profile: layouts cycle fastest, captures shift
        # by one each time the layouts have gone round
        layout = layouts[i % len(layouts)]
        capture = CAPTURES[(i + i // len(layouts)) % len(CAPTURES)]
        jobs.append((i, layout, capture, random.Random(f"{corpus}:{seed}:{i}")))
    if corpus == "forms-pdf":
        clean = [pdf_pages.render(layout, rng) for _, layout, _, rng in jobs]
    else:
        clean = html_pages.render_all([(layout, rng) for _, layout, _, rng in jobs])
    pages = []
    for (i, layout, capture, rng), (image, truth, fields) in zip(jobs, clean, strict=True):
        path = out_dir / f"{corpus}-{i + 1:03d}-{layout}-{capture}.jpg"
        path.write_bytes(PROFILES[capture](image, rng))
        pages.append(ReportPage(str(path), corpus, layout, capture, truth, tuple(fields)))
    (out_dir / f"{corpus}-manifest.json").write_text(
        json.dumps([asdict(p) for p in pages], ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return pages
