"""One SQLite database migrated once per session (tests/conftest.py's
`migrated_sqlite_template` says where); a new database file starts as a copy of it instead
of running every migration again (about a second each time)."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

_factory: list[pytest.TempPathFactory] = []
_made: list[Path] = []
_lock = threading.Lock()


def use_factory(factory: pytest.TempPathFactory) -> None:
    _factory[:] = [factory]


def copy_migrated(path: Path) -> None:
    """Write at `path` what the migrations make on a new database."""
    from models.migrate import upgrade

    with _lock:
        if not _made:
            made = _factory[0].mktemp("schema") / "migrated.sqlite"
            upgrade(f"sqlite:///{made}")
            _made.append(made)
    shutil.copyfile(_made[0], path)


def migrated_sqlite_url(path: Path) -> str:
    """`sqlite:///path`, a new file holding a copy of the session's migrated database;
    migrating it again (at head) checks and changes nothing."""
    copy_migrated(path)
    return f"sqlite:///{path}"
