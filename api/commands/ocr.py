"""`onewindow ocr FILE... [--json] [--pdf OUT] [--item CODE]`: read scanned pages;
`onewindow ocr-models build-paddle [--out DIR]`: PaddleOCR model directories from the
models RapidOCR ships (no download)."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from cases.config import Settings
from cases.errors import InvalidInput


def _hints(settings: Settings, item_code: str | None) -> list[Any]:
    from cases.catalog.spec import load_catalog
    from ocr import MaterialHint

    catalog = load_catalog(settings.catalog_dir)
    items = [catalog.item(item_code)] if item_code else list(catalog.items.values())
    seen: dict[str, MaterialHint] = {}
    for item in items:
        for m in item.materials:
            seen.setdefault(m.code, m.ocr_hint())
    return list(seen.values())


def cmd_ocr(args: argparse.Namespace, settings: Settings) -> int:
    from cases.hall import make_ocr_engine
    from ocr import OcrError, classify, extract_fields, read_page
    from ocr.classify import group_pages
    from ocr.pdf import searchable_pdf

    paths: list[Path] = args.files
    for path in paths:
        if not path.is_file():
            raise InvalidInput(f"{path}: no such file", f"{path}:文件不存在")
    hints = _hints(settings, args.item)
    engine = make_ocr_engine(settings.model_copy(update={"ocr_workers": 1}))
    pages: list[dict[str, Any]] = []
    pdf_pages = []
    classifications = []
    blanks = []
    failed = 0
    for path in paths:
        try:
            reading = read_page(path.read_bytes(), engine)
        except OcrError as e:
            failed += 1
            pages.append({"file": str(path), "error": {"code": e.code, "zh": e.zh, "en": e.en}})
            continue
        guess = classify(reading.text, hints)
        classifications.append(guess)
        blanks.append(reading.blank)
        if reading.image is not None:
            pdf_pages.append((reading.image, reading.lines))
        pages.append(
            {
                "file": str(path),
                "material": guess.code,
                "material_confidence": guess.confidence,
                "unknown": guess.code is None and not reading.blank,
                "matched": list(guess.matched),
                "text": reading.text,
                "lines": [
                    {"text": ln.text, "confidence": round(ln.confidence, 4), "box": ln.box}
                    for ln in reading.lines
                ],
                "fields": [asdict(f) for f in extract_fields(reading)],
                "quality": {
                    **asdict(reading.quality),
                    "blank": reading.blank,
                    "rotation": reading.rotation,
                    "skew_degrees": reading.skew_degrees,
                    "perspective_corrected": reading.perspective_corrected,
                    "seals": [list(s) for s in reading.seals],
                },
                "seconds": reading.seconds,
            }
        )
    groups = [asdict(g) for g in group_pages(classifications, blanks)]
    if args.pdf is not None:
        args.pdf.write_bytes(searchable_pdf(pdf_pages))
    if args.json:
        print(json.dumps({"pages": pages, "groups": groups}, ensure_ascii=False, indent=2))
    else:
        for page in pages:
            if "error" in page:
                print(f"{page['file']}: {page['error']['zh']} / {page['error']['en']}")
                continue
            q = page["quality"]
            flags = [] if q["ok"] else [f"请重新扫描:{q['reason_zh']}"]
            flags += ["空白页"] if q["blank"] else []
            print(
                f"{page['file']}: {page['material'] or '未识别'} "
                f"({page['material_confidence']:.2f}), {len(page['lines'])} 行, "
                f"{page['seconds']:.2f} s {' '.join(flags)}"
            )
    return 1 if failed else 0


def cmd_build_paddle(args: argparse.Namespace, settings: Settings) -> int:
    from ocr.paddle_models import build_paddle_models

    out: Path = args.out or settings.data_dir / "models" / "paddle"
    det, rec = build_paddle_models(out)
    print(f"PaddleOCR 模型目录已建立 / model directories built: {det} {rec}")
    print(f"ONEWINDOW_OCR_ENGINE=paddle ONEWINDOW_OCR_PADDLE_DET_DIR={det.resolve()}")
    print(f"ONEWINDOW_OCR_PADDLE_REC_DIR={rec.resolve()}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("ocr", help="read scanned pages: lines, material, fields, quality")
    p.add_argument("files", type=Path, nargs="+")
    p.add_argument("--json", action="store_true")
    p.add_argument("--pdf", type=Path, help="write a searchable PDF of the pages")
    p.add_argument("--item", help="service item whose checklist classifies the pages")
    p.set_defaults(func=cmd_ocr)
    models = sub.add_parser("ocr-models", help="OCR model files: PaddleOCR directories")
    actions = models.add_subparsers(dest="action", required=True)
    build = actions.add_parser(
        "build-paddle", help="build PaddleOCR model directories from RapidOCR's models"
    )
    build.add_argument("--out", type=Path, help="default: DATA_DIR/models/paddle")
    build.set_defaults(func=cmd_build_paddle)
