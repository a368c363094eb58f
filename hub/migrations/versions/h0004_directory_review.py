"""the console: directory names and search words, verification, flag reviews, desk states

Revision ID: h0004
Revises: h0003
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 'h0004'
down_revision = 'h0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('directory_entry') as batch:
        batch.add_column(sa.Column('title', sa.String(length=300), nullable=False, server_default=''))
        batch.add_column(sa.Column('search_key', sa.Text(), nullable=False, server_default=''))
        batch.add_column(sa.Column('verified_on', sa.Date(), nullable=True))
        batch.add_column(sa.Column('verified_by', sa.String(length=200), nullable=True))
    with op.batch_alter_table('site_token') as batch:
        batch.add_column(sa.Column('desk_version', sa.String(length=32), nullable=True))
        batch.add_column(sa.Column('pending', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('quarantined', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('state_at', sa.DateTime(), nullable=True))
    op.create_table('flag_review',
    sa.Column('flag_id', sa.String(length=36), nullable=False),
    sa.Column('handled_at', sa.DateTime(), nullable=False),
    sa.Column('handled_by', sa.String(length=200), nullable=False),
    sa.Column('note', sa.String(length=1000), nullable=True),
    sa.ForeignKeyConstraint(['flag_id'], ['record.id'], name=op.f('fk_flag_review_flag_id_record')),
    sa.PrimaryKeyConstraint('flag_id', name=op.f('pk_flag_review'))
    )
    # The entries already published get their name and words from their last change.
    from hub.directory import describe

    bind = op.get_bind()
    rows = bind.execute(sa.text(
        "SELECT e.kind, e.record_id, c.payload FROM directory_entry e"
        " JOIN directory_change c ON c.seq = e.seq WHERE NOT e.deleted"
    )).all()
    for kind, record_id, payload in rows:
        if isinstance(payload, str):  # SQLite hands JSON back as text
            import json

            payload = json.loads(payload)
        title, key = describe(kind, record_id, payload)
        bind.execute(
            sa.text("UPDATE directory_entry SET title = :t, search_key = :k"
                    " WHERE kind = :kind AND record_id = :id"),
            {"t": title, "k": key, "kind": kind, "id": record_id},
        )


def downgrade() -> None:
    op.drop_table('flag_review')
    with op.batch_alter_table('site_token') as batch:
        for column in ('state_at', 'quarantined', 'pending', 'desk_version'):
            batch.drop_column(column)
    with op.batch_alter_table('directory_entry') as batch:
        batch.drop_column('verified_by')
        batch.drop_column('verified_on')
        batch.drop_column('search_key')
        batch.drop_column('title')
