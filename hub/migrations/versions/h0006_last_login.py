"""a coordinator's last login, kept with the account (sessions are dropped after 30 hours)

Revision ID: h0006
Revises: h0005
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0006"
down_revision = "h0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("coordinator") as batch:
        batch.add_column(sa.Column("last_login_at", sa.DateTime(), nullable=True))
    # What the sessions still kept say of it.
    op.execute(
        "UPDATE coordinator SET last_login_at = (SELECT max(created_at) FROM console_session"
        " WHERE console_session.coordinator_id = coordinator.id)"
    )


def downgrade() -> None:
    with op.batch_alter_table("coordinator") as batch:
        batch.drop_column("last_login_at")
