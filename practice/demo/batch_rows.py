"""Rows of the batch sample, gathered in memory and written in bulk.

:class:`Rows` hands out the ids each table will give its next rows (the tables are
empty but for the catalogue, so ids are counted from the largest there) and keeps the
rows as plain dicts until :meth:`Rows.flush` inserts them, parents before children, in
the caller's transaction. Rows of one client are still changed (an action item
reviewed, a note signed) until that client is finished, so a flush comes between
clients.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session as DbSession

from practice.models import (
    ActionItem,
    Client,
    Enquiry,
    Enrolment,
    Instalment,
    NoteAddendum,
    NoteVersion,
    Payment,
    Referral,
    ResourceShare,
    Session,
    SessionNote,
    WorkLogEntry,
)

#: Parents before children, so every foreign key finds its row.
ORDER: tuple[type[Any], ...] = (
    Client,
    Enquiry,
    Enrolment,
    Instalment,
    Session,
    SessionNote,
    NoteVersion,
    NoteAddendum,
    ActionItem,
    WorkLogEntry,
    Payment,
    ResourceShare,
    Referral,
)

Row = dict[str, Any]


class Rows:
    def __init__(self, s: DbSession) -> None:
        self._next = {
            model: int(s.scalar(select(func.coalesce(func.max(model.id), 0))) or 0) + 1
            for model in ORDER
        }
        self._pending: dict[type[Any], list[Row]] = {model: [] for model in ORDER}
        self.written: dict[str, int] = {model.__tablename__: 0 for model in ORDER}

    def add(self, model: type[Any], **values: Any) -> Row:
        """A new row of ``model`` with the next id; changes to it count until the flush."""
        row: Row = {"id": self._next[model], **values}
        self._next[model] += 1
        self._pending[model].append(row)
        return row

    def flush(self, s: DbSession) -> None:
        for model in ORDER:
            pending = self._pending[model]
            if pending:
                s.execute(insert(model), pending)
                self.written[model.__tablename__] += len(pending)
                self._pending[model] = []
