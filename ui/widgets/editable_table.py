"""A small editable table with Add/Remove buttons, and a combo delegate for enum columns."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from practice.models import label


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a column holding an enum value with a combo of labelled choices."""

    def __init__(
        self, choices: tuple[tuple[StrEnum, str], ...], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        for member, text in self._choices:
            combo.addItem(text, member.value)
        # A persistent combo commits each choice at once, not only when it loses focus.
        combo.activated.connect(lambda _=0: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        position = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(0, position))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def enum_delegate(members: tuple[StrEnum, ...], parent: QWidget | None = None) -> ChoiceDelegate:
    """A choice delegate over every member of an enum, with the domain's labels."""
    return ChoiceDelegate(tuple((m, label(m)) for m in members), parent)


class EditableTable(QWidget):
    """A table view over an editable model that has ``add_row()``/``remove_row(row)``."""

    def __init__(
        self, model: QAbstractItemModel, add_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.view = QTableView()
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.setTabKeyNavigation(False)
        self.add_button = QPushButton(add_text)
        self.remove_button = QPushButton("Remove")
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(buttons)

    def fit_height(self, visible_rows: int) -> None:
        header = self.view.horizontalHeader().sizeHint().height()
        row = self.view.verticalHeader().defaultSectionSize()
        self.view.setFixedHeight(header + row * visible_rows + 2 * self.view.frameWidth() + 2)

    def _add(self) -> None:
        row = self.model.add_row()  # type: ignore[attr-defined]
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.setFocus()

    def _remove(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.remove_row(index.row())  # type: ignore[attr-defined]
