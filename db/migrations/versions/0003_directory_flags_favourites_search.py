"""directory flags favourites search

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('directory_flag',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('service_id', sa.String(length=200), nullable=True),
    sa.Column('structure_id', sa.String(length=200), nullable=True),
    sa.Column('reason', sa.String(length=16), nullable=False),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('synced_version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_directory_flag'))
    )
    with op.batch_alter_table('directory_flag', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_directory_flag_service_id'), ['service_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_directory_flag_structure_id'), ['structure_id'], unique=False)

    op.create_table('favourite',
    sa.Column('service_id', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('service_id', name=op.f('pk_favourite'))
    )
    # Full-text search: accents folded, prefixes of 2 and 3 letters indexed for
    # search-as-you-type; the vocabulary table gives the words for typo tolerance.
    op.execute(
        "CREATE VIRTUAL TABLE service_fts USING fts5("
        "service_id UNINDEXED, name, body, tokenize = 'unicode61 remove_diacritics 2',"
        " prefix = '2 3')"
    )
    op.execute("CREATE VIRTUAL TABLE service_fts_vocab USING fts5vocab(service_fts, 'row')")


def downgrade() -> None:
    op.execute("DROP TABLE service_fts_vocab")
    op.execute("DROP TABLE service_fts")
    op.drop_table('favourite')
    with op.batch_alter_table('directory_flag', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_directory_flag_structure_id'))
        batch_op.drop_index(batch_op.f('ix_directory_flag_service_id'))

    op.drop_table('directory_flag')
