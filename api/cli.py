"""The `onewindow` command. Errors are mapped to messages and exit codes here, once;
subcommands live in `api/commands/`, one module per area, listed in COMMANDS."""

from __future__ import annotations

import argparse
import logging
import sys

from api.commands import archive, catalog, check, core, licenses, ocr, scan, stats, verify
from archive import ArchiveError, StoreUnavailable
from cases.config import Settings
from cases.db import DatabaseUnavailable
from cases.errors import ConfigurationError, OneWindowError
from ocr import OcrError
from signing import SigningError

COMMANDS = [core, catalog, verify, ocr, stats, scan, licenses, check, archive]

EXIT_DATA = 65  # bad input the user can fix
EXIT_UNAVAILABLE = 69  # a service (database, object store) is down
EXIT_CONFIG = 78


def exit_code(exc: Exception) -> int:
    if isinstance(exc, DatabaseUnavailable | StoreUnavailable):
        return EXIT_UNAVAILABLE
    if isinstance(exc, ConfigurationError):
        return EXIT_CONFIG
    return EXIT_DATA


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="onewindow", description="一窗受理、集成服务")
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)
    for module in COMMANDS:
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if not args.verbose:  # pyHanko logs rejected signatures with tracebacks; the report says it
        logging.getLogger("pyhanko").setLevel(logging.CRITICAL)
    try:
        code: int = args.func(args, Settings())
    except (OneWindowError, ArchiveError, OcrError, SigningError) as e:
        print(f"错误 / error [{getattr(e, 'code', 'error')}]: {e}", file=sys.stderr)
        return exit_code(e)
    return code


if __name__ == "__main__":
    sys.exit(main())
