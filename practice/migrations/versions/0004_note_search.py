"""note search: an FTS5 index over notes, addenda, action items and client details

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 08:30:00

One full-text table, ``note_search``, kept in step with its sources by triggers (so
every writer, the app's services or any SQLite tool, keeps it right), and filled here
from the rows an existing database already has. Each indexed text has the rowid
``source id * 8 + kind`` (kinds in :mod:`practice.search.kinds`): a change deletes the
old row by rowid and inserts the new text, so a note is found by its current words
only. The text is folded on the way in (the letters Unicode gives no separable accent,
such as ø, ł and ß, become o, l and ss, as :func:`practice.services.validation.fold`
does) and the tokenizer folds case and accents (``unicode61 remove_diacritics 2``).
This file keeps its own copy of the SQL: a migration never changes after it ships.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Letters without a separable accent, folded as validation.fold folds them (both cases).
_LETTERS = {
    "ø": "o",
    "Ø": "o",
    "đ": "d",
    "Đ": "d",
    "ł": "l",
    "Ł": "l",
    "ħ": "h",
    "Ħ": "h",
    "ı": "i",
    "æ": "ae",
    "Æ": "ae",
    "œ": "oe",
    "Œ": "oe",
    "þ": "th",
    "Þ": "th",
    "ß": "ss",
    "ẞ": "ss",
}


def _fold(expression: str) -> str:
    for letter, plain in _LETTERS.items():
        expression = f"replace({expression}, '{letter}', '{plain}')"
    return expression


#: (kind, source table, the indexed text as SQL over a row aliased ``{row}``, columns
#: whose change re-indexes the row).
_SOURCES: tuple[tuple[int, str, str, tuple[str, ...]], ...] = (
    (1, "session_notes", "{row}.body", ("body",)),
    (2, "session_notes", "{row}.private_notes", ("private_notes",)),
    (3, "note_addenda", "{row}.body", ("body",)),
    (
        4,
        "action_items",
        "{row}.description || char(10) || {row}.review_note",
        ("description", "review_note"),
    ),
    (
        5,
        "clients",
        " || char(10) || ".join(
            f"{{row}}.{column}"
            for column in (
                "first_name",
                "last_name",
                "preferred_name",
                "pronouns",
                "email",
                "phone",
                "address",
                "source",
                "emergency_contact_name",
                "emergency_contact_phone",
                "notes",
            )
        ),
        (
            "first_name",
            "last_name",
            "preferred_name",
            "pronouns",
            "email",
            "phone",
            "address",
            "source",
            "emergency_contact_name",
            "emergency_contact_phone",
            "notes",
        ),
    ),
)


def _insert(kind: int, text: str, row: str) -> str:
    value = text.format(row=row)
    return (
        f"INSERT INTO note_search(rowid, body) SELECT {row}.id * 8 + {kind}, {_fold(value)} "
        f"WHERE trim({value}) <> ''"
    )


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _upgrade_postgresql()
        return
    op.execute(
        "CREATE VIRTUAL TABLE note_search USING fts5("
        "body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    tables = sorted({table for _kind, table, _text, _columns in _SOURCES})
    for table in tables:
        mine = [source for source in _SOURCES if source[1] == table]
        inserts = "".join(_insert(kind, text, "new") + "; " for kind, _t, text, _c in mine)
        deletes = "".join(
            f"DELETE FROM note_search WHERE rowid = old.id * 8 + {kind}; " for kind, *_ in mine
        )
        columns = sorted({column for *_rest, cols in mine for column in cols})
        op.execute(
            f"CREATE TRIGGER note_search_{table}_insert AFTER INSERT ON {table} BEGIN {inserts}END"
        )
        op.execute(
            f"CREATE TRIGGER note_search_{table}_update AFTER UPDATE OF {', '.join(columns)} "
            f"ON {table} BEGIN {deletes}{inserts}END"
        )
        op.execute(
            f"CREATE TRIGGER note_search_{table}_delete AFTER DELETE ON {table} BEGIN {deletes}END"
        )
    # Index what an existing database already holds.
    for kind, table, text, _columns in _SOURCES:
        value = text.format(row=table)
        op.execute(
            f"INSERT INTO note_search(rowid, body) SELECT {table}.id * 8 + {kind}, "
            f"{_fold(value)} FROM {table} WHERE trim({value}) <> ''"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in sorted({source[1] for source in _SOURCES}):
            op.execute(f"DROP TRIGGER IF EXISTS note_search_{table} ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS note_search_{table}()")
        op.execute("DROP TABLE IF EXISTS note_search")
        return
    for table in sorted({source[1] for source in _SOURCES}):
        for event in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS note_search_{table}_{event}")
    op.execute("DROP TABLE IF EXISTS note_search")


# -- PostgreSQL (the group practice, issue 15; not in a release yet) ------------------
# The same rows, kept by the same rule: a plain table keyed by ``source id * 8 + kind``
# holding the folded text, kept in step by one trigger per source table. SQLite's
# ``char(10)`` is ``chr(10)`` there; everything else is the same SQL.


def _pg(text: str) -> str:
    return text.replace("char(10)", "chr(10)")


def _upgrade_postgresql() -> None:
    op.execute("CREATE TABLE note_search (rowid bigint PRIMARY KEY, body text NOT NULL)")
    tables = sorted({table for _kind, table, _text, _columns in _SOURCES})
    for table in tables:
        mine = [source for source in _SOURCES if source[1] == table]
        deletes = "".join(
            f"DELETE FROM note_search WHERE rowid = OLD.id * 8 + {kind}; " for kind, *_ in mine
        )
        inserts = "".join(_pg(_insert(kind, text, "NEW")) + "; " for kind, _t, text, _c in mine)
        columns = sorted({column for *_rest, cols in mine for column in cols})
        op.execute(
            f"CREATE FUNCTION note_search_{table}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN IF TG_OP <> 'INSERT' THEN {deletes}END IF; "
            f"IF TG_OP <> 'DELETE' THEN {inserts}END IF; RETURN NULL; END $$"
        )
        op.execute(
            f"CREATE TRIGGER note_search_{table} AFTER INSERT OR DELETE OR UPDATE OF "
            f"{', '.join(columns)} ON {table} FOR EACH ROW EXECUTE FUNCTION note_search_{table}()"
        )
    for kind, table, text, _columns in _SOURCES:
        value = _pg(text.format(row=table))
        op.execute(
            f"INSERT INTO note_search(rowid, body) SELECT {table}.id * 8 + {kind}, "
            f"{_fold(value)} FROM {table} WHERE trim({value}) <> ''"
        )
