"""Run the Alembic migrations shipped inside this package."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config

_HERE = Path(__file__).parent / "migrations"


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_HERE))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Autogenerate compares our tables only: the task queue's (procrastinate_*) are its
    own, created by a migration from its schema file, not from our models."""
    return not (type_ == "table" and (name or "").startswith("procrastinate_"))


def upgrade(url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)
