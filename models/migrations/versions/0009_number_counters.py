"""number series taken under a row lock, not counted (count + 1 raced between clerks)

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Existing series start from the rows already numbered (numbering.allocate seeds a
    # series the first time it is used), so no data migration is needed here.
    op.create_table(
        "number_counter",
        sa.Column("series", sa.String(length=160), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("series", name=op.f("pk_number_counter")),
    )


def downgrade() -> None:
    op.drop_table("number_counter")
