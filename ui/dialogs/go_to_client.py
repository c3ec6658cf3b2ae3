"""Go to client… (Ctrl+K): type a few letters of a name, press Enter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from practice.services.clients import list_clients
from ui.context import AppContext
from ui.errors import guarded
from ui.models.clients import ClientListModel

#: How many matches the quick switcher shows.
MAX_MATCHES = 50


class GoToClientDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.chosen_id: int | None = None
        self.setWindowTitle("Go to client")
        self.setMinimumWidth(420)

        self.search = QLineEdit()
        self.search.setPlaceholderText("Type part of a name or email")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Client name")
        self.model = ClientListModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setModelColumn(0)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setMinimumHeight(260)
        self.empty = QLabel("No client matches.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_current)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        hint = QLabel("&Find a client:")
        hint.setBuddy(self.search)
        layout.addWidget(hint)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.installEventFilter(self)
        self.search.returnPressed.connect(self._accept_current)
        self.list.doubleClicked.connect(lambda _index: self._accept_current())
        self.run_search()

    @guarded
    def run_search(self) -> None:
        rows = list_clients(self.ctx.db, search=self.search.text(), limit=MAX_MATCHES)
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        if rows:
            self.list.setCurrentIndex(self.model.index(0, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the search box move through the matches."""
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.list.currentIndex().row()
                row += 1 if key == Qt.Key.Key_Down else -1
                if 0 <= row < self.model.rowCount():
                    self.list.setCurrentIndex(self.model.index(row, 0))
                return True
        return super().eventFilter(watched, event)

    def _accept_current(self) -> None:
        if self._debounce.isActive():
            self._debounce.stop()
            self.run_search()
        index = self.list.currentIndex()
        if not index.isValid():
            return
        self.chosen_id = self.model.id_at(index.row())
        self.accept()
