"""how often each month's followed referrals changed, for the counts a hub process keeps

Revision ID: h0023
Revises: h0022
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0023"
down_revision = "h0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "referral_change",
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("site_id", sa.String(64), nullable=False),
        sa.Column("changes", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("month", "site_id"),
    )


def downgrade() -> None:
    op.drop_table("referral_change")
