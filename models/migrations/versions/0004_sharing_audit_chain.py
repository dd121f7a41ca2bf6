"""archive: retention and provenance columns, share grants, hash-chained audit

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("stored_object") as batch:
        batch.add_column(sa.Column("provided_by", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("retain_until", TS, nullable=True))
        batch.add_column(sa.Column("retention_mode", sa.String(length=16), nullable=True))
        batch.add_column(
            sa.Column("legal_hold", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("last_fixity_at", TS, nullable=True))
        batch.add_column(sa.Column("last_fixity_ok", sa.Boolean(), nullable=True))
    with op.batch_alter_table("audit_event") as batch:
        batch.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
        batch.create_unique_constraint(op.f("uq_audit_event_seq"), ["seq"])
    op.create_table(
        "audit_chain_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_chain_head")),
    )
    op.execute("INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, '" + "0" * 64 + "')")
    op.create_table(
        "audit_checkpoint",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("object_id", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["object_id"],
            ["stored_object.id"],
            name=op.f("fk_audit_checkpoint_object_id_stored_object"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_checkpoint")),
        sa.UniqueConstraint("seq", name=op.f("uq_audit_checkpoint_seq")),
    )
    op.create_table(
        "share_grant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("grantee_department_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("license_type", sa.String(length=64), nullable=True),
        sa.Column("purpose", sa.String(length=200), nullable=False),
        sa.Column("valid_from", TS, nullable=False),
        sa.Column("valid_until", TS, nullable=False),
        sa.Column("granted_by", sa.String(length=64), nullable=False),
        sa.Column("revoked_at", TS, nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_share_grant_case_id_case_file")
        ),
        sa.ForeignKeyConstraint(
            ["grantee_department_id"],
            ["department.id"],
            name=op.f("fk_share_grant_grantee_department_id_department"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_share_grant")),
    )
    with op.batch_alter_table("share_grant") as batch:
        batch.create_index(
            batch.f("ix_share_grant_grantee_department_id"), ["grantee_department_id"]
        )


def downgrade() -> None:
    op.drop_table("share_grant")
    op.drop_table("audit_checkpoint")
    op.drop_table("audit_chain_head")
    with op.batch_alter_table("audit_event") as batch:
        batch.drop_constraint(op.f("uq_audit_event_seq"), type_="unique")
        for column in ("hash", "prev_hash", "seq"):
            batch.drop_column(column)
    with op.batch_alter_table("stored_object") as batch:
        for column in (
            "last_fixity_ok",
            "last_fixity_at",
            "legal_hold",
            "retention_mode",
            "retain_until",
            "provided_by",
        ):
            batch.drop_column(column)
