"""Alembic, run from inside the package on every open."""

from __future__ import annotations

from importlib.resources import files
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(files("practice") / "migrations"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in script_directory().walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection, target: str = "head") -> None:
    command.upgrade(alembic_config(connection), target)


def revision_of(raw_conn: Any) -> str | None:
    """The alembic revision of a raw DB-API connection, or None if it has none."""
    rows = raw_conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchall()
    if not rows:
        return None
    row = raw_conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


class MigrationError(Exception):
    """A migration left the data inconsistent; it was rolled back."""


def row_counts(connection: Connection) -> dict[str, int]:
    """Rows in every table of ours (not SQLite's own nor Alembic's)."""
    names = [
        str(row[0])
        for row in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
        )
    ]
    counts: dict[str, int] = {}
    for name in names:
        quoted = '"' + name.replace('"', '""') + '"'
        counts[name] = int(
            connection.exec_driver_sql(f"SELECT count(*) FROM {quoted}").scalar_one()
        )
    return counts


def verified_upgrade(connection: Connection) -> None:
    """Upgrade inside the connection's transaction, then check nothing was broken or lost.

    The caller turns foreign keys off first (so table rebuilds do not cascade) and runs
    this in one transaction: a failed check raises and everything is rolled back.
    """
    before = row_counts(connection)
    upgrade(connection)
    problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if problems:
        tables = sorted({str(row[0]) for row in problems})
        raise MigrationError(
            "The database update would leave broken links in " + ", ".join(tables) + "."
        )
    after = row_counts(connection)
    lost = sorted(name for name, count in before.items() if after.get(name, 0) < count)
    if lost:
        raise MigrationError("The database update would lose rows in " + ", ".join(lost) + ".")
