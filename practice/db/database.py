"""Open the practice database: check the file, migrate it, hand out transactions.

A file that is not a practice database of ours (random bytes, a CSV, a truncated copy,
an empty file, a folder, a missing folder, a database made by a newer version) is
refused with one plain sentence and left byte-for-byte untouched: every check runs on a
read-only connection before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import sessionmaker

from practice.db import migrate
from practice.db.connect import SQLITE_HEADER, apply_pragmas, dbapi_module, raw_connect
from practice.errors import DatabaseRefusedError, WrongPasswordError

#: Called with (path, password, from_revision) before an older database is migrated.
BeforeMigrate = Callable[[Path, str | None, str], None]


@dataclass
class Database:
    """An open practice database. Services take one and run each action in a transaction."""

    path: Path
    engine: Engine
    password: str | None = field(default=None, repr=False)
    _sessions: sessionmaker[DbSession] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def encrypted(self) -> bool:
        return self.password is not None

    @contextmanager
    def transaction(self) -> Iterator[DbSession]:
        """One user action: commits at the end, rolls back everything on any error."""
        with self._sessions.begin() as session:
            yield session

    def close(self) -> None:
        """Close every connection (used on exit and when the app locks)."""
        self.engine.dispose()


def open_database(
    path: Path | str,
    password: str | None = None,
    *,
    create: bool = True,
    make_parents: bool = False,
    before_migrate: BeforeMigrate | None = None,
) -> Database:
    """Open (or create) the database at ``path``, migrating it to the current schema."""
    path = Path(path).expanduser()
    exists = _check_location(path, create=create, make_parents=make_parents)
    revision = _inspect_existing(path, password) if exists else None
    engine = _make_engine(path, password)
    try:
        if revision is not None and revision != migrate.head_revision() and before_migrate:
            before_migrate(path, password, revision)
        with engine.begin() as conn:
            migrate.upgrade(conn)
        db = Database(path=path, engine=engine, password=password)
        from practice.db.seed import ensure_defaults

        with db.transaction() as session:
            ensure_defaults(session)
        return db
    except BaseException:
        engine.dispose()
        raise


def _check_location(path: Path, *, create: bool, make_parents: bool) -> bool:
    if path.is_dir():
        raise DatabaseRefusedError(f"{path} is a folder, not a practice database file.")
    if path.exists():
        return True
    if not create:
        raise DatabaseRefusedError(f"There is no database at {path}.")
    if not path.parent.is_dir():
        if not make_parents:
            raise DatabaseRefusedError(f"The folder {path.parent} does not exist.")
        path.parent.mkdir(parents=True, exist_ok=True)
    return False


def _inspect_existing(path: Path, password: str | None) -> str:
    """Check, read-only, that ``path`` is a healthy database of ours; return its revision."""
    size = path.stat().st_size
    if size == 0:
        raise DatabaseRefusedError(f"{path.name} is empty: it is not a practice database.")
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    plain = header == SQLITE_HEADER
    if password is None and not plain:
        raise DatabaseRefusedError(
            f"{path.name} is not a practice database (or it is encrypted and needs its password)."
        )
    if password is not None and plain:
        raise DatabaseRefusedError(f"{path.name} is not encrypted; open it without a password.")
    if size < 512 or size % 512:
        raise DatabaseRefusedError(f"{path.name} is damaged or truncated: it cannot be opened.")
    try:
        conn = raw_connect(path, password, read_only=True)
    except Exception as exc:  # any driver error means we cannot read it
        raise DatabaseRefusedError(f"{path.name} cannot be opened: {exc}.") from None
    try:
        try:
            result = conn.execute("PRAGMA quick_check").fetchall()
            revision = migrate.revision_of(conn)
        except Exception:
            if password is not None:
                raise WrongPasswordError(
                    "Wrong password or damaged file: the database could not be opened."
                ) from None
            raise DatabaseRefusedError(
                f"{path.name} is damaged or is not a practice database."
            ) from None
        if [tuple(r) for r in result] != [("ok",)]:
            raise DatabaseRefusedError(f"{path.name} is damaged: its integrity check failed.")
        if revision is None:
            raise DatabaseRefusedError(
                f"{path.name} is an SQLite database but not a practice database."
            )
        if revision not in migrate.known_revisions():
            raise DatabaseRefusedError(
                f"{path.name} was made by a newer version of Practice Manager; "
                "please update the app to open it."
            )
        return revision
    finally:
        conn.close()


def _make_engine(path: Path, password: str | None) -> Engine:
    engine = create_engine(
        "sqlite://",
        creator=lambda: raw_connect(path, password),
        module=dbapi_module(password),
        pool_pre_ping=False,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        apply_pragmas(dbapi_conn)

    return engine


def open_memory_database() -> Database:
    """An in-memory database with the full schema, for tests and previews."""
    from sqlalchemy.pool import StaticPool

    engine = create_engine(
        "sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute("PRAGMA foreign_keys = ON")

    with engine.begin() as conn:
        migrate.upgrade(conn)
    db = Database(path=Path(":memory:"), engine=engine)
    from practice.db.seed import ensure_defaults

    with db.transaction() as session:
        ensure_defaults(session)
    return db
