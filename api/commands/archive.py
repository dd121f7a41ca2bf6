"""`onewindow archive put/get/ls/fixity/reconcile/audit-verify/audit-checkpoint/migrate/drain`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from api.commands import hall_session
from cases.config import Settings
from cases.errors import ConfigurationError, InvalidInput

EXIT_PROBLEM = 1


def _print(args: argparse.Namespace, data: dict[str, Any], text: str) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2) if args.json else text)


def cmd_put(args: argparse.Namespace, settings: Settings) -> int:
    from cases.records.storage import archive_bytes

    path: Path = args.file
    if not path.is_file():
        raise InvalidInput(f"{path}: no such file", f"{path}:文件不存在")
    with hall_session(settings) as (hall, session), path.open("rb") as stream:
        row = archive_bytes(
            session,
            hall.store,
            stream,
            content_type=args.content_type,
            doc_class=args.doc_class,
            provided_by="cli",
        )
        data = {"id": row.id, "key": row.key, "sha256": row.sha256, "size": row.size}
    _print(args, data, f"{data['key']} {data['sha256']}")
    return 0


def cmd_get(args: argparse.Namespace, settings: Settings) -> int:
    from cases.hall import Hall

    hall = Hall.open(settings)
    out = sys.stdout.buffer if args.out is None else args.out.open("wb")
    try:
        with hall.store.open(args.key) as stream:
            while chunk := stream.read(1024 * 1024):
                out.write(chunk)
    finally:
        if args.out is not None:
            out.close()
        hall.close()
    return 0


def cmd_ls(args: argparse.Namespace, settings: Settings) -> int:
    from cases.hall import Hall

    hall = Hall.open(settings)
    for info in hall.store.list(args.prefix):
        if args.json:
            print(json.dumps({"key": info.key, "size": info.size, "sha256": info.sha256}))
        else:
            print(f"{info.size:>12} {info.sha256} {info.key}")
    hall.close()
    return 0


def cmd_fixity(args: argparse.Namespace, settings: Settings) -> int:
    from cases.records.fixity import run_fixity

    with hall_session(settings) as (hall, session):
        report = run_fixity(session, hall.store, sample=args.sample, actor="cli")
    lines = [f"checked {report.checked}, ok {report.ok}"]
    lines += [f"MISMATCH {k}" for k in report.mismatched]
    lines += [f"MISSING  {k}" for k in report.missing]
    lines += [f"UNREADABLE {k} ({c})" for k, c in report.unreadable.items()]
    _print(args, report.to_dict(), "\n".join(lines))
    return 0 if report.clean else EXIT_PROBLEM


def cmd_reconcile(args: argparse.Namespace, settings: Settings) -> int:
    from datetime import timedelta

    from cases.records.reconcile import reconcile

    with hall_session(settings) as (hall, session):
        report = reconcile(
            session, hall.store, grace=timedelta(minutes=args.grace_minutes), actor="cli"
        )
    lines = [f"objects {report.objects}, rows {report.rows}"]
    lines += [
        f"ORPHAN   {o.key} ({o.doc_class}, {o.size} bytes, {o.modified:%Y-%m-%d %H:%M})"
        for o in report.orphans
    ]
    lines += [f"MISSING  {k}" for k in report.missing]
    lines += [
        f"VOID     {n} (number reserved, document never registered)" for n in report.void_numbers
    ]
    _print(args, report.to_dict(), "\n".join(lines))
    return 0 if report.clean else EXIT_PROBLEM


def cmd_audit_verify(args: argparse.Namespace, settings: Settings) -> int:
    from cases.audit import verify_chain
    from cases.oversight.checkpoints import verify_checkpoints

    with hall_session(settings) as (hall, session):
        chain = verify_chain(session)
        problems = verify_checkpoints(session, hall.pki, hall.store)
    data = {
        "ok": chain.ok and not problems,
        "events": chain.events,
        "last_seq": chain.last_seq,
        "last_hash": chain.last_hash,
        "first_broken_seq": chain.broken_seq,
        "first_broken_event_id": chain.broken_id,
        "reason": chain.reason,
        "checkpoint_problems": [{"seq": p.seq, "reason": p.reason} for p in problems],
    }
    if chain.ok:
        text = f"audit chain intact: {chain.events} events, head {chain.last_hash}"
    else:
        text = (
            f"审计链断裂 / audit chain BROKEN at seq {chain.broken_seq} "
            f"(event id {chain.broken_id}): {chain.reason}"
        )
    text += "".join(f"\ncheckpoint {p.seq}: {p.reason}" for p in problems)
    _print(args, data, text)
    return 0 if data["ok"] else EXIT_PROBLEM


def cmd_audit_checkpoint(args: argparse.Namespace, settings: Settings) -> int:
    from cases.oversight.checkpoints import make_checkpoint

    with hall_session(settings) as (hall, session):
        checkpoint = make_checkpoint(session, hall.pki, hall.store, actor="cli")
        data = {"seq": checkpoint.seq, "hash": checkpoint.hash} if checkpoint else {}
    _print(args, data, f"checkpoint at seq {data['seq']}" if data else "nothing new to seal")
    return 0


def cmd_migrate(args: argparse.Namespace, settings: Settings) -> int:
    from archive import LocalFolderStore
    from archive.migrate import copy_store
    from archive.s3 import S3Store

    if not (settings.s3_endpoint and settings.s3_access_key and settings.s3_secret_key):
        raise ConfigurationError(
            "set ONEWINDOW_S3_ENDPOINT, ONEWINDOW_S3_ACCESS_KEY and ONEWINDOW_S3_SECRET_KEY "
            "to the target S3 store",
            "请设置目标 S3 存储的 ONEWINDOW_S3_ENDPOINT、访问密钥与私有密钥",
        )
    source = LocalFolderStore(args.source or settings.store_dir)
    target = S3Store(
        endpoint=settings.s3_endpoint,
        access_key=settings.s3_access_key,
        secret_key=settings.s3_secret_key,
        bucket=settings.s3_bucket,
        secure=settings.s3_secure,
        region=settings.s3_region,
    )
    report = copy_store(source, target)
    data = {
        "copied": len(report.copied),
        "already_there": len(report.skipped),
        "verified": report.verified,
        "failed": report.failed,
    }
    text = (
        f"copied {data['copied']}, already there {data['already_there']}, "
        f"verified {report.verified}, failed {len(report.failed)}"
    )
    text += "".join(f"\nFAILED {k}: {why}" for k, why in report.failed.items())
    _print(args, data, text)
    return 0 if report.ok else EXIT_PROBLEM


def cmd_drain(args: argparse.Namespace, settings: Settings) -> int:
    from cases.records.access import drain

    with hall_session(settings) as (hall, session):
        data = drain(session, hall.store, actor="cli")
    _print(args, data, " ".join(f"{k} {v}" for k, v in data.items()))
    return 0 if data["remaining"] == 0 else EXIT_PROBLEM


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    archive = sub.add_parser("archive", help="the object archive: store, check, migrate")
    cmds = archive.add_subparsers(dest="archive_command", required=True)

    def add(name: str, func: Any, help_text: str) -> argparse.ArgumentParser:
        parser = cmds.add_parser(name, help=help_text)
        parser.add_argument("--json", action="store_true")
        parser.set_defaults(func=func)
        return parser

    put = add("put", cmd_put, "archive a file (streamed); prints its key and SHA-256")
    put.add_argument("file", type=Path)
    put.add_argument("--doc-class", default="material")
    put.add_argument("--content-type", default="application/octet-stream")
    get = add("get", cmd_get, "write an object to a file or stdout (hash verified)")
    get.add_argument("key")
    get.add_argument("--out", type=Path)
    ls = add("ls", cmd_ls, "list objects")
    ls.add_argument("--prefix", default="")
    fixity = add("fixity", cmd_fixity, "re-hash objects; exit 1 on mismatch or loss")
    fixity.add_argument("--sample", type=int, help="check this many random objects")
    reconcile = add(
        "reconcile",
        cmd_reconcile,
        "objects without rows, rows without objects, void numbers; exit 1 if any",
    )
    reconcile.add_argument(
        "--grace-minutes", type=int, default=30, help="skip objects younger than this"
    )
    add("audit-verify", cmd_audit_verify, "check the audit hash chain and its checkpoints")
    add("audit-checkpoint", cmd_audit_checkpoint, "seal a checkpoint of the audit chain")
    migrate = add("migrate", cmd_migrate, "copy the local store into S3, verifying hashes")
    migrate.add_argument("--source", type=Path, help="default: the data dir's local store")
    add("drain", cmd_drain, "upload objects staged during an object-store outage")
