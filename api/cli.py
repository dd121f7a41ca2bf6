"""The `onewindow` command. Errors are mapped to messages and exit codes here, once."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from archive import ArchiveError
from cases.config import Settings
from cases.errors import OneWindowError
from ocr import OcrError
from signing import SigningError

EXIT_INVALID = 1  # verify: invalid
EXIT_INDETERMINATE = 2  # verify: indeterminate
EXIT_USAGE = 64
EXIT_DATA = 65  # bad input the user can fix
EXIT_UNAVAILABLE = 69  # a service (database, object store) is down
EXIT_CONFIG = 78


def _exit_code(exc: Exception) -> int:
    from archive import StoreUnavailable
    from cases.db import DatabaseUnavailable
    from cases.errors import ConfigurationError

    if isinstance(exc, DatabaseUnavailable | StoreUnavailable):
        return EXIT_UNAVAILABLE
    if isinstance(exc, ConfigurationError):
        return EXIT_CONFIG
    return EXIT_DATA


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    from cases.demo import run_demo
    from cases.hall import Hall

    hall = Hall.open(settings)
    result = run_demo(hall, args.out or settings.data_dir / "demo")
    hall.close()
    return 0 if result["ok"] else 1


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from api.app import create_app

    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="info")
    return 0


def cmd_verify(args: argparse.Namespace, settings: Settings) -> int:
    from cases.db import session_scope
    from cases.hall import Hall
    from cases.verification import Verdict, verify_document

    path: Path = args.file
    if not path.is_file():
        raise _input_error(f"{path}: no such file", f"{path}:文件不存在")
    hall = Hall.open(settings)
    with session_scope(hall.sessions) as session:
        outcome = verify_document(session, hall, path.read_bytes())
    hall.close()
    if args.json:
        print(json.dumps(outcome.to_dict(), ensure_ascii=False, indent=2, default=str))
    else:
        print(f"{outcome.verdict_zh} ({outcome.verdict.value}): {path}")
        for reason in outcome.reasons:
            print(f"  - {reason}")
        if outcome.license:
            lic = outcome.license
            print(
                f"  证照 {lic['number']} {lic['title']} 持证人 {lic['holder']} "
                f"发证机关 {lic['issuer']} 状态 {lic['status']}"
            )
    return {
        Verdict.VALID: 0,
        Verdict.INVALID: EXIT_INVALID,
        Verdict.INDETERMINATE: EXIT_INDETERMINATE,
    }[outcome.verdict]


def cmd_catalog_list(args: argparse.Namespace, settings: Settings) -> int:
    from api.routes.catalog import catalog_summary
    from cases.catalog import load_catalog

    items = catalog_summary(load_catalog(settings.catalog_dir))
    if args.json:
        print(json.dumps(items, ensure_ascii=False, indent=2))
        return 0
    for item in items:
        print(
            f"{item['code']}  {item['name']}  ({item['department']}, "
            f"{item['time_limit_days']} 个工作日)"
        )
        for m in item["materials"]:
            flag = "必交" if m["required"] else "选交"
            if m["pending_allowed"]:
                flag += f",可容缺 {m['pending_days']} 日"
            print(f"    {m['code']:<22} {m['name']} [{flag}]")
    return 0


def cmd_samples(args: argparse.Namespace, settings: Settings) -> int:
    from cases.catalog import load_catalog
    from cases.samples import generate_pages, sample_applicant

    item = load_catalog(settings.catalog_dir).item(args.item)
    codes = [m.code for m in item.materials if m.required or args.all]
    unknown = set(args.omit) - {m.code for m in item.materials}
    if unknown:
        raise _input_error(
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


def cmd_users_create(args: argparse.Namespace, settings: Settings) -> int:
    from cases.accounts import create_user
    from cases.db import session_scope
    from cases.hall import Hall
    from models import Role

    hall = Hall.open(settings)
    with session_scope(hall.sessions) as session:
        _, token = create_user(
            session,
            username=args.username,
            display_name=args.name or args.username,
            role=Role(args.role),
            department_code=args.department,
            window_code=args.window,
        )
    hall.close()
    print(token)
    return 0


def _input_error(en: str, zh: str) -> OneWindowError:
    from cases.errors import InvalidInput

    return InvalidInput(en, zh)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="onewindow", description="一窗受理、集成服务")
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)

    demo = sub.add_parser("demo", help="run one case end to end on generated scans")
    demo.add_argument("--out", type=Path)
    demo.set_defaults(func=cmd_demo)

    serve = sub.add_parser("serve", help="start the API and the in-process worker")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(func=cmd_serve)

    verify = sub.add_parser("verify", help="verify a sealed PDF (exit 0 only when valid)")
    verify.add_argument("file", type=Path)
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(func=cmd_verify)

    catalog = sub.add_parser("catalog", help="service-item catalog")
    catalog_sub = catalog.add_subparsers(dest="catalog_command", required=True)
    listing = catalog_sub.add_parser("list")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=cmd_catalog_list)

    samples = sub.add_parser("samples", help="generate sample scans for an item")
    samples.add_argument("--item", required=True)
    samples.add_argument("--out", type=Path, required=True)
    samples.add_argument("--omit", action="append", default=[], metavar="MATERIAL_CODE")
    samples.add_argument("--all", action="store_true", help="include optional materials")
    samples.add_argument("--seed", type=int, default=0)
    samples.set_defaults(func=cmd_samples)

    users = sub.add_parser("users", help="staff accounts")
    users_sub = users.add_subparsers(dest="users_command", required=True)
    create = users_sub.add_parser("create", help="create a user and print its API token")
    create.add_argument("username")
    create.add_argument("--role", required=True, choices=["clerk", "reviewer", "admin"])
    create.add_argument("--department")
    create.add_argument("--window")
    create.add_argument("--name")
    create.set_defaults(func=cmd_users_create)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        settings = Settings()
        code: int = args.func(args, settings)
    except (OneWindowError, ArchiveError, OcrError, SigningError) as e:
        print(f"错误 / error [{getattr(e, 'code', 'error')}]: {e}", file=sys.stderr)
        return _exit_code(e)
    return code


if __name__ == "__main__":
    sys.exit(main())
