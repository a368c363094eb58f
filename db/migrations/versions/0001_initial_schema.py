"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('commune',
    sa.Column('insee', sa.String(length=5), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('search_key', sa.String(length=100), nullable=False),
    sa.Column('departement', sa.String(length=3), nullable=False),
    sa.Column('region', sa.String(length=3), nullable=False),
    sa.Column('epci', sa.String(length=9), nullable=True),
    sa.Column('population', sa.Integer(), nullable=False),
    sa.Column('postcodes', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('insee', name=op.f('pk_commune'))
    )
    with op.batch_alter_table('commune', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commune_epci'), ['epci'], unique=False)
        batch_op.create_index(batch_op.f('ix_commune_search_key'), ['search_key'], unique=False)

    op.create_table('contact',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('site_id', sa.String(length=64), nullable=False),
    sa.Column('moment_local', sa.DateTime(), nullable=False),
    sa.Column('moment_utc', sa.DateTime(), nullable=False),
    sa.Column('time_known', sa.Boolean(), nullable=False),
    sa.Column('channel', sa.String(length=64), nullable=False),
    sa.Column('public', sa.String(length=64), nullable=False),
    sa.Column('age', sa.String(length=64), nullable=False),
    sa.Column('gender', sa.String(length=64), nullable=False),
    sa.Column('commune', sa.String(length=16), nullable=False),
    sa.Column('duration', sa.String(length=64), nullable=True),
    sa.Column('first_visit', sa.Boolean(), nullable=True),
    sa.Column('agent_code', sa.String(length=16), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('synced_version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact'))
    )
    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_moment_local'), ['moment_local'], unique=False)
        batch_op.create_index('ix_contact_pending', ['moment_utc'], unique=False, sqlite_where=sa.text('synced_version < version'))

    op.create_table('departement',
    sa.Column('code', sa.String(length=3), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('region', sa.String(length=3), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_departement'))
    )
    op.create_table('epci',
    sa.Column('code', sa.String(length=9), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_epci'))
    )
    op.create_table('nomenclature_item',
    sa.Column('list_name', sa.String(length=32), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('label_fr', sa.String(length=200), nullable=False),
    sa.Column('label_en', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('origin', sa.String(length=8), nullable=False),
    sa.PrimaryKeyConstraint('list_name', 'code', name=op.f('pk_nomenclature_item'))
    )
    op.create_table('nomenclature_mapping',
    sa.Column('list_name', sa.String(length=32), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('target', sa.String(length=32), nullable=False),
    sa.Column('value', sa.String(length=128), nullable=False),
    sa.PrimaryKeyConstraint('list_name', 'code', 'target', 'value', name=op.f('pk_nomenclature_mapping'))
    )
    op.create_table('region',
    sa.Column('code', sa.String(length=3), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_region'))
    )
    op.create_table('setting',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('structure',
    sa.Column('id', sa.String(length=200), nullable=False),
    sa.Column('siret', sa.String(length=14), nullable=True),
    sa.Column('site_web', sa.String(length=500), nullable=True),
    sa.Column('accessibilite_lieu', sa.String(length=500), nullable=True),
    sa.Column('reseaux_porteurs', sa.JSON(), nullable=False),
    sa.Column('source', sa.String(length=100), nullable=False),
    sa.Column('nom', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('date_maj', sa.Date(), nullable=True),
    sa.Column('lien_source', sa.String(length=500), nullable=True),
    sa.Column('adresse', sa.String(length=300), nullable=True),
    sa.Column('complement_adresse', sa.String(length=300), nullable=True),
    sa.Column('code_postal', sa.String(length=5), nullable=True),
    sa.Column('code_insee', sa.String(length=5), nullable=True),
    sa.Column('commune', sa.String(length=100), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('telephone', sa.String(length=40), nullable=True),
    sa.Column('courriel', sa.String(length=200), nullable=True),
    sa.Column('horaires_accueil', sa.String(length=500), nullable=True),
    sa.Column('is_local', sa.Boolean(), nullable=False),
    sa.Column('verified_on', sa.Date(), nullable=True),
    sa.Column('notice', sa.Text(), nullable=True),
    sa.Column('notice_until', sa.Date(), nullable=True),
    sa.Column('retired_at', sa.DateTime(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_structure'))
    )
    with op.batch_alter_table('structure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_structure_code_insee'), ['code_insee'], unique=False)
        batch_op.create_index(batch_op.f('ix_structure_source'), ['source'], unique=False)

    op.create_table('sync_state',
    sa.Column('stream', sa.String(length=32), nullable=False),
    sa.Column('cursor', sa.String(length=64), nullable=True),
    sa.Column('etag', sa.String(length=200), nullable=True),
    sa.Column('last_success', sa.DateTime(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('stream', name=op.f('pk_sync_state'))
    )
    op.create_table('commune_alias',
    sa.Column('search_key', sa.String(length=100), nullable=False),
    sa.Column('insee', sa.String(length=5), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['insee'], ['commune.insee'], name=op.f('fk_commune_alias_insee_commune')),
    sa.PrimaryKeyConstraint('search_key', 'insee', name=op.f('pk_commune_alias'))
    )
    op.create_table('commune_postcode',
    sa.Column('postcode', sa.String(length=5), nullable=False),
    sa.Column('insee', sa.String(length=5), nullable=False),
    sa.ForeignKeyConstraint(['insee'], ['commune.insee'], name=op.f('fk_commune_postcode_insee_commune')),
    sa.PrimaryKeyConstraint('postcode', 'insee', name=op.f('pk_commune_postcode'))
    )
    op.create_table('contact_answer',
    sa.Column('contact_id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], name=op.f('fk_contact_answer_contact_id_contact'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('contact_id', 'code', name=op.f('pk_contact_answer'))
    )
    with op.batch_alter_table('contact_answer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_answer_code'), ['code'], unique=False)

    op.create_table('contact_theme',
    sa.Column('contact_id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], name=op.f('fk_contact_theme_contact_id_contact'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('contact_id', 'code', name=op.f('pk_contact_theme'))
    )
    with op.batch_alter_table('contact_theme', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_theme_code'), ['code'], unique=False)

    op.create_table('referral',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('contact_id', sa.String(length=36), nullable=False),
    sa.Column('service_id', sa.String(length=200), nullable=False),
    sa.Column('structure_id', sa.String(length=200), nullable=True),
    sa.Column('service_name', sa.String(length=200), nullable=False),
    sa.Column('structure_name', sa.String(length=200), nullable=False),
    sa.Column('slip_code', sa.String(length=7), nullable=False),
    sa.Column('printed_at', sa.DateTime(), nullable=True),
    sa.Column('appointment_at', sa.DateTime(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('synced_version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], name=op.f('fk_referral_contact_id_contact'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral')),
    sa.UniqueConstraint('slip_code', name=op.f('uq_referral_slip_code'))
    )
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_service_id'), ['service_id'], unique=False)

    op.create_table('service',
    sa.Column('id', sa.String(length=200), nullable=False),
    sa.Column('structure_id', sa.String(length=200), nullable=False),
    sa.Column('type', sa.String(length=64), nullable=True),
    sa.Column('frais', sa.String(length=16), nullable=True),
    sa.Column('frais_precisions', sa.Text(), nullable=True),
    sa.Column('publics_precisions', sa.Text(), nullable=True),
    sa.Column('conditions_acces', sa.Text(), nullable=True),
    sa.Column('contact_nom_prenom', sa.String(length=200), nullable=True),
    sa.Column('lien_mobilisation', sa.String(length=500), nullable=True),
    sa.Column('mobilisable_par', sa.JSON(), nullable=False),
    sa.Column('mobilisation_precisions', sa.Text(), nullable=True),
    sa.Column('volume_horaire_hebdomadaire', sa.Float(), nullable=True),
    sa.Column('nombre_semaines', sa.Integer(), nullable=True),
    sa.Column('documents', sa.JSON(), nullable=False),
    sa.Column('source', sa.String(length=100), nullable=False),
    sa.Column('nom', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('date_maj', sa.Date(), nullable=True),
    sa.Column('lien_source', sa.String(length=500), nullable=True),
    sa.Column('adresse', sa.String(length=300), nullable=True),
    sa.Column('complement_adresse', sa.String(length=300), nullable=True),
    sa.Column('code_postal', sa.String(length=5), nullable=True),
    sa.Column('code_insee', sa.String(length=5), nullable=True),
    sa.Column('commune', sa.String(length=100), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('telephone', sa.String(length=40), nullable=True),
    sa.Column('courriel', sa.String(length=200), nullable=True),
    sa.Column('horaires_accueil', sa.String(length=500), nullable=True),
    sa.Column('is_local', sa.Boolean(), nullable=False),
    sa.Column('verified_on', sa.Date(), nullable=True),
    sa.Column('notice', sa.Text(), nullable=True),
    sa.Column('notice_until', sa.Date(), nullable=True),
    sa.Column('retired_at', sa.DateTime(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['structure_id'], ['structure.id'], name=op.f('fk_service_structure_id_structure')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service'))
    )
    with op.batch_alter_table('service', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_code_insee'), ['code_insee'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_source'), ['source'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_structure_id'), ['structure_id'], unique=False)

    op.create_table('service_mode',
    sa.Column('service_id', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['service_id'], ['service.id'], name=op.f('fk_service_mode_service_id_service'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('service_id', 'kind', 'code', name=op.f('pk_service_mode'))
    )
    op.create_table('service_public',
    sa.Column('service_id', sa.String(length=200), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['service_id'], ['service.id'], name=op.f('fk_service_public_service_id_service'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('service_id', 'code', name=op.f('pk_service_public'))
    )
    with op.batch_alter_table('service_public', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_public_code'), ['code'], unique=False)

    op.create_table('service_thematique',
    sa.Column('service_id', sa.String(length=200), nullable=False),
    sa.Column('code', sa.String(length=128), nullable=False),
    sa.ForeignKeyConstraint(['service_id'], ['service.id'], name=op.f('fk_service_thematique_service_id_service'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('service_id', 'code', name=op.f('pk_service_thematique'))
    )
    with op.batch_alter_table('service_thematique', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_thematique_code'), ['code'], unique=False)

    op.create_table('service_zone',
    sa.Column('service_id', sa.String(length=200), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['service_id'], ['service.id'], name=op.f('fk_service_zone_service_id_service'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('service_id', 'code', name=op.f('pk_service_zone'))
    )
    with op.batch_alter_table('service_zone', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_zone_code'), ['code'], unique=False)

    


def downgrade() -> None:
    
    with op.batch_alter_table('service_zone', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_zone_code'))

    op.drop_table('service_zone')
    with op.batch_alter_table('service_thematique', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_thematique_code'))

    op.drop_table('service_thematique')
    with op.batch_alter_table('service_public', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_public_code'))

    op.drop_table('service_public')
    op.drop_table('service_mode')
    with op.batch_alter_table('service', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_structure_id'))
        batch_op.drop_index(batch_op.f('ix_service_source'))
        batch_op.drop_index(batch_op.f('ix_service_code_insee'))

    op.drop_table('service')
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_service_id'))
        batch_op.drop_index(batch_op.f('ix_referral_contact_id'))

    op.drop_table('referral')
    with op.batch_alter_table('contact_theme', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_theme_code'))

    op.drop_table('contact_theme')
    with op.batch_alter_table('contact_answer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_answer_code'))

    op.drop_table('contact_answer')
    op.drop_table('commune_postcode')
    op.drop_table('commune_alias')
    op.drop_table('sync_state')
    with op.batch_alter_table('structure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_structure_source'))
        batch_op.drop_index(batch_op.f('ix_structure_code_insee'))

    op.drop_table('structure')
    op.drop_table('setting')
    op.drop_table('region')
    op.drop_table('nomenclature_mapping')
    op.drop_table('nomenclature_item')
    op.drop_table('epci')
    op.drop_table('departement')
    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.drop_index('ix_contact_pending', sqlite_where=sa.text('synced_version < version'))
        batch_op.drop_index(batch_op.f('ix_contact_moment_local'))

    op.drop_table('contact')
    with op.batch_alter_table('commune', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_commune_search_key'))
        batch_op.drop_index(batch_op.f('ix_commune_epci'))

    op.drop_table('commune')
    
