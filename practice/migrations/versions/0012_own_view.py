"""each practitioner's own view on a practice server: their clients' sessions, enrolments
and money; the owner and admin staff see the whole practice's

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 18:00:00

PostgreSQL only. Migration 0009 let every login read every session, enrolment and
payment, so a practitioner's Today, diary and reports mixed the whole practice's
sessions and income with their own unseen work: one figure saying two things. Now a
practitioner reads the sessions, enrolments, instalments, payments and credit notes of
their own and shared clients only — their Today, diary and reports are their own
practice's — while an owner (the practice-wide view) and admin staff (bookings and
payments) read them all. The list of clients stays everyone's.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_DEFINER = "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp"
_MANAGES = "coalesce(practice_role() IN ('owner', 'admin_staff'), false)"

#: table → how a row names its enrolment (each reaches a client through it)
_BY_ENROLMENT = {
    "instalments": "enrolment_id",
    "payments": "enrolment_id",
    "voided_payments": "enrolment_id",
    "price_reductions": "enrolment_id",
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        f"CREATE FUNCTION practice_sees_enrolment(p_enrolment integer) RETURNS boolean "
        f"{_DEFINER} AS $$ SELECT coalesce((SELECT practice_sees_client(client_id) "
        "FROM enrolments WHERE id = p_enrolment), false) $$"
    )
    op.execute("DROP POLICY everyone_reads ON sessions")
    op.execute(
        "CREATE POLICY reads ON sessions FOR SELECT "
        f"USING ({_MANAGES} OR practice_sees_client(client_id))"
    )
    op.execute("ALTER TABLE enrolments ENABLE ROW LEVEL SECURITY")
    op.execute(
        "CREATE POLICY own_clients ON enrolments "
        f"USING ({_MANAGES} OR practice_sees_client(client_id)) "
        f"WITH CHECK ({_MANAGES} OR practice_sees_client(client_id))"
    )
    for table, column in _BY_ENROLMENT.items():
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(
            f"CREATE POLICY own_clients ON {table} "
            f"USING ({_MANAGES} OR practice_sees_enrolment({column})) "
            f"WITH CHECK ({_MANAGES} OR practice_sees_enrolment({column}))"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in (*reversed(_BY_ENROLMENT), "enrolments"):
        op.execute(f"DROP POLICY IF EXISTS own_clients ON {table}")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    op.execute("DROP POLICY IF EXISTS reads ON sessions")
    op.execute("CREATE POLICY everyone_reads ON sessions FOR SELECT USING (true)")
    op.execute("DROP FUNCTION IF EXISTS practice_sees_enrolment(integer)")
