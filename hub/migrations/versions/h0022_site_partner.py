"""a site may be a partner structure of the directory, whose desks record arrivals

Revision ID: h0022
Revises: h0021
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0022"
down_revision = "h0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("site") as table:
        table.add_column(sa.Column("partner", sa.String(200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("site") as table:
        table.drop_column("partner")
