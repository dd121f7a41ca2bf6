"""CLI subcommands, one module per area; each has `register(subparsers)`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from cases.config import Settings
    from cases.hall import Hall


@contextmanager
def hall_session(settings: Settings) -> Iterator[tuple[Hall, Session]]:
    """The hall and one session, committed when the block succeeds and rolled back when
    it fails; the hall is closed however the block ends."""
    from cases.db import session_scope
    from cases.hall import Hall

    hall = Hall.open(settings)
    try:
        with session_scope(hall.sessions) as session:
            yield hall, session
    finally:
        hall.close()
