"""A group practice on a PostgreSQL server (issue 15): its address, the connection, the
schema brought up to date.

A practice on a server has no file on this computer: no use-lock (the server keeps
writers apart), no integrity check of a file, no backups or password changes here —
backups of a server practice are the server's job (``pg_dump``, point-in-time
recovery), and the login's password is the server's. :func:`open_server_database`
hands back the same :class:`~practice.db.database.Database` the services take.

The address is a PostgreSQL URL, ``postgresql://USER@HOST[:PORT]/DATABASE``. The
password is never part of it (a command line is visible to every program on the
computer): the command line asks for it or reads it from a file, the app asks for it.
Over the network the connection is encrypted and the server's certificate checked
against its name (``sslmode=verify-full``) unless the address says otherwise; a local
Unix socket (``?host=/run/postgresql``) needs no TLS.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from practice.errors import DatabaseRefusedError, WrongPasswordError

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine
    from sqlalchemy.engine import URL
    from sqlalchemy.orm import Session as DbSession

    from practice.db.database import Database
    from practice.models import PractitionerRole

SCHEMES = ("postgresql://", "postgresql+psycopg://", "postgres://")
#: The oldest server the practice runs on (``server_version_num``).
OLDEST_SERVER = 150000
#: Taken while the schema is checked and brought up to date, so two apps opening a
#: server practice at once do not both migrate it (any number unique to the app).
_MIGRATION_LOCK = 0x5052_4143  # "PRAC"
#: Seconds to wait for the server to answer before saying it cannot be reached.
CONNECT_TIMEOUT = 10


def is_server_address(text: str) -> bool:
    """Whether ``text`` names a practice server rather than a database file."""
    return text.strip().lower().startswith(SCHEMES)


@dataclass(frozen=True)
class ServerAddress:
    """Where a server practice is: host (or socket folder), port, database and login."""

    url: URL  # postgresql+psycopg, never with a password

    @classmethod
    def parse(cls, text: str) -> ServerAddress:
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            url = make_url(text.strip())
        except (ArgumentError, ValueError):
            raise DatabaseRefusedError(
                f"“{text}” is not a practice server address; "
                "write it as postgresql://USER@HOST/DATABASE."
            ) from None
        if url.password is not None:
            raise DatabaseRefusedError(
                "The server address carries a password; leave it out and give the password "
                "with --ask-password or --password-file (an address shows in the list of "
                "running programs)."
            )
        if not url.database:
            raise DatabaseRefusedError(
                "The server address names no database: write it as postgresql://USER@HOST/DATABASE."
            )
        return cls(url.set(drivername="postgresql+psycopg"))

    @property
    def on_socket(self) -> bool:
        """A local Unix socket (no host, or a folder as the host): no network, no TLS."""
        host = self.url.query.get("host") or self.url.host
        return host is None or str(host).startswith("/")

    @property
    def sslmode(self) -> str | None:
        mode = self.url.query.get("sslmode")
        if mode is not None:
            return str(mode)
        return None if self.on_socket else "verify-full"

    def shown(self) -> str:
        """The address as a practitioner reads it: ``practice on db.example.org as anna``."""
        where = "this computer" if self.on_socket else str(self.url.host)
        port = f":{self.url.port}" if self.url.port and not self.on_socket else ""
        login = f" as {self.url.username}" if self.url.username else ""
        return f"“{self.url.database}” on {where}{port}{login}"

    @property
    def name(self) -> str:
        return str(self.url.database)


def make_engine(address: ServerAddress, password: str | None) -> Engine:
    from sqlalchemy import create_engine

    connect_args: dict[str, Any] = {
        "application_name": "Practice Manager",
        "connect_timeout": CONNECT_TIMEOUT,
    }
    if password is not None:
        connect_args["password"] = password
    if address.sslmode is not None:
        connect_args["sslmode"] = address.sslmode
    return create_engine(
        address.url,
        connect_args=connect_args,
        pool_pre_ping=True,
        # Error messages (and so log files) never carry the values: they are client text.
        hide_parameters=True,
    )


def refusal(exc: BaseException, address: ServerAddress) -> DatabaseRefusedError:
    """One plain sentence for a server that would not let us in, from the driver's error."""
    text = str(getattr(exc, "orig", None) or exc)
    lowered = text.lower()
    user = address.url.username or "this login"
    if "password authentication failed" in lowered:
        return WrongPasswordError(f"The server refused the password for {user}.")
    if "no password supplied" in lowered or "password is required" in lowered:
        return WrongPasswordError(
            f"The server asks for {user}'s password: give it with --ask-password or "
            "--password-file."
        )
    if "root certificate file" in lowered and "does not exist" in lowered:
        return DatabaseRefusedError(
            f"There is no certificate authority to check the server {address.shown()} "
            "against, so nothing was sent to it. Ask whoever runs it for the practice's "
            "certificate authority file and choose it as the certificate authority (on the "
            "command line: ?sslrootcert=FILE in the address)."
        )
    if "certificate" in lowered or "ssl" in lowered or "tls" in lowered:
        return DatabaseRefusedError(
            f"The server {address.shown()} could not prove it is the server it claims to "
            "be (its certificate does not check out), so nothing was sent to it. Ask "
            "whoever runs it for the practice's certificate authority, or check the "
            "server's name."
        )
    if "does not exist" in lowered and "database" in lowered:
        return DatabaseRefusedError(
            f"There is no database “{address.name}” on the server; ask whoever runs it to "
            "make it (see the group practice guide, GROUP-PRACTICE.md)."
        )
    if "role" in lowered and "does not exist" in lowered:
        return WrongPasswordError(f"The server has no login called {user}.")
    if "permission denied" in lowered or "not permitted" in lowered:
        return DatabaseRefusedError(f"The server does not let this login open {address.shown()}.")
    return DatabaseRefusedError(
        f"The practice server {address.shown()} cannot be reached; check the address and "
        "the network, then try again."
    )


def open_server_database(address: ServerAddress | str, password: str | None = None) -> Database:
    """Connect to the practice on a server, making or bringing its schema up to date.

    Raises :class:`~practice.errors.DatabaseRefusedError` (or its
    :class:`~practice.errors.WrongPasswordError`) with a plain sentence when the server
    cannot be reached, refuses the login, is too old, or holds something that is not a
    practice; nothing is changed then.
    """
    from sqlalchemy.exc import DBAPIError

    from practice.db.database import Database
    from practice.db.seed import ensure_defaults

    if isinstance(address, str):
        address = ServerAddress.parse(address)
    if password == "":
        raise WrongPasswordError("The password cannot be empty.")
    engine = make_engine(address, password)
    try:
        try:
            with engine.connect() as conn, conn.begin():
                _check_server(conn, address)
                _bring_up_to_date(conn, address)
        except DBAPIError as exc:
            raise refusal(exc, address) from None
        db = Database(path=None, server=address, engine=engine, password=password)
        with db.transaction() as session:
            ensure_defaults(session)
            db.role = _role(session)
    except BaseException:
        engine.dispose()
        raise
    return db


def _role(session: DbSession) -> PractitionerRole | None:
    """The connected login's role in the team (None: the administrator, outside it).
    Admin staff are refused every clinical table; a practitioner's figures are their
    own and shared clients'."""
    from sqlalchemy import select

    from practice.db.dialect import current_login
    from practice.models import Practitioner

    return session.scalar(select(Practitioner.role).where(Practitioner.login == current_login()))


def _owns_the_tables(conn: Connection) -> bool:
    """Whether the login may migrate the practice: it owns its tables (or is in the role
    that does), as the administrator does and no one in the team."""
    return bool(
        conn.exec_driver_sql(
            "SELECT pg_has_role(current_user, relowner, 'USAGE') FROM pg_class "
            "WHERE oid = 'alembic_version'::regclass"
        ).scalar()
    )


def _check_server(conn: Connection, address: ServerAddress) -> None:
    number = int(conn.exec_driver_sql("SHOW server_version_num").scalar_one())
    if number < OLDEST_SERVER:
        major = number // 10000
        raise DatabaseRefusedError(
            f"The server {address.shown()} runs PostgreSQL {major}; a practice needs "
            f"PostgreSQL {OLDEST_SERVER // 10000} or newer."
        )


def _bring_up_to_date(conn: Connection, address: ServerAddress) -> None:
    """Make the schema in an empty database, or migrate an older one, in the caller's
    transaction under the migration lock; refuse anything else untouched."""
    from practice.db import migrate
    from practice.db.dialect import user_tables

    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
    tables = user_tables(conn)
    if "alembic_version" not in tables:
        if tables:
            raise DatabaseRefusedError(
                f"The database {address.shown()} already holds tables that are not a "
                "practice's; nothing was changed. Give the practice a database of its own."
            )
        revision = None
    else:
        revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    if revision == migrate.head_revision():
        return
    if revision is not None and revision not in migrate.known_revisions():
        raise DatabaseRefusedError(
            f"The practice {address.shown()} was updated by a newer version of Practice "
            "Manager; install that version to open it. Nothing was changed."
        )
    if revision is not None and not _owns_the_tables(conn):
        raise DatabaseRefusedError(
            f"The practice {address.shown()} needs bringing up to date for this version of "
            "Practice Manager, and only its administrator may change its tables: ask them "
            "to open it once with this version, then connect again. Nothing was changed."
        )
    try:
        migrate.verified_upgrade(conn)
    except migrate.MigrationError as exc:
        raise DatabaseRefusedError(
            f"{exc} Nothing was changed; the practice was left as it was."
        ) from None
    from practice.db.access import grant_team, team_exists

    if team_exists(conn):  # the team's roles reach any table the update made
        grant_team(conn)
