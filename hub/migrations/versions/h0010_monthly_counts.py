"""the counts by site and month kept for every month, not only the summarised ones: the
months still held in detail are counted once from their facts

Revision ID: h0010
Revises: h0009
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import Connection

revision = "h0010"
down_revision = "h0009"
branch_labels = None
depends_on = None

# The counted one-valued fields on the day of this migration (core.fields may change later).
ONE_VALUED = {"channel": "channel", "public": "public", "age": "age", "gender": "gender",
              "commune": "commune", "duration": "duration"}  # fmt: skip


def upgrade() -> None:
    backfill(op.get_bind())


def backfill(connection: Connection) -> None:
    """Count every month held in detail from its facts."""
    if connection.dialect.name == "postgresql":
        month = "CAST(date_trunc('month', f.day) AS date)"
    else:
        month = "strftime('%Y-%m-01', f.day)"
    selects = [
        f"SELECT {month} AS m, f.site_id AS s, 'visits' AS d, '' AS c, count(*) AS n"
        " FROM contact_fact f GROUP BY 1, 2",
        f"SELECT {month}, f.site_id, 'referrals', '', sum(f.referrals) FROM contact_fact f"
        " GROUP BY 1, 2",
        f"SELECT {month}, f.site_id, f.dim, f.code, count(*) FROM contact_code f"
        " GROUP BY 1, 2, 3, 4",
    ] + [
        f"SELECT {month}, f.site_id, '{dim}', COALESCE(f.{name}, 'non-precise'), count(*)"
        f" FROM contact_fact f GROUP BY 1, 2, 4"
        for dim, name in ONE_VALUED.items()
    ]
    # The months held in detail have facts; a summarised month has none, and keeps its rows.
    connection.exec_driver_sql(
        "INSERT INTO contact_summary (month, site_id, dim, code, count)"
        " SELECT m, s, d, c, n FROM (" + " UNION ALL ".join(selects) + ") AS counted"
        " WHERE n > 0"
    )


def downgrade() -> None:
    connection = op.get_bind()
    connection.exec_driver_sql(
        "DELETE FROM contact_summary WHERE month >= COALESCE((SELECT contacts_from"
        " FROM retention_setting WHERE id = 1), CAST('0001-01-01' AS date))"
    )
