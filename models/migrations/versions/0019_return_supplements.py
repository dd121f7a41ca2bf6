"""return for information with supplements: which return stopped the clock, and which
supplement submission answers it

Revision ID: 0019
Revises: 0018
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Older suspensions keep no decision: they were all returns, but which one is not known.
    with op.batch_alter_table("clock_suspension") as batch:
        batch.add_column(sa.Column("decision_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_clock_suspension_decision_id_decision"), "decision", ["decision_id"], ["id"]
        )
    with op.batch_alter_table("submission") as batch:
        batch.add_column(sa.Column("suspension_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_submission_suspension_id_clock_suspension"),
            "clock_suspension",
            ["suspension_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("submission") as batch:
        batch.drop_constraint(
            op.f("fk_submission_suspension_id_clock_suspension"), type_="foreignkey"
        )
        batch.drop_column("suspension_id")
    with op.batch_alter_table("clock_suspension") as batch:
        batch.drop_constraint(op.f("fk_clock_suspension_decision_id_decision"), type_="foreignkey")
        batch.drop_column("decision_id")
