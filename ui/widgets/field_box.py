"""A form field with its error label under it (see :class:`FormErrors`), and a form row
made of one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.widgets.form_errors import FormErrors


def field_box(errors: FormErrors, field: str, *widgets: QWidget, stretch: bool = False) -> QWidget:
    """``widgets`` side by side, and under them the error shown for ``field`` (which
    focuses the first widget). ``stretch`` keeps short widgets at their natural width."""
    box = QWidget()
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
    # A caption's mnemonic (Alt+letter) names the box as its buddy: the box hands the
    # focus on to its field, so the shortcut lands in the field, not nowhere. Qt moves
    # the focus only to a buddy that takes it, so the box takes it on a click (never by
    # Tab: it is not a tab stop of its own) and passes it on.
    box.setFocusProxy(focus_target(widgets[0]))
    box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    return box


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
