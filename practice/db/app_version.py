"""Which version of the app last opened a database, kept in the file's own header.

SQLite keeps a 32-bit number in every database header for the application's use
(``PRAGMA user_version``); Practice Manager writes its version there, as
``major × 1,000,000 + minor × 1,000 + patch`` (0.1.0 → 1000), each time a different
version opens the file. It travels with the file: backups and restores copy it, and the
password changes copy it across (:mod:`practice.safekeeping.password`, :mod:`rekey`).
No migration is needed to keep it, and an app of any age can read it.

When an older app meets a database whose schema a newer one has changed, the refusal
names that version (:func:`practice.db.inspect.inspect_existing`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from practice import __version__
from practice.db.connect import is_read_only
from practice.version import version_key

if TYPE_CHECKING:
    from practice.db.database import Database

_STEP = 1000


def encode(version: str) -> int:
    """The header number for ``version`` (0 for one that is not ``X.Y.Z``)."""
    key = version_key(version)
    if key is None:
        return 0
    major, minor, patch = (key + (0, 0, 0))[:3]
    if not (0 <= minor < _STEP and 0 <= patch < _STEP and 0 <= major < 2000):
        return 0
    return (major * _STEP + minor) * _STEP + patch


def decode(number: int) -> str | None:
    """The version a header number stands for; None when none was recorded."""
    if number <= 0:
        return None
    return f"{number // (_STEP * _STEP)}.{number // _STEP % _STEP}.{number % _STEP}"


def recorded_version(raw_conn: Any) -> str | None:
    """The version that last opened the database of a raw DB-API connection."""
    row = raw_conn.execute("PRAGMA user_version").fetchone()
    return decode(int(row[0])) if row is not None else None


def record_app_version(engine: Engine, version: str = __version__) -> None:
    """Note that ``version`` opened the database (written only when it changed)."""
    number = encode(version)
    if number == 0:
        return
    try:
        with engine.begin() as conn:
            current = conn.exec_driver_sql("PRAGMA user_version").scalar()
            if current != number:
                conn.exec_driver_sql(f"PRAGMA user_version = {int(number)}")
    except DBAPIError as exc:
        if not is_read_only(exc.orig):
            raise
        # A file that cannot be written to still opens; saving explains it in plain words.


@dataclass(frozen=True)
class DatabaseVersions:
    """What the About box says of the open database."""

    revision: str | None  # the Alembic revision of its schema
    head: str  # the revision this app migrates to
    last_opened_by: str | None


def database_versions(db: Database) -> DatabaseVersions:
    """The schema revision of ``db`` and the app version that last opened it (read-only)."""
    from practice.db import migrate

    with db.reading() as session:
        conn = session.connection()
        revision = migrate.current_revision(conn)
        # a file's header keeps it; a server practice has no header (nor needs one: an
        # older app is told by the schema's revision)
        number = (
            conn.exec_driver_sql("PRAGMA user_version").scalar()
            if conn.dialect.name == "sqlite"
            else 0
        )
    return DatabaseVersions(revision, migrate.head_revision(), decode(int(number or 0)))
