"""note search on a practice server, fast for a lifetime of notes: the index keeps its
texts folded, a trigram index finds the candidates, and the rows a login may read are
checked only among those

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04 19:00:00

PostgreSQL only. Before, each search folded every indexed text (``lower(unaccent())``)
and checked every row against the login's access rules: 3.5 s a search for a
practitioner on the twenty-year sample (142,000 texts, 67 MB). Now:

* ``practice_fold(text)``: how texts and searched words are folded (case, and accents
  where the server has ``unaccent``); a trigger keeps ``note_search.body`` folded.
* a GIN trigram index on it (``pg_trgm``, trusted since PostgreSQL 13; without it the
  search reads every text, still without folding them);
* ``practice_search(patterns, limit)``: the texts matching every pattern, newest first,
  that the login may read (as the table's row-level security says) — the patterns
  first, so the access rules are asked of the few candidates only. A login that may not
  read the index at all (admin staff) is refused as before.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SEARCH = """
CREATE FUNCTION practice_search(p_patterns text[], p_limit integer) RETURNS SETOF bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    everything boolean;
    matching text;
BEGIN
    IF NOT has_table_privilege(session_user, 'note_search', 'SELECT') THEN
        RAISE EXCEPTION 'permission denied for table note_search'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- whoever row-level security lets read every row reads every row here too
    everything := EXISTS (
        SELECT 1 FROM pg_roles WHERE rolname = session_user AND (rolsuper OR rolbypassrls)
    ) OR pg_has_role(
        session_user, (SELECT relowner FROM pg_class WHERE oid = 'note_search'::regclass),
        'MEMBER'
    );
    SELECT string_agg(format('body ~ $1[%s]', n), ' AND ') INTO matching
        FROM generate_subscripts(p_patterns, 1) AS n;
    RETURN QUERY EXECUTE format(
        'SELECT rowid FROM note_search WHERE %s AND ($2 OR practice_sees_indexed(rowid)) '
        'ORDER BY rowid / 8 DESC, rowid DESC LIMIT $3',
        coalesce(matching, 'false')
    ) USING p_patterns, everything, p_limit;
END $$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    unaccent = (
        op.get_bind()
        .exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'unaccent'")
        .first()
    )
    folded = "lower(public.unaccent($1))" if unaccent else "lower($1)"
    op.execute(
        "CREATE FUNCTION practice_fold(text) RETURNS text LANGUAGE sql STABLE STRICT "
        f"SET search_path = public, pg_temp AS $$ SELECT {folded} $$"
    )
    op.execute(
        "CREATE FUNCTION note_search_folded() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN NEW.body := practice_fold(NEW.body); RETURN NEW; END $$"
    )
    op.execute(
        "CREATE TRIGGER note_search_folded BEFORE INSERT OR UPDATE OF body ON note_search "
        "FOR EACH ROW EXECUTE FUNCTION note_search_folded()"
    )
    op.execute("UPDATE note_search SET body = body")  # the texts already there, folded
    op.execute(
        "DO $$ BEGIN CREATE EXTENSION IF NOT EXISTS pg_trgm; "
        "EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'pg_trgm not available: %', SQLERRM; "
        "END $$"
    )
    op.execute(
        "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN "
        "CREATE INDEX ix_note_search_trigrams ON note_search USING gin (body gin_trgm_ops); "
        "END IF; END $$"
    )
    op.execute(_SEARCH)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # the texts stay folded: folding them again (as 0011's search does) changes nothing
    op.execute("DROP FUNCTION IF EXISTS practice_search(text[], integer)")
    op.execute("DROP INDEX IF EXISTS ix_note_search_trigrams")
    op.execute("DROP TRIGGER IF EXISTS note_search_folded ON note_search")
    op.execute("DROP FUNCTION IF EXISTS note_search_folded()")
    op.execute("DROP FUNCTION IF EXISTS practice_fold(text)")
