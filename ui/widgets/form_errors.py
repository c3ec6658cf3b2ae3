"""Show a ValidationError beside the field it names, in plain words."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from practice.errors import PracticeError, ValidationError

#: How every refusal looks, beside a field or at the foot of a dialog, light or dark.
ERROR_STYLE = (
    "color: palette(highlighted-text); background: #b3261e; border-radius: 3px; padding: 2px 6px;"
)


class ErrorLine(QLabel):
    """A hidden line that shows a refusal in plain words: ``say(text)``, ``clear()``."""

    def __init__(self, object_name: str = "error", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet(ERROR_STYLE)
        self.hide()

    def say(self, text: str) -> None:
        self.setText(text)
        self.show()
        self._fit()

    def clear(self) -> None:
        super().clear()
        self.setMinimumHeight(0)
        self.hide()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """As tall as its wrapped words: in a form's narrow column a two-line refusal
        was cut to one line (a layout does not always ask a label its height for its
        width)."""
        if not self.text():
            return
        parent = self.parentWidget()
        width = self.width() if self.width() > 1 else (parent.width() if parent else 0)
        needed = self.heightForWidth(width) if width > 0 else -1
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)


#: The signal each kind of field sends when the person changes it (the first one found).
_CHANGE_SIGNALS = (
    "textEdited",  # line edits
    "dateChanged",  # date fields
    "currentIndexChanged",  # lists to choose from
    "valueChanged",  # numbers
    "textChanged",  # longer texts
    "toggled",  # ticks
)


class FormErrors:
    """Maps service field names to the widgets that edit them and their error labels.

    ``add(field, widget)`` returns a hidden label to put under the widget in the layout;
    ``show(error)`` reveals the message beside the right field and focuses it, and
    returns False when the field is unknown (the caller then shows it at form level);
    ``refuse(error, elsewhere)`` does both for any refusal from a service.
    """

    def __init__(self) -> None:
        self._widgets: dict[str, QWidget] = {}
        self._labels: dict[str, ErrorLine] = {}

    def add(self, field: str, widget: QWidget) -> QLabel:
        label = ErrorLine(f"error_{field}")
        self._widgets[field] = widget
        self._labels[field] = label
        # a date field says why it did not take a typed date, under it
        refused = getattr(widget, "refused", None)
        if refused is not None:
            refused.connect(label.say)
        # a refusal goes once the person changes the value it was about
        for name in _CHANGE_SIGNALS:
            changed = getattr(widget, name, None)
            if changed is not None:
                changed.connect(lambda *_args, shown=label: shown.clear())
                break
        return label

    def clear(self) -> None:
        for label in self._labels.values():
            label.clear()

    def show(self, error: ValidationError) -> bool:
        self.clear()
        label = self._labels.get(error.field)
        if label is None:
            return False
        label.say(error.message)
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
