"""`onewindow catalog` and `onewindow samples`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from cases.config import Settings
from cases.errors import InvalidInput


def cmd_catalog_list(args: argparse.Namespace, settings: Settings) -> int:
    """The published catalog in effect today, from the database (what the hall serves)."""
    from api.routes.catalog import catalog_summary
    from cases.db import session_scope
    from cases.hall import Hall

    hall = Hall.open(settings)
    try:
        with session_scope(hall.sessions) as session:
            catalog = hall.catalog.current(session)
    finally:
        hall.close()
    if args.json:
        print(json.dumps(catalog_summary(catalog), ensure_ascii=False, indent=2))
        return 0
    for item in catalog.items.values():
        print(
            f"{item.code}  {item.name}  ({catalog.department(item.department).name}, "
            + (
                "即办件,当场办结)"
                if item.kind == "immediate"
                else f"{item.time_limit_days} 个工作日)"
            )
        )
        for m in item.materials:
            flag = "必交" if m.required else "选交"
            flag += f",{m.to_bring}"
            if m.may_be_pending:
                flag += f",可容缺受理,{m.pending_deadline()}"
            print(f"    {m.code:<22} {m.name} [{flag}]")
    return 0


def cmd_catalog_validate(args: argparse.Namespace, settings: Settings) -> int:
    """Validate a catalog directory (errors name file, line and field); publishes nothing."""
    from cases.catalog.spec import load_catalog

    catalog = load_catalog(args.directory)
    for code, versions in catalog.history.items():
        print(f"{code}  versions {', '.join(str(v.version) for v in versions)}  OK")
    return 0


def cmd_catalog_diff(args: argparse.Namespace, settings: Settings) -> int:
    from cases.catalog.admin import diff_items
    from cases.catalog.spec import load_catalog

    catalog = load_catalog(args.directory or settings.catalog_dir)
    catalog.item(args.item)
    versions = {v.version: v for v in catalog.history[args.item]}
    missing = {args.old, args.new} - set(versions)
    if missing:
        raise InvalidInput(
            f"{args.item} has no version(s) {sorted(missing)}; it has {sorted(versions)}",
            f"事项 {args.item} 没有第 {sorted(missing)} 版",
        )
    changes = diff_items(versions[args.old], versions[args.new])
    if args.json:
        print(json.dumps([c.__dict__ for c in changes], ensure_ascii=False, indent=2))
    for c in [] if args.json else changes:
        print(f"{c.path}: {c.old!r} -> {c.new!r}")
    return 0


def cmd_samples(args: argparse.Namespace, settings: Settings) -> int:
    from cases.catalog.spec import applicable_checklist, load_catalog
    from sample_scans.scans import generate_pages, sample_applicant

    item = load_catalog(settings.catalog_dir).item(args.item)
    # what the item's first kind of applicant brings by default: one of each A-or-B group,
    # nothing that only a sub-scenario needs
    expected = applicable_checklist(
        item.materials, applicant_type=item.applicant_types[0], scenario=None
    )
    codes: list[str] = []
    groups: set[str] = set()
    for m in item.materials if args.all else expected:
        if not args.all and (not m.required or (m.alternative and m.alternative in groups)):
            continue
        if m.alternative:
            groups.add(m.alternative)
        codes.append(m.code)
    unknown = set(args.omit) - {m.code for m in item.materials}
    if unknown:
        raise InvalidInput(
            f"--omit: unknown material(s) {sorted(unknown)} of {item.code}",
            f"--omit:事项 {item.code} 没有材料 {sorted(unknown)}",
        )
    codes = [c for c in codes if c not in args.omit]
    args.out.mkdir(parents=True, exist_ok=True)
    pages = generate_pages(item.name, codes, sample_applicant(args.seed), seed=args.seed)
    for page in pages:
        (args.out / page.filename).write_bytes(page.data)
        print(args.out / page.filename)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    catalog = sub.add_parser("catalog", help="service-item catalog")
    catalog_sub = catalog.add_subparsers(dest="catalog_command", required=True)
    listing = catalog_sub.add_parser("list")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=cmd_catalog_list)
    validate = catalog_sub.add_parser("validate", help="validate a catalog directory")
    validate.add_argument("directory", type=Path)
    validate.set_defaults(func=cmd_catalog_validate)
    diff = catalog_sub.add_parser("diff", help="what changed between two versions of an item")
    diff.add_argument("--item", required=True)
    diff.add_argument("--from", dest="old", type=int, required=True)
    diff.add_argument("--to", dest="new", type=int, required=True)
    diff.add_argument("--directory", type=Path)
    diff.add_argument("--json", action="store_true")
    diff.set_defaults(func=cmd_catalog_diff)

    samples = sub.add_parser("samples", help="generate sample scans for an item")
    samples.add_argument("--item", required=True)
    samples.add_argument("--out", type=Path, required=True)
    samples.add_argument("--omit", action="append", default=[], metavar="MATERIAL_CODE")
    samples.add_argument("--all", action="store_true", help="include optional materials")
    samples.add_argument("--seed", type=int, default=0)
    samples.set_defaults(func=cmd_samples)
