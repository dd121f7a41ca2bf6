"""GB/T 36904 license identifiers (证照标识) beside the license numbers

Revision ID: 0014
Revises: 0013
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Licenses issued before keep their numbers only; both stay resolvable.
    with op.batch_alter_table("license") as batch:
        batch.add_column(sa.Column("identifier", sa.String(length=96), nullable=True))
        batch.create_unique_constraint(op.f("uq_license_identifier"), ["identifier"])


def downgrade() -> None:
    with op.batch_alter_table("license") as batch:
        batch.drop_constraint(op.f("uq_license_identifier"), type_="unique")
        batch.drop_column("identifier")
