"""A real PostgreSQL server for the tests, made and started in a temporary folder.

The group practice runs on PostgreSQL (issue 15); its tests run against a real server,
never a mock. This makes a throwaway cluster (``initdb``) owned by the test session,
listening only on a Unix socket in its own folder (no TCP port, nothing shared with
other servers on the machine), and stops it at the end. The server programs come from
Debian's ``postgresql`` package (``.ci/run`` and ``make test`` install it when missing).

PostgreSQL refuses to run as root: when the tests do, the cluster belongs to the
``postgres`` account the package made, and the server runs as it.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from practice.models import PractitionerRole

#: A member of a test practice's team: their name, login and role.
Member = tuple[str, str, "PractitionerRole"]

#: The superuser of the throwaway cluster (trust authentication, socket only).
SUPERUSER = "practice_admin"


class ServerMissingError(RuntimeError):
    """No PostgreSQL server programs on this machine."""


def server_bin() -> Path:
    """The folder with ``initdb``, ``pg_ctl`` and ``postgres`` (newest version first)."""
    found = shutil.which("initdb")
    if found:
        return Path(os.path.realpath(found)).parent
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parent.parent.name),
        reverse=True,
    )
    if versions:
        return Path(versions[0]).parent
    raise ServerMissingError(
        "PostgreSQL's server programs were not found: install Debian's postgresql package "
        "(make test does so through scripts/ensure-test-programs.sh)."
    )


class PostgresServer:
    """One cluster in a new temporary folder: :meth:`start`, :meth:`url` of a database,
    :meth:`stop` (which removes the folder)."""

    def __init__(self, port: int = 5432, *, tls: bool = False) -> None:
        # its own folder in the system's temporary one: a test's folder is private to
        # the user running the tests, which the server may not be
        folder = Path(tempfile.mkdtemp(prefix="practice-postgres-"))
        self.folder = folder
        self.data = folder / "data"
        self.sockets = folder / "sockets"
        self.port = port
        self.bin = server_bin()
        self._as_root = os.geteuid() == 0
        #: With ``tls``, it also listens on 127.0.0.1:``port`` with a certificate for
        #: "localhost" signed by its own certificate authority (``ca_file``).
        self.tls = tls
        self.ca_file = folder / "tls" / "ca.crt"

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if self._as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {done.stdout}\n{done.stderr}")

    def start(self) -> None:
        self.sockets.mkdir(exist_ok=True)
        if self._as_root:
            shutil.chown(self.folder, "postgres", "postgres")
            shutil.chown(self.sockets, "postgres", "postgres")
        self._run(
            "initdb",
            "--pgdata",
            str(self.data),
            "--username",
            SUPERUSER,
            "--auth",
            "trust",
            "--encoding",
            "UTF8",
            "--locale",
            "C.UTF-8",
            "--no-sync",
        )
        listen = "''"
        if self.tls:
            listen = "'127.0.0.1'"
            key, cert = self._make_certificates()
            listen += f" -c ssl=on -c ssl_cert_file='{cert}' -c ssl_key_file='{key}'"
        options = (
            f"-c listen_addresses={listen} -c unix_socket_directories='{self.sockets}' "
            f"-p {self.port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            "pg_ctl",
            "--pgdata",
            str(self.data),
            "--log",
            str(self.folder / "server.log"),
            "--options",
            options,
            "--wait",
            "start",
        )

    def _make_certificates(self) -> tuple[Path, Path]:
        """A certificate authority, and the server's key and certificate it signed."""
        folder = self.ca_file.parent
        folder.mkdir()
        key, cert = folder / "server.key", folder / "server.crt"
        make_certificate_authority(folder / "ca.key", self.ca_file)

        def openssl(*args: str) -> None:
            subprocess.run(["openssl", *args], capture_output=True, check=True, timeout=60)

        openssl(
            "req", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
            "-out", str(folder / "server.csr"), "-subj", "/CN=localhost",
        )  # fmt: skip
        (folder / "names.ext").write_text(
            "subjectAltName=DNS:localhost,IP:127.0.0.1\n", encoding="utf-8"
        )
        openssl(
            "x509", "-req", "-in", str(folder / "server.csr"), "-CA", str(self.ca_file),
            "-CAkey", str(folder / "ca.key"), "-CAcreateserial", "-out", str(cert),
            "-days", "7300", "-extfile", str(folder / "names.ext"),
        )  # fmt: skip
        key.chmod(0o600)
        if self._as_root:
            for path in (folder, key, cert):
                shutil.chown(path, "postgres", "postgres")
        return key, cert

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "--pgdata", str(self.data), "--mode", "immediate", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def require_passwords(self, *groups: str) -> None:
        """Members of ``groups`` must give their password (SCRAM) on the socket from now
        on; everyone else, the tests' superuser too, is trusted as before."""
        hba = self.data / "pg_hba.conf"
        members = ",".join(f"+{group}" for group in groups)
        lines = hba.read_text(encoding="utf-8")
        hba.write_text(f"local all {members} scram-sha-256\n{lines}", encoding="utf-8")
        self._run("pg_ctl", "--pgdata", str(self.data), "reload")

    def url(self, database: str = "postgres", user: str = SUPERUSER) -> str:
        """A SQLAlchemy URL for ``database`` as ``user``, over the cluster's socket."""
        return f"postgresql+psycopg://{user}@/{database}?host={self.sockets}&port={self.port}"

    def fresh_practice(self) -> str:
        """A new database holding an empty practice at the newest schema (copied from a
        template migrated once: fast enough for a test each); its address."""
        import itertools

        if not hasattr(self, "_practices"):
            from practice.db.server import open_server_database

            self._practices = itertools.count(1)
            self.create_database("practice_template")
            open_server_database(self.address("practice_template")).close()
        name = f"practice_{next(self._practices)}"
        self.execute(f'CREATE DATABASE "{name}" TEMPLATE practice_template')
        return self.address(name)

    def team_practice(self, name: str, members: Sequence[Member], password: str) -> str:
        """A new practice ``name`` whose administrator added ``members`` (name, login,
        role), each login needing ``password`` from then on; the administrator's
        address (:func:`as_login` for a member's)."""
        from practice.db.server import open_server_database
        from practice.services.team import add_practitioner

        self.create_database(name)
        address = self.address(name)
        admin = open_server_database(address)
        try:
            for person, login, role in members:
                add_practitioner(admin, person, login, role, password)
        finally:
            admin.close()
        self.require_passwords(*sorted({f"{name}_{role.value}" for *_, role in members}))
        return address

    def address(self, database: str, user: str = SUPERUSER) -> str:
        """``database``'s address as a practitioner writes it (``postgresql://``)."""
        return f"postgresql://{user}@/{database}?host={self.sockets}&port={self.port}"

    def execute(self, sql: str) -> None:
        """Run ``sql`` as the server's superuser, in the ``postgres`` database."""
        import psycopg

        with psycopg.connect(
            host=str(self.sockets), port=self.port, user=SUPERUSER, dbname="postgres",
            autocommit=True,
        ) as conn:  # fmt: skip
            conn.execute(sql)  # type: ignore[arg-type]

    def create_database(self, name: str) -> str:
        """A new empty database; its URL."""
        import psycopg

        with psycopg.connect(
            host=str(self.sockets),
            port=self.port,
            user=SUPERUSER,
            dbname="postgres",
            autocommit=True,
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def make_certificate_authority(key: Path, certificate: Path) -> None:
    """A new self-signed certificate authority (openssl), valid for twenty years."""
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
            "-out", str(certificate), "-days", "7300", "-subj", "/CN=Practice test authority",
        ],
        capture_output=True,
        check=True,
        timeout=60,
    )  # fmt: skip


def as_login(address: str, login: str) -> str:
    """The administrator's ``address`` of a practice, as ``login`` connects to it."""
    return address.replace(f"//{SUPERUSER}@", f"//{login}@")
