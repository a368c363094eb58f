"""the day a partner last said something of a referral, for its desk to pull it

Revision ID: h0015
Revises: h0014
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0015"
down_revision = "h0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("referral_outcome") as table:
        table.add_column(sa.Column("changed_on", sa.Date(), nullable=True))
    op.execute(
        "UPDATE referral_outcome SET changed_on = COALESCE(outcome_on, presented_on)"
    )
    op.create_index("ix_referral_outcome_changed_on", "referral_outcome", ["changed_on"])


def downgrade() -> None:
    op.drop_index("ix_referral_outcome_changed_on", table_name="referral_outcome")
    with op.batch_alter_table("referral_outcome") as table:
        table.drop_column("changed_on")
