"""each live referral's slip code (protocol 3), for the partner to confirm it by

Revision ID: h0013
Revises: h0012
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0013"
down_revision = "h0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Referrals stored before came from desks of protocol 2 at most: none has a code.
    op.create_table(
        "referral_slip",
        sa.Column(
            "record_id",
            sa.String(36),
            sa.ForeignKey("record.id", name="fk_referral_slip_record_id_record", ondelete="CASCADE"),
        ),
        sa.Column("code", sa.String(7), nullable=False),
        sa.Column("desk_id", sa.String(36), nullable=False),
        sa.Column("site_id", sa.String(64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("service_id", sa.String(200), nullable=False),
        sa.Column("partner", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("record_id", name="pk_referral_slip"),
        sa.UniqueConstraint("desk_id", "code", name="uq_referral_slip_desk_id"),
    )
    op.create_index("ix_referral_slip_code", "referral_slip", ["code"])


def downgrade() -> None:
    op.drop_index("ix_referral_slip_code", table_name="referral_slip")
    op.drop_table("referral_slip")
