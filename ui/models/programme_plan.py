"""Editable tables of the programme editor: the session plan and the inclusions.

They hold plain values while the practitioner types; the editor hands them to
``create_programme``/``update_programme`` as ``PeriodPlan``/``InclusionSpec`` rows and
the service validates them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from practice.models import InclusionKind, label

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")


@dataclass
class PeriodRow:
    first_period: int
    last_period: int
    sessions_per_period: int


@dataclass
class InclusionRow:
    kind: InclusionKind
    description: str


class _EditableRows(QAbstractTableModel, Generic[R]):
    """Rows edited in place, numbered down the side, added at the end and removed by
    number; subclasses give ``HEADERS`` and the cells (``data``/``setData``)."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[R] = []

    def _append(self, new: R) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(new)
        self.endInsertRows()
        return row

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def header(self, section: int) -> str:
        return self.HEADERS[section]

    # -- Qt model API ----------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            return self.header(section)
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable


class PeriodPlanModel(_EditableRows[PeriodRow]):
    """Rows of (from period, to period, sessions each), edited in place."""

    HEADERS = ("From", "To", "Sessions each")

    def __init__(self, unit_word: str = "Month") -> None:
        super().__init__()
        self._unit_word = unit_word

    # -- plain-value API -------------------------------------------------
    def rows(self) -> list[PeriodRow]:
        return [PeriodRow(r.first_period, r.last_period, r.sessions_per_period) for r in self._rows]

    def set_rows(self, rows: list[PeriodRow]) -> None:
        self.beginResetModel()
        self._rows = [PeriodRow(r.first_period, r.last_period, r.sessions_per_period) for r in rows]
        self.endResetModel()

    def set_unit_word(self, word: str) -> None:
        self._unit_word = word
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)

    def add_row(self) -> int:
        """Append a row continuing after the last one; returns its row number."""
        start = self._rows[-1].last_period + 1 if self._rows else 1
        return self._append(PeriodRow(start, start, 1))

    def header(self, section: int) -> str:
        if section < 2:
            return f"{self.HEADERS[section]} {self._unit_word.lower()}"
        return self.HEADERS[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        value = (row.first_period, row.last_period, row.sessions_per_period)[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        try:
            number = int(value)
        except (TypeError, ValueError):
            return False
        if number < 0 or (index.column() < 2 and number < 1):
            return False
        row = self._rows[index.row()]
        if index.column() == 0:
            row.first_period = number
        elif index.column() == 1:
            row.last_period = number
        else:
            row.sessions_per_period = number
        self.dataChanged.emit(index, index, [role, Qt.ItemDataRole.DisplayRole])
        return True


class InclusionModel(_EditableRows[InclusionRow]):
    """Rows of (kind, description): what the programme includes besides sessions."""

    HEADERS = ("Kind", "Description")
    KINDS = tuple(InclusionKind)

    def rows(self) -> list[InclusionRow]:
        return [InclusionRow(r.kind, r.description) for r in self._rows]

    def set_rows(self, rows: list[InclusionRow]) -> None:
        self.beginResetModel()
        self._rows = [InclusionRow(r.kind, r.description) for r in rows]
        self.endResetModel()

    def add_row(self) -> int:
        return self._append(InclusionRow(InclusionKind.RECORDING, ""))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return label(row.kind)
            if role == Qt.ItemDataRole.EditRole:
                return row.kind.value
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row.description
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self._rows[index.row()]
        if index.column() == 0:
            try:
                row.kind = InclusionKind(str(value))
            except ValueError:
                return False
        else:
            row.description = str(value)
        self.dataChanged.emit(index, index, [role, Qt.ItemDataRole.DisplayRole])
        return True
