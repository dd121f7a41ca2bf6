"""N window clerks against a running server on PostgreSQL, and how page reading scales with
worker processes, beside the baseline of the OCR engine alone on one core, in the same run.

Load: each clerk (locust, bench/load/locustfile.py) opens a case, uploads a five-page
submission and polls the case until every page is read, then takes the next applicant.
Pages/s is counted in the database (pages read during the measured window, after a warm-up),
latency upload→every page read by the clerks.

Scaling: a backlog of pages is uploaded with no worker running, then 1 or 2 `onewindow
worker` processes, each pinned to its own core (taskset), drain it; pages/s from the first
page read to the last, and every page's claim count (each page must be read exactly once).
Rounds alternate 1, 2, 1, 2, ... so drift in the machine's load hits both alike.

Run: .venv/bin/python bench/bench_load.py [--seconds 90] [--clerks 1,2,4,8] [--workers 1,2]
     [--backlog 40] [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import httpx
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cases.accounts import create_user  # noqa: E402
from cases.config import Settings  # noqa: E402
from cases.db import session_scope  # noqa: E402
from cases.hall import Hall  # noqa: E402
from models import Page, PageStatus, Role  # noqa: E402
from ocr import RapidOcrEngine, read_page  # noqa: E402
from sample_scans.scans import generate_pages, sample_applicant  # noqa: E402
from tests.api.conftest import fresh_postgres_database  # noqa: E402
from tests.servers import free_port, start_postgres  # noqa: E402

ONEWINDOW = [sys.executable, "-c", "import sys; from api.cli import main; sys.exit(main())"]
LOCUST = str(Path(sys.executable).parent / "locust")


def _pages(folder: Path) -> list[Path]:
    first = generate_pages(
        "个体工商户设立登记", ["application_form", "id_card", "premises_proof"], sample_applicant(3)
    )
    more = generate_pages(
        "个体工商户设立登记", ["application_form", "id_card"], sample_applicant(4)
    )
    paths = []
    for i, page in enumerate(first + more):
        path = folder / f"{i}.jpg"
        path.write_bytes(page.data)
        paths.append(path)
    return paths


def _engine_alone(pages: list[Path], rounds: int = 3) -> float:
    """Pages per second of the OCR pipeline on one thread, no server: the ceiling of one
    worker process."""
    engine = RapidOcrEngine(threads=1)
    data = [p.read_bytes() for p in pages]
    read_page(data[0], engine)  # load the model
    started = time.perf_counter()
    for _ in range(rounds):
        for page in data:
            read_page(page, engine)
    return rounds * len(data) / (time.perf_counter() - started)


def _read_pages(db_url: str) -> tuple[int, int, int]:
    """(pages, pages read, claims made on the read pages), counted in the database."""
    engine = create_engine(db_url, poolclass=NullPool)
    try:
        with Session(engine) as s:
            total = s.scalar(select(func.count()).select_from(Page)) or 0
            read, claims = s.execute(
                select(func.count(), func.coalesce(func.sum(Page.attempts), 0)).where(
                    Page.status == PageStatus.READ
                )
            ).one()
    finally:
        engine.dispose()
    return int(total), int(read), int(claims)


class _Hall:
    """A fresh database, `onewindow serve`, and `onewindow worker` processes on demand."""

    def __init__(self, pg_url: str, tmp: str) -> None:
        self.env = os.environ | {
            "ONEWINDOW_DATA_DIR": tmp,
            "ONEWINDOW_DATABASE_URL": fresh_postgres_database(pg_url),
            "ONEWINDOW_OCR_WORKERS": "1",
        }
        settings = Settings(data_dir=Path(tmp), database_url=self.env["ONEWINDOW_DATABASE_URL"])
        hall = Hall.open(settings)
        with session_scope(hall.sessions) as s:
            _, self.token = create_user(
                s, username="clerk", display_name="clerk", role=Role.CLERK, window_code="W01"
            )
        hall.close()
        self.url = f"http://127.0.0.1:{free_port()}"
        self.procs: list[subprocess.Popen[bytes]] = []
        self._spawn(["serve", "--port", self.url.rsplit(":", 1)[1]])
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(self.url + "/api/v1/catalog", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.3)

    def _spawn(self, args: list[str], cpu: int | None = None) -> None:
        pin = ["taskset", "-c", str(cpu)] if cpu is not None else []
        self.procs.append(
            subprocess.Popen(
                [*pin, *ONEWINDOW, *args],
                env=self.env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )

    def start_workers(self, n: int, *, pin: bool) -> None:
        for i in range(n):
            self._spawn(["worker"], cpu=i % (os.cpu_count() or 1) if pin else None)

    def pages_read(self) -> tuple[int, int, int]:
        return _read_pages(self.env["ONEWINDOW_DATABASE_URL"])

    def close(self) -> None:
        for p in self.procs:
            p.terminate()
        for p in self.procs:
            try:
                p.wait(30)
            except subprocess.TimeoutExpired:
                p.kill()


@contextmanager
def _hall(pg_url: str) -> Iterator[_Hall]:
    with tempfile.TemporaryDirectory() as tmp:
        hall = _Hall(pg_url, tmp)
        try:
            yield hall
        finally:
            hall.close()


def _load(pg_url: str, clerks: int, workers: int, seconds: int, pages: list[Path]) -> dict:
    warmup = 20
    with _hall(pg_url) as hall, tempfile.TemporaryDirectory() as out:
        hall.start_workers(workers, pin=False)
        result = Path(out) / "result.json"
        load_env = hall.env | {
            "LOAD_TOKEN": hall.token,
            "LOAD_PAGES": os.pathsep.join(map(str, pages)),
            "LOAD_IDS": ",".join(sample_applicant(i).id_number for i in range(400)),
            "LOAD_RESULT": str(result),
        }
        locust = subprocess.Popen(
            [
                LOCUST,
                "-f",
                str(ROOT / "bench/load/locustfile.py"),
                "--headless",
                "-u",
                str(clerks),
                "-r",
                str(clerks),
                "-t",
                f"{warmup + seconds}s",
                "--host",
                hall.url,
                "--only-summary",
                "--stop-timeout",
                "30",
                "--loglevel",
                "WARNING",
            ],
            env=load_env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(warmup)
        _, before, _ = hall.pages_read()
        time.sleep(seconds)
        _, after, _ = hall.pages_read()
        locust.wait()
        data = json.loads(result.read_text())
    lat = sorted(data["latencies"])
    return {
        "clerks": clerks,
        "workers": workers,
        "pages_per_s": (after - before) / seconds,
        "p50": statistics.median(lat) if lat else float("nan"),
        "p95": lat[max(0, round(0.95 * len(lat)) - 1)] if lat else float("nan"),
        "submissions": len(lat),
        "errors": data["errors"],
    }


def _drain(pg_url: str, workers: int, backlog: int, pages: list[Path]) -> dict:
    """Upload `backlog` pages with no worker running, then let `workers` pinned workers read
    them; pages/s from the moment the workers start to the last page read (model loading
    included: a worker that starts is part of the cost)."""
    with _hall(pg_url) as hall:
        headers = {"Authorization": f"Bearer {hall.token}"}
        uploaded = 0
        with httpx.Client(base_url=hall.url, headers=headers, timeout=60) as client:
            n = 0
            while uploaded < backlog:
                body = {
                    "item_code": "SCJG-GT-001",
                    "applicant_type": "person",
                    "applicant_name": "积压测试",
                    "applicant_id": sample_applicant(n).id_number,
                }
                number = client.post("/api/v1/cases", json=body).raise_for_status().json()["number"]
                chunk = pages[: min(len(pages), backlog - uploaded)]
                files = [
                    ("files", (f"p{i}.jpg", p.read_bytes() + f"{n}-{i}".encode(), "image/jpeg"))
                    for i, p in enumerate(chunk)
                ]
                client.post(f"/api/v1/cases/{number}/pages", files=files).raise_for_status()
                uploaded += len(chunk)
                n += 1
        started = time.monotonic()
        hall.start_workers(workers, pin=True)
        while True:
            total, read, claims = hall.pages_read()
            if read >= total:
                break
            if time.monotonic() - started > 900:
                raise RuntimeError(f"backlog not drained: {read}/{total}")
            time.sleep(0.2)
        elapsed = time.monotonic() - started
    return {
        "workers": workers,
        "pages": total,
        "claims": claims,
        "seconds": elapsed,
        "pages_per_s": total / elapsed,
        "load": os.getloadavg()[0],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=90)
    parser.add_argument("--clerks", default="1,2,4,8", help="'' for the scaling rows only")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--backlog", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    worker_counts = [int(w) for w in args.workers.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        pages = _pages(Path(tmp))
        pg = start_postgres(Path(tmp) / "pg")
        try:
            baseline = _engine_alone(pages)
            drains = [
                _drain(pg.url, w, args.backlog, pages)
                for _ in range(args.rounds)
                for w in worker_counts
            ]
            rows = [
                _load(pg.url, c, w, args.seconds, pages)
                for w in worker_counts
                for c in map(int, filter(None, args.clerks.split(",")))
            ]
        finally:
            pg.stop()
    load = os.getloadavg()[0]
    print(
        f"Load benchmark, {date.today()}, {os.cpu_count()} cores, load average at the end "
        f"{load:.1f}, PostgreSQL, 5-page submissions\n"
    )
    print(f"Scaling: a backlog of {args.backlog} pages drained by pinned workers\n")
    print("| worker processes | pages | claims | seconds | pages/s | load average after |")
    print("| --- | --- | --- | --- | --- | --- |")
    print(f"| baseline: OCR engine alone, 1 thread, no server | | | | {baseline:.2f} | |")
    for d in drains:
        print(
            f"| {d['workers']} | {d['pages']} | {d['claims']} | {d['seconds']:.1f} | "
            f"{d['pages_per_s']:.2f} | {d['load']:.1f} |"
        )
    by_w: dict[int, list[float]] = {}
    for d in drains:
        by_w.setdefault(d["workers"], []).append(d["pages_per_s"])
    if 1 in by_w and 2 in by_w:
        ratio = statistics.median(by_w[2]) / statistics.median(by_w[1])
        print(f"\n2 workers / 1 worker (medians): {ratio:.2f}x")
    print(
        f"\nLoad: N clerks, {args.seconds} s measured after a 20 s warm-up; server, workers "
        "and locust share the cores\n"
    )
    print(
        "| clerks | worker processes | pages/s | upload→read p50 s | p95 s | submissions | errors |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        print(
            f"| {r['clerks']} | {r['workers']} | {r['pages_per_s']:.2f} | {r['p50']:.1f} | "
            f"{r['p95']:.1f} | {r['submissions']} | {r['errors']} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
