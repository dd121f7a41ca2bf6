"""The benchmark corpus: generated pages of every capture kind, with ground truth."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

import yaml

from ocr import MaterialHint
from sample_scans.scans import BLANK_PAGE, CAPTURES, generate_page, sample_applicant

ROOT = Path(__file__).resolve().parents[2]
ITEMS = ROOT / "cases" / "catalog" / "data" / "items"


@dataclass(frozen=True)
class CorpusPage:
    path: str
    item_file: str
    code: str  # expected material ("blank_page" for the empty sheet)
    capture: str
    truth_text: str
    truth_fields: dict[str, str]


@functools.cache
def item_hints() -> dict[str, tuple[str, tuple[MaterialHint, ...]]]:
    """Item name and material hints by item file (read once: scoring and the paced
    latency run look them up per page)."""
    out = {}
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
        out[path.name] = (str(data["name"]), hints)
    return out


def build(n: int, seed: int, out_dir: Path) -> list[CorpusPage]:
    """`n` pages cycling through every (item, material) and every capture kind, plus one
    blank page; written as JPEG files with a manifest."""
    items = item_hints()
    pairs = [(f, h.code) for f, (_, hints) in items.items() for h in hints]
    out_dir.mkdir(parents=True, exist_ok=True)
    pages: list[CorpusPage] = []
    for i in range(n):
        item_file, code = pairs[i % len(pairs)]
        kind = CAPTURES[i % len(CAPTURES)]
        if i == n // 2:
            code, kind = BLANK_PAGE, "scanner"
        name = items[item_file][0]
        page = generate_page(
            name, code, sample_applicant(seed * 1000 + i), seed=seed * 1000 + i, capture_kind=kind
        )
        path = out_dir / f"{i + 1:03d}-{code}-{kind}.jpg"
        path.write_bytes(page.data)
        pages.append(
            CorpusPage(str(path), item_file, code, kind, page.truth_text, dict(page.truth_fields))
        )
    (out_dir / "manifest.json").write_text(
        json.dumps([p.__dict__ for p in pages], ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return pages
