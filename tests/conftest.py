"""Real servers and the real OCR engine for the whole test suite, started once per
session and only on demand.

A server that cannot start makes the tests that need it *error*; they are never
skipped. Processes are stopped at session end, and by atexit (Ctrl-C, crashes).
"""

from __future__ import annotations

import atexit
import signal
from collections.abc import Iterator
from types import FrameType

import pytest

from ocr import RapidOcrEngine
from tests.servers import PgServer, S3Server, start_postgres, start_seaweedfs

_startup_seconds: dict[str, float] = {}


def _sigterm_as_interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def pytest_configure(config: pytest.Config) -> None:
    # SIGTERM (CI cancel, `timeout`) unwinds like Ctrl-C, so fixture teardown and atexit
    # stop the servers; SeaweedFS also dies with us via PR_SET_PDEATHSIG.
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _sigterm_as_interrupt)


@pytest.fixture(scope="session")
def ocr_engine() -> RapidOcrEngine:
    """The real engine, one for the session (its models load on first use, once); tests
    that make it read a page are marked `ocr`."""
    return RapidOcrEngine()


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    server = start_seaweedfs(tmp_path_factory.mktemp("seaweedfs"))
    atexit.register(server.stop)
    _startup_seconds["SeaweedFS S3"] = server.startup_seconds
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def postgres_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    server: PgServer = start_postgres(tmp_path_factory.mktemp("postgres"))
    atexit.register(server.stop)
    _startup_seconds["PostgreSQL"] = server.startup_seconds
    try:
        yield server.url
    finally:
        server.stop()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for name, seconds in _startup_seconds.items():
        terminalreporter.write_line(f"{name} server started in {seconds:.1f}s")
