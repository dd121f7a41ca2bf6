"""the published spec is the only stored checklist: drop material_requirement

A checklist was stored twice: the whole published item (checklist_version.spec, since
0002) and one material_requirement row per material with a hand-picked subset of its
fields (no copies, sub-scenarios, alternatives, legal-form rules). Versions published
before 0002 have only the rows; their spec is rebuilt from them here, the way the
application rebuilt it on every read, and then the rows go.

Revision ID: 0010
Revises: 0009
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_checklist = sa.table(
    "checklist_version",
    sa.column("id", sa.Integer()),
    sa.column("item_id", sa.Integer()),
    sa.column("version", sa.Integer()),
    sa.column("effective_from", sa.Date()),
    sa.column("kind", sa.String()),
    sa.column("time_limit_days", sa.Integer()),
    sa.column("guide", sa.Text()),
    sa.column("license_spec", sa.JSON()),
    sa.column("spec", sa.JSON()),
)
_item = sa.table(
    "service_item",
    sa.column("id", sa.Integer()),
    sa.column("code", sa.String()),
    sa.column("name", sa.String()),
    sa.column("department_id", sa.Integer()),
)
_department = sa.table("department", sa.column("id", sa.Integer()), sa.column("code", sa.String()))
_requirement = sa.table(
    "material_requirement",
    sa.column("id", sa.Integer()),
    sa.column("checklist_id", sa.Integer()),
    sa.column("position", sa.Integer()),
    sa.column("code", sa.String()),
    sa.column("name", sa.String()),
    sa.column("required", sa.Boolean()),
    sa.column("form", sa.String()),
    sa.column("pending_allowed", sa.Boolean()),
    sa.column("pending_days", sa.Integer()),
    sa.column("hints", sa.JSON()),
)
_MATERIAL_FIELDS = ("code", "name", "required", "form", "pending_allowed", "pending_days", "hints")


def upgrade() -> None:
    conn = op.get_bind()
    versions = conn.execute(
        sa.select(_checklist, _item.c.code.label("item_code"), _item.c.name.label("item_name"))
        .add_columns(_department.c.code.label("department_code"))
        .join(_item, _item.c.id == _checklist.c.item_id)
        .join(_department, _department.c.id == _item.c.department_id)
        .order_by(_checklist.c.id)
    ).all()
    for v in versions:
        if v.spec is not None:  # SQL NULL and a stored JSON null both read as None
            continue
        rows = conn.execute(
            sa.select(_requirement)
            .where(_requirement.c.checklist_id == v.id)
            .order_by(_requirement.c.position)
        ).all()
        spec: dict[str, Any] = {
            "code": v.item_code,
            "name": v.item_name,
            "department": v.department_code,
            "kind": v.kind,
            "time_limit_days": v.time_limit_days,
            "license": v.license_spec,
            "version": v.version,
            "effective_from": v.effective_from.isoformat(),
            "guide": v.guide,
            "materials": [{f: getattr(r, f) for f in _MATERIAL_FIELDS} for r in rows],
        }
        conn.execute(sa.update(_checklist).where(_checklist.c.id == v.id).values(spec=spec))
    with op.batch_alter_table("checklist_version") as batch:
        batch.alter_column("spec", existing_type=sa.JSON(), nullable=False)
    op.drop_table("material_requirement")


def downgrade() -> None:
    op.create_table(
        "material_requirement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("checklist_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.Column("form", sa.String(length=16), nullable=False),
        sa.Column("pending_allowed", sa.Boolean(), nullable=False),
        sa.Column("pending_days", sa.Integer(), nullable=False),
        sa.Column("hints", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["checklist_id"],
            ["checklist_version.id"],
            name=op.f("fk_material_requirement_checklist_id_checklist_version"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_material_requirement")),
        sa.UniqueConstraint(
            "checklist_id", "code", name=op.f("uq_material_requirement_checklist_id")
        ),
    )
    conn = op.get_bind()
    for v in conn.execute(sa.select(_checklist.c.id, _checklist.c.spec)).all():
        for position, m in enumerate(v.spec["materials"]):
            conn.execute(
                sa.insert(_requirement).values(
                    checklist_id=v.id,
                    position=position,
                    code=m["code"],
                    name=m["name"],
                    required=m["required"],
                    form=m["form"],
                    pending_allowed=m.get("pending_allowed", False),
                    pending_days=m.get("pending_days", 0),
                    hints=m.get("hints", {"keywords": [], "patterns": []}),
                )
            )
    with op.batch_alter_table("checklist_version") as batch:
        batch.alter_column("spec", existing_type=sa.JSON(), nullable=True)
