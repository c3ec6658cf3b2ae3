"""Show a ValidationError beside the field it names, in plain words."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from practice.errors import PracticeError, ValidationError


class FormErrors:
    """Maps service field names to the widgets that edit them and their error labels.

    ``add(field, widget)`` returns a hidden label to put under the widget in the layout;
    ``show(error)`` reveals the message beside the right field and focuses it, and
    returns False when the field is unknown (the caller then shows it at form level);
    ``refuse(error, elsewhere)`` does both for any refusal from a service.
    """

    def __init__(self) -> None:
        self._widgets: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}

    def add(self, field: str, widget: QWidget) -> QLabel:
        label = QLabel()
        label.setObjectName(f"error_{field}")
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setStyleSheet(
            "color: palette(highlighted-text); background: #b3261e;"
            " border-radius: 3px; padding: 2px 6px;"
        )
        label.hide()
        self._widgets[field] = widget
        self._labels[field] = label
        return label

    def clear(self) -> None:
        for label in self._labels.values():
            label.clear()
            label.hide()

    def show(self, error: ValidationError) -> bool:
        self.clear()
        label = self._labels.get(error.field)
        if label is None:
            return False
        label.setText(error.message)
        label.show()
        widget = self._widgets[error.field]
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def refuse(self, error: PracticeError, elsewhere: Callable[[PracticeError], object]) -> None:
        """Show a refusal beside the field it names; one that names no field of this form
        (or is not about a field) goes to ``elsewhere`` (a message box, a form-level line)."""
        if isinstance(error, ValidationError) and self.show(error):
            return
        elsewhere(error)

    def message_for(self, field: str) -> str:
        label = self._labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""
