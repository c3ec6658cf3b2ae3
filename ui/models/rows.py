"""A read-only table model over a list of rows, described by its columns.

Each list of the app subclasses :class:`RowsModel` and declares its columns: a header
and a function from the row to the text shown (plus optional alignment and tooltip).
Rows are whatever the services or the economics module return (frozen dataclasses or
model objects), never queried here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication

from ui.colours import warning_colour
from ui.format import DEFAULT_LOCALE

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

#: The row object itself, for views that need more than the text.
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str
    text: Callable[[T], str]
    align: Qt.AlignmentFlag = LEFT
    tooltip: Callable[[T], str] | None = None
    #: Rows whose cell is marked (bold, in the palette's warning colour), such as
    #: "8 days overdue"; the text says it in words too.
    warning: Callable[[T], bool] | None = None


class RowsModel(QAbstractTableModel, Generic[T]):
    """Subclasses set ``columns`` (in ``__init__`` when they need the locale)."""

    columns: ClassVar[Sequence[Column[Any]]] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        self._columns: Sequence[Column[T]] = self.columns

    def set_columns(self, columns: Sequence[Column[T]]) -> None:
        self.beginResetModel()
        self._columns = list(columns)
        self.endResetModel()

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < len(self._columns)):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row) or None
        if role == ROW_ROLE:
            return row
        if column.warning is not None and column.warning(row):
            if role == Qt.ItemDataRole.ForegroundRole:
                return warning_colour(QGuiApplication.palette())
            if role == Qt.ItemDataRole.FontRole:
                font = QGuiApplication.font()
                font.setBold(True)
                return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(self._columns)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self._columns[section].align.value)
        return None


class LocalisedRowsModel(RowsModel[T]):
    """A list whose columns write days, times or money in the practice's locale.

    Subclasses say their columns in :meth:`columns_for`; :meth:`set_locale` redraws
    them when the practice's locale changes.
    """

    def __init__(self, parent: QObject | None = None, locale: str = DEFAULT_LOCALE) -> None:
        super().__init__(parent)
        self.set_locale(locale)

    def set_locale(self, locale: str) -> None:
        self.set_columns(self.columns_for(locale))

    def columns_for(self, locale: str) -> Sequence[Column[T]]:
        raise NotImplementedError
