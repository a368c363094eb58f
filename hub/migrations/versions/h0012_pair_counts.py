"""the changes of each site's month, and the tables of two dimensions kept by month

Revision ID: h0012
Revises: h0011
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0012"
down_revision = "h0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # No change counted yet: a table worked out now holds the month as it stands, and the
    # next push of the month moves its sum.
    op.create_table(
        "month_change",
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("site_id", sa.String(64), nullable=False),
        sa.Column("changes", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("month", "site_id", name="pk_month_change"),
    )
    op.create_table(
        "pair_count",
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("dims", sa.String(40), nullable=False),
        sa.Column("changes", sa.BigInteger(), nullable=False),
        sa.Column("first", sa.String(200), nullable=False),
        sa.Column("second", sa.String(200), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "month", "dims", "changes", "first", "second", name="pk_pair_count"
        ),
    )


def downgrade() -> None:
    op.drop_table("pair_count")
    op.drop_table("month_change")
