"""A form field with its error label under it (see :class:`FormErrors`), and a form row
made of one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.widgets.form_errors import FormErrors


def field_box(errors: FormErrors, field: str, *widgets: QWidget, stretch: bool = False) -> QWidget:
    """``widgets`` side by side, and under them the error shown for ``field`` (which
    focuses the first widget). ``stretch`` keeps short widgets at their natural width."""
    box = FieldBox()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    line = QHBoxLayout()
    for widget in widgets:
        line.addWidget(widget)
    if stretch:
        line.addStretch(1)
    column.addLayout(line)
    column.addWidget(errors.add(field, widgets[0]))
    # The box hands the focus on to its field (a click on it, a caption's Alt+letter).
    box.setFocusProxy(focus_target(widgets[0]))
    return box


class FieldBox(QWidget):
    """A field with its error line under it. A form makes the box its caption's buddy;
    Qt moves the focus for a caption's Alt+letter only to a buddy that takes the focus
    itself, which the box does not (it is no tab stop of its own), so when first shown
    it hands each caption naming it over to its field."""

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        parent = self.parentWidget()
        if parent is None:
            return
        target: QWidget = self
        while (proxy := target.focusProxy()) is not None:
            target = proxy
        if target is self:
            return
        for label in parent.findChildren(QLabel):
            if label.buddy() is self:
                label.setBuddy(target)


def focus_target(widget: QWidget) -> QWidget:
    """``widget``, or the first thing inside it that takes the focus (a table's view)."""
    if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
        return widget
    for child in widget.findChildren(QWidget):
        if child.focusPolicy() != Qt.FocusPolicy.NoFocus:
            return child
    return widget


def add_form_row(
    form: QFormLayout, errors: FormErrors, text: str, field: str, widget: QWidget
) -> None:
    """Add ``widget`` to ``form`` with the error for ``field`` under it, captioned
    ``text`` (top right, its mnemonic focusing the widget)."""
    caption = QLabel(text)
    caption.setBuddy(widget)
    caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.addRow(caption, field_box(errors, field, widget))
