"""GB/T 36903 core metadata of each license in the registry

Revision ID: 0015
Revises: 0014
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Licenses issued before have their facts in their columns and archived JSON only.
    with op.batch_alter_table("license") as batch:
        batch.add_column(sa.Column("core_metadata", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("license") as batch:
        batch.drop_column("core_metadata")
