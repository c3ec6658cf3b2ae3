"""Search every note (Ctrl+Shift+F): one box over session notes, private notes, addenda,
action items and client details; each hit shows the client, the date and the words
found in bold. Enter or a double-click opens the session (or the client's page).

The search is :func:`practice.search.search_notes` (SQLite FTS5), run a moment after
typing stops; case and accents are ignored, a word finds longer words it starts, and
"quoted words" match as a phrase.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from practice.search import SearchHit, SearchKind, search_notes
from practice.services import profile as profile_service
from ui.context import AppContext
from ui.errors import guarded
from ui.search.hits_model import EXTRACT_COLUMN, HighlightDelegate, SearchHitsModel
from ui.widgets.list_table import SearchBox

SEARCH_DELAY_MS = 250


class NoteSearchWindow(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Search notes")
        self.setObjectName("noteSearch")
        self.setModal(False)
        self.search = SearchBox(
            object_name="note_search_box",
            placeholder="Search notes, addenda, action items and client details",
            accessible_name="Search every note",
            delay_ms=SEARCH_DELAY_MS,
        )
        self.model = SearchHitsModel(self)
        self.view = QTableView()
        self.view.setObjectName("noteSearchResults")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setItemDelegateForColumn(EXTRACT_COLUMN, HighlightDelegate(self.view))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(EXTRACT_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.status = QLabel()
        self.status.setObjectName("noteSearchStatus")
        self.status.setWordWrap(True)
        hint = QLabel(
            "Case and accents are ignored; “ill” also finds “illness”; put words in "
            '"quotes" to find them together. Enter opens the session.'
        )
        hint.setEnabled(False)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.resize(980, 560)

        self.search.settled.connect(self.run_search)
        self.search.returnPressed.connect(self._enter_in_box)
        self.view.activated.connect(self._open_index)
        QShortcut(QKeySequence(Qt.Key.Key_Down), self.search, self._to_results)
        self.status.setText("Type a word or two.")

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    @guarded
    def run_search(self) -> None:
        self.search.cancel_pending()
        self.model.locale = profile_service.get_profile(self.ctx.db).locale
        text = self.search.text()
        hits = search_notes(self.ctx.db, text) if text.strip() else []
        self.model.set_rows(hits)
        if not text.strip():
            self.status.setText("Type a word or two.")
        elif not hits:
            self.status.setText(f"Nothing found for “{text.strip()}”.")
        else:
            more = " (the best 100)" if len(hits) == 100 else ""
            self.status.setText(f"{len(hits)} found{more}, best first.")
        if hits:
            self.view.selectRow(0)

    def _enter_in_box(self) -> None:
        self.run_search()
        if self.model.rowCount():
            self.open_hit(
                self.model.row_at(
                    self.view.currentIndex().row() if self.view.currentIndex().isValid() else 0
                )
            )

    def _to_results(self) -> None:
        if self.model.rowCount():
            self.view.setFocus()
            self.view.selectRow(0)

    @guarded
    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_hit(self.model.row_at(index.row()))

    def open_hit(self, hit: SearchHit) -> None:
        """Show the session (its week on the Sessions page, then its note), or the
        client's page for a hit in their details."""
        if hit.kind is SearchKind.CLIENT or hit.session_id is None:
            self.ctx.navigate.emit("clients", hit.client_id)
            return
        self.ctx.navigate.emit("sessions", hit.session_id)
        from ui.dialogs.session_note import SessionNoteDialog

        dialog = SessionNoteDialog(self.ctx, hit.session_id, self.parentWidget() or self)
        self.opened = dialog
        dialog.open()
