"""N window clerks against a running server on PostgreSQL: pages read per second and the
time from upload to every page read, with 1 and 2 `onewindow worker` processes, beside the
baseline of the OCR engine alone on one core, measured in the same run.

Each clerk (locust, bench/load/locustfile.py) opens a case, uploads a five-page submission
and polls the case until every page is read, then takes the next applicant.

Run: .venv/bin/python bench/bench_load.py [--seconds 60] [--clerks 1,2,4,8] [--workers 1,2]
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
from datetime import date
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cases.accounts import create_user  # noqa: E402
from cases.config import Settings  # noqa: E402
from cases.db import session_scope  # noqa: E402
from cases.hall import Hall  # noqa: E402
from models import Role  # noqa: E402
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


def _run(pg_url: str, clerks: int, workers: int, seconds: int, pages: list[Path]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        env = os.environ | {
            "ONEWINDOW_DATA_DIR": tmp,
            "ONEWINDOW_DATABASE_URL": fresh_postgres_database(pg_url),
            "ONEWINDOW_OCR_WORKERS": "1",
        }
        settings = Settings(data_dir=Path(tmp), database_url=env["ONEWINDOW_DATABASE_URL"])
        hall = Hall.open(settings)
        with session_scope(hall.sessions) as s:
            _, token = create_user(
                s, username="clerk", display_name="clerk", role=Role.CLERK, window_code="W01"
            )
        hall.close()
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        procs = [
            subprocess.Popen(
                [*ONEWINDOW, "serve", "--port", str(port)],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        ]
        procs += [
            subprocess.Popen(
                [*ONEWINDOW, "worker"],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for _ in range(workers)
        ]
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    if httpx.get(url + "/api/v1/catalog", timeout=2).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError("server did not start")
                time.sleep(0.3)
            result = Path(tmp) / "result.json"
            load_env = env | {
                "LOAD_TOKEN": token,
                "LOAD_PAGES": os.pathsep.join(map(str, pages)),
                "LOAD_IDS": ",".join(sample_applicant(i).id_number for i in range(200)),
                "LOAD_RESULT": str(result),
            }
            subprocess.run(
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
                    f"{seconds}s",
                    "--host",
                    url,
                    "--only-summary",
                    "--stop-timeout",
                    "30",
                    "--loglevel",
                    "WARNING",
                ],
                env=load_env,
                check=False,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            data = json.loads(result.read_text())
        finally:
            for p in procs:
                p.terminate()
            for p in procs:
                try:
                    p.wait(30)
                except subprocess.TimeoutExpired:
                    p.kill()
    lat = sorted(data["latencies"])
    return {
        "clerks": clerks,
        "workers": workers,
        "pages_per_s": data["pages_read"] / seconds,
        "p50": statistics.median(lat) if lat else float("nan"),
        "p95": lat[max(0, round(0.95 * len(lat)) - 1)] if lat else float("nan"),
        "submissions": len(lat),
        "errors": data["errors"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--clerks", default="1,2,4,8")
    parser.add_argument("--workers", default="1,2")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pages = _pages(Path(tmp))
        pg = start_postgres(Path(tmp) / "pg")
        try:
            baseline = _engine_alone(pages)
            rows = [
                _run(pg.url, c, w, args.seconds, pages)
                for w in map(int, args.workers.split(","))
                for c in map(int, args.clerks.split(","))
            ]
        finally:
            pg.stop()
    print(
        f"Load benchmark, {date.today()}, {os.cpu_count()} cores (server, workers and locust "
        f"share them), PostgreSQL, {args.seconds} s a row, 5-page submissions\n"
    )
    print(
        "| clerks | worker processes | pages/s | upload→read p50 s | p95 s | submissions | errors |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    print(f"| baseline: OCR engine alone, 1 thread, no server | – | {baseline:.2f} | | | | |")
    for r in rows:
        print(
            f"| {r['clerks']} | {r['workers']} | {r['pages_per_s']:.2f} | {r['p50']:.1f} | "
            f"{r['p95']:.1f} | {r['submissions']} | {r['errors']} |"
        )
    by = {(r["clerks"], r["workers"]): r["pages_per_s"] for r in rows}
    top = max(r["clerks"] for r in rows)
    if (top, 1) in by and (top, 2) in by and by[(top, 1)]:
        print(f"\n2 workers / 1 worker at {top} clerks: {by[(top, 2)] / by[(top, 1)]:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
