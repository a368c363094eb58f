"""hub schema

Revision ID: h0001
Revises: 
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = 'h0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('site',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('last_sync_at', sa.DateTime(), nullable=True),
    sa.Column('desk_version', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_site'))
    )
    op.create_table('enrol_code',
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('site_id', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('used_at', sa.DateTime(), nullable=True),
    sa.Column('desk_id', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_enrol_code_site_id_site')),
    sa.PrimaryKeyConstraint('code_hash', name=op.f('pk_enrol_code'))
    )
    with op.batch_alter_table('enrol_code', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enrol_code_site_id'), ['site_id'], unique=False)

    op.create_table('record',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('site_id', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('payload', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_record_site_id_site')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_record'))
    )
    with op.batch_alter_table('record', schema=None) as batch_op:
        batch_op.create_index('ix_record_site_kind_day', ['site_id', 'kind', 'day'], unique=False)

    op.create_table('site_token',
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('site_id', sa.String(length=64), nullable=False),
    sa.Column('desk_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.Column('last_used_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], name=op.f('fk_site_token_site_id_site')),
    sa.PrimaryKeyConstraint('token_hash', name=op.f('pk_site_token'))
    )
    with op.batch_alter_table('site_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_site_token_desk_id'), ['desk_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_site_token_site_id'), ['site_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('site_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_site_token_site_id'))
        batch_op.drop_index(batch_op.f('ix_site_token_desk_id'))

    op.drop_table('site_token')
    with op.batch_alter_table('record', schema=None) as batch_op:
        batch_op.drop_index('ix_record_site_kind_day')

    op.drop_table('record')
    with op.batch_alter_table('enrol_code', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_enrol_code_site_id'))

    op.drop_table('enrol_code')
    op.drop_table('site')
