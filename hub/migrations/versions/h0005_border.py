"""the border: a record's arrival kept as a day only; refused enrolments per address

Revision ID: h0005
Revises: h0004
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0005"
down_revision = "h0004"
branch_labels = None
depends_on = None


def _day(column: str) -> str:
    """SQL for the day of a timestamp column, on PostgreSQL or SQLite."""
    if op.get_bind().dialect.name == "postgresql":
        return f"CAST({column} AS DATE)"
    return f"date({column})"


def upgrade() -> None:
    with op.batch_alter_table("record") as batch:
        batch.add_column(sa.Column("received_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("updated_on", sa.Date(), nullable=True))
    op.execute(
        f"UPDATE record SET received_on = {_day('received_at')}, updated_on = {_day('updated_at')}"
    )
    with op.batch_alter_table("record") as batch:
        batch.alter_column("received_on", existing_type=sa.Date(), nullable=False)
        batch.alter_column("updated_on", existing_type=sa.Date(), nullable=False)
        batch.drop_column("received_at")
        batch.drop_column("updated_at")
    op.create_table(
        "enrol_attempt",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrol_attempt")),
    )
    op.create_index(op.f("ix_enrol_attempt_address"), "enrol_attempt", ["address"], unique=False)
    op.create_index(op.f("ix_enrol_attempt_at"), "enrol_attempt", ["at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_enrol_attempt_at"), table_name="enrol_attempt")
    op.drop_index(op.f("ix_enrol_attempt_address"), table_name="enrol_attempt")
    op.drop_table("enrol_attempt")
    with op.batch_alter_table("record") as batch:
        batch.add_column(sa.Column("received_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("updated_at", sa.DateTime(), nullable=True))
    op.execute("UPDATE record SET received_at = received_on, updated_at = updated_on")
    with op.batch_alter_table("record") as batch:
        batch.alter_column("received_at", existing_type=sa.DateTime(), nullable=False)
        batch.alter_column("updated_at", existing_type=sa.DateTime(), nullable=False)
        batch.drop_column("received_on")
        batch.drop_column("updated_on")
