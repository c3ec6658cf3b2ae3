"""The clients list: rows from ``practice.services.clients.list_clients``."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from practice.models import ClientStatus, label
from practice.services.clients import ClientRow

Index = QModelIndex | QPersistentModelIndex

ROLE_ID = Qt.ItemDataRole.UserRole + 1


class ClientListModel(QAbstractTableModel):
    """Name, pronouns, status, email and phone of each client, in the order given."""

    HEADERS = ("Name", "Pronouns", "Status", "Email", "Phone")

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[ClientRow] = []

    def set_rows(self, rows: Sequence[ClientRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> ClientRow:
        return self._rows[row]

    def id_at(self, row: int) -> int:
        return self._rows[row].id

    def row_of(self, client_id: int) -> int:
        for number, row in enumerate(self._rows):
            if row.id == client_id:
                return number
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.listed_name,
                row.pronouns,
                label(row.status),
                row.email,
                row.phone,
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 0 and row.preferred_name:
            return f"{row.full_name} (prefers {row.preferred_name})"
        if role == ROLE_ID:
            return row.id
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 0:
            return row.listed_name
        if role == Qt.ItemDataRole.ForegroundRole and row.status is ClientStatus.ARCHIVED:
            return QApplication.palette().brush(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.HEADERS)
        ):
            return self.HEADERS[section]
        return None
