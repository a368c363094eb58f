"""freshness campaigns: the partners of a territory asked to confirm or update their records

Revision ID: h0021
Revises: h0020
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0021"
down_revision = "h0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "freshness_campaign",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("territory", sa.String(16), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("started_by", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "campaign_partner",
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("partner", sa.String(200), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("answer", sa.String(16), nullable=True),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["freshness_campaign.id"], ondelete="CASCADE",
            name="fk_campaign_partner_campaign_id_freshness_campaign",
        ),
        sa.PrimaryKeyConstraint("campaign_id", "partner"),
    )
    op.create_index("ix_campaign_partner_partner", "campaign_partner", ["partner"])


def downgrade() -> None:
    op.drop_index("ix_campaign_partner_partner", table_name="campaign_partner")
    op.drop_table("campaign_partner")
    op.drop_table("freshness_campaign")
