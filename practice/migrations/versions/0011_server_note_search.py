"""note search on a practice server: each login searches only what it may read

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 17:00:00

PostgreSQL only (SQLite's FTS5 index is read by whoever opens the file). The note index
gets the same row-level security as the texts it copies: a note, private note or
addendum is found only by a practitioner who may read the note, an action item also by
an owner, a client's details by everyone who may search. Searches fold accents with
the ``unaccent`` extension where the server lets the practice add it; without it they
fold case only.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_DEFINER = "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # trusted since PostgreSQL 13: the database's owner may add it; a server that does
    # not allow it still opens the practice (searches then match accents exactly)
    op.execute(
        "DO $$ BEGIN CREATE EXTENSION IF NOT EXISTS unaccent; "
        "EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'unaccent not available: %', SQLERRM; "
        "END $$"
    )
    # an indexed text's rowid is ``source id * 8 + kind`` (practice.search.kinds)
    op.execute(
        f"CREATE FUNCTION practice_sees_indexed(p_rowid bigint) RETURNS boolean {_DEFINER} "
        "AS $$ SELECT CASE p_rowid % 8 "
        "WHEN 1 THEN practice_sees_note((p_rowid / 8)::integer) "
        "WHEN 2 THEN practice_sees_note((p_rowid / 8)::integer) "
        "WHEN 3 THEN coalesce((SELECT practice_sees_note(note_id) FROM note_addenda "
        "WHERE id = p_rowid / 8), false) "
        "WHEN 4 THEN coalesce(practice_role() = 'owner', false) OR coalesce((SELECT "
        "practice_sees_client(client_id) FROM action_items WHERE id = p_rowid / 8), false) "
        "WHEN 5 THEN practice_role() IS NOT NULL "
        "ELSE false END $$"
    )
    op.execute("ALTER TABLE note_search ENABLE ROW LEVEL SECURITY")
    op.execute(
        "CREATE POLICY readable ON note_search FOR SELECT USING (practice_sees_indexed(rowid))"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP POLICY IF EXISTS readable ON note_search")
    op.execute("ALTER TABLE note_search DISABLE ROW LEVEL SECURITY")
    op.execute("DROP FUNCTION IF EXISTS practice_sees_indexed(bigint)")
