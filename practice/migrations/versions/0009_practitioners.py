"""practitioners: whose every client and unseen-work entry is, clients shared with a
second practitioner; on a practice server, the rules of who sees what

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 15:00:00

A solo practice gets its one practitioner (named as in the practice profile, without a
login) and every client and work entry is theirs: nothing a practitioner sees changes.

On PostgreSQL the server itself enforces who sees what, with row-level security, for
any connection (the app, ``psql``, a script) — the logins are made by ``practice team
add-practitioner`` (:mod:`practice.db.access` grants each what its role may touch):

* notes, their earlier versions and addenda, action items and drafts: only a
  practitioner whose client it is, or with whom the client is shared; an owner also
  reads every action item (the follow-through report), never another's notes;
* unseen work: one's own; an owner reads everyone's (the practice's rate);
* clients and sessions: everyone reads them (one list, one diary — migration 0012
  narrows a practitioner's sessions and money to their own clients'); a practitioner
  changes only their own clients' and sessions, an owner and admin staff any.

Admin staff are given no access at all to the clinical tables (see ``access``). The
table owner (whoever migrates, the server's administrator) is not bound by the rules.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROLES = ("practitioner", "owner", "admin_staff")


def upgrade() -> None:
    op.create_table(
        "practitioners",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("login", sa.String(length=63), nullable=True),
        sa.Column(
            "role",
            sa.Enum(
                *ROLES,
                name="practitioner_role",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_practitioners_name_not_blank")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practitioners")),
        sa.UniqueConstraint("login", name=op.f("uq_practitioners_login")),
    )
    op.create_table(
        "client_shares",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("practitioner_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("shared_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_client_shares_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["practitioner_id"],
            ["practitioners.id"],
            name=op.f("fk_client_shares_practitioner_id_practitioners"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_shares")),
    )
    op.create_index("ix_client_shares_client", "client_shares", ["client_id"])
    op.create_index("ix_client_shares_practitioner", "client_shares", ["practitioner_id"])
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in ("clients", "work_log_entries"):
        fk = f"fk_{table}_practitioner_id_practitioners"
        if sqlite:  # a column with its link, without rebuilding the table (and its triggers)
            op.execute(
                f"ALTER TABLE {table} ADD COLUMN practitioner_id INTEGER CONSTRAINT {fk} "
                "REFERENCES practitioners (id) ON DELETE RESTRICT"
            )
        else:
            op.add_column(table, sa.Column("practitioner_id", sa.Integer(), nullable=True))
            op.create_foreign_key(
                fk, table, "practitioners", ["practitioner_id"], ["id"], ondelete="RESTRICT"
            )
        op.create_index(f"ix_{table}_practitioner_id", table, ["practitioner_id"])
    op.add_column("drafts", sa.Column("made_by", sa.String(length=63), nullable=True))

    # the practice's practitioner: everything so far is theirs
    op.execute(
        "INSERT INTO practitioners (name, login, role, created_at) SELECT "
        "coalesce((SELECT nullif(trim(practitioner_name), '') FROM practice_profile "
        "ORDER BY id LIMIT 1), 'Practitioner'), NULL, 'owner', CURRENT_TIMESTAMP"
    )
    for table in ("clients", "work_log_entries"):
        op.execute(f"UPDATE {table} SET practitioner_id = (SELECT min(id) FROM practitioners)")
    if op.get_bind().dialect.name == "postgresql":
        _access_rules()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _drop_access_rules()
    op.drop_column("drafts", "made_by")
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in ("work_log_entries", "clients"):
        op.drop_index(f"ix_{table}_practitioner_id", table_name=table)
        if sqlite:  # SQLite 3.35+ drops the column with its link, keeping the triggers
            op.execute(f"ALTER TABLE {table} DROP COLUMN practitioner_id")
        else:
            op.drop_constraint(
                f"fk_{table}_practitioner_id_practitioners", table, type_="foreignkey"
            )
            op.drop_column(table, "practitioner_id")
    op.drop_index("ix_client_shares_practitioner", table_name="client_shares")
    op.drop_index("ix_client_shares_client", table_name="client_shares")
    op.drop_table("client_shares")
    op.drop_table("practitioners")


# ---------------------------------------------------------------- PostgreSQL only

_DEFINER = "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp"

_FUNCTIONS = (
    # the connected login's practitioner and role (session_user: inside these
    # functions current_user is their owner)
    f"CREATE FUNCTION practice_me() RETURNS integer {_DEFINER} AS $$ "
    "SELECT id FROM practitioners WHERE login = session_user $$",
    f"CREATE FUNCTION practice_role() RETURNS text {_DEFINER} AS $$ "
    "SELECT role FROM practitioners WHERE login = session_user $$",
    f"CREATE FUNCTION practice_sees_client(p_client integer) RETURNS boolean {_DEFINER} AS $$ "
    "SELECT coalesce(practice_role() IN ('practitioner', 'owner'), false) AND ("
    "EXISTS (SELECT 1 FROM clients WHERE id = p_client AND practitioner_id = practice_me()) "
    "OR EXISTS (SELECT 1 FROM client_shares WHERE client_id = p_client "
    "AND practitioner_id = practice_me() AND ended_at IS NULL)) $$",
    f"CREATE FUNCTION practice_sees_session(p_session integer) RETURNS boolean {_DEFINER} "
    "AS $$ SELECT coalesce((SELECT practice_sees_client(client_id) FROM sessions "
    "WHERE id = p_session), false) $$",
    f"CREATE FUNCTION practice_sees_note(p_note integer) RETURNS boolean {_DEFINER} AS $$ "
    "SELECT coalesce((SELECT practice_sees_session(session_id) FROM session_notes "
    "WHERE id = p_note), false) $$",
)

_MANAGES = "practice_role() IN ('owner', 'admin_staff')"

#: (table, policy, command, USING, WITH CHECK)
_POLICIES: tuple[tuple[str, str, str, str | None, str | None], ...] = (
    ("session_notes", "own_clients", "ALL", "practice_sees_session(session_id)", "same"),
    ("note_versions", "own_clients", "ALL", "practice_sees_note(note_id)", "same"),
    ("note_addenda", "own_clients", "ALL", "practice_sees_note(note_id)", "same"),
    ("action_items", "own_clients", "ALL", "practice_sees_client(client_id)", "same"),
    ("action_items", "owner_reads", "SELECT", "practice_role() = 'owner'", None),
    ("drafts", "own_typing", "ALL", "made_by = session_user", "same"),
    ("work_log_entries", "own_work", "ALL", "practitioner_id = practice_me()", "same"),
    ("work_log_entries", "owner_reads", "SELECT", "practice_role() = 'owner'", None),
    ("clients", "everyone_reads", "SELECT", "true", None),
    (
        "clients",
        "add",
        "INSERT",
        None,
        f"{_MANAGES} OR (practitioner_id = practice_me() AND practice_role() = 'practitioner')",
    ),
    ("clients", "change", "UPDATE", f"{_MANAGES} OR practice_sees_client(id)", "same"),
    (
        "clients",
        "remove",
        "DELETE",
        "practice_role() = 'owner' OR practitioner_id = practice_me()",
        None,
    ),
    ("sessions", "everyone_reads", "SELECT", "true", None),
    ("sessions", "add", "INSERT", None, f"{_MANAGES} OR practice_sees_client(client_id)"),
    ("sessions", "change", "UPDATE", f"{_MANAGES} OR practice_sees_client(client_id)", "same"),
    ("sessions", "remove", "DELETE", f"{_MANAGES} OR practice_sees_client(client_id)", None),
    ("client_shares", "everyone_reads", "SELECT", "true", None),
    (
        "client_shares",
        "share",
        "ALL",
        "practice_role() = 'owner' OR practice_sees_client(client_id)",
        "same",
    ),
    ("practitioners", "everyone_reads", "SELECT", "true", None),
    ("practitioners", "owner_changes", "ALL", "practice_role() = 'owner'", "same"),
)


def _access_rules() -> None:
    op.execute("ALTER TABLE drafts ALTER COLUMN made_by SET DEFAULT session_user")
    for statement in _FUNCTIONS:
        op.execute(statement)
    for table in sorted({policy[0] for policy in _POLICIES}):
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    for table, name, command, using, check in _POLICIES:
        parts = [f"CREATE POLICY {name} ON {table} FOR {command}"]
        if using is not None:
            parts.append(f"USING ({using})")
        if check is not None:
            parts.append(f"WITH CHECK ({using if check == 'same' else check})")
        op.execute(" ".join(parts))
    # the note index is kept by triggers running as whoever writes a note; nobody else
    # may read or write it, so its trigger functions run as their owner
    op.execute(
        "DO $$ DECLARE f record; BEGIN "
        "FOR f IN SELECT p.oid::regprocedure AS sig FROM pg_proc p "
        "JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE n.nspname = current_schema() AND p.proname LIKE 'note\\_search\\_%' LOOP "
        "EXECUTE format('ALTER FUNCTION %s SECURITY DEFINER SET search_path = public, pg_temp', "
        "f.sig); END LOOP; END $$"
    )


def _drop_access_rules() -> None:
    for table, name, *_rest in reversed(_POLICIES):
        op.execute(f"DROP POLICY IF EXISTS {name} ON {table}")
    for table in sorted({policy[0] for policy in _POLICIES}):
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    for name in (
        "practice_sees_note(integer)",
        "practice_sees_session(integer)",
        "practice_sees_client(integer)",
        "practice_role()",
        "practice_me()",
    ):
        op.execute(f"DROP FUNCTION IF EXISTS {name}")
    op.execute(
        "DO $$ DECLARE f record; BEGIN "
        "FOR f IN SELECT p.oid::regprocedure AS sig FROM pg_proc p "
        "JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE n.nspname = current_schema() AND p.proname LIKE 'note\\_search\\_%' LOOP "
        "EXECUTE format('ALTER FUNCTION %s SECURITY INVOKER RESET search_path', f.sig); "
        "END LOOP; END $$"
    )
