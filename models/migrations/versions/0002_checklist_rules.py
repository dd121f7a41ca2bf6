"""checklist spec per version, case scenario, deficiency page and one-time flag, overrides

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("checklist_version") as batch:
        batch.add_column(sa.Column("spec", sa.JSON(), nullable=True))
    with op.batch_alter_table("case_file") as batch:
        batch.add_column(sa.Column("scenario", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("pending_reminded_on", sa.Date(), nullable=True))
    with op.batch_alter_table("deficiency") as batch:
        batch.add_column(sa.Column("page_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("one_time_violation", sa.Boolean(), nullable=True))
        batch.create_foreign_key(op.f("fk_deficiency_page_id_page"), "page", ["page_id"], ["id"])
    op.create_table(
        "finding_override",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("finding_key", sa.String(length=100), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_finding_override_case_id_case_file")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finding_override")),
    )


def downgrade() -> None:
    op.drop_table("finding_override")
    with op.batch_alter_table("deficiency") as batch:
        batch.drop_constraint(op.f("fk_deficiency_page_id_page"), type_="foreignkey")
        batch.drop_column("one_time_violation")
        batch.drop_column("page_id")
    with op.batch_alter_table("case_file") as batch:
        batch.drop_column("pending_reminded_on")
        batch.drop_column("scenario")
    with op.batch_alter_table("checklist_version") as batch:
        batch.drop_column("spec")
