"""A read-only table model over a list of rows, with columns declared once.

The list models of the Programmes, Enrol, Sessions, Work log and Money pages are
subclasses that only declare their columns: a header, how to show a row in that column,
and whether it is a figure (right-aligned).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")

#: The row's id (``row.id``) for views that open or act on the selected row.
ROLE_ID = Qt.ItemDataRole.UserRole + 1
#: The row object itself.
ROLE_ROW = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    text: Callable[[R], str]
    figure: bool = False
    tooltip: Callable[[R], str] | None = None


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Rows shown in the order given (the service sorts them, in SQL)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []

    def columns(self) -> Sequence[Column[R]]:
        raise NotImplementedError

    def is_muted(self, row: R) -> bool:
        """Rows shown greyed out (archived, cancelled…)."""
        return False

    def row_id(self, row: R) -> Any:
        return getattr(row, "id", None)

    # -- plain API -------------------------------------------------------
    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def row_of(self, ident: Any) -> int:
        for number, row in enumerate(self._rows):
            if self.row_id(row) == ident:
                return number
        return -1

    # -- Qt model API ----------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        columns = self.columns()
        if not (0 <= index.column() < len(columns)):
            return None
        row = self._rows[index.row()]
        column = columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.figure:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self.is_muted(row):
            return QApplication.palette().brush(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        if role == ROLE_ID:
            return self.row_id(row)
        if role == ROLE_ROW:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        columns = self.columns()
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return columns[section].header
            if role == Qt.ItemDataRole.TextAlignmentRole and columns[section].figure:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
