"""The same migrations build the same schema on PostgreSQL (the group practice's engine),
on a real server the test session starts (tests/postgres.py).

What differs between the engines is written once in :mod:`practice.db.dialect`; the
rules it carries are tried here the way a person with ``psql`` would, not through the
app: the audit log refuses to be changed, the note search index follows its notes.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect
from sqlalchemy.orm import Session

from practice.db import migrate
from practice.db.dialect import POSTGRESQL, SQLITE, append_only
from practice.models import AuditEntry, Base, Client
from practice.search.kinds import is_index_table
from tests.postgres import PostgresServer

_names = itertools.count(1)
FIXTURES = Path(__file__).parent.parent / "fixtures" / "schemas"


@pytest.fixture
def engine(postgres: PostgresServer) -> Iterator[Engine]:
    """A new database on the session's server, migrated to the newest schema."""
    url = postgres.create_database(f"practice_{next(_names)}")
    made = create_engine(url)
    try:
        with made.begin() as conn:
            migrate.upgrade(conn)
        yield made
    finally:
        made.dispose()


def _raw(engine: Engine) -> psycopg.Connection[tuple[object, ...]]:
    """A plain connection, as psql would make, outside SQLAlchemy and the app."""
    url = engine.url
    return psycopg.connect(
        host=str(url.query["host"]),
        port=int(str(url.query["port"])),
        user=url.username,
        dbname=url.database,
        autocommit=True,
    )


def test_the_migrations_reach_the_newest_schema(engine: Engine) -> None:
    with engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
    tables = set(inspect(engine).get_table_names())
    assert {"clients", "enrolments", "sessions", "audit_log", "note_search"} <= tables


def test_models_and_migrations_describe_the_same_schema(engine: Engine) -> None:
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_name": lambda name, *_: not is_index_table(str(name))}
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_the_audit_log_cannot_be_changed_from_outside_the_app(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        s.add(AuditEntry(action="create", entity="client", entity_id=1, detail="made"))
    with _raw(engine) as conn:
        for statement, words in (
            ("UPDATE audit_log SET detail = 'rewritten'", "cannot be changed"),
            ("DELETE FROM audit_log", "cannot be deleted from"),
            ("TRUNCATE audit_log", "cannot be deleted from"),
        ):
            with pytest.raises(psycopg.errors.RestrictViolation, match=words):
                conn.execute(statement)
        assert conn.execute("SELECT detail FROM audit_log").fetchall() == [("made",)]


def test_the_note_search_index_follows_the_notes(engine: Engine) -> None:
    """Kept by triggers as on SQLite: the folded text, replaced on a change, gone with
    the row (search over it comes with the search service on PostgreSQL)."""
    with Session(engine) as s, s.begin():
        client = Client(first_name="Søren", last_name="Ødegård", notes="Likes walking")
        s.add(client)
        s.flush()
        ident = client.id
    with _raw(engine) as conn:
        rows = conn.execute("SELECT rowid, body FROM note_search").fetchall()
        assert len(rows) == 1 and rows[0][0] == ident * 8 + 5
        # letters with no separable accent replaced on the way in, as on SQLite (whose
        # tokenizer then folds case and drops the accents the others carry); kept
        # folded for case and accents here (practice_fold, migration 0017)
        assert str(rows[0][1]).startswith("soren\nodegard\n") and "likes walking" in rows[0][1]
        conn.execute("UPDATE clients SET last_name = 'Łukasiewicz' WHERE id = %s", (ident,))
        bodies = [str(r[0]) for r in conn.execute("SELECT body FROM note_search")]
        assert len(bodies) == 1 and "lukasiewicz" in bodies[0] and "odeg" not in bodies[0]
        conn.execute("DELETE FROM clients WHERE id = %s", (ident,))
        assert conn.execute("SELECT count(*) FROM note_search").fetchone() == (0,)


def test_downgrade_to_nothing_and_back_up(engine: Engine) -> None:
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    with engine.begin() as conn:
        migrate.upgrade(conn)
    assert "note_search" in inspect(engine).get_table_names()


def test_sqlite_keeps_the_audit_log_triggers_it_shipped_with() -> None:
    """The rule moved into practice.db.dialect; on SQLite it is the SQL of 0.1.0."""
    shipped = sqlite3.connect(FIXTURES / "0001.db")
    try:
        triggers = dict(
            shipped.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                "AND tbl_name = 'audit_log'"
            ).fetchall()
        )
    finally:
        shipped.close()
    rule = append_only(
        SQLITE,
        "audit_log",
        changed="the audit log cannot be changed",
        deleted="the audit log cannot be deleted from",
    )
    assert sorted(rule.create) == sorted(triggers.values())
    assert len(append_only(POSTGRESQL, "audit_log", changed="a", deleted="b").create) == 4
    with pytest.raises(ValueError, match="SQLite or PostgreSQL"):
        append_only("mysql", "audit_log", changed="a", deleted="b")
