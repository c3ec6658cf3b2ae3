"""A titled list on a page: a table when there is something to show, one friendly line
when there is not (never an empty box)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.models.rows import RowsModel
from ui.widgets.page_header import section_heading


class ListSection(QWidget):
    """``ListSection(title, empty_text, model)``; ``activated`` (double-click or Enter)
    gives the row's object.

    The table is as tall as its rows (up to ``max_rows``); with ``max_rows=0`` it fills
    the space it is given instead.
    """

    activated = Signal(object)

    def __init__(
        self,
        title: str,
        empty_text: str,
        model: RowsModel[Any],
        *,
        max_rows: int = 8,
        stretch_column: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.max_rows = max_rows
        self.heading = section_heading(title)
        self.summary = QLabel()
        self.summary.setEnabled(False)
        self.empty = QLabel(empty_text)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setAccessibleName(title)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.installEventFilter(self)

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1 if max_rows == 0 else 0)
        layout.addWidget(self.empty)
        if max_rows == 0:
            layout.addStretch(0)
        model.modelReset.connect(self._update)
        self._update()

    def set_summary(self, text: str) -> None:
        self.summary.setText(text)

    def _update(self) -> None:
        rows = self.model.rowCount()
        self.table.setVisible(rows > 0)
        self.empty.setVisible(rows == 0)
        if self.max_rows == 0:
            return
        shown = max(1, min(rows, self.max_rows))
        row_height = self.table.verticalHeader().defaultSectionSize()
        height = (
            self.table.horizontalHeader().sizeHint().height()
            + shown * row_height
            + 2 * self.table.frameWidth()
            + 2
        )
        self.table.setFixedHeight(height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on a row does what a double-click does."""
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.table.currentIndex().isValid()
        ):
            self._on_double_click(self.table.currentIndex())
            return True
        return super().eventFilter(watched, event)

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.isValid():
            self.activated.emit(self.model.row_at(index.row()))
