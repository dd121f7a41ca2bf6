"""The `onewindow` command. An error of any library's root is printed in Chinese and
English with the exit code of `api.errors.TABLE` (the table the API maps to HTTP statuses),
here, once; subcommands live in `api/commands/`, one module per area, listed in COMMANDS."""

from __future__ import annotations

import argparse
import logging
import sys

from api.commands import (
    archive,
    catalog,
    check,
    core,
    licenses,
    ocr,
    platform,
    scan,
    stats,
    verify,
    worker,
)
from cases.config import Settings

COMMANDS = [core, catalog, verify, ocr, stats, scan, licenses, check, archive, worker, platform]


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
    except Exception as e:
        # api.errors imports every library's error root (pyHanko, OpenCV, the S3 client,
        # ...): about a second of every `onewindow` process, paid only when one is raised
        from api.errors import HANDLED, cli_message, exit_code

        if not isinstance(e, HANDLED):
            raise
        print(cli_message(e), file=sys.stderr)
        return exit_code(e)
    return code


if __name__ == "__main__":
    sys.exit(main())
