"""`onewindow check`: the counter's check of scanned files, without opening a case.

For a clerk or an applicant's agent who wants to know before queueing what the window will
say. Reads each file with the OCR engine, checks it against the item's current checklist
and prints the decision and every deficiency; writes the notice the window would issue,
marked as a pre-check (预审), not registered as a case; sealed only with --seal-as.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from dataclasses import asdict
from datetime import date
from pathlib import Path

from api.commands import hall_session
from cases.config import Settings
from cases.errors import InvalidInput


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    from cases.acceptance.decision import evaluate
    from cases.acceptance.notice_lines import draft_notice
    from cases.acceptance.page_evidence import facts
    from cases.db import session_scope
    from cases.hall import Hall
    from cases.printing.documents import NoticeContent, render_notice
    from cases.seals.registry import apply_seal, seal_for
    from models import Window
    from ocr import OcrError, classify, extract_fields, read_page

    hall = Hall.open(settings)
    with session_scope(hall.sessions) as session:
        catalog = hall.catalog.current(session)
    spec = catalog.item(args.item)
    hints = [m.ocr_hint() for m in spec.materials]
    pages = []
    digest = hashlib.sha256()
    for number, path in enumerate(args.files, start=1):
        try:
            data = path.read_bytes()
        except OSError as e:
            raise InvalidInput(f"{path}: cannot read: {e}", f"{path}:无法读取") from e
        digest.update(data)
        try:
            reading = read_page(data, hall.ocr)
        except OcrError as e:
            raise InvalidInput(f"{path}: {e.en}", f"{path}:{e.zh}") from e
        guess = classify(reading.text, hints)
        pages.append(
            facts(
                page_id=number,
                number=number,
                material_code=guess.code,
                readable=not reading.blank,
                fields=[asdict(f) for f in extract_fields(reading)],
                seals=len(reading.seals),
                lines=reading.lines,
            )
        )
    ev = evaluate(
        spec,
        pages,
        applicant_type=args.applicant_type,
        scenario=args.scenario,
        conditional=not args.no_commitment,
    )
    result = ev.result
    reqs = {r.code: r for r in spec.materials}
    # not accepted yet: 容缺 lines give the rule (受理之日起N个工作日内), not a date
    draft = draft_notice(ev, spec, accepted_on=None, calendar=hall.calendar)
    notice_number = f"预审-{date.today():%Y%m%d}-{digest.hexdigest()[:8]}"
    out = args.out or Path(f"{notice_number}.pdf")
    with session_scope(hall.sessions) as session:
        window = session.query(Window).order_by(Window.id).first()
        content = NoticeContent(
            kind=draft.kind,
            number=notice_number,
            case_number="预审(未立案)",
            hall_name=hall.catalog.org.hall.name,
            window_name=window.name if window else "综合受理窗口",
            department_name=catalog.department(spec.department).name,
            item_name=spec.name,
            applicant_name=args.applicant_name,
            issued_on=date.today(),
            lines=draft.lines,
            reason=ev.reason,
            time_limit_days=spec.time_limit_days,
            overdue_text=draft.overdue_text,
        )
        rendered = render_notice(content)
        pdf = rendered.pdf
        if window is not None and args.seal_as:
            seal = seal_for(session, window_id=window.id)
            pdf = apply_seal(
                session,
                hall.pki,
                seal,
                rendered,
                actor=args.seal_as,
                purpose=f"pre-check {notice_number}",
            )
    out.write_bytes(pdf)
    hall.close()
    report = {
        "item": spec.code,
        "checklist_version": spec.version,
        "applicant_type": args.applicant_type,
        "decision": ev.decision.value,
        "reason": ev.reason or None,
        "deficiencies": [
            {
                "material": reqs[f.material_code].name if f.material_code in reqs else None,
                "material_code": f.material_code or None,
                "page": f.page_number,
                "kind": f.kind.value,
                "reason": f.message,
            }
            for f in result.findings
        ],
        "pending": [r.code for r in result.pending_eligible],
        "notice_lines": [{"material": n.material, "detail": n.detail} for n in draft.lines],
        "pages": [
            {"page": p.number, "file": str(f), "material_code": p.material_code}
            for p, f in zip(pages, args.files, strict=True)
        ],
        "notice_pdf": str(out),
    }
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(f"{spec.name}:{ev.decision.value}")
        for d in report["deficiencies"]:
            print(f"  - {d['reason']}")
        print(f"通知书:{out}")
    return 0


def cmd_pending_run(args: argparse.Namespace, settings: Settings) -> int:
    """Daily job for conditional cases: reminders before the deadline, then 超期处理, each
    told to the applicant by SMS (the worker runs the same as its periodic `pending.run`)."""
    from cases.delivery import pending_notices

    today = date.fromisoformat(args.today) if args.today else date.today()
    with hall_session(settings) as (hall, session):
        done = pending_notices.run(session, hall, today=today)
        sent = {m.case_id: m.status for m in done.messages}
    report = {
        "today": today.isoformat(),
        "reminders": [
            {"case": r.case_number, "due_on": r.due_on.isoformat(), "sms": sent.get(r.case_id)}
            for r in done.reminders
        ],
        "overdue": [{"case": o.case_number, "sms": sent.get(o.case_id)} for o in done.overdue],
    }
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for r in done.reminders:
            print(f"提醒 {r.case_number}:{'、'.join(r.materials)},短信 {sent.get(r.case_id)}")
        for o in done.overdue:
            print(f"超期处理 {o.case_number}:短信 {sent.get(o.case_id)}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = sub.add_parser("pending", help="conditional cases: reminders and overdue handling")
    run_sub = run.add_subparsers(dest="pending_command", required=True)
    daily = run_sub.add_parser("run", help="send reminders due today, then handle overdue cases")
    daily.add_argument("--today", help="YYYY-MM-DD (default: today)")
    daily.add_argument("--json", action="store_true")
    daily.set_defaults(func=cmd_pending_run)

    check = sub.add_parser("check", help="check scanned materials against an item's checklist")
    check.add_argument("--item", required=True, help="service item code, e.g. SCJG-GT-001")
    check.add_argument("--applicant-type", choices=("person", "enterprise"), default="person")
    check.add_argument("--applicant-name", default="申请人")
    check.add_argument("--scenario", help="sub-scenario of the item, e.g. agent")
    check.add_argument(
        "--no-commitment",
        action="store_true",
        help="the applicant will not sign the 容缺 commitment: missing materials are corrections",
    )
    check.add_argument("--out", type=Path, help="where to write the notice PDF")
    check.add_argument(
        "--seal-as",
        metavar="USERNAME",
        help="seal the notice with the window seal as this clerk (default: unsealed pre-check)",
    )
    check.add_argument("--json", action="store_true")
    check.add_argument("files", type=Path, nargs="+", metavar="FILE")
    check.set_defaults(func=cmd_check)
