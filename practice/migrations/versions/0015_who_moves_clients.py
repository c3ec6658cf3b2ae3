"""on a practice server only the administrator moves a client to another practitioner,
and only a client's own practitioner shares them

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04 21:00:00

PostgreSQL only. Migration 0009 let an owner (and admin staff) change any client,
including whose they are, and let an owner share any client: either way an owner
could reach another practitioner's notes, which they must never read. Now changing a
client's practitioner is refused to every login of the team (the administrator, who
owns the tables, still moves clients), and a client is shared only by the practitioner
whose client it is.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE FUNCTION practice_keep_whose() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN IF NEW.practitioner_id IS DISTINCT FROM OLD.practitioner_id "
        "AND practice_role() IS NOT NULL THEN RAISE EXCEPTION "
        "'Only the practice''s administrator moves a client to another practitioner.' "
        "USING ERRCODE = 'insufficient_privilege'; END IF; RETURN NEW; END $$"
    )
    op.execute(
        "CREATE TRIGGER clients_keep_whose BEFORE UPDATE OF practitioner_id ON clients "
        "FOR EACH ROW EXECUTE FUNCTION practice_keep_whose()"
    )
    op.execute("DROP POLICY share ON client_shares")
    op.execute(
        "CREATE POLICY share ON client_shares USING (EXISTS (SELECT 1 FROM clients c "
        "WHERE c.id = client_id AND c.practitioner_id = practice_me())) "
        "WITH CHECK (EXISTS (SELECT 1 FROM clients c "
        "WHERE c.id = client_id AND c.practitioner_id = practice_me()))"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP POLICY share ON client_shares")
    op.execute(
        "CREATE POLICY share ON client_shares USING "
        "(practice_role() = 'owner' OR practice_sees_client(client_id)) "
        "WITH CHECK (practice_role() = 'owner' OR practice_sees_client(client_id))"
    )
    op.execute("DROP TRIGGER IF EXISTS clients_keep_whose ON clients")
    op.execute("DROP FUNCTION IF EXISTS practice_keep_whose()")
