"""A dialog with drafts writes them however it goes away: cancelled, closed or hidden."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from practice.errors import ValidationError
from ui.widgets.draft_keeper import DraftsDialog
from ui.widgets.field_box import add_form_row
from ui.widgets.form_errors import FormErrors


class _Counting(DraftsDialog):
    def __init__(self) -> None:
        super().__init__()
        self.kept = 0

    def keep_drafts(self) -> None:
        self.kept += 1


def test_drafts_are_kept_when_cancelled_closed_or_hidden(qtbot: QtBot) -> None:
    dialog = _Counting()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.hide()
    assert dialog.kept == 1
    dialog.show()
    dialog.close()
    assert dialog.kept >= 2 and not dialog.isVisible()
    before = dialog.kept
    dialog.show()
    dialog.reject()
    assert dialog.kept > before and not dialog.isVisible()


def test_a_form_row_captions_the_field_and_shows_its_error(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    form = QFormLayout(holder)
    errors = FormErrors()
    name = QLineEdit()
    add_form_row(form, errors, "&Name", "name", name)
    assert form.rowCount() == 1
    item = form.itemAt(0, QFormLayout.ItemRole.LabelRole)
    caption = item.widget() if item is not None else None
    assert isinstance(caption, QLabel)
    assert caption.text() == "&Name" and caption.buddy() is name
    assert errors.show(ValidationError("name", "is required."))
    assert errors.message_for("name") == "is required."
