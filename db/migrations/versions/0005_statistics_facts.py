"""statistics' facts: narrow integer rows kept by triggers, so a year counts in one scan

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from db import stat_triggers

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('stat_code',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stat_code')),
    sa.UniqueConstraint('code', name=op.f('uq_stat_code_code'))
    )
    op.create_table('stat_dirty',
    sa.Column('contact_id', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('contact_id', name=op.f('pk_stat_dirty')),
    sqlite_with_rowid=False
    )
    op.create_table('stat_fact',
    sa.Column('day', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.String(length=36), nullable=False),
    sa.Column('theme', sa.Integer(), nullable=False),
    sa.Column('answer', sa.Integer(), nullable=False),
    sa.Column('partner', sa.Integer(), nullable=False),
    sa.Column('hour', sa.Integer(), nullable=False),
    sa.Column('month', sa.Integer(), nullable=False),
    sa.Column('channel', sa.Integer(), nullable=False),
    sa.Column('public', sa.Integer(), nullable=False),
    sa.Column('age', sa.Integer(), nullable=False),
    sa.Column('gender', sa.Integer(), nullable=False),
    sa.Column('commune', sa.Integer(), nullable=False),
    sa.Column('epci', sa.Integer(), nullable=False),
    sa.Column('duration', sa.Integer(), nullable=False),
    sa.Column('first', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('day', 'contact_id', 'theme', 'answer', 'partner', name=op.f('pk_stat_fact')),
    sqlite_with_rowid=False
    )
    op.create_index('ix_stat_fact_contact_id', 'stat_fact', ['contact_id'], unique=False)
    stat_triggers.create(op.execute)
    # Facts of the contacts already there are built at the first count.
    op.execute("INSERT INTO stat_dirty (contact_id) SELECT id FROM contact")


def downgrade() -> None:
    stat_triggers.drop(op.execute)
    op.drop_index('ix_stat_fact_contact_id', table_name='stat_fact')
    op.drop_table('stat_fact')
    op.drop_table('stat_dirty')
    op.drop_table('stat_code')
