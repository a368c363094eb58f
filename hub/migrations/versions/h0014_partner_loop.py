"""the partner's links and what partners said of the referrals they received

Revision ID: h0014
Revises: h0013
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0014"
down_revision = "h0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "partner_access",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("partner", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("last_used_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("token_hash", name="pk_partner_access"),
    )
    op.create_index("ix_partner_access_partner", "partner_access", ["partner"])
    op.create_table(
        "referral_outcome",
        sa.Column(
            "record_id",
            sa.String(36),
            sa.ForeignKey(
                "record.id", name="fk_referral_outcome_record_id_record", ondelete="CASCADE"
            ),
            nullable=False,
        ),
        sa.Column("presented_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(32), nullable=True),
        sa.Column("outcome_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("record_id", name="pk_referral_outcome"),
    )


def downgrade() -> None:
    op.drop_table("referral_outcome")
    op.drop_index("ix_partner_access_partner", table_name="partner_access")
    op.drop_table("partner_access")
