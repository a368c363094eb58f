"""the region's period before a referral is « sans nouvelles »; referrals read by day

Revision ID: h0017
Revises: h0016
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0017"
down_revision = "h0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("retention_setting") as table:
        table.add_column(
            sa.Column("no_news_days", sa.Integer(), nullable=False, server_default="30")
        )
    op.create_index("ix_referral_slip_day", "referral_slip", ["day", "site_id"])


def downgrade() -> None:
    op.drop_index("ix_referral_slip_day", table_name="referral_slip")
    with op.batch_alter_table("retention_setting") as table:
        table.drop_column("no_news_days")
