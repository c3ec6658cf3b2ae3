"""A record's details as captioned lines ("Email  ana@example.com"); empty ones are left
out, so a half-filled record never shows blank rows."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget


class DetailsForm(QWidget):
    """``set_details([(caption, text), ...])`` replaces what is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setHorizontalSpacing(14)
        self.form.setVerticalSpacing(6)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

    def set_details(self, details: Sequence[tuple[str, str]]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        for caption, text in details:
            if not text.strip():
                continue
            name = QLabel(caption)
            name.setEnabled(False)  # the palette's muted text, in light and dark alike
            value = QLabel(text)
            value.setObjectName(f"detail_{caption.lower().replace(' ', '_')}")
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(name, value)

    def text_of(self, caption: str) -> str:
        """What is shown beside ``caption`` (empty when the row is left out)."""
        for row in range(self.form.rowCount()):
            name = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            value = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if name is not None and value is not None:
                caption_label, value_label = name.widget(), value.widget()
                if isinstance(caption_label, QLabel) and caption_label.text() == caption:
                    return value_label.text() if isinstance(value_label, QLabel) else ""
        return ""
