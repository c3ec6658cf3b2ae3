"""Two people saving the same record: the second save is refused, and told who saved
first and when (optimistic locking).

A client's details and a session's note carry a ``version`` (migration 0010), one
more with every save. A form remembers the version it showed and passes it as
``expected_version``; :func:`check_version` refuses the save when the record has moved
on since, with a sentence naming who changed it (their login's practitioner on a
server, "another window or the command line" in a file) and when. Nothing is saved and
the form keeps what was typed. Two saves at the very same moment are caught by the
database itself (the version is part of the ``UPDATE``), see
:meth:`practice.db.Database.transaction`.
"""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from practice.errors import EditConflictError
from practice.models import AuditEntry, Practitioner
from practice.timeutil import to_local

#: What the audit log calls a change of a record (not a view or an export).
CHANGES = ("create", "edit", "lock", "addendum", "archive", "status", "restore", "void", "correct")
#: The actor of an audit entry made where there are no logins (a practice file).
NO_LOGIN = "practitioner"


class Versioned(Protocol):
    id: int
    version: int


def check_version(
    s: DbSession,
    record: Versioned | None,
    expected: int | None,
    *,
    entity: str,
    what: str,
) -> None:
    """Refuse the save when ``record`` is no longer at ``expected`` (0: there was none
    when the form was opened). ``None`` checks nothing (a script that means to write)."""
    if expected is None:
        return
    current = 0 if record is None else record.version
    if current == expected:
        return
    raise EditConflictError(changed_since(s, entity, None if record is None else record.id, what))


def changed_since(
    s: DbSession, entity: str, entity_id: int | None, what: str, *, did: str = "saved"
) -> str:
    """The sentence for a save refused because ``entity`` ``entity_id`` changed since the
    form showed it: who ``did`` it last and when (from the audit log)."""
    last = None
    if entity_id is not None:
        last = s.scalar(
            select(AuditEntry)
            .where(
                AuditEntry.entity == entity,
                AuditEntry.entity_id == entity_id,
                AuditEntry.action.in_(CHANGES),
            )
            .order_by(AuditEntry.id.desc())
            .limit(1)
        )
    who = "Someone in another window or the command line"
    when = ""
    if last is not None:
        if last.actor != NO_LOGIN:
            name = s.scalar(select(Practitioner.name).where(Practitioner.login == last.actor))
            who = f"{name} ({last.actor})" if name else last.actor
        moment = to_local(last.at)
        when = f" at {moment:%H:%M} on {moment.day} {moment:%b %Y}"
    return (
        f"{who} {did} {what}{when}, after you opened it, so your changes were not saved. "
        "They are still here: copy what you need, close and open it again to see theirs, "
        "then make your changes again."
    )
