"""A client's sessions: ``Session`` rows from ``practice.services.sessions.list_sessions``."""

from __future__ import annotations

from collections.abc import Sequence

from practice.models import Session, label
from ui import format as fmt
from ui.models.rows import RIGHT, Column, LocalisedRowsModel

EXCERPT = 80


def note_excerpt(session: Session) -> str:
    """The first line of the session's note, shortened for a list."""
    note = session.note
    if note is None or not note.body.strip():
        return ""
    first = note.body.strip().splitlines()[0]
    return first if len(first) <= EXCERPT else first[: EXCERPT - 1].rstrip() + "…"


class ClientSessionsModel(LocalisedRowsModel[Session]):
    """When, kind, mode, attendance, duration and the start of the note."""

    def columns_for(self, locale: str) -> Sequence[Column[Session]]:
        return [
            Column("When", lambda s: fmt.day_and_time(s.starts_at, locale)),
            Column("Kind", lambda s: label(s.kind)),
            Column("Mode", lambda s: label(s.mode)),
            Column("Attendance", lambda s: label(s.attendance)),
            Column("Length", lambda s: fmt.duration(s.duration_minutes), RIGHT),
            Column("Note", note_excerpt),
        ]
