"""`onewindow verify`: exit 0 only for a valid document."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from api.commands import hall_session
from cases.config import Settings
from cases.errors import InvalidInput

EXIT_INVALID = 1
EXIT_INDETERMINATE = 2


def cmd_verify(args: argparse.Namespace, settings: Settings) -> int:
    from cases.verification.status import Verdict, verify_document

    path: Path = args.file
    if not path.is_file():
        raise InvalidInput(f"{path}: no such file", f"{path}:文件不存在")
    with hall_session(settings) as (hall, session):
        outcome = verify_document(session, hall, path.read_bytes())
        if args.html:
            from cases.verification.report import outcome_html, page

            args.html.write_text(page(outcome_html(outcome)), encoding="utf-8")
        if args.report_pdf:
            from cases.verification.report import sealed_report

            args.report_pdf.write_bytes(sealed_report(session, hall, outcome))
    if args.json:
        print(json.dumps(outcome.to_dict(), ensure_ascii=False, indent=2, default=str))
    else:
        print(f"{outcome.verdict_zh} ({outcome.verdict.value}): {path}")
        sub = outcome.sub_indication or "-"
        print(f"  {outcome.indication} / {sub}  SHA-256 {outcome.report.file_sha256}")
        for reason in outcome.reasons:
            print("  - " + reason.replace("\n", "\n    "))
        print(f"  处理建议:{outcome.advice_zh}")
        if outcome.license:
            lic = outcome.license
            print(
                f"  证照 {lic['number']} 标识 {lic.get('identifier') or '—'} {lic['title']} "
                f"持证人 {lic['holder']} "
                f"发证机关 {lic['issuer']} 状态 {lic['status']}"
            )
    return {
        Verdict.VALID: 0,
        Verdict.INVALID: EXIT_INVALID,
        Verdict.INDETERMINATE: EXIT_INDETERMINATE,
    }[outcome.verdict]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    verify = sub.add_parser("verify", help="verify a sealed PDF or OFD (exit 0 only when valid)")
    verify.add_argument("file", type=Path)
    verify.add_argument("--json", action="store_true", help="print the full report as JSON")
    verify.add_argument("--html", type=Path, help="also write the report as an HTML file")
    verify.add_argument(
        "--report-pdf", type=Path, help="also write a PDF report sealed by the verification service"
    )
    verify.set_defaults(func=cmd_verify)
