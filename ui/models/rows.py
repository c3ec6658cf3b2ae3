"""A read-only table model over a list of rows, described by its columns.

Each list of the app subclasses :class:`RowsModel` and declares its columns: a header
and a function from the row to the text shown (plus optional alignment and tooltip).
Rows are whatever the services or the economics module return (frozen dataclasses or
model objects), never queried here.

A view asks for each cell's text many times (painting, sizing columns to their contents,
accessibility), so each cell's text is worked out once per :meth:`RowsModel.set_rows`
and kept: days and money are written through Babel, which is not free.
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

_TEXT_ROLES = frozenset(
    {int(Qt.ItemDataRole.DisplayRole.value), int(Qt.ItemDataRole.AccessibleTextRole.value)}
)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_WARNING_ROLES = frozenset({_FOREGROUND, int(Qt.ItemDataRole.FontRole.value)})

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
        self._texts: dict[tuple[int, int], str] = {}

    def set_columns(self, columns: Sequence[Column[T]]) -> None:
        self.beginResetModel()
        self._columns = list(columns)
        self._texts.clear()
        self.endResetModel()

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._texts.clear()
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
        # asked for every role of every cell on each paint: plain ints, the text kept
        r, c = index.row(), index.column()
        if not (0 <= r < len(self._rows) and 0 <= c < len(self._columns)):
            return None
        if role in _TEXT_ROLES:
            text = self._texts.get((r, c))
            if text is None:
                text = self._texts[(r, c)] = self._columns[c].text(self._rows[r])
            return text
        if role == _ALIGNMENT:
            return int(self._columns[c].align.value)
        if role == _TOOLTIP:
            tooltip = self._columns[c].tooltip
            return None if tooltip is None else tooltip(self._rows[r]) or None
        if role == ROW_ROLE:
            return self._rows[r]
        if role in _WARNING_ROLES:
            warning = self._columns[c].warning
            if warning is not None and warning(self._rows[r]):
                if role == _FOREGROUND:
                    return warning_colour(QGuiApplication.palette())
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
        self.locale: str | None = None
        self.set_locale(locale)

    def set_locale(self, locale: str) -> None:
        """Write the columns in ``locale``; nothing to redraw when it is the one in use."""
        if locale != self.locale:
            self.locale = locale
            self.set_columns(self.columns_for(locale))

    def columns_for(self, locale: str) -> Sequence[Column[T]]:
        raise NotImplementedError
