"""The pieces every list page shares: a read-only table of rows that opens a row on
double-click or Enter, and a search box that says when typing has stopped."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QWidget


class ListTable(QTableView):
    """Rows of a list: one selected at a time, not editable in place, no grid or row
    numbers; column ``stretch_column`` takes the room left, the others fit their text.

    ``row_activated`` gives the index double-clicked, or the current one when Return or
    Enter is pressed on a row (Qt's own ``activated`` follows the style, and may fire on
    a single click).
    """

    row_activated = Signal(QModelIndex)

    def __init__(
        self,
        model: QAbstractItemModel,
        *,
        object_name: str = "",
        stretch_column: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if object_name:
            self.setObjectName(object_name)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.setShowGrid(False)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        self.doubleClicked.connect(self.row_activated.emit)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Return or Enter on a row activates it, like a double-click."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.row_activated.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class SearchBox(QLineEdit):
    """A search field with a clear button; ``settled`` fires ``delay_ms`` after the last
    change, so a list is searched once typing stops rather than at every key."""

    settled = Signal()

    def __init__(
        self,
        *,
        object_name: str,
        placeholder: str,
        accessible_name: str,
        delay_ms: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self.setAccessibleName(accessible_name)
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(delay_ms)
        self._delay.timeout.connect(self.settled.emit)
        self.textChanged.connect(lambda _text: self._delay.start())

    def cancel_pending(self) -> None:
        """Forget a change not yet reported (the list is being searched anyway)."""
        self._delay.stop()
