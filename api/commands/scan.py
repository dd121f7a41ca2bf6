"""`onewindow devices` and `onewindow scan`: scanners from the command line.

Devices are named by driver: ``sane:<SANE device>`` (e.g. ``sane:test:0``,
``sane:net:host:epson2:...``; a bare SANE name such as ``test:0`` is taken as SANE too),
``escl:<base URL>`` (e.g. ``escl:http://10.0.0.5/eSCL``) and ``folder:<path>`` (a hot
folder). SANE sees this process's SANE_* variables (SANE_CONFIG_DIR, ...); ``--sane-config``
wins over SANE_CONFIG_DIR. ``scan --out DIR`` is also the Linux reference client of the
clerk-PC agent contract (docs/scanner-agent.md).

A scanner error ends the command with the bilingual message and the exit code of
``api.errors.TABLE`` (74 for the device, 65 for a setting it cannot do), after saying how
many pages were kept.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

# httpx, the hall's scanning (the whole intake, OCR and the database) and the error table
# are imported by the commands that use them: every `onewindow` process imports this module
from cases.config import Settings
from scanner_drivers import (
    EsclBackend,
    SaneBackend,
    ScannedPage,
    ScannerDriver,
    ScannerError,
    ScanSettings,
)

if TYPE_CHECKING:
    import httpx


def _driver(args: argparse.Namespace) -> ScannerDriver:
    from cases.intake.scanning import open_driver

    settings = ScanSettings(
        source=args.source,
        resolution=args.resolution,
        color_mode=args.mode,
        duplex=args.duplex,
    )
    return open_driver(
        args.device, settings, sane_config=args.sane_config, quiet_seconds=args.quiet
    )


def cmd_devices(args: argparse.Namespace, settings: Settings) -> int:
    from api.errors import cli_message

    found = []
    try:
        found += SaneBackend(config_dir=args.sane_config, environ=os.environ).devices()
    except ScannerError as e:
        print(f"SANE: {cli_message(e)}", file=sys.stderr)
    for url in args.escl:
        try:
            found += EsclBackend(url, timeout=5).devices()
        except ScannerError as e:
            print(f"eSCL {url}: {cli_message(e)}", file=sys.stderr)
    if args.json:
        print(json.dumps([asdict(d) for d in found], ensure_ascii=False, indent=2))
    else:
        for d in found:
            print(f"{d.id}\t{d.vendor} {d.model}\t{d.kind}")
    return 0


def push_pages(driver: ScannerDriver, client: httpx.Client, *, case_number: str, job: str) -> int:
    """The clerk-PC agent's loop: each page goes to the server as soon as it is scanned.

    Every request carries the job and the page's identity, and a page is retried with the
    same identity after a network error, so the server can store it exactly once.
    """
    import httpx

    sent = 0
    for page in driver.scan():
        headers = {"X-Scan-Job": job, "X-Page-Key": f"{driver.name}:{page.identity}"}
        files = {"files": (page.source.replace("/", "_"), page.data, page.content_type)}
        for attempt in range(4):
            try:
                response = client.post(
                    f"/api/v1/cases/{case_number}/pages", files=files, headers=headers
                )
                break
            except httpx.TransportError:
                if attempt == 3:
                    raise
                time.sleep(0.5 * (attempt + 1))
        if response.status_code >= 400:
            raise ScannerError(
                f"server refused page {page.index + 1}: HTTP {response.status_code} "
                f"{response.text[:300]}; the pages before it were sent: fix the cause and "
                "scan again from this page",
                f"服务器拒收第 {page.index + 1} 页（{response.status_code}），此前各页已发送，"
                "请排除原因后从该页起重新扫描",
            )
        sent += 1
    return sent


def cmd_scan(args: argparse.Namespace, settings: Settings) -> int:
    import httpx

    from api.errors import cli_message, exit_code

    if not args.case and not args.out:
        print(
            "错误 / error: 请给出 --case 案件编号和/或 --out 目录 / "
            "give --case NUMBER and/or --out DIR",
            file=sys.stderr,
        )
        return 64
    try:
        driver = _driver(args)
    except ScannerError as e:
        print(cli_message(e, " (nothing scanned / 未扫描)"), file=sys.stderr)
        return exit_code(e)
    if args.case and args.server:
        headers = {"Authorization": f"Bearer {args.token}"}
        with httpx.Client(base_url=args.server, headers=headers, timeout=60) as client:
            try:
                sent = push_pages(
                    _saving(driver, args.out), client, case_number=args.case, job=uuid.uuid4().hex
                )
            except ScannerError as e:
                print(cli_message(e), file=sys.stderr)
                return exit_code(e)
        print(f"{sent} page(s) sent to {args.server} for case {args.case}")
        return 0
    if args.case:
        from cases.hall import Hall
        from cases.intake.scanning import scan_into_case

        hall = Hall.open(settings)
        try:
            report = scan_into_case(
                hall, case_number=args.case, driver=_saving(driver, args.out), actor=args.user
            )
        finally:
            hall.close()
        summary = {
            "case": report.case_number,
            "added": report.added,
            "duplicates": report.duplicates,
            "control_sheets": report.control_sheets,
            "materials": report.materials,
            "unlabelled": report.unlabelled,
            "blank_pages": report.blank_pages,
            "refused": report.refused,
            "error": report.error.code if report.error else None,
        }
        print(json.dumps(summary, ensure_ascii=False))
        if report.error is not None:
            print(cli_message(report.error), file=sys.stderr)
            return exit_code(report.error)
        return 0
    count = 0
    try:
        for _ in _saving(driver, args.out).scan():
            count += 1
    except ScannerError as e:
        print(cli_message(e, f" ({count} page(s) saved / 已保存 {count} 页)"), file=sys.stderr)
        return exit_code(e)
    print(f"{count} page(s) saved to {args.out}")
    return 0


class _Saving:
    """Wraps a driver so every page is also written to a folder as it arrives."""

    def __init__(self, inner: ScannerDriver, out: Path) -> None:
        self.inner = inner
        self.name = inner.name
        self.out = out
        out.mkdir(parents=True, exist_ok=True)

    def scan(self) -> Iterator[ScannedPage]:
        ext = {"image/jpeg": "jpg", "image/png": "png", "image/tiff": "tif"}
        first = len(list(self.out.glob("page*")))
        for number, page in enumerate(self.inner.scan(), start=first + 1):
            name = f"page{number:04d}.{ext[page.content_type]}"
            (self.out / name).write_bytes(page.data)
            yield page

    def cancel(self) -> None:
        self.inner.cancel()


def _saving(driver: ScannerDriver, out: Path | None) -> ScannerDriver:
    return driver if out is None else _Saving(driver, out)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    devices = sub.add_parser("devices", help="list scanners (SANE, and eSCL URLs given)")
    devices.add_argument("--escl", action="append", default=[], metavar="URL")
    devices.add_argument(
        "--sane-config",
        type=Path,
        help="a SANE configuration directory (wins over SANE_CONFIG_DIR)",
    )
    devices.add_argument("--json", action="store_true")
    devices.set_defaults(func=cmd_devices)

    scan = sub.add_parser("scan", help="scan a batch into a case and/or a folder")
    scan.add_argument(
        "--device", required=True, help="sane:DEV (or a bare SANE name) | escl:URL | folder:PATH"
    )
    scan.add_argument("--source", default="adf", choices=["adf", "flatbed", "camera"])
    scan.add_argument("--resolution", type=int, default=200)
    scan.add_argument("--mode", default="gray", choices=["gray", "color", "lineart"])
    scan.add_argument("--duplex", action="store_true")
    scan.add_argument("--case", help="case number to add the pages to")
    scan.add_argument("--user", default="clerk", help="the clerk recorded as adding pages")
    scan.add_argument("--out", type=Path, help="also write each page to this folder")
    scan.add_argument(
        "--sane-config",
        type=Path,
        help="a SANE configuration directory (wins over SANE_CONFIG_DIR)",
    )
    scan.add_argument("--server", help="agent mode: send pages to this onewindow server")
    scan.add_argument("--token", default="", help="the clerk's API token (agent mode)")
    scan.add_argument("--quiet", type=float, default=2.0, help="hot folder quiet seconds")
    scan.set_defaults(func=cmd_scan)
