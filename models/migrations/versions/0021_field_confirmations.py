"""field confirmations: doubtful OCR fields confirmed as read or corrected at the counter
and the desk, counted in the OCR accuracy statistics

Revision ID: 0021
Revises: 0020
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "field_confirmation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("page_id", sa.Integer(), nullable=False),
        sa.Column("field_index", sa.Integer(), nullable=False),
        sa.Column("field_name", sa.String(length=32), nullable=False),
        sa.Column("material_code", sa.String(length=64), nullable=True),
        sa.Column("read_value", sa.String(length=200), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.Column("corrected", sa.Boolean(), nullable=False),
        sa.Column("doubts", sa.JSON(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_field_confirmation_case_id_case_file")
        ),
        sa.ForeignKeyConstraint(
            ["page_id"], ["page.id"], name=op.f("fk_field_confirmation_page_id_page")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_field_confirmation")),
    )
    op.create_index(
        op.f("ix_field_confirmation_case_id"), "field_confirmation", ["case_id"], unique=False
    )
    op.create_index(
        op.f("ix_field_confirmation_page_id"), "field_confirmation", ["page_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_field_confirmation_page_id"), table_name="field_confirmation")
    op.drop_index(op.f("ix_field_confirmation_case_id"), table_name="field_confirmation")
    op.drop_table("field_confirmation")
