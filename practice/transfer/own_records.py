"""A practitioner's own records in a group practice: what they take with them when
they leave (``practice export --mine``).

Their own clients (not those only shared with them) and every row that belongs to
those clients, found by following the links from the clients table as a client's
record export does (:mod:`practice.safekeeping.record`); their own unseen work,
whichever client it was for or none; their own practitioner row. Everything the
practice shares — programmes, the terms, the directory, the profile — goes along
whole, so the file imports into a new practice file of their own. What is the team's
stays: the other practitioners, shares with them, the running timer and the audit log
(the export itself is noted there).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Table, or_, select
from sqlalchemy.orm import Session as DbSession

from practice.models import Client, Practitioner
from practice.safekeeping.record import CLIENT_TABLE, client_tables

#: The team's, never in a practitioner's own export.
TEAMS = ("client_shares", "work_timer", "audit_log")
WHOSE = "practitioner_id"


def own_rows(s: DbSession, practitioner_id: int) -> dict[str, set[Any]]:
    """For each table that holds some practitioners' rows and not others', the ids of
    this practitioner's (a table not named is the practice's, shared whole)."""
    keys: dict[str, set[Any]] = {
        CLIENT_TABLE: set(
            s.scalars(select(Client.id).where(Client.practitioner_id == practitioner_id))
        )
    }
    family = [t for t in client_tables() if t.name not in TEAMS]
    changed = True
    while changed:  # follow the links until no table gains rows
        changed = False
        for table in family:
            found = _linked(s, table, keys, practitioner_id)
            new = found - keys.get(table.name, set())
            if new:
                keys.setdefault(table.name, set()).update(new)
                changed = True
    for table in family:
        keys.setdefault(table.name, set())
    keys["practitioners"] = {practitioner_id}
    for name in TEAMS:
        keys[name] = set()
    return keys


def _linked(s: DbSession, table: Table, keys: dict[str, set[Any]], me: int) -> set[Any]:
    conditions: list[ColumnElement[bool]] = []
    for fk in table.foreign_keys:
        parents = keys.get(fk.column.table.name)
        if parents and fk.column.table.name != "practitioners":
            conditions.append(fk.parent.in_(parents))
    if WHOSE in table.c:
        conditions.append(table.c[WHOSE] == me)
    if table.name == CLIENT_TABLE:
        conditions = [table.c.id.in_(keys[CLIENT_TABLE])]
    if not conditions:
        return set()
    return set(s.scalars(select(table.c.id).where(or_(*conditions))))


def practitioner_of_login(s: DbSession) -> Practitioner | None:
    """The practitioner whose login is connected (on a server), if any."""
    from practice.db.dialect import current_login

    return s.scalar(select(Practitioner).where(Practitioner.login == current_login()))
