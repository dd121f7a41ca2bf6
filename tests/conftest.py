"""Real servers and the real OCR engine for the whole test suite, started once per
session and only on demand.

A server that cannot start makes the tests that need it *error*; they are never
skipped. Processes are stopped at session end, and by atexit (Ctrl-C, crashes).

Markers say what a test needs, so that `make test-fast` (`-m "not postgres and not s3
and not ocr"`) starts no server and loads no model: a test that asks for a server's
fixture is marked here, at collection; fixtures that ask for a server only for some of
their parameters mark those parameters (`pytest.param(..., marks=...)`); tests that run
the real OCR engine carry `ocr` themselves.
"""

from __future__ import annotations

import atexit
import getpass
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Literal

import pytest
from _pytest.nodeid import NodeId
from sqlalchemy import Engine

from cases.clock import use_hall_time
from ocr import Engine as Engine_
from ocr import RapidOcrEngine
from tests import sqlite_template
from tests.servers import PgServer, S3Server, start_postgres, start_seaweedfs

_startup_seconds: dict[str, float] = {}

# The tests' own date.today() agrees with the halls' (cases.clock) at any hour of the day.
use_hall_time()


def _sigterm_as_interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@pytest.hookimpl(tryfirst=True)  # before pytest's tmpdir plugin reads the option
def pytest_configure(config: pytest.Config) -> None:
    # Each session gets its own basetemp, removed by a later session only once this one's
    # process is gone. pytest's default (pytest-NNN, the newest three kept) lets a second
    # session started beside this one delete our temp dirs mid-run, PostgreSQL's data
    # dir among them, and every PostgreSQL test after that fails.
    if config.option.basetemp is None:
        root = Path(tempfile.gettempdir()) / f"onewindow-pytest-{getpass.getuser()}"
        root.mkdir(mode=0o700, exist_ok=True)
        for old in root.glob("run-*"):
            pid = old.name.removeprefix("run-")
            if pid.isdigit() and not _alive(int(pid)):
                shutil.rmtree(old, ignore_errors=True)
        config.option.basetemp = str(root / f"run-{os.getpid()}")
    # SIGTERM (CI cancel, `timeout`) unwinds like Ctrl-C, so fixture teardown and atexit
    # stop the servers; SeaweedFS also dies with us via PR_SET_PDEATHSIG.
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _sigterm_as_interrupt)


# the fixture that starts a server, and the marker of every test that asks for it
SERVER_MARKERS = {"postgres_url": "postgres", "s3_server": "s3"}


# the fixtures that load the OCR engine into the test process
OCR_FIXTURES = {"ocr_engine", "reading_engine", "scenario_readings", "lifecycle_readings"}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    in_groups = bool(getattr(config.option, "loadgroup", False))  # an xdist worker, loadgroup
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        for fixture, marker in SERVER_MARKERS.items():
            if fixture in names:
                item.add_marker(marker)
        if in_groups:
            # xdist's loadgroup reads a test's group from its node id (`id@group`); xdist
            # 3.8 writes that suffix where pytest 9.2 no longer keeps the id (`_nodeid`),
            # so its `xdist_group` marker is ignored: the suffix is written here instead
            item._id = NodeId.parse(f"{item.nodeid}@{_xdist_group(item, names)}")


def _xdist_group(item: pytest.Item, fixtures: set[str]) -> str:
    """Where `make test` (pytest-xdist, `-n 2 --dist loadgroup`) runs a test. Every test
    that reads pages with the real engine, in this process or in a server it starts, runs
    in one worker ("ocr"), so the engine's models (about 500 MB) are in memory once and
    its session cache of readings is one cache, as in a run without xdist. The scanner
    tests share saned's fixed port 6566 ("saned"). Any other test runs with the rest of
    its module, so module-scoped fixtures are set up once."""
    if item.get_closest_marker("ocr") is not None or fixtures & OCR_FIXTURES:
        return "ocr"
    if "saned" in fixtures:
        return "saned"
    return item.nodeid.split("::")[0]


@pytest.fixture(scope="session", autouse=True)
def migrated_sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A hall opened on a new SQLite file starts from a copy of one database migrated
    once per session, instead of running every migration again (about a second each time,
    once most of the suite's setup). The copy is what those migrations make; `migrate`
    still runs on it (at head: it checks, changes nothing). PostgreSQL, existing files and
    tests/models, which migrate from nothing, are untouched. Tests that migrate a database
    of their own take a copy with `tests.sqlite_template.migrated_sqlite_url`."""
    import cases.hall

    migrate = cases.hall.migrate
    sqlite_template.use_factory(tmp_path_factory)

    def migrate_from_template(engine: Engine) -> None:
        url = engine.url
        path = Path(url.database) if url.database not in (None, "", ":memory:") else None
        fresh = path is not None and path.parent.is_dir() and not path.exists()
        if url.get_backend_name() == "sqlite" and path is not None and fresh:
            sqlite_template.copy_migrated(path)
        migrate(engine)

    patch = pytest.MonkeyPatch()
    patch.setattr(cases.hall, "migrate", migrate_from_template)
    yield
    patch.undo()


@pytest.fixture(scope="session", autouse=True)
def remembered_password_hashes() -> Iterator[None]:
    """argon2 at the hall's cost takes 0.1-0.3 s a hash or a check on this machine, and
    every hall with test users hashes three or four passwords, every login checks one:
    about a second of each API, browser and online test's setup. The first hash of each
    password is argon2's, made at full cost, and is given back for that password the next
    times (with its salt); a (hash, password) pair that argon2 accepted once is accepted
    again without the work. A pair not seen before (a wrong password, another hash) is
    always argon2's to judge, and the hashes are real argon2id hashes at the hall's
    parameters, so what the tests prove of passwords is unchanged."""
    from argon2 import PasswordHasher

    import cases.accounts

    class RememberingHasher(PasswordHasher):
        def __init__(self) -> None:
            super().__init__()
            self.hashes: dict[str | bytes, str] = {}
            self.accepted: set[tuple[str | bytes, str | bytes]] = set()

        def hash(self, password: str | bytes, *, salt: bytes | None = None) -> str:
            if salt is not None:
                return super().hash(password, salt=salt)
            if password not in self.hashes:
                self.hashes[password] = super().hash(password)
            return self.hashes[password]

        def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:
            if (hash, password) not in self.accepted:
                super().verify(hash, password)  # raises for a wrong password
                self.accepted.add((hash, password))
            return True

    patch = pytest.MonkeyPatch()
    patch.setattr(cases.accounts, "_hasher", RememberingHasher())
    yield
    patch.undo()


@pytest.fixture(scope="session")
def ocr_engine() -> RapidOcrEngine:
    """The real engine, one for the session (its models load on first use, once); tests
    that make it read a page are marked `ocr`."""
    return RapidOcrEngine()


@pytest.fixture(scope="session")
def reading_engine(ocr_engine: RapidOcrEngine) -> Engine_:
    """The real engine behind a session-wide cache: the halls of the API, browser and
    online tests read the same generated pages again and again (the three
    `sample_pages` in every `desk` test, on both backends); each distinct image is read by
    the real engine once per session and its lines are given back the next times. Tests
    that prove the OCR itself ask for `ocr_engine`."""
    from tests.cases.scenario_pages import CachingEngine

    return CachingEngine(ocr_engine)


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
