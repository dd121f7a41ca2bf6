"""`onewindow licenses` and `onewindow seals`: the license status registry (show, change,
revoke/cancel), the seal registry (list, revoke) and delegations (grant, list, revoke)."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TYPE_CHECKING

from api.commands import hall_session
from cases.config import Settings
from cases.errors import NotFound

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from models import User


def _user(session: Session, username: str) -> User:
    from sqlalchemy import select

    from models import User

    user = session.scalars(select(User).where(User.username == username)).first()
    if user is None:
        raise NotFound(f"no user {username}", f"用户 {username} 不存在")
    return user


def cmd_show(args: argparse.Namespace, settings: Settings) -> int:
    from cases.results.licenses import find_license
    from cases.verification.status import license_entry

    with hall_session(settings) as (_, s):
        entry = license_entry(s, find_license(s, args.number))
    print(json.dumps(entry, ensure_ascii=False, indent=2, default=str))
    return 0


def cmd_revoke(args: argparse.Namespace, settings: Settings) -> int:
    from cases.results.licenses import find_license, revoke_license
    from models import LicenseStatus

    status = LicenseStatus.REVOKED if args.withdraw else LicenseStatus.CANCELLED
    with hall_session(settings) as (_, s):
        license_ = find_license(s, args.number)
        revoke_license(s, license_, actor=_user(s, args.actor), reason=args.reason, status=status)
    print(f"{args.number}: {status.value}")
    return 0


def cmd_change(args: argparse.Namespace, settings: Settings) -> int:
    from cases.results.licenses import change_license, find_license

    with hall_session(settings) as (hall, s):
        new = change_license(
            s,
            hall,
            find_license(s, args.number),
            actor=_user(s, args.actor),
            reason=args.reason,
            holder=args.holder,
            valid_until=args.valid_until,
        )
        number = new.number
    print(f"{args.number} superseded by {number}")
    return 0


def cmd_seals_list(args: argparse.Namespace, settings: Settings) -> int:
    from sqlalchemy import select

    from cases.seals.registry import seal_status
    from models import Seal

    with hall_session(settings) as (_, s):
        for seal in s.scalars(select(Seal).order_by(Seal.id)):
            print(f"{seal.code}\t{seal_status(seal).value}\t{seal.not_after:%Y-%m-%d}\t{seal.name}")
    return 0


def cmd_seals_revoke(args: argparse.Namespace, settings: Settings) -> int:
    from cases.seals.registry import revoke_seal, seal_by_code

    with hall_session(settings) as (_, s):
        revoke_seal(s, seal_by_code(s, args.code), actor=args.actor, reason=args.reason)
    print(f"{args.code}: revoked")
    return 0


def cmd_grant_seal(args: argparse.Namespace, settings: Settings) -> int:
    from sqlalchemy import select

    from cases.seals.delegations import grant_seal_use, grant_window_seal_use
    from cases.seals.registry import seal_by_code
    from models import Department, Window

    with hall_session(settings) as (_, s):
        dept = s.scalars(select(Department).where(Department.code == args.department)).first()
        if dept is None:
            raise NotFound(f"no department {args.department}", f"部门 {args.department} 不存在")
        if args.window:  # 即办件: the window's clerks decide and seal on the spot
            window = s.scalars(select(Window).where(Window.code == args.window)).first()
            if window is None:
                raise NotFound(f"no window {args.window}", f"窗口 {args.window} 不存在")
            delegation = grant_window_seal_use(
                s,
                department=dept,
                window=window,
                item_codes=args.items,
                seal=seal_by_code(s, args.seal) if args.seal else None,
                valid_from=args.valid_from,
                valid_to=args.valid_to,
                actor=args.actor,
                note=args.note,
            )
            ident = delegation.id
            print(
                f"delegation {ident}: window {args.window} may seal {args.department}'s "
                f"immediate results ({' '.join(args.items) or 'all immediate items'})"
            )
            return 0
        delegation = grant_seal_use(
            s,
            department=dept,
            user=_user(s, args.user),
            seal=seal_by_code(s, args.seal) if args.seal else None,
            valid_from=args.valid_from,
            valid_to=args.valid_to,
            actor=args.actor,
            note=args.note,
        )
        ident = delegation.id
    print(f"delegation {ident}: {args.user} may use the seal of {args.department}")
    return 0


def cmd_delegations_list(args: argparse.Namespace, settings: Settings) -> int:
    from sqlalchemy import select

    from models import Delegation

    with hall_session(settings) as (_, s):
        for d in s.scalars(select(Delegation).order_by(Delegation.id)):
            who = (
                f"user:{d.user_id}"
                if d.user_id
                else (f"window:{d.window_id}" if d.window_id else "reviewers")
            )
            state = "revoked" if d.revoked else f"{d.valid_from}..{d.valid_to}"
            print(f"{d.id}\t{d.kind}\tdept:{d.department_id}\t{who}\t{state}\t{d.note}")
    return 0


def cmd_delegations_revoke(args: argparse.Namespace, settings: Settings) -> int:
    from cases.seals.delegations import revoke_delegation
    from models import Delegation

    with hall_session(settings) as (_, s):
        delegation = s.get(Delegation, args.id)
        if delegation is None:
            raise NotFound(f"no delegation {args.id}", f"授权委托 {args.id} 不存在")
        revoke_delegation(s, delegation, actor=args.actor, reason=args.reason)
    print(f"delegation {args.id}: revoked")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    lic = sub.add_parser("licenses", help="license status registry: show, change, revoke")
    lsub = lic.add_subparsers(dest="licenses_command", required=True)
    show = lsub.add_parser("show", help="the registry entry of a license")
    show.add_argument("number")
    show.set_defaults(func=cmd_show)
    revoke = lsub.add_parser("revoke", help="注销 (default) or 撤销 (--withdraw) with a reason")
    revoke.add_argument("number")
    revoke.add_argument("--reason", required=True)
    revoke.add_argument("--as", dest="actor", required=True, help="reviewer of the issuer")
    revoke.add_argument("--withdraw", action="store_true", help="撤销 instead of 注销")
    revoke.set_defaults(func=cmd_revoke)
    change = lsub.add_parser("change", help="变更: issue the next version, supersede this one")
    change.add_argument("number")
    change.add_argument("--reason", required=True)
    change.add_argument("--as", dest="actor", required=True)
    change.add_argument("--holder")
    change.add_argument("--valid-until", type=date.fromisoformat)
    change.set_defaults(func=cmd_change)

    seals = sub.add_parser("seals", help="seal registry and delegations (授权委托)")
    ssub = seals.add_subparsers(dest="seals_command", required=True)
    ssub.add_parser("list", help="every seal and its status").set_defaults(func=cmd_seals_list)
    srevoke = ssub.add_parser("revoke", help="take a seal out of use")
    srevoke.add_argument("code")
    srevoke.add_argument("--reason", required=True)
    srevoke.add_argument("--as", dest="actor", default="admin")
    srevoke.set_defaults(func=cmd_seals_revoke)
    grant = ssub.add_parser(
        "grant", help="authorise a reviewer, or a window for immediate items, to use a seal"
    )
    grant.add_argument("--department", required=True)
    who = grant.add_mutually_exclusive_group(required=True)
    who.add_argument("--user")
    who.add_argument("--window", help="a window code: its clerks issue immediate items (即办件)")
    grant.add_argument("--items", nargs="*", default=[], help="immediate item codes (--window)")
    grant.add_argument("--seal", help="one seal code (default: any seal of the department)")
    grant.add_argument("--from", dest="valid_from", type=date.fromisoformat, default=date.today())
    grant.add_argument("--to", dest="valid_to", type=date.fromisoformat, required=True)
    grant.add_argument("--as", dest="actor", default="admin")
    grant.add_argument("--note", default="")
    grant.set_defaults(func=cmd_grant_seal)
    ssub.add_parser("delegations", help="list delegations").set_defaults(func=cmd_delegations_list)
    drevoke = ssub.add_parser("revoke-delegation", help="revoke a delegation")
    drevoke.add_argument("id", type=int)
    drevoke.add_argument("--reason", required=True)
    drevoke.add_argument("--as", dest="actor", default="admin")
    drevoke.set_defaults(func=cmd_delegations_revoke)
