"""Settings › Terms: where a clause prints, the practice details the terms use, and the
warning before printing a document with characters no font can draw."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from practice.db import Database
from practice.models import ClauseScope
from practice.services.profile import get_profile, list_clauses
from tests.documents.factories import make_enrolment, set_profile
from tests.ui.conftest import MessageBoxes
from ui.context import AppContext
from ui.documents.actions import show_agreement
from ui.pages.settings import SettingsPage


@pytest.fixture
def page(ctx: AppContext, qtbot: QtBot) -> SettingsPage:
    widget = SettingsPage(ctx)
    qtbot.addWidget(widget)
    widget.refresh()
    return widget


def test_the_terms_details_are_saved_with_the_profile(
    page: SettingsPage, db: Database, qtbot: QtBot
) -> None:
    fields = page.term_fields
    assert set(fields) == {
        "payment_details",
        "professional_body",
        "complaints_route",
        "data_protection_number",
    }
    fields["payment_details"].setPlainText("Bank transfer\nSort code 00-00-00")
    fields["professional_body"].setText("UKCP")
    fields["data_protection_number"].setText("ICO ZA123456")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    profile = get_profile(db)
    assert profile.payment_details == "Bank transfer\nSort code 00-00-00"
    assert (profile.professional_body, profile.data_protection_number) == ("UKCP", "ICO ZA123456")
    assert page.saved_label.text() == "Saved."


def test_a_clause_is_limited_to_programme_agreements(
    page: SettingsPage, db: Database, qtbot: QtBot
) -> None:
    page.tabs.setCurrentWidget(page.terms)
    editor = page.terms
    key = list_clauses(db)[0].key
    editor.list.setCurrentIndex(editor.model.index(0, 0))
    assert editor.applies_to.currentData() == ClauseScope.ALL.value
    editor.applies_to.setCurrentIndex(editor.applies_to.findData("programmes"))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    saved = next(c for c in list_clauses(db) if c.key == key)
    assert saved.applies_to == ClauseScope.PROGRAMMES
    editor.new_clause()
    assert editor.applies_to.currentData() == ClauseScope.ALL.value


def test_printing_warns_first_naming_the_client_and_field(
    db: Database, message_boxes: MessageBoxes, qtbot: QtBot
) -> None:
    set_profile(db)
    enrolment_id = make_enrolment(db, first_name="Ana", last_name="Lopes \U0001fae0")
    message_boxes.answer = QMessageBox.StandardButton.No
    assert show_agreement(None, db, enrolment_id) is None
    ((kind, title, text),) = message_boxes.shown
    assert title == "Characters that cannot be printed"
    assert "Ana Lopes \U0001fae0 — name: \U0001fae0" in text
    message_boxes.answer = QMessageBox.StandardButton.Yes
    dialog = show_agreement(None, db, enrolment_id)
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.close()
