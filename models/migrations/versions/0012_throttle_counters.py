"""rate limits and lockouts counted in the database, not in one process's memory

The public routes' limit lived in a dict of the process that answered: two workers or
two machines each allowed the full rate, and logins and locker codes had no limit at all.

Revision ID: 0012
Revises: 0011
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "throttle_counter",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("window_start", sa.BigInteger(), nullable=False),
        sa.Column("hits", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.BigInteger(), nullable=True),
        sa.Column("expires_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("key", "window_start", name=op.f("pk_throttle_counter")),
    )
    op.create_index(
        op.f("ix_throttle_counter_expires_at"), "throttle_counter", ["expires_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_throttle_counter_expires_at"), table_name="throttle_counter")
    op.drop_table("throttle_counter")
