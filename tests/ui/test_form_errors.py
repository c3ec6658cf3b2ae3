"""A refusal from a service is shown beside the field it names, else elsewhere."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from practice.errors import NotFoundError, PracticeError, ValidationError
from ui.widgets.form_errors import FormErrors


def _form(qtbot: QtBot) -> tuple[FormErrors, QLineEdit, list[str]]:
    errors = FormErrors()
    name = QLineEdit()
    qtbot.addWidget(name)
    label = errors.add("name", name)
    qtbot.addWidget(label)
    elsewhere: list[str] = []
    return errors, name, elsewhere


def test_a_refusal_about_a_known_field_is_shown_beside_it(qtbot: QtBot) -> None:
    errors, _name, elsewhere = _form(qtbot)
    errors.refuse(ValidationError("name", "is required."), lambda e: elsewhere.append(str(e)))
    assert errors.message_for("name") == "is required."
    assert elsewhere == []


def test_a_refusal_about_another_field_goes_elsewhere(qtbot: QtBot) -> None:
    errors, _name, elsewhere = _form(qtbot)
    errors.refuse(ValidationError("name", "is required."), lambda e: None)
    errors.refuse(ValidationError("email", "looks wrong."), lambda e: elsewhere.append(str(e)))
    assert elsewhere == ["Email: looks wrong."]
    assert errors.message_for("name") == ""  # the earlier message is cleared


def test_a_refusal_not_about_a_field_goes_elsewhere(qtbot: QtBot) -> None:
    errors, _name, elsewhere = _form(qtbot)
    gone: PracticeError = NotFoundError("client", 7)
    errors.refuse(gone, lambda e: elsewhere.append(str(e)))
    assert elsewhere == ["There is no client with id 7."]
