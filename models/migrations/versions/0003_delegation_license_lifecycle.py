"""delegation scope and license lifecycle

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("delegation") as batch:
        batch.add_column(sa.Column("item_codes", sa.JSON(), nullable=False, server_default="[]"))
        batch.add_column(
            sa.Column("revoked", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(
            sa.Column("note", sa.String(length=200), nullable=False, server_default="")
        )
    with op.batch_alter_table("license") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        batch.add_column(sa.Column("supersedes_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("status_changed_at", sa.DateTime(timezone=True), nullable=True))
        batch.create_foreign_key(
            op.f("fk_license_supersedes_id_license"), "license", ["supersedes_id"], ["id"]
        )
    with op.batch_alter_table("delegation") as batch:
        for column in ("item_codes", "revoked", "note"):
            batch.alter_column(column, server_default=None)
    with op.batch_alter_table("license") as batch:
        batch.alter_column("version", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("license") as batch:
        batch.drop_constraint(op.f("fk_license_supersedes_id_license"), type_="foreignkey")
        batch.drop_column("status_changed_at")
        batch.drop_column("supersedes_id")
        batch.drop_column("version")
    with op.batch_alter_table("delegation") as batch:
        batch.drop_column("note")
        batch.drop_column("revoked")
        batch.drop_column("item_codes")
