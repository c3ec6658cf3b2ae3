"""A titled list on a page: a table when there is something to show, one friendly line
when there is not (never an empty box)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ui.models.rows import RowsModel
from ui.widgets.list_table import ListTable
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
        self.table = ListTable(model, stretch_column=stretch_column)
        self.table.setAccessibleName(title)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # The table is as wide as the page gives it: the stretched column's text is cut
        # short (its tooltip has it whole) rather than a scroll bar hiding a row.
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.row_activated.connect(self._on_double_click)  # double-click or Enter

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

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.isValid():
            self.activated.emit(self.model.row_at(index.row()))
