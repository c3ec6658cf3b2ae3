"""A searchable client picker: type part of a name and choose from the matches."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from practice.db import Database
from practice.models import ClientStatus
from practice.services.clients import list_clients

#: Clients one can work with: everyone except the archived.
WORKING_STATUSES = (
    ClientStatus.ENQUIRY,
    ClientStatus.ACTIVE,
    ClientStatus.PAUSED,
    ClientStatus.COMPLETED,
)


class ClientCombo(QComboBox):
    """Clients by name (from ``list_clients``); ``client_id()`` is the chosen one or None."""

    client_changed = Signal(object)  # int | None

    def __init__(
        self, db: Database, *, placeholder: str = "Choose a client…", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self._placeholder = placeholder
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(22)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        line = self.lineEdit()
        assert line is not None
        line.setPlaceholderText(placeholder)
        self.currentIndexChanged.connect(lambda _: self.client_changed.emit(self.client_id()))
        self.reload()

    def reload(self) -> None:
        """Fill the list again, keeping the chosen client (signals only a real change)."""
        chosen = self.client_id()
        self.blockSignals(True)
        try:
            self.clear()
            for row in list_clients(self.db, statuses=WORKING_STATUSES):
                self.addItem(row.display_name, row.id)
            self.setCurrentIndex(-1)
            if chosen is not None:
                self.set_client_id(chosen)
            else:
                self.setEditText("")
        finally:
            self.blockSignals(False)
        if self.client_id() != chosen:
            self.client_changed.emit(self.client_id())

    def client_id(self) -> int | None:
        if self.currentIndex() < 0:
            return None
        if self.currentText() != self.itemText(self.currentIndex()):
            return None  # half-typed text that matches no client yet
        value = self.currentData()
        return int(value) if value is not None else None

    def set_client_id(self, client_id: int | None) -> None:
        position = self.findData(client_id) if client_id is not None else -1
        if position < 0 and client_id is not None:
            # An archived client named by id: show them anyway.
            from practice.services.clients import get_client

            client = get_client(self.db, client_id)
            self.addItem(client.display_name, client.id)
            position = self.count() - 1
        self.setCurrentIndex(position)
        if position < 0:
            self.setEditText("")
