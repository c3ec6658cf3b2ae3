"""Who may touch which table of a practice on a server: the team's roles and logins.

Each of the three roles of :class:`~practice.models.PractitionerRole` is a PostgreSQL
group role of the practice's database (``<database>_practitioner``, ``_owner``,
``_admin_staff``); a practitioner's login is a member of one. These grants decide which
*tables* a login may touch — admin staff none of the clinical ones, so a plain ``psql``
session of theirs is refused outright — and the row-level security of migration 0009
decides which *rows* (a practitioner's own clients', an owner's practice-wide money).

A login's password goes to the server as a SCRAM-SHA-256 verifier worked out here, the
way ``psql``'s ``\\password`` does it: the password itself is never sent, logged or kept.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import unicodedata
from typing import TYPE_CHECKING

from practice.models.enums import PractitionerRole

if TYPE_CHECKING:
    from sqlalchemy import Connection

#: Notes, process notes, their history, action items, unseen work, drafts being typed.
CLINICAL_TABLES = (
    "session_notes",
    "note_versions",
    "note_addenda",
    "action_items",
    "work_log_entries",
    "work_timer",
    "drafts",
)
#: Kept by the database's own triggers: logins only read it, and only the rows they may
#: (row-level security, migration 0011); admin staff not at all (it holds notes).
INDEX_TABLES = ("note_search",)

#: What a login may be called: PostgreSQL's plain identifiers, lower case.
LOGIN = re.compile(r"[a-z_][a-z0-9_]{0,62}")
SCRAM_ITERATIONS = 4096


def group_role(database: str, role: PractitionerRole) -> str:
    """The group role of ``role`` in the practice ``database``."""
    name = f"{database}_{role.value}"
    if len(name) > 63:
        raise ValueError(f"the database name {database!r} is too long for its team's roles")
    return name


def scram_verifier(password: str, *, salt: bytes | None = None) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL keeps for ``password`` (RFC 5802/7677)."""
    salt = os.urandom(16) if salt is None else salt
    normalised = unicodedata.normalize("NFKC", password).encode("utf-8")
    salted = hashlib.pbkdf2_hmac("sha256", normalised, salt, SCRAM_ITERATIONS)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()

    def b64(raw: bytes) -> str:
        return base64.b64encode(raw).decode("ascii")

    return f"SCRAM-SHA-256${SCRAM_ITERATIONS}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def _quote(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote_identifier(name)


def _roles_present(conn: Connection, names: list[str]) -> set[str]:
    from sqlalchemy import text

    rows = conn.execute(
        text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)"), {"names": names}
    )
    return {str(row[0]) for row in rows}


def team_exists(conn: Connection) -> bool:
    """Whether the practice's group roles have been made (a first practitioner added)."""
    database = str(conn.exec_driver_sql("SELECT current_database()").scalar_one())
    names = [group_role(database, role) for role in PractitionerRole]
    return _roles_present(conn, names) == set(names)


def make_team(conn: Connection) -> None:
    """Make the practice's group roles when missing (needs a login that may make roles)."""
    database = str(conn.exec_driver_sql("SELECT current_database()").scalar_one())
    names = [group_role(database, role) for role in PractitionerRole]
    present = _roles_present(conn, names)
    for name in names:
        if name not in present:
            conn.exec_driver_sql(f"CREATE ROLE {_quote(conn, name)} NOLOGIN")
    grant_team(conn)


def grant_team(conn: Connection) -> None:
    """Give each group role what its role may touch, on every table there is now (run
    again after a migration adds tables). Run by the tables' owner."""
    database = str(conn.exec_driver_sql("SELECT current_database()").scalar_one())
    schema = _quote(conn, str(conn.exec_driver_sql("SELECT current_schema()").scalar_one()))
    for role in PractitionerRole:
        group = _quote(conn, group_role(database, role))
        for statement in (
            f"GRANT CONNECT ON DATABASE {_quote(conn, database)} TO {group}",
            f"GRANT USAGE ON SCHEMA {schema} TO {group}",
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {group}",
            f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {schema} TO {group}",
            f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {group}",
            f"REVOKE UPDATE, DELETE ON audit_log FROM {group}",
            *(f"REVOKE INSERT, UPDATE, DELETE ON {table} FROM {group}" for table in INDEX_TABLES),
        ):
            conn.exec_driver_sql(statement)
        if role == PractitionerRole.ADMIN_STAFF:
            for table in (*CLINICAL_TABLES, *INDEX_TABLES):
                conn.exec_driver_sql(f"REVOKE ALL ON {table} FROM {group}")
        if role != PractitionerRole.OWNER:  # who is in the team is the owner's to change
            conn.exec_driver_sql(f"REVOKE INSERT, UPDATE, DELETE ON practitioners FROM {group}")


def add_login(conn: Connection, login: str, password: str | None, role: PractitionerRole) -> bool:
    """Make ``login`` (with ``password``) a member of ``role``'s group role; a login the
    server has already (from another practice on it) joins with its own password. True
    when the login was made."""
    database = str(conn.exec_driver_sql("SELECT current_database()").scalar_one())
    group = _quote(conn, group_role(database, role))
    name = _quote(conn, login)
    made = not _roles_present(conn, [login])
    if made:
        if password is None:
            raise ValueError("a new login needs a password")
        verifier = scram_verifier(password)  # base64, "$" and ":": nothing to escape
        conn.exec_driver_sql(f"CREATE ROLE {name} LOGIN PASSWORD '{verifier}' IN ROLE {group}")
    else:
        conn.exec_driver_sql(f"GRANT {group} TO {name}")
    return made
