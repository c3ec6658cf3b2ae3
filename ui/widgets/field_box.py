"""A form field with its error label under it (see :class:`FormErrors`)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

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
    return box
