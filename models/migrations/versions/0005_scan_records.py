"""scan records: pages from scanners, keyed by the driver's page identity

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "scan_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("job", sa.String(length=64), nullable=False),
        sa.Column("page_key", sa.String(length=255), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("page_id", sa.Integer(), nullable=True),
        sa.Column("material_code", sa.String(length=64), nullable=True),
        sa.Column("blank", sa.Boolean(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_scan_record_case_id_case_file")
        ),
        sa.ForeignKeyConstraint(["page_id"], ["page.id"], name=op.f("fk_scan_record_page_id_page")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scan_record")),
        sa.UniqueConstraint("case_id", "page_key", name=op.f("uq_scan_record_case_id")),
    )


def downgrade() -> None:
    op.drop_table("scan_record")
