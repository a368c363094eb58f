"""changes partners propose to their own directory records

Revision ID: h0018
Revises: h0017
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "h0018"
down_revision = "h0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "directory_proposal",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("record_id", sa.String(200), nullable=False),
        sa.Column("partner", sa.String(200), nullable=False),
        sa.Column(
            "changes", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.Column("proposed_at", sa.DateTime(), nullable=False),
        sa.Column("proposed_by", sa.String(200), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decided_by", sa.String(200), nullable=True),
        sa.Column("accepted", sa.Boolean(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_directory_proposal_partner", "directory_proposal", ["partner"])
    op.create_index("ix_directory_proposal_decided_at", "directory_proposal", ["decided_at"])


def downgrade() -> None:
    op.drop_index("ix_directory_proposal_decided_at", table_name="directory_proposal")
    op.drop_index("ix_directory_proposal_partner", table_name="directory_proposal")
    op.drop_table("directory_proposal")
