"""Real servers for the whole test suite, started once per session and only on demand.

A server that cannot start makes the tests that need it *error*; they are never
skipped. Processes are stopped at session end, and by atexit (Ctrl-C, crashes).
"""

from __future__ import annotations

import atexit
from collections.abc import Iterator

import pytest

from tests.servers import PgServer, S3Server, start_postgres, start_seaweedfs

_startup_seconds: dict[str, float] = {}


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
