"""Help › Keyboard Shortcuts (F1): every shortcut of the window, in two columns."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ui.shortcuts import KeyHelp, shortcuts_html


class ShortcutsDialog(QDialog):
    def __init__(self, keys: list[KeyHelp], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.text = QLabel(shortcuts_html(keys))
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAccessibleName("Keyboard shortcuts")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
