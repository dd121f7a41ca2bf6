"""`onewindow worker` (run background work), `worker status` and `worker retry`."""

from __future__ import annotations

import argparse
import json
from typing import Any

from api.commands import hall_session
from cases.config import Settings
from cases.errors import InvalidInput


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    from api.memory import map_large_buffers
    from cases.hall import Hall
    from cases.jobs.runner import run_worker

    map_large_buffers()  # the pages it reads give their memory back (see api.memory)
    hall = Hall.open(settings)
    try:
        run_worker(hall)
    finally:
        hall.close()
    return 0


def cmd_status(args: argparse.Namespace, settings: Settings) -> int:
    from cases.jobs.status import queue_status

    with hall_session(settings) as (hall, _):
        report = queue_status(hall)
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else _text(report))
    return 0


def _text(report: dict[str, Any]) -> str:
    pages = report["pages"]
    lines = [
        f"队列 / queue: {report['backend']}",
        "页面 / pages: " + ", ".join(f"{k} {v}" for k, v in pages.items()),
    ]
    if report["failed_pages"]:
        lines.append("识别失败的页面 / failed pages:")
        lines += [
            f"  page {p['page']} (case {p['case']} #{p['seq']}, {p['attempts']} attempt(s)): "
            f"{p['error']}"
            for p in report["failed_pages"]
        ]
    lines.append("定时任务 / periodic jobs (last run):")
    lines += [
        f"  {r['job']:<28} {r['status']:<10} {r['started_at']} {r['worker']} {r['error']}"
        for r in report["periodic"]
    ]
    if report["failed_runs"]:
        lines.append("失败的定时任务 / failed runs:")
        lines += [f"  {r['job']} {r['started_at']}: {r['error']}" for r in report["failed_runs"]]
    if "jobs" in report:
        lines.append(
            "任务 / queue jobs: " + ", ".join(f"{k} {v}" for k, v in report["jobs"].items())
        )
        lines += [
            f"  failed job {j['id']} {j['task']} {j['args']} ({j['attempts']} attempt(s))"
            for j in report["failed_jobs"]
        ]
        lines.append(f"工作进程 / workers: {len(report['workers'])}")
    return "\n".join(lines)


def cmd_retry(args: argparse.Namespace, settings: Settings) -> int:
    from cases.jobs.status import retry_pages

    if not args.pages and not args.failed:
        raise InvalidInput(
            "name the pages to retry, or --failed for every failed page",
            "请指定要重新识别的页面编号,或使用 --failed 重试全部识别失败的页面",
        )
    with hall_session(settings) as (hall, _):
        ids = retry_pages(hall, None if args.failed else args.pages, actor="cli")
    print(f"queued again / 已重新排队: {len(ids)} page(s) {ids}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    worker = sub.add_parser(
        "worker",
        help="read pages and run the periodic jobs (any number, on any machine)",
        description="Without a subcommand: run a worker until SIGINT/SIGTERM. On PostgreSQL "
        "it takes jobs from the task queue (procrastinate); on the embedded SQLite database "
        "it reads pages and runs the periodic jobs in process.",
    )
    worker.set_defaults(func=cmd_run)
    worker_sub = worker.add_subparsers(dest="worker_command")
    status = worker_sub.add_parser("status", help="pages and jobs: queued, failed, last runs")
    status.add_argument("--json", action="store_true")
    status.set_defaults(func=cmd_status)
    retry = worker_sub.add_parser("retry", help="put failed pages back in the queue")
    retry.add_argument("pages", nargs="*", type=int, metavar="PAGE_ID")
    retry.add_argument("--failed", action="store_true", help="every failed page")
    retry.set_defaults(func=cmd_retry)
