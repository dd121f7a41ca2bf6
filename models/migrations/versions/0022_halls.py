"""Many halls in one deployment: the hall table, and the hall of every case, notice,
department, window and staff member

Revision ID: 0022
Revises: 0021
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SCOPED = ("case_file", "notice", "department", "service_window", "app_user")


def upgrade() -> None:
    hall = op.create_table(
        "service_hall",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("credit_code", sa.String(length=18), nullable=False),
        sa.Column("word_mark", sa.String(length=16), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_hall")),
        sa.UniqueConstraint("code", name=op.f("uq_service_hall_code")),
    )
    # The default hall: every row written before halls existed belongs to it. The catalog
    # directory's first hall takes it over (code, name, word mark) when the hall opens.
    op.bulk_insert(
        hall,
        [
            {
                "code": "default",
                "name": "政务服务中心",
                "credit_code": "",
                "word_mark": "锡政服",
                "level": "league",
            }
        ],
    )
    for table in _SCOPED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("hall_id", sa.Integer(), nullable=True))
            batch.create_foreign_key(
                op.f(f"fk_{table}_hall_id_service_hall"), "service_hall", ["hall_id"], ["id"]
            )
        op.execute(
            sa.text(
                f"UPDATE {table} SET hall_id = (SELECT id FROM service_hall WHERE code = 'default')"
            )
        )
    with op.batch_alter_table("case_file") as batch:
        batch.alter_column("hall_id", existing_type=sa.Integer(), nullable=False)
        batch.create_index(op.f("ix_case_file_hall_id"), ["hall_id"], unique=False)
    with op.batch_alter_table("handover") as batch:
        batch.add_column(
            sa.Column("transit", sa.String(length=64), nullable=False, server_default="")
        )
    # a grant may open one case to another hall's staff (共享给其他大厅)
    with op.batch_alter_table("share_grant") as batch:
        batch.add_column(sa.Column("grantee_hall_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_share_grant_grantee_hall_id_service_hall"),
            "service_hall",
            ["grantee_hall_id"],
            ["id"],
        )
        batch.alter_column("grantee_department_id", existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("handover") as batch:
        batch.drop_column("transit")
    op.execute(sa.text("DELETE FROM share_grant WHERE grantee_department_id IS NULL"))
    with op.batch_alter_table("share_grant") as batch:
        batch.drop_constraint(
            op.f("fk_share_grant_grantee_hall_id_service_hall"), type_="foreignkey"
        )
        batch.drop_column("grantee_hall_id")
        batch.alter_column("grantee_department_id", existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table("case_file") as batch:
        batch.drop_index(op.f("ix_case_file_hall_id"))
    for table in _SCOPED:
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(op.f(f"fk_{table}_hall_id_service_hall"), type_="foreignkey")
            batch.drop_column("hall_id")
    op.drop_table("service_hall")
