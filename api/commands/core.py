"""`onewindow demo`, `serve` and `users`."""

from __future__ import annotations

import argparse
from pathlib import Path

from cases.config import Settings


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


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = sub.add_parser("demo", help="run one case end to end on generated scans")
    demo.add_argument("--out", type=Path)
    demo.set_defaults(func=cmd_demo)

    serve = sub.add_parser("serve", help="start the API and the in-process worker")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(func=cmd_serve)

    users = sub.add_parser("users", help="staff accounts")
    users_sub = users.add_subparsers(dest="users_command", required=True)
    create = users_sub.add_parser("create", help="create a user and print its API token")
    create.add_argument("username")
    create.add_argument("--role", required=True, choices=["clerk", "reviewer", "admin"])
    create.add_argument("--department")
    create.add_argument("--window")
    create.add_argument("--name")
    create.set_defaults(func=cmd_users_create)
