"""a partner's link opens its page once: the cookie's own secret, and when it opened

Revision ID: h0020
Revises: h0019
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0020"
down_revision = "h0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("partner_access") as table:
        table.add_column(sa.Column("opened_at", sa.DateTime(), nullable=True))
        table.add_column(sa.Column("cookie_hash", sa.String(64), nullable=True))
        table.create_unique_constraint("uq_partner_access_cookie_hash", ["cookie_hash"])


def downgrade() -> None:
    with op.batch_alter_table("partner_access") as table:
        table.drop_constraint("uq_partner_access_cookie_hash", type_="unique")
        table.drop_column("cookie_hash")
        table.drop_column("opened_at")
