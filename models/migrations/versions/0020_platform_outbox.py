"""The platform exchange's outbox: every stage of a case and every issued e-license, to send

Revision ID: 0020
Revises: 0019
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Cases decided before the exchange existed have no records: the platform gets them
    # from its own back-fill, not from this outbox.
    op.create_table(
        "platform_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("stage", sa.String(length=32), nullable=False),
        sa.Column("idempotency_key", sa.String(length=96), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("files", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("claimed_by", sa.String(length=96), nullable=True),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("receipt", sa.String(length=128), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_platform_record_case_id_case_file")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_platform_record")),
        sa.UniqueConstraint("case_id", "seq", name=op.f("uq_platform_record_case_id")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_platform_record_idempotency_key")),
    )
    op.create_index(
        op.f("ix_platform_record_case_id"), "platform_record", ["case_id"], unique=False
    )
    op.create_index(op.f("ix_platform_record_status"), "platform_record", ["status"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_platform_record_status"), table_name="platform_record")
    op.drop_index(op.f("ix_platform_record_case_id"), table_name="platform_record")
    op.drop_table("platform_record")
