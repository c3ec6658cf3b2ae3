"""Erase a client on request (right to erasure): every row that refers to them, for good.

The practitioner confirms by typing the client's full name. Everything found by
:func:`practice.safekeeping.record.client_tables` is deleted in one transaction,
children first; ``secure_delete`` overwrites the freed space and a WAL checkpoint
pushes the overwritten pages into the database file, so the text is gone from it (on a
server, from every table and the search index at once; its files are the server's). The
audit log keeps one ``erase`` entry with the client's number and counts only.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from sqlalchemy import delete, select

from practice.db import Database
from practice.errors import NotFoundError, ValidationError
from practice.models import Client, Draft
from practice.safekeeping.record import (
    client_tables,
    collect_record,
    draft_belongs,
)
from practice.search import purge_deleted_in
from practice.services import audit


@dataclass(frozen=True)
class EraseResult:
    client_id: int
    rows: int


def _folded(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def erase_client(db: Database, client_id: int, *, confirmation: str) -> EraseResult:
    """Delete everything about the client; ``confirmation`` must be their full name."""
    with db.transaction() as s:
        client = s.get(Client, client_id)
        if client is None:
            raise NotFoundError("client", client_id)
        if not confirmation or _folded(confirmation) != _folded(client.full_name):
            raise ValidationError(
                "confirmation", "type the client's full name exactly as shown to confirm."
            )
        record = collect_record(s, client_id, include_private=True)
        s.expunge(client)
        removed = 0
        for table in reversed(client_tables()):
            ids = record.ids(table.name)
            if ids:
                s.execute(delete(table).where(table.c.id.in_(ids)))
                removed += len(ids)
        session_ids = record.ids("sessions")
        keys = [
            key
            for key in s.scalars(select(Draft.key))
            if draft_belongs(key, client_id, session_ids)
        ]
        if keys:
            s.execute(delete(Draft).where(Draft.key.in_(keys)))
            removed += len(keys)
        audit.record(s, "erase", "client", client_id, f"erased on request; {removed} rows removed")
        purge_deleted_in(s)  # their words leave the note search's index too
    checkpoint(db)
    return EraseResult(client_id=client_id, rows=removed)


def checkpoint(db: Database) -> None:
    """Move everything from the WAL into the database file and empty the WAL.

    A server practice has no file of the app's: the deleted rows leave the server's own
    files when PostgreSQL vacuums them, and its backups keep them as long as they are
    kept (docs/GROUP-PRACTICE.md), which the server's administrator looks after."""
    if db.server is not None:
        return
    with db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
