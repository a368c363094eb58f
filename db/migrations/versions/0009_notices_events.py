"""notices, stops and events: temporary information on directory records, mobile
services' stops, the region's events; a contact's place of reception, event and batch

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from db import stat_triggers

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'directory_notice',
        sa.Column('id', sa.String(length=200), nullable=False),
        sa.Column('structure_id', sa.String(length=200), nullable=False),
        sa.Column('service_id', sa.String(length=200), nullable=True),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('starts_on', sa.Date(), nullable=False),
        sa.Column('ends_on', sa.Date(), nullable=False),
        sa.Column('hours', sa.String(length=500), nullable=True),
        sa.Column('message', sa.String(length=300), nullable=True),
        sa.Column('origin', sa.String(length=8), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('retired_at', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_directory_notice')),
    )
    with op.batch_alter_table('directory_notice', schema=None) as batch_op:
        for column in ('structure_id', 'service_id', 'ends_on'):
            batch_op.create_index(batch_op.f(f'ix_directory_notice_{column}'), [column])
    op.create_table(
        'service_stop',
        sa.Column('id', sa.String(length=200), nullable=False),
        sa.Column('service_id', sa.String(length=200), nullable=False),
        sa.Column('code_insee', sa.String(length=5), nullable=False),
        sa.Column('commune', sa.String(length=100), nullable=False),
        sa.Column('adresse', sa.String(length=300), nullable=False),
        sa.Column('hours', sa.String(length=500), nullable=False),
        sa.Column('ends_on', sa.Date(), nullable=True),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('retired_at', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_service_stop')),
    )
    with op.batch_alter_table('service_stop', schema=None) as batch_op:
        for column in ('service_id', 'code_insee'):
            batch_op.create_index(batch_op.f(f'ix_service_stop_{column}'), [column])
    op.create_table(
        'event',
        sa.Column('id', sa.String(length=200), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('starts_at', sa.DateTime(), nullable=False),
        sa.Column('ends_at', sa.DateTime(), nullable=False),
        sa.Column('code_insee', sa.String(length=5), nullable=False),
        sa.Column('commune', sa.String(length=100), nullable=False),
        sa.Column('adresse', sa.String(length=300), nullable=False),
        sa.Column('organisateur', sa.String(length=300), nullable=False),
        sa.Column('lien', sa.String(length=300), nullable=False),
        sa.Column('description', sa.Text(), nullable=False),
        sa.Column('publics', sa.JSON(), nullable=False),
        sa.Column('thematiques', sa.JSON(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('retired_at', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_event')),
    )
    with op.batch_alter_table('event', schema=None) as batch_op:
        for column in ('starts_at', 'ends_at', 'code_insee'):
            batch_op.create_index(batch_op.f(f'ix_event_{column}'), [column])


    # Plain ALTER TABLE ADD COLUMN: a batch copy of ``contact`` would drop it, and with it,
    # by their ON DELETE CASCADE, every contact's themes and answers.
    op.add_column('structure', sa.Column('referent_nom', sa.String(length=120), nullable=True))
    op.add_column('structure', sa.Column('referent_telephone', sa.String(length=20), nullable=True))
    op.add_column('structure', sa.Column('referent_courriel', sa.String(length=200), nullable=True))
    op.add_column('contact', sa.Column('place', sa.String(length=16), nullable=True))
    op.add_column('contact', sa.Column('event', sa.String(length=200), nullable=True))
    op.add_column('contact', sa.Column('batch', sa.String(length=36), nullable=True))
    op.add_column('stat_fact', sa.Column('place', sa.Integer(), server_default='0', nullable=False))
    op.add_column('stat_fact', sa.Column('event', sa.Integer(), server_default='0', nullable=False))
    # The directory's stream read again from its start, once: a desk of protocol 4 was
    # moved past the notices, stops and events a newer hub had already published.
    op.execute("UPDATE sync_state SET cursor = NULL, etag = NULL WHERE stream = 'directory'")
    # The contact's update trigger now watches its place and event too.
    stat_triggers.drop(op.execute)
    stat_triggers.create(op.execute)


def downgrade() -> None:
    # SQLite's own DROP COLUMN (3.35 and later): a batch copy of ``contact`` would take its
    # themes and answers away with it (ON DELETE CASCADE).
    for table, column in (('stat_fact', 'event'), ('stat_fact', 'place'),
                          ('contact', 'batch'), ('contact', 'event'), ('contact', 'place'),
                          ('structure', 'referent_courriel'), ('structure', 'referent_telephone'),
                          ('structure', 'referent_nom')):
        op.execute(f'ALTER TABLE {table} DROP COLUMN {column}')
    stat_triggers.drop(op.execute)
    stat_triggers.create(op.execute)
    op.drop_table('event')
    op.drop_table('service_stop')
    op.drop_table('directory_notice')
