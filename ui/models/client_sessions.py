"""A client's sessions: ``Session`` rows from ``practice.services.sessions.list_sessions``."""

from __future__ import annotations

from PySide6.QtCore import QObject

from practice.models import Session, label
from ui import format as fmt
from ui.models.rows import RIGHT, Column, RowsModel

EXCERPT = 80


def note_excerpt(session: Session) -> str:
    """The first line of the session's note, shortened for a list."""
    note = session.note
    if note is None or not note.body.strip():
        return ""
    first = note.body.strip().splitlines()[0]
    return first if len(first) <= EXCERPT else first[: EXCERPT - 1].rstrip() + "…"


class ClientSessionsModel(RowsModel[Session]):
    """When, kind, mode, attendance, duration and the start of the note."""

    def __init__(self, parent: QObject | None = None, locale: str = fmt.DEFAULT_LOCALE) -> None:
        super().__init__(parent)
        self.set_locale(locale)

    def set_locale(self, locale: str) -> None:
        self.set_columns(
            [
                Column("When", lambda s: fmt.day_and_time(s.starts_at, locale)),
                Column("Kind", lambda s: label(s.kind)),
                Column("Mode", lambda s: label(s.mode)),
                Column("Attendance", lambda s: label(s.attendance)),
                Column("Length", lambda s: fmt.duration(s.duration_minutes), RIGHT),
                Column("Note", note_excerpt),
            ]
        )
