"""`onewindow platform send|status|reconcile`: the exchange with the 一体化在线政务服务平台
(docs/platform-exchange.md)."""

from __future__ import annotations

import argparse
import json

from api.commands import hall_session
from cases.config import Settings


def cmd_send(args: argparse.Namespace, settings: Settings) -> int:
    from cases.hall import Hall
    from cases.platform.sender import send_due

    if not settings.platform_url:
        print(
            "未配置 ONEWINDOW_PLATFORM_URL,记录保留在队列中 / "
            "no receiver configured: records stay queued"
        )
        return 0
    hall = Hall.open(settings)
    try:
        report = send_due(hall.sessions, hall.store, settings, limit=args.limit)
    finally:
        hall.close()
    print(
        f"接受 / accepted {report.accepted}, 拒收 / rejected {report.rejected}, "
        f"待重试 / will retry {report.retried}"
    )
    for error in report.errors:
        print(f"  {error}")
    return 1 if report.errors else 0


def cmd_status(args: argparse.Namespace, settings: Settings) -> int:
    from cases.platform.status import exchange_status

    with hall_session(settings) as (_, session):
        status = exchange_status(session, settings, limit=args.limit)
    if args.json:
        print(
            json.dumps(
                {
                    "configured": status.configured,
                    "counts": status.counts,
                    "waiting_since": status.waiting_since,
                    "rejected": [vars(r) for r in status.rejected],
                    "failing": [vars(r) for r in status.failing],
                },
                ensure_ascii=False,
                indent=2,
                default=str,
            )
        )
        return 0
    receiver = settings.platform_url or "未配置 / not configured"
    print(f"接收地址 / receiver: {receiver}")
    print("记录 / records: " + ", ".join(f"{k} {v}" for k, v in status.counts.items()))
    if status.waiting_since is not None:
        print(f"最早待发送 / oldest queued since {status.waiting_since:%Y-%m-%d %H:%M:%S} UTC")
    if status.rejected:
        print("平台拒收 / rejected by the platform:")
        for r in status.rejected:
            print(f"  {r.case_number} #{r.seq} {r.stage}: {r.reason}")
    if status.failing:
        print("未获应答 / not answered yet:")
        for r in status.failing:
            print(f"  {r.case_number} #{r.seq} {r.stage} ({r.attempts} attempt(s)): {r.last_error}")
    return 0


def cmd_reconcile(args: argparse.Namespace, settings: Settings) -> int:
    from cases.platform.status import reconcile

    with hall_session(settings) as (_, session):
        report = reconcile(session, settings)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2, default=str))
    else:
        print(
            f"办件 / cases {report.cases}, 记录 / records {report.records}, "
            f"平台已确认 / acknowledged {report.acknowledged}, 待发送 / unsent {report.unsent}, "
            f"差异 / differences {len(report.differences)}"
        )
        for d in report.differences:
            print(
                f"  {d['kind']:<12} {d['case_number']} #{d['seq']} {d.get('stage', '')}: "
                f"{d['detail']}"
            )
    return 0 if report.clean else 1


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    platform = sub.add_parser("platform", help="exchange with the integrated service platform")
    commands = platform.add_subparsers(dest="platform_command", required=True)
    send = commands.add_parser("send", help="send the records that are due, in order per case")
    send.add_argument("--limit", type=int, default=500, help="records tried at most")
    send.set_defaults(func=cmd_send)
    status = commands.add_parser("status", help="queued, accepted and rejected records")
    status.add_argument("--limit", type=int, default=50, help="lines per list")
    status.add_argument("--json", action="store_true")
    status.set_defaults(func=cmd_status)
    reconcile = commands.add_parser(
        "reconcile", help="compare what the platform holds with the hall's records"
    )
    reconcile.add_argument("--json", action="store_true")
    reconcile.set_defaults(func=cmd_reconcile)
