"""OFD licenses with GB/T 38540 SM2 e-seals: the seal's SM2 side, the license's OFD

Revision ID: 0016
Revises: 0015
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Seals get their SM2 certificate and SESeal when first needed; licenses issued
    # before have no OFD.
    with op.batch_alter_table("seal") as batch:
        batch.add_column(sa.Column("sm2_cert_pem", sa.Text(), nullable=True))
        batch.add_column(sa.Column("sm2_cert_sha256", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("sm2_key_file", sa.String(length=500), nullable=True))
        batch.add_column(sa.Column("sm2_seal", sa.LargeBinary(), nullable=True))
        batch.create_unique_constraint(op.f("uq_seal_sm2_cert_sha256"), ["sm2_cert_sha256"])
    with op.batch_alter_table("license") as batch:
        batch.add_column(sa.Column("ofd_object_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("ofd_sha256", sa.String(length=64), nullable=True))
        batch.create_foreign_key(
            op.f("fk_license_ofd_object_id_stored_object"),
            "stored_object",
            ["ofd_object_id"],
            ["id"],
        )
        batch.create_unique_constraint(op.f("uq_license_ofd_sha256"), ["ofd_sha256"])


def downgrade() -> None:
    with op.batch_alter_table("license") as batch:
        batch.drop_constraint(op.f("uq_license_ofd_sha256"), type_="unique")
        batch.drop_constraint(op.f("fk_license_ofd_object_id_stored_object"), type_="foreignkey")
        batch.drop_column("ofd_sha256")
        batch.drop_column("ofd_object_id")
    with op.batch_alter_table("seal") as batch:
        batch.drop_constraint(op.f("uq_seal_sm2_cert_sha256"), type_="unique")
        batch.drop_column("sm2_seal")
        batch.drop_column("sm2_key_file")
        batch.drop_column("sm2_cert_sha256")
        batch.drop_column("sm2_cert_pem")
