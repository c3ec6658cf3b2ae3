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
import stringprep
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


def saslprep(password: str) -> bytes:
    """``password`` as PostgreSQL's SCRAM uses it (``pg_saslprep``, RFC 4013): plain ASCII
    as it is; otherwise spaces of other kinds made plain spaces, characters that mean
    nothing (a soft hyphen, a zero-width joiner) left out, NFKC; and where the result
    holds what SASLprep forbids (control characters, private use, unassigned code
    points, mixed directions), the password exactly as typed, as the server then takes
    it."""
    if password.isascii():
        return password.encode("utf-8")
    mapped = "".join(
        " " if stringprep.in_table_c12(c) else c for c in password if not stringprep.in_table_b1(c)
    )
    prepared = unicodedata.normalize("NFKC", mapped)
    if not prepared or any(_forbidden(c) for c in prepared) or not _one_direction(prepared):
        return password.encode("utf-8")
    return prepared.encode("utf-8")


def _forbidden(char: str) -> bool:
    return any(
        table(char)
        for table in (
            stringprep.in_table_c12,
            stringprep.in_table_c21,
            stringprep.in_table_c22,
            stringprep.in_table_c3,
            stringprep.in_table_c4,
            stringprep.in_table_c5,
            stringprep.in_table_c6,
            stringprep.in_table_c7,
            stringprep.in_table_c8,
            stringprep.in_table_c9,
            stringprep.in_table_a1,
        )
    )


def _one_direction(text: str) -> bool:
    """RFC 3454 section 6: right-to-left letters only with no left-to-right ones, and
    then first and last."""
    if not any(stringprep.in_table_d1(c) for c in text):
        return True
    if any(stringprep.in_table_d2(c) for c in text):
        return False
    return stringprep.in_table_d1(text[0]) and stringprep.in_table_d1(text[-1])


def scram_verifier(password: str, *, salt: bytes | None = None) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL keeps for ``password`` (RFC 5802/7677)."""
    salt = os.urandom(16) if salt is None else salt
    normalised = saslprep(password)
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
