"""`onewindow stats` (supervision table, CSV, chart) and `onewindow deadlines` (warnings
and overdue escalation, for a daily timer)."""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path

from api.commands import hall_session
from cases.config import Settings


def cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    from cases.oversight.supervision import render_chart, supervise, table, to_csv

    end = args.to or date.today()
    start = args.from_ or end - timedelta(days=30)
    with hall_session(settings) as (_, session):
        report = supervise(session, start, end, today=args.today, hall=args.hall)
    print(table(report))
    if args.csv:
        args.csv.write_text(to_csv(report), encoding="utf-8")
        print(f"CSV: {args.csv}")
    if args.chart:
        render_chart(report, args.chart, font=settings.font_path)
        print(f"chart: {args.chart}")
    return 0


def cmd_deadlines(args: argparse.Namespace, settings: Settings) -> int:
    from cases.tasks.deadlines import scan

    with hall_session(settings) as (_, session):
        alerts = scan(
            session, args.today or date.today(), warning_days=settings.deadline_warning_days
        )
    for a in alerts:
        label = "超期督办" if a.kind == "escalation" else "临期预警"
        left = a.working_days_left
        print(f"{label}  {a.case_number}  应于 {a.due_on} 办结  剩余 {left} 个工作日")
    print(f"{len(alerts)} alert(s)")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    stats = sub.add_parser("stats", help="supervision: volumes, on-time rate, satisfaction")
    stats.add_argument("--from", dest="from_", type=date.fromisoformat, metavar="DATE")
    stats.add_argument("--to", type=date.fromisoformat, metavar="DATE")
    stats.add_argument("--today", type=date.fromisoformat, help="judge overdue as of this day")
    stats.add_argument("--hall", metavar="CODE", help="one hall's cases (default: every hall)")
    stats.add_argument("--chart", type=Path, metavar="FILE.png")
    stats.add_argument("--csv", type=Path, metavar="FILE.csv")
    stats.set_defaults(func=cmd_stats)

    deadlines = sub.add_parser("deadlines", help="warn near-due and escalate overdue tasks")
    deadlines.add_argument("--today", type=date.fromisoformat)
    deadlines.set_defaults(func=cmd_deadlines)
