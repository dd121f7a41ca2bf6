"""back office routing, clock suspension, handover, delivery, SMS, rating

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TS = sa.DateTime(timezone=True)


def _fk(table: str, column: str, ref: str) -> sa.ForeignKeyConstraint:
    ref_table = ref.split(".")[0]
    return sa.ForeignKeyConstraint([column], [ref], name=op.f(f"fk_{table}_{column}_{ref_table}"))


def upgrade() -> None:
    with op.batch_alter_table("review_task") as batch:
        batch.add_column(sa.Column("step", sa.Integer(), nullable=False, server_default="1"))
        batch.add_column(
            sa.Column("kind", sa.String(length=16), nullable=False, server_default="final")
        )
        batch.add_column(sa.Column("opened_at", _TS, nullable=True))
        batch.add_column(sa.Column("done_at", _TS, nullable=True))
        batch.add_column(sa.Column("warned_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("escalated_on", sa.Date(), nullable=True))
    with op.batch_alter_table("review_task") as batch:
        batch.alter_column("step", server_default=None)
        batch.alter_column("kind", server_default=None)
    op.create_table(
        "clock_suspension",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("days_added", sa.Integer(), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        _fk("clock_suspension", "case_id", "case_file.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clock_suspension")),
    )
    op.create_table(
        "handover",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=16), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("window_id", sa.Integer(), nullable=True),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("handed_by_id", sa.Integer(), nullable=False),
        sa.Column("received_by_id", sa.Integer(), nullable=True),
        sa.Column("received_at", _TS, nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        _fk("handover", "case_id", "case_file.id"),
        _fk("handover", "department_id", "department.id"),
        _fk("handover", "window_id", "service_window.id"),
        _fk("handover", "handed_by_id", "app_user.id"),
        _fk("handover", "received_by_id", "app_user.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover")),
    )
    op.create_table(
        "delivery",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("window_id", sa.Integer(), nullable=True),
        sa.Column("result_kind", sa.String(length=16), nullable=False),
        sa.Column("license_id", sa.Integer(), nullable=True),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("receiver_name", sa.String(length=100), nullable=False),
        sa.Column("receiver_id_tail", sa.String(length=8), nullable=False),
        sa.Column("by_agent", sa.Boolean(), nullable=False),
        sa.Column("attorney_ref", sa.String(length=100), nullable=False),
        sa.Column("locker_box", sa.String(length=32), nullable=False),
        sa.Column("pickup_code_sha256", sa.String(length=64), nullable=False),
        sa.Column("code_expires_at", _TS, nullable=True),
        sa.Column("code_failures", sa.Integer(), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("carrier", sa.String(length=32), nullable=False),
        sa.Column("tracking_number", sa.String(length=64), nullable=False),
        sa.Column("delivered_at", _TS, nullable=True),
        sa.Column("feedback_at", _TS, nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        _fk("delivery", "case_id", "case_file.id"),
        _fk("delivery", "department_id", "department.id"),
        _fk("delivery", "window_id", "service_window.id"),
        _fk("delivery", "license_id", "license.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delivery")),
        sa.UniqueConstraint("case_id", name=op.f("uq_delivery_case_id")),
    )
    op.create_table(
        "postal_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("delivery_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        _fk("postal_event", "delivery_id", "delivery.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_postal_event")),
    )
    op.create_table(
        "sms_message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("template", sa.String(length=32), nullable=False),
        sa.Column("gateway_ref", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        _fk("sms_message", "case_id", "case_file.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sms_message")),
    )
    op.create_table(
        "rating",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        _fk("rating", "case_id", "case_file.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rating")),
        sa.UniqueConstraint("case_id", name=op.f("uq_rating_case_id")),
    )


def downgrade() -> None:
    for table in ("rating", "sms_message", "postal_event", "delivery", "handover"):
        op.drop_table(table)
    op.drop_table("clock_suspension")
    with op.batch_alter_table("review_task") as batch:
        for column in ("escalated_on", "warned_on", "done_at", "opened_at", "kind", "step"):
            batch.drop_column(column)
