"""Migration 0010 keeps the checklists of existing databases: versions published before
the spec was stored get it rebuilt from their material rows, then the rows' table goes;
a downgrade brings the rows back. On SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, text

from cases.catalog.spec import ItemSpec
from models.migrate import alembic_config, upgrade
from tests.api.conftest import fresh_postgres_database

LICENSE = {"type_code": "GTGSH", "title": "个体工商户登记证明", "validity_years": 0}
ROWS = [
    # position, code, name, required, form, pending_allowed, pending_days, hints
    (0, "application_form", "申请书", True, "original", False, 0, {"keywords": ["申请书"]}),
    (1, "premises_proof", "租赁合同", True, "copy", True, 15, {"keywords": ["租赁"]}),
]
MODERN_SPEC: dict[str, Any] = {
    "code": "SCJG-GT-001",
    "name": "个体工商户设立登记",
    "department": "scjgj",
    "kind": "promised",
    "time_limit_days": 3,
    "license": LICENSE,
    "version": 2,
    "effective_from": "2026-06-01",
    "materials": [
        {"code": "application_form", "name": "申请书", "required": True, "form": "original"},
        {"code": "id_card", "name": "身份证复印件", "required": True, "form": "copy", "copies": 2},
    ],
}


def _at_0009_with_a_legacy_and_a_modern_version(url: str) -> None:
    upgrade(url, "0009")
    engine = create_engine(url)
    now = datetime(2026, 1, 5, tzinfo=UTC)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO department (id, code, name, short_name, credit_code) "
                "VALUES (1, 'scjgj', '市场监督管理局', '市场监管', '11152500MB0000001X')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO service_item (id, code, name, department_id) "
                "VALUES (1, 'SCJG-GT-001', '个体工商户设立登记', 1)"
            )
        )
        for version, spec in ((1, None), (2, MODERN_SPEC)):
            conn.execute(
                text(
                    "INSERT INTO checklist_version (id, item_id, version, effective_from, kind, "
                    "time_limit_days, guide, license_spec, sha256, spec, created_at) VALUES "
                    "(:id, 1, :version, :eff, 'promised', 3, '持身份证明办理', :lic, :sha, "
                    ":spec, :now)"
                ),
                {
                    "id": version,
                    "version": version,
                    "eff": date(2026, 1, 1) if version == 1 else date(2026, 6, 1),
                    "lic": json.dumps(LICENSE, ensure_ascii=False),
                    "sha": f"{version:064d}",
                    "spec": None if spec is None else json.dumps(spec, ensure_ascii=False),
                    "now": now,
                },
            )
            for position, code, name, required, form, allowed, days, hints in ROWS:
                conn.execute(
                    text(
                        "INSERT INTO material_requirement (checklist_id, position, code, name, "
                        "required, form, pending_allowed, pending_days, hints) VALUES "
                        "(:cid, :pos, :code, :name, :req, :form, :allowed, :days, :hints)"
                    ),
                    {
                        "cid": version,
                        "pos": position,
                        "code": code,
                        "name": name,
                        "req": required,
                        "form": form,
                        "allowed": allowed,
                        "days": days,
                        "hints": json.dumps(hints, ensure_ascii=False),
                    },
                )
    engine.dispose()


def _specs(url: str) -> dict[int, Any]:
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT version, spec FROM checklist_version")).all()
        tables = set(inspect(conn).get_table_names())
    engine.dispose()
    specs = {v: json.loads(s) if isinstance(s, str) else s for v, s in rows}
    specs["tables"] = tables
    return specs


def _migrates_and_keeps_every_checklist(url: str) -> None:
    _at_0009_with_a_legacy_and_a_modern_version(url)
    upgrade(url)
    specs = _specs(url)
    assert "material_requirement" not in specs["tables"]
    legacy = ItemSpec.model_validate(specs[1])
    assert (legacy.code, legacy.version, legacy.effective_from) == (
        "SCJG-GT-001",
        1,
        date(2026, 1, 1),
    )
    assert (legacy.department, legacy.guide, legacy.license.type_code) == (
        "scjgj",
        "持身份证明办理",
        "GTGSH",
    )
    assert [
        (m.code, m.name, m.form, m.may_be_pending, m.pending_days) for m in legacy.materials
    ] == [
        ("application_form", "申请书", "original", False, 0),
        ("premises_proof", "租赁合同", "copy", True, 15),
    ]
    assert legacy.materials[1].hints.keywords == ("租赁",)
    assert specs[2] == MODERN_SPEC  # a stored spec is left as published (copies: 2 kept)

    command.downgrade(alembic_config(url), "0009")
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT checklist_id, position, code, form, pending_allowed, pending_days "
                "FROM material_requirement ORDER BY checklist_id, position"
            )
        ).all()
    engine.dispose()
    assert [tuple(r) for r in rows] == [
        (1, 0, "application_form", "original", False, 0),
        (1, 1, "premises_proof", "copy", True, 15),
        (2, 0, "application_form", "original", False, 0),
        (2, 1, "id_card", "copy", False, 0),
    ]


def test_sqlite(tmp_path: Path) -> None:
    _migrates_and_keeps_every_checklist(f"sqlite:///{tmp_path / 'db.sqlite'}")


@pytest.mark.postgres
def test_postgresql(postgres_url: str) -> None:
    _migrates_and_keeps_every_checklist(fresh_postgres_database(postgres_url, empty=True))
