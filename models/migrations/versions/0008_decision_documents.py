"""decision documents (不予许可决定书), delivered like licenses

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _fk(table: str, column: str, ref: str) -> sa.ForeignKeyConstraint:
    ref_table = ref.split(".")[0]
    return sa.ForeignKeyConstraint([column], [ref], name=op.f(f"fk_{table}_{column}_{ref_table}"))


def upgrade() -> None:
    op.create_table(
        "decision_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("seal_id", sa.Integer(), nullable=False),
        sa.Column("object_id", sa.Integer(), nullable=False),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _fk("decision_document", "case_id", "case_file.id"),
        _fk("decision_document", "decision_id", "decision.id"),
        _fk("decision_document", "department_id", "department.id"),
        _fk("decision_document", "seal_id", "seal.id"),
        _fk("decision_document", "object_id", "stored_object.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision_document")),
        sa.UniqueConstraint("case_id", name=op.f("uq_decision_document_case_id")),
        sa.UniqueConstraint("number", name=op.f("uq_decision_document_number")),
    )
    with op.batch_alter_table("delivery") as batch:
        batch.add_column(sa.Column("decision_document_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_delivery_decision_document_id_decision_document"),
            "decision_document",
            ["decision_document_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("delivery") as batch:
        batch.drop_constraint(
            op.f("fk_delivery_decision_document_id_decision_document"), type_="foreignkey"
        )
        batch.drop_column("decision_document_id")
    op.drop_table("decision_document")
