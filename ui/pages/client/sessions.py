"""Sessions and notes: every meeting and support call, and the note of the one selected."""

from __future__ import annotations

import html

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import QTextBrowser, QWidget

from practice.models import Session
from practice.services.sessions import list_sessions
from practice.services.whose import not_yours, reads_notes_of, whose
from ui import format as fmt
from ui.context import AppContext
from ui.models.client_sessions import ClientSessionsModel
from ui.pages.client.base import ClientTab
from ui.widgets.list_section import ListSection


class SessionsTab(ClientTab):
    title = "Sessions and notes"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = ClientSessionsModel(self)
        self.section = ListSection(
            "Sessions, newest first",
            "No sessions yet.",
            self.model,
            max_rows=10,
            stretch_column=5,
        )
        self.section.activated.connect(self._open_session)
        self.section.table.selectionModel().selectionChanged.connect(self._on_selected)
        self.notes_of: str | None = None
        self.note = QTextBrowser()
        self.note.setObjectName("session_note")
        self.note.setOpenLinks(False)
        self.note.setMinimumHeight(140)
        self.layout_.addWidget(self.section)
        self.layout_.addWidget(self.note, 1)

    def load(self, client_id: int) -> None:
        self.model.set_locale(self.loc)
        theirs = not_yours(self.ctx.db, client_id)  # a colleague's client, on a server
        self.section.empty.setText(theirs or "No sessions yet.")
        #: Whose notes these are when the login reads the sessions but not the notes
        #: (the owner or admin staff on a practice server); None when it reads them.
        self.notes_of = (
            None if reads_notes_of(self.ctx.db, client_id) else whose(self.ctx.db, client_id)
        )
        sessions = list_sessions(self.ctx.db, client_id=client_id)
        sessions.reverse()  # newest first
        self.model.set_rows(sessions)
        self.note.setVisible(bool(sessions))
        if sessions:
            with_notes = [n for n, s in enumerate(sessions) if s.note and s.note.body.strip()]
            self.section.table.selectRow(with_notes[0] if with_notes else 0)

    def _on_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.section.table.selectionModel().selectedRows()
        if rows:
            self.note.setHtml(self.note_html(self.model.row_at(rows[0].row())))

    def note_html(self, session: Session) -> str:
        when = html.escape(fmt.day_and_time(session.starts_at, self.loc))
        parts = [f"<h3>{when}</h3>"]
        note = session.note
        if self.notes_of is not None:
            parts.append(f"<p><i>{html.escape(self.notes_of)}</i></p>")
        elif note is None or not (note.body.strip() or note.private_notes.strip()):
            parts.append("<p><i>No notes for this session.</i></p>")
        else:
            if note.body.strip():
                parts.append(_paragraphs(note.body))
            if note.private_notes.strip():
                parts.append("<h4>Private process notes</h4>" + _paragraphs(note.private_notes))
            if note.locked_at is not None:
                signed = html.escape(fmt.day_and_time(note.locked_at, self.loc))
                parts.append(f"<p><i>Signed and locked {signed}.</i></p>")
        parts.append("<p><i>Double-click the session to open it on the Sessions page.</i></p>")
        return "".join(parts)

    def _open_session(self, session: object) -> None:
        if isinstance(session, Session):
            self.ctx.navigate.emit("sessions", session.id)


def _paragraphs(text: str) -> str:
    return "".join(
        f"<p>{html.escape(block).replace(chr(10), '<br>')}</p>"
        for block in text.strip().split("\n\n")
    )
