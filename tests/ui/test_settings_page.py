"""Settings: the practice profile, defaults, thresholds and agreement terms."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from practice.db import Database
from practice.db.seed import default_clauses
from practice.models import PageSize
from practice.services.profile import get_profile, list_clauses
from ui.context import AppContext
from ui.pages.settings import SettingsPage


@pytest.fixture
def page(ctx: AppContext, qtbot: QtBot) -> SettingsPage:
    widget = SettingsPage(ctx)
    qtbot.addWidget(widget)
    widget.refresh()
    return widget


def test_shows_the_profile_as_saved(page: SettingsPage, db: Database) -> None:
    profile = get_profile(db)
    assert page.currency.currentText() == profile.currency
    assert page.locale_box.currentData() == profile.locale
    assert page.numbers["quiet_after_days"].value() == profile.quiet_after_days
    assert page.numbers["default_prep_minutes"].value() == profile.default_prep_minutes


def test_saves_every_kind_of_setting(page: SettingsPage, db: Database, qtbot: QtBot) -> None:
    changes: list[str] = []
    page.ctx.data_changed.connect(changes.append)
    page.edits["practitioner_name"].setText("Dr Ελένη Παπαδοπούλου")
    page.edits["registration"].setText("UKCP 123456")
    page.address.setPlainText("1 Quiet Lane\nTotnes")
    page.currency.setCurrentText("EUR")
    page.locale_box.setCurrentIndex(page.locale_box.findData("en_IE"))
    page.page_size.setCurrentIndex(page.page_size.findData("Letter"))
    page.numbers["quiet_after_days"].setValue(30)
    page.numbers["default_writeup_minutes"].setValue(25)
    page.numbers["auto_lock_minutes"].setValue(0)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    profile = get_profile(db)
    assert profile.practitioner_name == "Dr Ελένη Παπαδοπούλου"
    assert profile.address == "1 Quiet Lane\nTotnes"
    assert (profile.currency, profile.locale, profile.page_size) == (
        "EUR",
        "en_IE",
        PageSize.LETTER,
    )
    assert (profile.quiet_after_days, profile.default_writeup_minutes) == (30, 25)
    assert profile.auto_lock_minutes == 0
    assert page.numbers["auto_lock_minutes"].text() == "Never"
    assert page.saved_label.text() == "Saved."
    assert changes == ["profile"]


def test_a_bad_value_is_explained_beside_its_field(page: SettingsPage, db: Database) -> None:
    page.currency.setCurrentText("XYZ")
    page.save_profile()
    assert "XYZ is not a currency code we know" in page.errors.message_for("currency")
    assert get_profile(db).currency == "GBP"
    page.currency.setCurrentText("GBP")
    page.locale_box.setEditText("xx_NOWHERE")
    page.save_profile()
    assert "not a locale we know" in page.errors.message_for("locale")
    assert page.errors.message_for("currency") == ""


def test_logo_is_chosen_previewed_and_saved(
    page: SettingsPage, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    image = QImage(120, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7"))
    logo = tmp_path / "logo.png"
    assert image.save(str(logo))
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(logo), ""))
    )
    page.logo_choose.click()
    assert page.logo_preview.pixmap().height() == 60
    page.save_profile()
    assert get_profile(db).logo_png == logo.read_bytes()
    page.logo_remove.click()
    page.save_profile()
    assert get_profile(db).logo_png is None


def test_terms_editor_edits_adds_moves_and_deletes_clauses(
    page: SettingsPage, db: Database, message_boxes: Any
) -> None:
    terms = page.terms
    clauses = list_clauses(db)
    assert terms.model.rowCount() == len(clauses) == len(default_clauses())
    assert terms.heading.text() == clauses[0].heading
    terms.body.setPlainText("Sessions cancelled with 24 hours' notice are moved, {client_name}.")
    terms.save_clause()
    assert list_clauses(db)[0].body.endswith("{client_name}.")

    terms.new_clause()
    terms.heading.setText("Working online")
    terms.body.setPlainText("Video sessions use a private room on both sides.")
    terms.save_clause()
    after = list_clauses(db)
    assert after[-1].heading == "Working online"
    selected = terms.selected()
    assert selected is not None and selected.heading == "Working online"

    terms.move_selected(-1)
    assert [c.heading for c in list_clauses(db)][-2] == "Working online"

    terms.delete_selected()
    assert message_boxes.shown[-1][0] == "question"
    assert "Working online" not in [c.heading for c in list_clauses(db)]


def test_terms_editor_refuses_unknown_merge_fields_and_blank_headings(
    page: SettingsPage, db: Database, message_boxes: Any
) -> None:
    terms = page.terms
    before = list_clauses(db)[0].body
    terms.body.setPlainText("Dear {client_nmae}, …")
    terms.save_clause()
    assert "client_name" in terms.errors.message_for("body")
    assert list_clauses(db)[0].body == before
    message_boxes.answer = QMessageBox.StandardButton.Discard
    terms.new_clause()  # the refused text is not saved: asked, and dropped on request
    assert message_boxes.shown[-1][1] == "Unsaved clause"
    terms.body.setPlainText("Text without a heading")
    terms.save_clause()
    assert terms.errors.message_for("heading") == "is required."


def test_restore_standard_terms(page: SettingsPage, db: Database) -> None:
    terms = page.terms
    terms.delete_selected()
    assert len(list_clauses(db)) == len(default_clauses()) - 1
    terms.reset()
    assert [c.heading for c in list_clauses(db)] == [c["heading"] for c in default_clauses()]


def test_unsaved_edits_survive_a_refresh_and_are_offered_on_close(
    page: SettingsPage, db: Database, message_boxes: Any
) -> None:
    page.edits["business_name"].setText("Quiet Lane Therapy")
    page.refresh()  # e.g. coming back to the page
    assert page.edits["business_name"].text() == "Quiet Lane Therapy"
    assert page.has_unsaved_changes()
    message_boxes.answer = QMessageBox.StandardButton.Cancel
    assert not page.can_close()
    message_boxes.answer = QMessageBox.StandardButton.Save
    assert page.can_close()
    assert get_profile(db).business_name == "Quiet Lane Therapy"
    page.edits["business_name"].setText("Something else")
    page.revert_button.click()
    assert page.edits["business_name"].text() == "Quiet Lane Therapy"
    assert page.can_close()


def test_auto_lock_minutes_from_settings_take_effect_at_once(
    ctx: AppContext, db: Database, qtbot: QtBot
) -> None:
    from ui.main_window import MainWindow
    from ui.safekeeping.controller import SafekeepingController

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    keeper = SafekeepingController(ctx, window)
    assert keeper.lock.idle.minutes == get_profile(db).auto_lock_minutes == 10
    window.show_page("settings")
    page: Any = window.page("settings")
    page.numbers["auto_lock_minutes"].setValue(3)
    page.save_profile()
    assert keeper.lock.idle.minutes == 3
    keeper.backup_timer.stop()


def test_a_clause_being_edited_is_never_dropped_without_asking(
    page: SettingsPage, db: Database, message_boxes: Any
) -> None:
    terms = page.terms
    first, second = list_clauses(db)[:2]
    terms.body.setPlainText("My own wording of the first clause.")
    # Choosing another clause: Cancel stays on the edited one, text and all.
    message_boxes.answer = QMessageBox.StandardButton.Cancel
    terms.list.setCurrentIndex(terms.model.index(1, 0))
    assert terms.editing_key == first.key
    assert terms.body.toPlainText() == "My own wording of the first clause."
    assert terms.selected() is not None and terms.selected().key == first.key
    # Leaving the page and coming back keeps it too.
    page.refresh()
    assert terms.body.toPlainText() == "My own wording of the first clause."
    # Closing the app asks; Save saves it.
    message_boxes.answer = QMessageBox.StandardButton.Save
    assert page.can_close()
    assert list_clauses(db)[0].body == "My own wording of the first clause."
    # Now the other clause opens without a question.
    asked = len(message_boxes.shown)
    terms.list.setCurrentIndex(terms.model.index(1, 0))
    assert terms.editing_key == second.key and len(message_boxes.shown) == asked


def test_the_practice_time_zone_is_chosen_from_the_list(page: SettingsPage, db: Database) -> None:
    page.time_zone.setCurrentText("Europe/Lisbon")
    page.save_profile()
    assert get_profile(db).time_zone == "Europe/Lisbon"
    page.time_zone.setCurrentText("Europe/Atlantis")
    page.save_profile()
    assert "is not a time zone" in page.errors.message_for("time_zone")
    assert get_profile(db).time_zone == "Europe/Lisbon"  # nothing saved
    page.time_zone.setCurrentIndex(0)  # follow the computer again
    page.save_profile()
    assert get_profile(db).time_zone == ""
    page.fill(get_profile(db))
    assert page.time_zone.currentIndex() == 0
