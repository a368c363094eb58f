"""the region's activity kept as records arrive: facts of contacts, their codes, referrals
and flags, filled from the records already stored

Revision ID: h0008
Revises: h0007
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0008"
down_revision = "h0007"
branch_labels = None
depends_on = None

# The contact's one-valued fields at this revision, and their columns.
ONE_VALUED = {
    "channel": sa.String(64), "public": sa.String(64), "age": sa.String(64),
    "gender": sa.String(64), "commune": sa.String(16), "duration": sa.String(64),
    "first_visit": sa.Boolean(),
}  # fmt: skip
MANY_VALUED = {"themes": "theme", "answers": "answer"}


def _fk(table: str) -> sa.Column[str]:
    return sa.Column(
        "record_id",
        sa.String(36),
        sa.ForeignKey("record.id", name=f"fk_{table}_record_id_record", ondelete="CASCADE"),
    )


def upgrade() -> None:
    op.create_table(
        "contact_fact",
        _fk("contact_fact"),
        sa.Column("site_id", sa.String(64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        *(sa.Column(name, kind) for name, kind in ONE_VALUED.items()),
        sa.Column("referrals", sa.Integer(), nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("record_id", name="pk_contact_fact"),
    )
    op.create_index("ix_contact_fact_day_site", "contact_fact", ["day", "site_id"])
    op.create_table(
        "contact_code",
        sa.Column(
            "record_id",
            sa.String(36),
            sa.ForeignKey(
                "contact_fact.record_id",
                name="fk_contact_code_record_id_contact_fact",
                ondelete="CASCADE",
            ),
        ),
        sa.Column("dim", sa.String(16)),
        sa.Column("code", sa.String(200)),
        sa.Column("site_id", sa.String(64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("record_id", "dim", "code", name="pk_contact_code"),
    )
    op.create_index(
        "ix_contact_code_dim_day_site", "contact_code", ["dim", "day", "site_id", "code"]
    )
    op.create_table(
        "referral_fact",
        _fk("referral_fact"),
        sa.Column("contact_id", sa.String(36), nullable=False),
        sa.Column("site_id", sa.String(64), nullable=False),
        sa.Column("partner", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("record_id", name="pk_referral_fact"),
    )
    op.create_index("ix_referral_fact_contact_id", "referral_fact", ["contact_id"])
    op.create_table(
        "flag_fact",
        _fk("flag_fact"),
        sa.Column("site_id", sa.String(64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("record_id", name="pk_flag_fact"),
    )
    op.create_index("ix_flag_fact_day_site", "flag_fact", ["day", "site_id"])
    backfill(op.get_bind())


def backfill(connection: sa.Connection) -> None:
    """The facts of the records already stored, as pushing them would have written."""
    postgres = connection.dialect.name == "postgresql"

    def field(name: str, alias: str = "r") -> str:
        if postgres:
            return f"{alias}.payload->>'{name}'"
        return f"json_extract({alias}.payload, '$.{name}')"

    def live(alias: str = "r") -> str:
        if postgres:
            return f"COALESCE(({alias}.payload->>'cancelled')::boolean, false) = false"
        return f"COALESCE(json_extract({alias}.payload, '$.cancelled'), 0) = 0"

    def flag(name: str) -> str:
        return f"({field(name)})::boolean" if postgres else field(name)

    columns = ", ".join(ONE_VALUED)
    values = ", ".join(
        flag(name) if isinstance(kind, sa.Boolean) else field(name)
        for name, kind in ONE_VALUED.items()
    )
    run = connection.exec_driver_sql
    run(
        f"INSERT INTO contact_fact (record_id, site_id, day, {columns}, referrals)"
        f" SELECT r.id, r.site_id, r.day, {values}, 0 FROM record r"
        f" WHERE r.kind = 'contact' AND {live()}"
    )
    for name, dim in MANY_VALUED.items():
        elements = (
            f"CROSS JOIN LATERAL jsonb_array_elements_text(r.payload->'{name}') AS v(value)"
            if postgres
            else f"CROSS JOIN json_each(r.payload, '$.{name}') AS v"
        )
        run(
            "INSERT INTO contact_code (record_id, dim, code, site_id, day)"
            f" SELECT DISTINCT r.id, '{dim}', v.value, r.site_id, r.day"
            f" FROM record r JOIN contact_fact f ON f.record_id = r.id {elements}"
        )
    partner = f"COALESCE({field('structure_id')}, {field('service_id')})"
    run(
        "INSERT INTO referral_fact (record_id, contact_id, site_id, partner)"
        f" SELECT r.id, {field('contact_id')}, r.site_id, {partner} FROM record r"
        f" WHERE r.kind = 'referral' AND {live()}"
    )
    run(
        "INSERT INTO contact_code (record_id, dim, code, site_id, day)"
        " SELECT DISTINCT c.record_id, 'partner', r.partner, c.site_id, c.day"
        " FROM referral_fact r JOIN contact_fact c"
        " ON c.record_id = r.contact_id AND c.site_id = r.site_id"
    )
    run(
        "UPDATE contact_fact SET referrals = (SELECT count(*) FROM referral_fact r"
        " WHERE r.contact_id = contact_fact.record_id AND r.site_id = contact_fact.site_id)"
        " WHERE record_id IN (SELECT contact_id FROM referral_fact)"
    )
    run(
        "INSERT INTO flag_fact (record_id, site_id, day)"
        f" SELECT r.id, r.site_id, r.day FROM record r WHERE r.kind = 'flag' AND {live()}"
    )


def downgrade() -> None:
    for table in ("flag_fact", "referral_fact", "contact_code", "contact_fact"):
        op.drop_table(table)
