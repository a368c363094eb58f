"""the API's rate limit of known tokens, counted in the database (shared by every process)

Revision ID: h0007_api_hits
Revises: h0006
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0007_api_hits"
down_revision = "h0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "api_hit",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("minute", sa.DateTime(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("token_hash", "minute", name=op.f("pk_api_hit")),
    )


def downgrade() -> None:
    op.drop_table("api_hit")
