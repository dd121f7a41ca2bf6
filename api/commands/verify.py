"""`onewindow verify`: exit 0 only for a valid document."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from cases.config import Settings
from cases.errors import InvalidInput

EXIT_INVALID = 1
EXIT_INDETERMINATE = 2


def cmd_verify(args: argparse.Namespace, settings: Settings) -> int:
    from cases.db import session_scope
    from cases.hall import Hall
    from cases.verification import Verdict, verify_document

    path: Path = args.file
    if not path.is_file():
        raise InvalidInput(f"{path}: no such file", f"{path}:文件不存在")
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


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    verify = sub.add_parser("verify", help="verify a sealed PDF (exit 0 only when valid)")
    verify.add_argument("file", type=Path)
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(func=cmd_verify)
