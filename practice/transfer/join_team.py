"""A solo practice joins a group practice on a server: ``practice team import FILE.json``.

The whole-practice export of a solo practice (``practice export``, see
``docs/export-format.md``) is added to the server practice as one practitioner's: every
client, programme, enrolment, session, note with its history, payment and work entry
gets a new id there (the team's practice has its own rows with the same numbers), every
link between them follows, and each client and work entry becomes the named
practitioner's. What belongs to the solo practice as a whole stays behind: its profile
and terms (the team's are the practice's own), its practitioner row, its audit log (the
import is noted in the team's own), drafts and a running timer.

One transaction: every row goes in, or nothing does. Each row is checked as an import
into a new database checks it (:func:`practice.transfer.practice_json.checked_rows`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Table, insert, select, update
from sqlalchemy.exc import IntegrityError

from practice.db import Database
from practice.errors import NotFoundError, PracticeError
from practice.models import Practitioner, PractitionerRole
from practice.services import audit
from practice.transfer.practice_json import (
    ImportRefused,
    checked_tables,
    exported_tables,
    read_document,
)

#: The solo practice's own, not its clients': left behind.
LEFT_BEHIND = frozenset(
    {
        "practice_profile",
        "agreement_clauses",
        "practitioners",
        "client_shares",
        "audit_log",
        "drafts",
        "work_timer",
    }
)
#: Columns that say whose a row is: the joining practitioner's.
WHOSE = "practitioner_id"

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class JoinSummary:
    practitioner: str
    clients: int
    rows: int


def join_team(
    db: Database, source: Path, login: str, *, progress: Progress | None = None
) -> JoinSummary:
    """Add the solo practice exported in ``source`` to the server practice ``db`` as the
    practitioner ``login``'s (already in the team: ``team add-practitioner``)."""
    if db.server is None:
        raise PracticeError(
            "Joining a team adds a solo practice to a practice on a server; to restore an "
            "export into a new practice file, use: practice --database NEW.db import FILE"
        )
    document = read_document(source)
    tables = [t for t in exported_tables() if t.name not in LEFT_BEHIND]
    prepared = checked_tables(document, tables)
    total = sum(len(rows) for _table, rows in prepared)
    done = 0
    with db.transaction() as s:
        member = s.scalar(select(Practitioner).where(Practitioner.login == login))
        if member is None:
            raise NotFoundError("practitioner", login)
        if member.role == PractitionerRole.ADMIN_STAFF:
            raise ImportRefused(f"{login} is admin staff, who keep no clients.")
        new_ids: dict[str, dict[int, int]] = {}
        for table, rows in prepared:
            mine = new_ids.setdefault(table.name, {})
            links = _links(table)
            later: list[tuple[int, str, int]] = []  # (new id, column, old target)
            for number, row in enumerate(rows, 1):
                old = row.pop("id")
                within: list[tuple[str, int]] = []  # links to rows of this same table
                for column, target in links.items():
                    value = row.get(column)
                    if value is None:
                        continue
                    if target == table.name:  # set once every row of the table is in
                        within.append((column, value))
                        row[column] = None
                        continue
                    try:
                        row[column] = new_ids[target][value]
                    except KeyError:
                        raise ImportRefused(
                            f"{table.name}, row {number}: {column} links to a row of "
                            f"{target} that is not in the file; nothing was imported."
                        ) from None
                if WHOSE in table.c:  # a file from before practitioners has no such column
                    row[WHOSE] = member.id
                try:
                    made = s.execute(insert(table).values(**row).returning(table.c.id))
                except IntegrityError as exc:
                    raise ImportRefused(
                        f"{table.name}, row {number} breaks a rule of the database "
                        f"({str(exc.orig).splitlines()[0]}); nothing was imported."
                    ) from None
                mine[old] = int(made.scalar_one())
                later.extend((mine[old], column, value) for column, value in within)
                done += 1
                if progress is not None:
                    progress(done, total)
            for new, column, target_old in later:
                if target_old not in mine:
                    raise ImportRefused(
                        f"{table.name}: {column} links to a row that is not in the file; "
                        "nothing was imported."
                    )
                s.execute(update(table).where(table.c.id == new).values({column: mine[target_old]}))
        clients = len(new_ids.get("clients", {}))
        audit.record(
            s,
            "import",
            "practice",
            None,
            f"{clients} clients, {done} rows from {source.name} as {login}'s",
        )
    return JoinSummary(member.name, clients, done)


def _links(table: Table) -> dict[str, str]:
    """Each column of ``table`` that links to another row: the table it links to (links
    to what is left behind are the joining practitioner's, see :data:`WHOSE`)."""
    found: dict[str, str] = {}
    for fk in table.foreign_keys:
        target = fk.column.table.name
        if target not in LEFT_BEHIND:
            found[fk.parent.name] = target
    return found
