"""Over the network a practice server must prove who it is (issue 15): TLS with the
server's certificate checked against its name (``sslmode=verify-full``) by default, and
a plain sentence when it does not check out. A real server with its own certificate
authority, listening on 127.0.0.1 (tests/postgres.py).
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from practice.db.server import open_server_database
from practice.errors import DatabaseRefusedError
from tests.postgres import SUPERUSER, PostgresServer, make_certificate_authority


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def tls_server() -> Iterator[PostgresServer]:
    server = PostgresServer(port=free_port(), tls=True)
    try:
        server.start()
        server.create_database("over_tls")
        yield server
    finally:
        server.stop()


@pytest.fixture(autouse=True)
def no_authority_of_my_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """libpq looks for ~/.postgresql/root.crt: a fresh home has none."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


def address(server: PostgresServer, host: str = "localhost", **query: str) -> str:
    extra = "".join(f"&{key}={value}" for key, value in query.items())
    return f"postgresql://{SUPERUSER}@{host}:{server.port}/over_tls?connect_timeout=10{extra}"


def test_the_server_that_proves_its_name_is_reached_encrypted(tls_server: PostgresServer) -> None:
    db = open_server_database(address(tls_server, sslrootcert=str(tls_server.ca_file)))
    try:
        with db.reading() as s:
            encrypted = s.execute(
                text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            ).scalar_one()
        assert encrypted is True
        assert db.where == f"“over_tls” on localhost:{tls_server.port} as {SUPERUSER}"
    finally:
        db.close()


def test_a_certificate_from_another_authority_is_refused(
    tls_server: PostgresServer, tmp_path: Path
) -> None:
    other = tmp_path / "other-ca.crt"
    make_certificate_authority(tmp_path / "other-ca.key", other)
    with pytest.raises(DatabaseRefusedError, match="could not prove it is the server") as refused:
        open_server_database(address(tls_server, sslrootcert=str(other)))
    assert "nothing was sent to it" in str(refused.value)


def test_a_name_the_certificate_does_not_carry_is_refused(tls_server: PostgresServer) -> None:
    # the same server (hostaddr), asked for under a name its certificate does not carry
    with pytest.raises(DatabaseRefusedError, match="could not prove it is the server"):
        open_server_database(
            address(
                tls_server,
                host="practice.invalid",
                hostaddr="127.0.0.1",
                sslrootcert=str(tls_server.ca_file),
            )
        )


def test_no_authority_to_check_against_says_what_to_do(tls_server: PostgresServer) -> None:
    with pytest.raises(DatabaseRefusedError, match="no certificate authority") as refused:
        open_server_database(address(tls_server))
    assert "sslrootcert=FILE" in str(refused.value)
