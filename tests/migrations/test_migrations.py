"""Every schema that ever shipped opens, upgrades to the current one and keeps its rows.

``tests/fixtures/schemas/<revision>.db`` holds a small sample practice saved at each
released schema (made by ``scripts/make_schema_fixture.py``). The models and the
migrations must also describe the same schema, so a model change without a migration
fails here.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Column, Index
from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateIndex

from practice.db import Database, migrate, open_database
from practice.models import Base
from practice.search.kinds import is_index_table

FIXTURES = sorted((Path(__file__).parent.parent / "fixtures" / "schemas").glob("*.db"))


def row_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = [
            str(r[0])
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                " AND name != 'alembic_version'"
            )
        ]
        return {t: int(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in tables}
    finally:
        conn.close()


#: The schema each released version of the app shipped with. A database made by any of
#: them must open and upgrade, so each has a fixture. Revisions added between two
#: releases need none of their own (no practitioner ever had a database at them), and
#: every upgrade from a fixture runs through them all. Add a line, and save a fixture
#: with scripts/make_schema_fixture.py, when a release ships.
RELEASED_SCHEMAS = {"0.1.0": "0001"}


def test_there_is_a_fixture_for_every_released_schema() -> None:
    saved = {p.stem for p in FIXTURES}
    released = set(RELEASED_SCHEMAS.values())
    assert released <= saved, f"save a fixture of each released schema: missing {released - saved}"
    assert released <= migrate.known_revisions()
    assert saved <= migrate.known_revisions(), "a fixture of a schema no migration knows"


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_old_database_upgrades_without_losing_rows(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "practice.db"
    shutil.copyfile(fixture, path)
    before = row_counts(path)
    assert before["clients"] > 0 and before["sessions"] > 0 and before["payments"] > 0

    db = open_database(path)
    try:
        with db.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
    finally:
        db.close()

    after = row_counts(path)
    for table, count in before.items():
        assert after[table] >= count, f"{table} lost rows: {count} -> {after[table]}"
    # migration 0009: the practice's one practitioner, named as in its profile, has
    # every client and every work entry
    conn = sqlite3.connect(path)
    try:
        practitioners = conn.execute("SELECT id, name, login, role FROM practitioners").fetchall()
        profile_name = conn.execute("SELECT practitioner_name FROM practice_profile").fetchone()
        assert len(practitioners) == 1
        me, name, login, role = practitioners[0]
        assert (name, login, role) == (profile_name[0].strip() or "Practitioner", None, "owner")
        for table in ("clients", "work_log_entries"):
            whose = conn.execute(f"SELECT DISTINCT practitioner_id FROM {table}").fetchall()
            assert whose == [(me,)], table
    finally:
        conn.close()


#: Columns added by ``ALTER TABLE … ADD COLUMN … REFERENCES`` (migration 0009: rebuilding
#: the tables would drop their note-index triggers). SQLite keeps such a link without the
#: name SQLAlchemy reads back, so these are compared below by what they link to instead.
ADDED_LINKS = {("clients", "practitioner_id"), ("work_log_entries", "practitioner_id")}


def _an_added_link(difference: object) -> bool:
    if not (isinstance(difference, tuple) and difference[0] in ("add_fk", "remove_fk")):
        return False
    constraint = difference[1]
    columns = {(constraint.table.name, column.name) for column in constraint.columns}
    return columns <= ADDED_LINKS


def _on_an_expression(index: object) -> bool:
    return isinstance(index, Index) and any(
        not isinstance(part, Column) for part in index.expressions
    )


def _words(sql: str) -> str:
    return " ".join(sql.replace('"', "").split())


# SQLAlchemy does not read indexes on expressions back from SQLite; compared below instead.
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based")
def test_models_and_migrations_describe_the_same_schema(db: Database) -> None:
    with db.engine.connect() as conn:
        # The note search's FTS5 tables are made by migration 0004, not by models.
        context = MigrationContext.configure(
            conn,
            opts={
                "include_name": lambda name, *_: not is_index_table(str(name)),
                "include_object": lambda obj, *_: not _on_an_expression(obj),
            },
        )
        differences = compare_metadata(context, Base.metadata)
        made = {
            str(name): _words(str(sql))
            for name, sql in conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            )
        }
    assert [d for d in differences if not _an_added_link(d)] == []
    with db.engine.connect() as conn:
        for table, column in ADDED_LINKS:
            links = [
                (row[2], row[3], row[4], row[6])  # table, from, to, on delete
                for row in conn.exec_driver_sql(f"PRAGMA foreign_key_list({table})")
                if row[3] == column
            ]
            assert links == [("practitioners", column, "id", "RESTRICT")]
    described = {
        str(index.name): _words(str(CreateIndex(index).compile(dialect=sqlite.dialect())))
        for table in Base.metadata.tables.values()
        for index in table.indexes
        if _on_an_expression(index)
    }
    assert described, "the models have indexes on expressions (the enrolments' last day)"
    assert {name: made.get(name) for name in described} == described


def test_downgrade_to_nothing_and_back_up(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine, inspect

    engine = create_engine(f"sqlite:///{tmp_path / 'roundtrip.db'}")
    try:
        with engine.begin() as conn:
            migrate.upgrade(conn)
        with engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        with engine.begin() as conn:
            migrate.upgrade(conn)
        assert "clients" in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_the_cheap_revision_read_agrees_with_alembic() -> None:
    """Opening a database at head reads the revisions from the files without Alembic."""
    scripts = migrate.script_directory()
    assert migrate.head_revision() == scripts.get_current_head()
    assert migrate.known_revisions() == {r.revision for r in scripts.walk_revisions()}


def test_an_upgraded_practice_is_given_the_computers_zone_by_name(tmp_path: Path) -> None:
    """A practice from before the profile held a zone would follow whichever computer
    opens it; the upgrade names the zone of the computer doing it, as a new practice is."""
    from tests.economics.test_practice_zone import computer_in

    path = tmp_path / "practice.db"
    shutil.copyfile(FIXTURES[0], path)
    with computer_in("Pacific/Auckland"):
        db = open_database(path)
        db.close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT time_zone FROM practice_profile").fetchone() == (
            "Pacific/Auckland",
        )
    finally:
        conn.close()
