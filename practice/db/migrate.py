"""Alembic, run from inside the package when a database needs it.

Opening a database already at the newest revision needs no Alembic at all: the
revisions are read straight from the migration files (``revision`` and
``down_revision`` of each), which is cheap, and Alembic is imported only to migrate.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

_REVISION = re.compile(r'^revision(?:: str)? = "([^"]+)"', re.MULTILINE)
_DOWN = re.compile(r'^down_revision(?:: str \| None)? = (?:"([^"]+)"|None)', re.MULTILINE)


@cache
def _revisions() -> dict[str, str | None]:
    """Each revision in the package's migration files → the one it revises (None first)."""
    found: dict[str, str | None] = {}
    for entry in (files("practice") / "migrations" / "versions").iterdir():
        if not entry.name.endswith(".py") or entry.name.startswith("_"):
            continue
        text = entry.read_text(encoding="utf-8")
        revision, down = _REVISION.search(text), _DOWN.search(text)
        if revision is None or down is None:
            raise RuntimeError(f"migration {entry.name} names no revision")
        found[revision.group(1)] = down.group(1)
    return found


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(files("practice") / "migrations"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest revision: the one no other revises (read from the files, no Alembic)."""
    revisions = _revisions()
    heads = set(revisions) - {down for down in revisions.values() if down is not None}
    if len(heads) != 1:
        raise RuntimeError(f"the migrations have {len(heads)} heads, not one")
    return heads.pop()


def known_revisions() -> set[str]:
    return set(_revisions())


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection, target: str = "head") -> None:
    from alembic import command

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
    """Rows in every table of ours (not the engine's own nor Alembic's)."""
    from practice.db.dialect import user_tables

    counts: dict[str, int] = {}
    for name in user_tables(connection):
        if name == "alembic_version":
            continue
        quoted = '"' + name.replace('"', '""') + '"'
        counts[name] = int(
            connection.exec_driver_sql(f"SELECT count(*) FROM {quoted}").scalar_one()
        )
    return counts


def verified_upgrade(connection: Connection) -> None:
    """Upgrade inside the connection's transaction, then check nothing was broken or lost.

    On SQLite the caller turns foreign keys off first (so table rebuilds do not cascade)
    and the links are checked here before commit; PostgreSQL checks every link as it is
    written. Run in one transaction: a failed check raises and everything is rolled back.
    """
    before = row_counts(connection)
    upgrade(connection)
    if connection.dialect.name == "sqlite":
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
