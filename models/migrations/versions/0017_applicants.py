"""applicants online (phone + SMS code), how a case came in, and postal submissions

Revision ID: 0017
Revises: 0016
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

_TS = sa.DateTime(timezone=True)

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "applicant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("session_version", sa.Integer(), nullable=False),
        sa.Column("last_signed_in_at", _TS, nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_applicant")),
        sa.UniqueConstraint("phone", name=op.f("uq_applicant_phone")),
    )
    op.create_table(
        "sign_in_code",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("expires_at", _TS, nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("used_at", _TS, nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_in_code")),
    )
    op.create_index(op.f("ix_sign_in_code_phone"), "sign_in_code", ["phone"], unique=False)
    op.create_table(
        "postal_submission",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("tracking_number", sa.String(length=64), nullable=False),
        sa.Column("carrier", sa.String(length=32), nullable=False),
        sa.Column("sender", sa.String(length=100), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("received_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_postal_submission_case_id_case_file")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_postal_submission")),
    )
    op.create_index(
        op.f("ix_postal_submission_case_id"), "postal_submission", ["case_id"], unique=False
    )
    with op.batch_alter_table("case_file") as batch:
        batch.add_column(
            sa.Column("channel", sa.String(length=16), nullable=False, server_default="counter")
        )
        batch.add_column(sa.Column("account_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("submitted_at", _TS, nullable=True))
        batch.add_column(
            sa.Column("result_by", sa.String(length=16), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("result_address", sa.Text(), nullable=False, server_default=""))
        batch.create_index(batch.f("ix_case_file_account_id"), ["account_id"], unique=False)
        batch.create_foreign_key(
            batch.f("fk_case_file_account_id_applicant"), "applicant", ["account_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("case_file") as batch:
        batch.drop_constraint(batch.f("fk_case_file_account_id_applicant"), type_="foreignkey")
        batch.drop_index(batch.f("ix_case_file_account_id"))
        for column in ("result_address", "result_by", "submitted_at", "account_id", "channel"):
            batch.drop_column(column)
    op.drop_index(op.f("ix_postal_submission_case_id"), table_name="postal_submission")
    op.drop_table("postal_submission")
    op.drop_index(op.f("ix_sign_in_code_phone"), table_name="sign_in_code")
    op.drop_table("sign_in_code")
    op.drop_table("applicant")
