"""catalog announcements: every published checklist version is announced to the public

The published catalog is read from the database by every process (the revision that tells
them it changed is a number counter, `catalog.revision`, which needs no table of its own).
Versions published before this revision are announced at the hall's next start, in words
computed from their stored specs, as of the day they were published.

Revision ID: 0018
Revises: 0017
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "catalog_announcement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("checklist_id", sa.Integer(), nullable=False),
        sa.Column("item_code", sa.String(length=64), nullable=False),
        sa.Column("item_name", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("previous_version", sa.Integer(), nullable=True),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["checklist_id"],
            ["checklist_version.id"],
            name=op.f("fk_catalog_announcement_checklist_id_checklist_version"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalog_announcement")),
        sa.UniqueConstraint("checklist_id", name=op.f("uq_catalog_announcement_checklist_id")),
    )
    op.create_index(
        op.f("ix_catalog_announcement_published_at"),
        "catalog_announcement",
        ["published_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_catalog_announcement_published_at"), table_name="catalog_announcement")
    op.drop_table("catalog_announcement")
