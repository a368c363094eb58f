"""the region's retention: its setting, and the monthly summary of visits no longer kept
in detail

Revision ID: h0009
Revises: h0008
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0009"
down_revision = "h0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "contact_summary",
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("site_id", sa.String(64), nullable=False),
        sa.Column("dim", sa.String(16), nullable=False),
        sa.Column("code", sa.String(200), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("month", "site_id", "dim", "code", name="pk_contact_summary"),
    )
    op.create_index(
        "ix_contact_summary_dim_month_site", "contact_summary", ["dim", "month", "site_id"]
    )
    op.create_table(
        "summarised_contact",
        sa.Column("id", sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_summarised_contact"),
    )
    op.create_table(
        "retention_setting",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("referral_months", sa.Integer(), nullable=False),
        sa.Column("flag_months", sa.Integer(), nullable=False),
        sa.Column("detail_years", sa.Integer(), nullable=False),
        sa.Column("contacts_from", sa.Date(), nullable=True),
        sa.Column("referrals_from", sa.Date(), nullable=True),
        sa.Column("flags_from", sa.Date(), nullable=True),
        sa.Column("changed_at", sa.DateTime(), nullable=True),
        sa.Column("changed_by", sa.String(200), nullable=True),
        sa.Column("applied_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_retention_setting"),
    )


def downgrade() -> None:
    op.drop_table("retention_setting")
    op.drop_table("summarised_contact")
    op.drop_index("ix_contact_summary_dim_month_site", table_name="contact_summary")
    op.drop_table("contact_summary")
