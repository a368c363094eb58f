"""arrivals: at a partner that runs Aiguillage, the referred people who came

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'arrival',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('slip_code', sa.String(length=7), nullable=False),
        sa.Column('said', sa.String(length=32), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('answer', sa.String(length=16), nullable=True),
        sa.Column('answered_at', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_arrival')),
    )
    with op.batch_alter_table('arrival', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_arrival_created_at'), ['created_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('arrival', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_arrival_created_at'))
    op.drop_table('arrival')
