"""slip codes and partners' words kept a region's months, then counted by month

Revision ID: h0019
Revises: h0018
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0019"
down_revision = "h0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("retention_setting") as table:
        table.add_column(
            sa.Column("slip_months", sa.Integer(), nullable=False, server_default="13")
        )
        table.add_column(sa.Column("slips_from", sa.Date(), nullable=True))
    op.create_table(
        "referral_summary",
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("site_id", sa.String(64), nullable=False),
        sa.Column("dim", sa.String(16), nullable=False),
        sa.Column("code", sa.String(200), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("month", "site_id", "dim", "code", "status"),
    )


def downgrade() -> None:
    op.drop_table("referral_summary")
    with op.batch_alter_table("retention_setting") as table:
        table.drop_column("slips_from")
        table.drop_column("slip_months")
