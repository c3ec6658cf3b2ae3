"""The pieces every list page shares: a read-only table of rows that opens a row on
double-click or Enter, a search box that says when typing has stopped, the note shown
instead of an empty list, and the list beside the selected row's details."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)


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


def show_list_or_note(
    table: QTableView, note: QLabel, *, shown: int, searching: bool, no_match: str, none_yet: str
) -> None:
    """The table when it has rows; otherwise a note saying why it has none: nothing
    matches the search (``no_match``), or nothing is there yet (``none_yet``)."""
    table.setVisible(shown > 0)
    note.setVisible(shown == 0)
    if not shown:
        note.setText(no_match if searching else none_yet)


def list_beside_detail(
    table: QTableView,
    note: QLabel,
    count: QLabel,
    detail: QWidget,
    *,
    sizes: tuple[int, int],
    equal_stretch: bool = False,
) -> QSplitter:
    """The list (its table, the note shown instead of an empty one, and the count under
    it) on the left, the selected row's ``detail`` on the right."""
    left = QWidget()
    left_layout = QVBoxLayout(left)
    left_layout.setContentsMargins(0, 0, 0, 0)
    left_layout.addWidget(table, 1)
    left_layout.addWidget(note, 1)
    left_layout.addWidget(count)
    right = QWidget()
    right_layout = QVBoxLayout(right)
    right_layout.setContentsMargins(12, 0, 0, 0)
    right_layout.addWidget(detail)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setChildrenCollapsible(False)
    if equal_stretch:
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
    splitter.setSizes(list(sizes))
    return splitter
