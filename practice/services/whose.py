"""Whose a client's records are, on a practice server: what the login may read and
change, asked of the server's own access rules (migrations 0009, 0012), so a screen can
say "these are Olu Ade's" instead of showing nothing as if there were nothing.

In a practice file there is one practitioner: everything is theirs.
"""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.orm import Session as DbSession

from practice.db import Database
from practice.models import Client, Practitioner

#: The server's answer (``practice_role()`` is NULL for a login outside the team: the
#: practice's administrator, who owns the tables and reads everything).
_SEES = (
    "SELECT practice_role() IS NULL OR practice_role() IN ('owner', 'admin_staff') "
    "OR practice_sees_client(:client)"
)
_READS_NOTES = "SELECT practice_role() IS NULL OR practice_sees_client(:client)"


def _on_server(s: DbSession) -> bool:
    return s.get_bind().dialect.name == "postgresql"


def may_change_client(s: DbSession, client_id: int) -> bool:
    """Whether the login may change the client's details and sessions: the owner, admin
    staff, the client's own practitioner and whoever the client is shared with."""
    if not _on_server(s):
        return True
    return bool(s.scalar(text(_SEES), {"client": client_id}))


def reads_clients_notes(s: DbSession, client_id: int) -> bool:
    """Whether the login reads the client's notes (their own practitioner, or shared)."""
    if not _on_server(s):
        return True
    return bool(s.scalar(text(_READS_NOTES), {"client": client_id}))


def practitioner_of(s: DbSession, client_id: int) -> str:
    """The name of the client's own practitioner ("" when there is none)."""
    name = s.scalar(
        select(Practitioner.name)
        .join(Client, Client.practitioner_id == Practitioner.id)
        .where(Client.id == client_id)
    )
    return name or ""


def not_yours(db: Database, client_id: int) -> str | None:
    """A sentence for a client whose sessions and notes the login does not see (another
    practitioner's, not shared), or None when it sees them."""
    with db.reading() as s:
        # whoever reads the notes may change the client too; the owner and admin staff
        # see the sessions without the notes
        return None if may_change_client(s, client_id) else _theirs(s, client_id)


def reads_notes_of(db: Database, client_id: int) -> bool:
    """Whether the login reads this client's notes (always, in a practice file)."""
    if not db.reads_clinical:
        return False
    with db.reading() as s:
        return reads_clients_notes(s, client_id)


def whose(db: Database, client_id: int) -> str:
    """Whose this client's notes are, for a login that reads their sessions only."""
    with db.reading() as s:
        who = practitioner_of(s, client_id) or "their practitioner"
    if not db.reads_clinical:
        return f"The notes are {who}'s: admin staff never read notes."
    return f"These notes are {who}'s: only they, and whoever they share the client with, read them."


def _theirs(s: DbSession, client_id: int) -> str:
    client = s.get(Client, client_id)
    who = practitioner_of(s, client_id) or "another practitioner"
    name = client.full_name if client is not None else "This client"
    return (
        f"{name} is {who}'s client: their sessions, notes and enrolments are {who}'s. "
        f"If you are covering or working together, {who} or the administrator can share "
        f"{name} with you (practice team share)."
    )


def refuse_if_not_theirs(s: DbSession, client_id: int) -> None:
    """:class:`AccessRefusedError` with whose the client is, when the login may not
    change them (inside the caller's transaction)."""
    from practice.errors import AccessRefusedError

    if not may_change_client(s, client_id):
        raise AccessRefusedError(_theirs(s, client_id))
