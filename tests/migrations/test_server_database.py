"""Opening a group practice on a PostgreSQL server (practice/db/server.py).

A real server (the test session's own, tests/postgres.py): an empty database gets the
schema, an older one is migrated with every row kept, a newer one or one holding
something else is refused untouched; the practice has no file here and says so.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import create_engine, text

from practice.db import Database, migrate
from practice.db.server import ServerAddress, is_server_address, open_server_database
from practice.errors import DatabaseRefusedError, OnServerError
from practice.services.clients import create_client, list_clients
from tests.postgres import SUPERUSER, PostgresServer

_names = itertools.count(1)


def address_of(postgres: PostgresServer, name: str) -> str:
    return f"postgresql://{SUPERUSER}@/{name}?host={postgres.sockets}&port={postgres.port}"


@pytest.fixture
def empty(postgres: PostgresServer) -> str:
    """The address of a new, empty database on the session's server."""
    name = f"opening_{next(_names)}"
    postgres.create_database(name)
    return address_of(postgres, name)


@pytest.fixture
def opened(empty: str) -> Iterator[Database]:
    db = open_server_database(empty)
    try:
        yield db
    finally:
        db.close()


def raw(postgres: PostgresServer, address: str) -> psycopg.Connection[tuple[object, ...]]:
    name = address.split("/")[3].split("?")[0]
    return psycopg.connect(
        host=str(postgres.sockets), port=postgres.port, user=SUPERUSER, dbname=name
    )


def test_addresses_are_told_from_files() -> None:
    assert is_server_address("postgresql://anna@db.example.org/practice")
    assert is_server_address("  PostgreSQL+psycopg://anna@/practice")
    assert is_server_address("postgres://anna@h/p")
    assert not is_server_address("/home/anna/practice.db")
    assert not is_server_address("postgresql.db")


def test_over_the_network_the_server_must_prove_its_name() -> None:
    remote = ServerAddress.parse("postgresql://anna@db.example.org:5433/practice")
    assert remote.sslmode == "verify-full"
    assert not remote.on_socket
    assert remote.shown() == "“practice” on db.example.org:5433 as anna"
    assert remote.url.drivername == "postgresql+psycopg"
    chosen = ServerAddress.parse("postgresql://anna@db.example.org/practice?sslmode=require")
    assert chosen.sslmode == "require"  # the address may say otherwise, explicitly
    local = ServerAddress.parse("postgresql://anna@/practice?host=/run/postgresql")
    assert local.on_socket and local.sslmode is None
    assert local.shown() == "“practice” on this computer as anna"


@pytest.mark.parametrize(
    ("address", "says"),
    [
        ("postgresql://anna:hunter2@db.example.org/practice", "carries a password"),
        ("postgresql://anna@db.example.org", "names no database"),
        ("postgresql://anna@db.example.org:notaport/practice", "is not a practice server"),
    ],
)
def test_bad_addresses_are_refused_plainly(address: str, says: str) -> None:
    with pytest.raises(DatabaseRefusedError, match=says) as refused:
        ServerAddress.parse(address)
    assert "hunter2" not in str(refused.value)


def test_an_empty_database_gets_the_practice(opened: Database, postgres: PostgresServer) -> None:
    assert opened.path is None and opened.server is not None
    assert opened.where.startswith("“opening_")
    assert not opened.encrypted  # a login's password is not an encrypted file
    with opened.reading() as s:
        revision = s.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        profiles = s.execute(text("SELECT count(*) FROM practice_profile")).scalar_one()
    assert revision == migrate.head_revision()
    assert profiles == 1
    before = opened.generation
    create_client(opened, first_name="Amara", last_name="Okafor")
    assert [c.first_name for c in list_clients(opened)] == ["Amara"]
    assert opened.generation == before + 1  # what the app watches to know it changed


def test_a_server_practice_has_no_file_here(opened: Database) -> None:
    with pytest.raises(OnServerError, match="no practice file on this computer to back up"):
        opened.file("back up")
    from practice.safekeeping.backup import backup_database
    from practice.safekeeping.password import change_password

    with pytest.raises(OnServerError, match="the server's job"):
        backup_database(opened)
    with pytest.raises(OnServerError, match="to give a new password"):
        change_password(opened, "old password here", "a new password here")


def test_reading_cannot_write(opened: Database) -> None:
    from sqlalchemy.exc import DBAPIError

    with pytest.raises(DBAPIError, match="read-only transaction"), opened.reading() as s:
        s.execute(text("UPDATE practice_profile SET practitioner_name = 'x'"))


def test_opening_again_changes_nothing(empty: str, postgres: PostgresServer) -> None:
    first = open_server_database(empty)
    create_client(first, first_name="Bea", last_name="Lund")
    first.close()
    again = open_server_database(empty)
    try:
        assert [c.first_name for c in list_clients(again)] == ["Bea"]
        assert again.generation == 0  # nothing written to open it
    finally:
        again.close()


def test_an_older_practice_is_brought_up_to_date_with_every_row(
    empty: str, postgres: PostgresServer
) -> None:
    db = open_server_database(empty)
    create_client(db, first_name="Chen", last_name="Wei")
    db.close()
    from alembic import command

    engine = create_engine(ServerAddress.parse(empty).url)
    try:
        with engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "0006")
    finally:
        engine.dispose()
    with raw(postgres, empty) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0006",)
    db = open_server_database(empty)
    try:
        with db.reading() as s:
            revision = s.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        assert revision == migrate.head_revision()
        assert [c.first_name for c in list_clients(db)] == ["Chen"]
    finally:
        db.close()


def test_a_practice_from_a_newer_app_is_left_alone(empty: str, postgres: PostgresServer) -> None:
    open_server_database(empty).close()
    with raw(postgres, empty) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    with pytest.raises(DatabaseRefusedError, match="updated by a newer version"):
        open_server_database(empty)
    with raw(postgres, empty) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "9999_from_the_future",
        )


def test_locking_forgets_the_connection_and_unlocking_comes_back(opened: Database) -> None:
    from practice.errors import LockedError

    create_client(opened, first_name="Dara", last_name="Quinn")
    opened.lock()
    with pytest.raises(LockedError):
        list_clients(opened)
    opened.unlock(None)
    assert [c.first_name for c in list_clients(opened)] == ["Dara"]


def test_only_the_administrator_brings_a_practice_up_to_date(
    empty: str, postgres: PostgresServer
) -> None:
    """A practitioner who installs the new version first is told to ask the
    administrator (whose tables they are), with nothing changed; then they connect."""
    from alembic import command

    from practice.models import PractitionerRole
    from practice.services.team import add_practitioner

    admin = open_server_database(empty)
    add_practitioner(admin, "Pia Lund", "pia", PractitionerRole.PRACTITIONER, "long password 12")
    admin.close()
    engine = create_engine(ServerAddress.parse(empty).url)
    try:
        with engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "0016")
    finally:
        engine.dispose()
    pia = empty.replace(f"//{SUPERUSER}@", "//pia@")
    with pytest.raises(DatabaseRefusedError) as refused:
        open_server_database(pia)
    assert "only its administrator may change its tables: ask them" in str(refused.value)
    with raw(postgres, empty) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0016",)
    open_server_database(empty).close()  # the administrator, with this version
    open_server_database(pia).close()
