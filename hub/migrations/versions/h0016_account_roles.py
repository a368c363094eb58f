"""three kinds of console account: the region's, a site's, a partner's

Revision ID: h0016
Revises: h0015
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0016"
down_revision = "h0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("coordinator") as table:
        table.add_column(
            sa.Column("role", sa.String(16), nullable=False, server_default="region")
        )
        table.add_column(sa.Column("site_id", sa.String(64), nullable=True))
        table.add_column(sa.Column("partner", sa.String(200), nullable=True))
        table.create_foreign_key("fk_coordinator_site", "site", ["site_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("coordinator") as table:
        table.drop_constraint("fk_coordinator_site", type_="foreignkey")
        table.drop_column("partner")
        table.drop_column("site_id")
        table.drop_column("role")
