"""The Alembic migration builds the schema on SQLite and PostgreSQL and matches the models."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from models import Base
from models.migrate import alembic_config, include_name, upgrade
from tests.api.conftest import fresh_postgres_database


def _assert_matches_models(url: str) -> None:
    upgrade(url)
    engine = create_engine(url)
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"include_name": include_name}), Base.metadata
        )
        tables = set(inspect(conn).get_table_names())
    engine.dispose()
    assert diff == [], f"models and migrations differ: {diff}"
    assert set(Base.metadata.tables) <= tables


def test_sqlite(tmp_path: Path) -> None:
    _assert_matches_models(f"sqlite:///{tmp_path / 'db.sqlite'}")


@pytest.mark.postgres
def test_postgresql(postgres_url: str) -> None:
    _assert_matches_models(fresh_postgres_database(postgres_url, empty=True))


def _schema_and_rows(url: str) -> dict[str, Any]:
    """Every table's columns, keys and indexes, the revision stamped, and the rows of the
    tables the test writes to."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            found = inspect(conn)
            tables = {
                name: (
                    [(c["name"], str(c["type"]), c["nullable"]) for c in found.get_columns(name)],
                    found.get_pk_constraint(name)["constrained_columns"],
                    sorted(str(fk) for fk in found.get_foreign_keys(name)),
                    sorted(str(ix) for ix in found.get_indexes(name)),
                    sorted(str(uq) for uq in found.get_unique_constraints(name)),
                )
                for name in found.get_table_names()
            }
            revision = MigrationContext.configure(conn).get_current_revision()
            rows = conn.execute(text("SELECT id, code, name FROM department")).all()
    finally:
        engine.dispose()
    return {"tables": tables, "revision": revision, "rows": [tuple(r) for r in rows]}


def test_upgrade_is_idempotent(tmp_path: Path) -> None:
    """Every start of the hall upgrades; on a database already at head that must change
    nothing: not the schema, not the revision, not the data."""
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    upgrade(url)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO department (code, name, short_name, credit_code) "
                "VALUES ('scjgj', '市场监督管理局', '市场监管局', '11152500011609534E')"
            )
        )
    engine.dispose()
    before = _schema_and_rows(url)
    head = ScriptDirectory.from_config(alembic_config(url)).get_current_head()
    assert before["revision"] == head and "department" in before["tables"]
    assert before["rows"] == [(1, "scjgj", "市场监督管理局")]

    upgrade(url)

    assert _schema_and_rows(url) == before
