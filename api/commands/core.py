"""`onewindow demo`, `serve` and `users`."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from api.commands import hall_session
from cases.config import Settings
from cases.errors import InvalidInput


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    from api.demo import run_demo
    from cases.hall import Hall

    hall = Hall.open(settings)
    result = run_demo(hall, args.out or settings.data_dir / "demo")
    hall.close()
    return 0 if result["ok"] else 1


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from api.app import create_app

    # uvicorn would take X-Forwarded-For from 127.0.0.1 as the client address (its default
    # `forwarded_allow_ips`), letting anyone on the host or behind a local proxy claim a new
    # address per request. The application reads the header itself, and only from the
    # proxies in ONEWINDOW_TRUSTED_PROXIES (api/throttling.py).
    if args.workers > 1:  # each process builds its own app from the same ONEWINDOW_ settings
        uvicorn.run(
            "api.app:create_app",
            factory=True,
            workers=args.workers,
            # a worker opens the hall (migrations, catalog, seal keys) before it answers
            # the supervisor's pings: seconds on a busy machine, not the default 5 s
            timeout_worker_healthcheck=120,
            host=args.host,
            port=args.port,
            log_level="info",
            proxy_headers=False,
        )
    else:
        uvicorn.run(
            create_app(settings),
            host=args.host,
            port=args.port,
            log_level="info",
            proxy_headers=False,
        )
    return 0


def _read_password() -> str:
    """From a terminal, asked twice without echo; otherwise the first line of stdin."""
    if sys.stdin.isatty():
        first = getpass.getpass("密码 / password: ")
        if getpass.getpass("再次输入 / again: ") != first:
            raise InvalidInput("the two passwords differ", "两次输入的密码不一致")
        return first
    return sys.stdin.readline().rstrip("\n")


def cmd_users_create(args: argparse.Namespace, settings: Settings) -> int:
    from cases.accounts import create_user, set_password
    from models import Role

    password = _read_password() if args.password_stdin else None
    with hall_session(settings) as (_, session):
        user, token = create_user(
            session,
            username=args.username,
            display_name=args.name or args.username,
            role=Role(args.role),
            department_code=args.department,
            window_code=args.window,
            hall_code=args.hall,
            league=args.league,
        )
        if password is not None:
            set_password(user, password)
    print(token)
    return 0


def cmd_users_password(args: argparse.Namespace, settings: Settings) -> int:
    from sqlalchemy import select

    from cases.accounts import set_password
    from cases.errors import NotFound
    from models import User

    password = _read_password()
    with hall_session(settings) as (_, session):
        user = session.scalars(select(User).where(User.username == args.username)).first()
        if user is None:
            raise NotFound(f"no user {args.username!r}", f"用户 {args.username!r} 不存在")
        set_password(user, password)
    print(f"password set for {args.username} / 已设置 {args.username} 的登录密码")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = sub.add_parser("demo", help="run one case end to end on generated scans")
    demo.add_argument("--out", type=Path)
    demo.set_defaults(func=cmd_demo)

    serve = sub.add_parser(
        "serve", help="start the API (and, on the embedded database, the in-process worker)"
    )
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    serve.set_defaults(func=cmd_serve)

    users = sub.add_parser("users", help="staff accounts")
    users_sub = users.add_subparsers(dest="users_command", required=True)
    create = users_sub.add_parser("create", help="create a user and print its API token")
    create.add_argument("username")
    create.add_argument(
        "--role",
        required=True,
        choices=["clerk", "reviewer", "admin", "locker"],
        help="locker: a self-service locker terminal's device account (API token only)",
    )
    create.add_argument("--department")
    create.add_argument("--window")
    create.add_argument(
        "--hall", help="the hall's code (default: the window's, else the department's hall)"
    )
    create.add_argument(
        "--league", action="store_true", help="an admin of the league: sees every hall's cases"
    )
    create.add_argument("--name")
    create.add_argument(
        "--password-stdin", action="store_true", help="also set a web login password (read)"
    )
    create.set_defaults(func=cmd_users_create)
    password = users_sub.add_parser("password", help="set a user's web login password")
    password.add_argument("username")
    password.set_defaults(func=cmd_users_password)
