"""the communes' counts by month also kept by EPCI, so that a page by EPCI reads those

Revision ID: h0011
Revises: h0010
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import Connection, text

from hub.places import epci_json

revision = "h0011"
down_revision = "h0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    backfill(op.get_bind())


def backfill(connection: Connection) -> None:
    """Count each site's month by EPCI from its counts by commune."""
    if connection.dialect.name == "postgresql":
        pairs = "jsonb_each_text(CAST(:epci AS jsonb))"
    else:
        pairs = "json_each(:epci)"
    # Summarised months too: their counts by commune are all that is left of them.
    connection.execute(
        text(
            "INSERT INTO contact_summary (month, site_id, dim, code, count)"
            " SELECT s.month, s.site_id, 'epci', COALESCE(m.value, s.code), sum(s.count)"
            f" FROM contact_summary s LEFT JOIN {pairs} AS m ON m.key = s.code"
            " WHERE s.dim = 'commune' GROUP BY s.month, s.site_id, COALESCE(m.value, s.code)"
        ),
        {"epci": epci_json()},
    )


def downgrade() -> None:
    op.get_bind().exec_driver_sql("DELETE FROM contact_summary WHERE dim = 'epci'")
