"""temporary information on directory records, mobile services' stops, the region's
events; a visit's place of reception and event; a service's quality score

Revision ID: h0024
Revises: h0023
Create Date: 2026-12-04
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "h0024"
down_revision = "h0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "temporary_notice",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("structure_id", sa.String(200), nullable=False, index=True),
        sa.Column("service_id", sa.String(200), nullable=True, index=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False, index=True),
        sa.Column("hours", sa.String(500), nullable=True),
        sa.Column("message", sa.String(300), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "service_stop",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("service_id", sa.String(200), nullable=False, index=True),
        sa.Column("code_insee", sa.String(5), nullable=False),
        sa.Column("commune", sa.String(100), nullable=False),
        sa.Column("adresse", sa.String(300), nullable=False),
        sa.Column("hours", sa.String(500), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "region_event",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False, index=True),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.Column("code_insee", sa.String(5), nullable=False),
        sa.Column("commune", sa.String(100), nullable=False),
        sa.Column("adresse", sa.String(300), nullable=False),
        sa.Column("organisateur", sa.String(300), nullable=False),
        sa.Column("lien", sa.String(300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("publics", sa.JSON(), nullable=False),
        sa.Column("thematiques", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(), nullable=True),
    )


    # Where the agent received, and at which event (protocol 5): none before.
    op.add_column("contact_fact", sa.Column("place", sa.String(16), nullable=True))
    op.add_column("contact_fact", sa.Column("event", sa.String(64), nullable=True))
    op.add_column("directory_entry", sa.Column("quality", sa.Float(), nullable=True))
    op.create_index("ix_directory_entry_quality", "directory_entry", ["quality"])
    backfill(op.get_bind())
    score_services(op.get_bind())


def score_services(connection: sa.Connection) -> None:
    """Each live service's data·inclusion quality score, from its record as published."""
    from hub.quality import score

    rows = connection.execute(
        sa.text(
            "SELECT e.record_id, c.payload FROM directory_entry e"
            " JOIN directory_change c ON c.seq = e.seq"
            " WHERE e.kind = 'service' AND NOT e.deleted"
        )
    ).all()
    for record_id, payload in rows:
        data = payload if isinstance(payload, dict) else json.loads(payload)
        connection.execute(
            sa.text(
                "UPDATE directory_entry SET quality = :q"
                " WHERE kind = 'service' AND record_id = :id"
            ),
            {"q": score(data)[0], "id": record_id},
        )


def backfill(connection: sa.Connection) -> None:
    """Each month's visits, summarised months too, as unsaid by place and by event: no
    desk said either before protocol 5."""
    for dim in ("place", "event"):
        connection.execute(
            sa.text(
                "INSERT INTO contact_summary (month, site_id, dim, code, count)"
                f" SELECT month, site_id, '{dim}', 'non-precise', count FROM contact_summary"
                " WHERE dim = 'visits' AND count > 0"
            )
        )


def downgrade() -> None:
    op.drop_index("ix_directory_entry_quality", table_name="directory_entry")
    op.drop_column("directory_entry", "quality")
    op.get_bind().exec_driver_sql("DELETE FROM contact_summary WHERE dim IN ('place', 'event')")
    op.drop_column("contact_fact", "event")
    op.drop_column("contact_fact", "place")
    op.drop_table("region_event")
    op.drop_table("service_stop")
    op.drop_table("temporary_notice")
