"""Open the practice database: check the file, migrate it, hand out transactions.

Every check of an existing file runs read-only first (:mod:`practice.db.inspect`), so a
file that is refused is left untouched. A new database is built under a temporary name
and renamed into place once complete, so a crash while creating leaves nothing
half-made. An older database is backed up, then migrated with foreign keys off in one
transaction, and the result is verified (``foreign_key_check``, no table lost rows)
before it commits.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from practice.db import migrate
from practice.db.app_version import record_app_version
from practice.db.connect import (
    apply_pragmas,
    dbapi_module,
    forget_keys,
    is_busy,
    is_disk_full,
    is_not_allowed,
    is_read_only,
    raw_connect,
)
from practice.db.files import (
    create_private_file,
    fsync_dir,
    make_private_dir,
    remove_with_sidecars,
    restrict_to_owner,
)
from practice.db.inspect import inspect_existing
from practice.db.rekey import finish_interrupted_rekey
from practice.db.use_lock import acquire_shared, release_shared
from practice.errors import (
    AccessRefusedError,
    BusyError,
    DatabaseRefusedError,
    DiskFullError,
    EditConflictError,
    LockedError,
    OnServerError,
    WrongPasswordError,
)
from practice.outputs import register_database

if TYPE_CHECKING:
    from practice.db.server import ServerAddress
    from practice.models.enums import PractitionerRole

#: Called with (path, password, from_revision) before an older database is migrated.
BeforeMigrate = Callable[[Path, str | None, str], None]

READ_ONLY = (
    "The practice database cannot be written to (the file or its folder is read-only), "
    "so nothing was saved. Move it to a folder you can write to, or change its permissions."
)
BUSY = (
    "The practice is busy saving something else (another window or command) and did "
    "not finish in time; nothing was saved. Try again in a moment."
)
DISK_FULL = (
    "The disk is full, so this change was not saved (nothing else was lost). "
    "Free some space, then save again."
)

NOT_ALLOWED = (
    "The practice's server did not let your login do that, and nothing was changed. "
    "Another practitioner's clients' sessions and notes are theirs until the client is "
    "shared with you (by them or the administrator), and admin staff never read notes, "
    "action items or unseen work."
)
#: What a practitioner's figures count on a server (:attr:`Database.figures_of`).
OWN_FIGURES = "your own clients and those shared with you"
SAVED_AT_ONCE = (
    "Someone else saved this at the same moment, so your changes were not saved. They "
    "are still here: close and open it again to see theirs, then make yours again."
)

_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")


@dataclass
class Database:
    """An open practice database. Services take one and run each action in a transaction.

    A solo practice is a file (``path``); a group practice is on a PostgreSQL server
    (``server``, :mod:`practice.db.server`) and has no file here: :meth:`file` says so
    plainly to anything that would back it up, re-encrypt or tidy it.
    """

    path: Path | None
    engine: Engine
    password: str | None = field(default=None, repr=False)
    server: ServerAddress | None = None
    #: Goes up by one with every committed transaction that wrote something.
    generation: int = 0
    #: The login's role in the team on a practice server (None in a file, and for the
    #: server's administrator, who is outside the team and reads everything). Compared
    #: by value below: opening a file must not import the models.
    role: PractitionerRole | None = None
    _sessions: sessionmaker[DbSession] = field(init=False, repr=False)
    _read_sessions: sessionmaker[DbSession] = field(init=False, repr=False)
    _use: Path | None = field(default=None, init=False, repr=False)
    _encrypted: bool = field(init=False, repr=False)
    _locked: bool = field(default=False, init=False, repr=False)

    def __post_init__(self) -> None:
        self._encrypted = self.password is not None
        self._make_sessions()
        _count_writes(self)
        if self.path is not None:
            register_database(self.path)

    def _make_sessions(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # Reads take no write lock: they begin deferred (SQLite) and read one snapshot
        # (on a server: a repeatable, read-only transaction).
        reads = (
            self.engine.execution_options(deferred_begin=True)
            if self.server is None
            else self.engine.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        )
        self._read_sessions = sessionmaker(reads, expire_on_commit=False)

    @property
    def reads_clinical(self) -> bool:
        """Whether the login reads clinical records (notes, action items, unseen work):
        admin staff on a server do not (the server refuses them those tables), so the
        app leaves out what needs them instead of failing."""
        return self.role is None or self.role.value != "admin_staff"

    @property
    def figures_of(self) -> str:
        """Whose sessions, work and money the figures count when not the whole
        practice's: a practitioner on a server sees their own and shared clients'
        (migration 0012); "" for everyone else."""
        practitioner = self.role is not None and self.role.value == "practitioner"
        return OWN_FIGURES if practitioner else ""

    @property
    def where(self) -> str:
        """Where the practice is kept, as a practitioner reads it: the file's path, or the
        database on its server."""
        if self.server is not None:
            return self.server.shown()
        return str(self.path)

    @property
    def name(self) -> str:
        """A short name: the file's name without ``.db``, or the server database's."""
        if self.server is not None:
            return self.server.name
        return Path(str(self.path)).stem

    def file(self, action: str) -> Path:
        """The practice's file, to ``action`` (e.g. "back up"); a server practice has none,
        and is refused with a sentence saying whose job that is."""
        if self.path is None:
            raise OnServerError(
                f"This practice is kept on the server {self.where}: there is no practice "
                f"file on this computer to {action}. Backups and logins of a server "
                "practice are the server's job (see the group practice guide, GROUP-PRACTICE.md)."
            )
        return self.path

    @property
    def encrypted(self) -> bool:
        """Whether the file is encrypted with a password (a server's login is not)."""
        return self._encrypted and self.server is None

    @property
    def locked(self) -> bool:
        return self._locked

    def lock(self) -> None:
        """Close every connection and forget the password until :meth:`unlock`."""
        self.engine.dispose()
        forget_keys()
        self.engine = create_engine("sqlite://", creator=_refuse_while_locked)
        self._make_sessions()
        self.password = None
        self._locked = True

    def unlock(self, password: str | None) -> None:
        """Check ``password`` against the file (read-only), then connect again.

        Raises :class:`~practice.errors.WrongPasswordError` and stays locked if wrong.
        """
        if not self._locked:
            return
        if self._encrypted and password is None:
            raise WrongPasswordError("Enter the password to unlock.")
        if self.path is not None:
            inspect_existing(self.path, password if self._encrypted else None, opening=True)
        else:
            _check_login(self, password if self._encrypted else None)
        self._locked = False
        self.reconnect(password if self._encrypted else None)

    def reconnect(self, password: str | None) -> None:
        """Close every connection and connect again with ``password`` (after a rekey)."""
        self.engine.dispose()
        self.hold_in_use()
        self.engine = _engine_for(self, password)
        self.password = password
        self._encrypted = password is not None
        self._make_sessions()
        _count_writes(self)

    @contextmanager
    def transaction(self) -> Iterator[DbSession]:
        """One user action: commits at the end, rolls back everything on any error.

        It begins IMMEDIATE: it takes the write lock at once, waiting (up to the busy
        timeout) while another window or command is saving, instead of failing halfway
        when two writers meet. A full disk (or the size limit) becomes
        :class:`DiskFullError` and a write lock held too long :class:`BusyError`, each
        with a plain message; the transaction is rolled back, so the caller keeps its
        unsaved text.
        """
        if self._locked:
            raise LockedError("The practice is locked; unlock it to continue.")
        with self._guarded(self._sessions) as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[DbSession]:
        """A read-only look at one snapshot: it never waits for, nor holds up, a writer
        (exports, reports and searches that may take a while)."""
        if self._locked:
            raise LockedError("The practice is locked; unlock it to continue.")
        with self._guarded(self._read_sessions) as session:
            yield session

    @contextmanager
    def _guarded(self, sessions: sessionmaker[DbSession]) -> Iterator[DbSession]:
        try:
            with sessions.begin() as session:
                yield session
        except StaleDataError:  # two saves of one record at the same moment
            raise EditConflictError(SAVED_AT_ONCE) from None
        except DBAPIError as exc:
            if is_disk_full(exc.orig):
                raise DiskFullError(DISK_FULL) from None
            if is_busy(exc.orig):
                raise BusyError(BUSY) from None
            if is_read_only(exc.orig):
                raise DatabaseRefusedError(READ_ONLY) from None
            if is_not_allowed(exc.orig):
                raise AccessRefusedError(NOT_ALLOWED) from None
            raise

    def close(self) -> None:
        """Close every connection and stop using the file (on exit, before a restore)."""
        self.engine.dispose()
        if self._use is not None:
            release_shared(self._use)
            self._use = None

    def hold_in_use(self) -> None:
        """Note this process uses the file (restores and password changes elsewhere wait)."""
        if self._use is None and self.path is not None and self.path != Path(":memory:"):
            self._use = acquire_shared(self.path)


def _engine_for(db: Database, password: str | None) -> Engine:
    if db.server is not None:
        from practice.db.server import make_engine

        return make_engine(db.server, password)
    assert db.path is not None
    return _make_engine(db.path, password)


def _check_login(db: Database, password: str | None) -> None:
    """Connect once with ``password`` to see that the server takes it."""
    assert db.server is not None
    from practice.db.server import make_engine, refusal

    engine = make_engine(db.server, password)
    try:
        with engine.connect():
            pass
    except DBAPIError as exc:
        raise refusal(exc, db.server) from None
    finally:
        engine.dispose()


def _refuse_while_locked() -> Any:
    raise LockedError("The practice is locked; unlock it to continue.")


def _count_writes(db: Database) -> None:
    @event.listens_for(db.engine, "after_cursor_execute")
    def _seen(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip()[:7].upper().startswith(_WRITES):
            conn.info["wrote"] = True

    @event.listens_for(db.engine, "commit")
    def _committed(conn: Any) -> None:
        if conn.info.pop("wrote", False):
            db.generation += 1

    @event.listens_for(db.engine, "rollback")
    def _rolled_back(conn: Any) -> None:
        conn.info.pop("wrote", None)


def open_database(
    path: Path | str,
    password: str | None = None,
    *,
    create: bool = True,
    make_parents: bool = False,
    before_migrate: BeforeMigrate | None = None,
) -> Database:
    """Open (or create) the database at ``path``, migrating it to the current schema.

    ``before_migrate`` runs before an older database is migrated; by default it takes
    a backup (:func:`practice.safekeeping.backup.backup_before_migrate`).
    """
    path = Path(path).expanduser()
    if password == "":
        raise WrongPasswordError("The password cannot be empty.")
    use = acquire_shared(path)  # refused while a restore or password change is under way
    try:
        finish_interrupted_rekey(path)
        exists = _check_location(path, create=create, make_parents=make_parents)
        if not exists:
            _create(path, password)
        revision = inspect_existing(path, password, opening=True)
        restrict_to_owner(path)
        engine = _make_engine(path, password)
        try:
            if revision != migrate.head_revision():  # at head: no Alembic, nothing to run
                if before_migrate is None:
                    from practice.safekeeping.backup import backup_before_migrate

                    before_migrate = backup_before_migrate
                before_migrate(path, password, revision)
                _upgrade(engine)
            db = _ready(path, engine, password)
            record_app_version(engine)
        except BaseException:
            engine.dispose()
            raise
    except BaseException:
        release_shared(use)
        raise
    db._use = use
    return db


def _ready(path: Path, engine: Engine, password: str | None) -> Database:
    from practice.db.seed import ensure_defaults

    db = Database(path=path, engine=engine, password=password)
    with db.transaction() as session:
        ensure_defaults(session)
    return db


def _create(path: Path, password: str | None) -> None:
    """Build a new database next to ``path`` and rename it into place when complete."""
    building = path.with_name(path.name + ".new")
    remove_with_sidecars(building)
    create_private_file(building)
    engine = _make_engine(building, password)
    try:
        _upgrade(engine)
        _ready(building, engine, password)
    finally:
        engine.dispose()
    os.replace(building, path)
    fsync_dir(path.parent)


def _upgrade(engine: Engine) -> None:
    """Migrate with foreign keys off, in one transaction, verified before commit."""
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                migrate.verified_upgrade(conn)
        except migrate.MigrationError as exc:
            raise DatabaseRefusedError(
                f"{exc} Nothing was changed; the database was left as it was."
            ) from None
        finally:
            raw.execute("PRAGMA foreign_keys = ON")


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
        make_private_dir(path.parent)
    return False


def _make_engine(path: Path, password: str | None) -> Engine:
    engine = create_engine(
        "sqlite://",
        creator=lambda: raw_connect(path, password),
        module=dbapi_module(password),
        pool_pre_ping=False,
        # Error messages (and so log files) never carry the values: they are client text.
        hide_parameters=True,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        apply_pragmas(dbapi_conn, encrypted=password is not None)
        # Transactions are begun explicitly (below), so DDL is transactional too.
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        deferred = conn.get_execution_options().get("deferred_begin", False)
        conn.exec_driver_sql("BEGIN" if deferred else "BEGIN IMMEDIATE")

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
    return _ready(Path(":memory:"), engine, None)
