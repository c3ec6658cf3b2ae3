"""Import clients wizard, export practice / lists / calendar, CSV from list pages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import icalendar
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from practice.db import Database
from practice.models import ClientStatus
from practice.services.clients import create_client, list_clients
from practice.transfer.spreadsheet import ImportField
from ui.transfer.csv_button import CsvExportButton
from ui.transfer.export_dialogs import CalendarDialog, ExportListsDialog, export_practice_to
from ui.transfer.import_wizard import ImportClientsWizard

CSV = (
    "Nom;Prénom;Courriel;Date of birth;Status;Referred by\r\n"
    "Ødegård;Zoë;zoe@example.org;31/12/1980;Active;Instagram\r\n"
    "Lima;Ana;;;Prospective;\r\n"
    ";;nobody@example.org;;;\r\n"
    "Ray;Cy;cy@example.org;30/02/1970;;\r\n"
)


def test_import_wizard_reads_maps_previews_and_imports(
    ctx: Any, db: Database, qtbot: QtBot, tmp_path: Path, qtmodeltester: Any
) -> None:
    create_client(db, first_name="Old", email="old@example.org")
    path = tmp_path / "from-jane.csv"
    path.write_bytes(CSV.encode("cp1252"))
    wizard = ImportClientsWizard(ctx, path)
    qtbot.addWidget(wizard)
    wizard.show()
    columns = wizard.columns_page
    assert "Windows-1252" in columns.read_as.text() and "semicolons" in columns.read_as.text()
    fields = [ImportField(str(box.currentData())) for box in columns.field_boxes]
    assert fields[:3] == [ImportField.LAST_NAME, ImportField.FIRST_NAME, ImportField.EMAIL]
    assert "Zoë" in columns.columns.item(1, 1).text()  # the first values, read right
    columns.field_boxes[5].setCurrentIndex(columns.field_boxes[5].findData("ignore"))
    wizard.next()
    check = wizard.check_page
    qtmodeltester.check(check.ready_model)
    assert [r.values["first_name"] for r in check.ready_model.rows()] == ["Zoë", "Ana"]
    assert check.ready_model.index(0, 6).data() == "31 Dec 1980"
    assert [(r.line, r.reason) for r in check.refused_model.rows()] == [
        (4, "No name: the name columns are empty."),
        (5, "Date of birth: “30/02/1970” is not a real date."),
    ]
    assert "2 clients" in check.summary.text()
    assert wizard.buttonText(QWizard.WizardButton.CommitButton) == "&Import 2 clients"
    wizard.next()  # the commit: import
    assert wizard.currentPage() is wizard.done_page
    names = {c.full_name: c for c in list_clients(db)}
    assert set(names) == {"Old", "Zoë Ødegård", "Ana Lima"}
    assert names["Ana Lima"].status is ClientStatus.ENQUIRY
    saved = wizard.done_page.save_refused_to(tmp_path / "fix-me.csv")
    assert "Not imported because" in saved.read_text(encoding="utf-8-sig")


def test_choosing_another_encoding_reads_the_file_again(
    ctx: Any, qtbot: QtBot, tmp_path: Path, message_boxes: Any
) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes("Name,Email\r\nZoë Ødegård,zoe@example.org\r\n".encode("cp1252"))
    wizard = ImportClientsWizard(ctx, path)
    qtbot.addWidget(wizard)
    columns = wizard.columns_page
    columns.encoding.setCurrentIndex(columns.encoding.findData("utf-16"))
    columns.reread()  # UTF-16 cannot read it: a plain refusal, the file as it was
    assert wizard.sheet.encoding == "cp1252"
    assert "cannot be read as UTF-16" in message_boxes.texts()[-1]
    assert columns.encoding.currentData() == "cp1252"
    columns.separator.setCurrentIndex(columns.separator.findData(";"))
    columns.reread()
    assert wizard.sheet.headers == ("Name,Email",)
    assert not columns.isComplete()  # no column holds a name now
    assert "names" in columns.error.text()


def test_export_practice_runs_off_the_gui_thread(
    ctx: Any, db: Database, qtbot: QtBot, tmp_path: Path, message_boxes: Any
) -> None:
    create_client(db, first_name="Zoë")
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    target = tmp_path / "practice.json"
    task = export_practice_to(ctx, parent, target)
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    assert json.loads(target.read_text(encoding="utf-8"))["clients"][0]["first_name"] == "Zoë"
    assert "not encrypted" in message_boxes.texts()[-1]


def test_csv_button_and_lists_dialog(
    ctx: Any, db: Database, qtbot: QtBot, tmp_path: Path, message_boxes: Any
) -> None:
    create_client(db, first_name="Zoë")
    button = CsvExportButton(ctx, ["clients", "enrolments"])
    qtbot.addWidget(button)
    assert [a.text() for a in button.menu().actions()] == ["Clients…", "Enrolments…"]
    task = button.export_to(tmp_path / "clients.csv", "clients")
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    assert "Zoë" in (tmp_path / "clients.csv").read_text(encoding="utf-8-sig")
    sessions = CsvExportButton(ctx, ["sessions"])
    qtbot.addWidget(sessions)
    assert [a.text() for a in sessions.menu().actions()] == [
        "Sessions…",
        "Sessions with their notes…",
    ]
    dialog = ExportListsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.checks["payments"].setChecked(False)
    folder = tmp_path / "lists"
    folder.mkdir()
    lists_task = dialog.export_to(folder)
    assert lists_task is not None
    with qtbot.waitSignal(lists_task.finished, timeout=30_000):
        pass
    assert sorted(p.name for p in folder.iterdir()) == [
        "clients.csv",
        "enrolments.csv",
        "instalments.csv",
        "sessions.csv",
        "work-log.csv",
    ]
    message_boxes.answer = message_boxes.answer.No
    assert dialog.export_to(folder) is None  # the files are there: asked, and left alone


def test_calendar_dialog_leaves_names_out_when_asked(
    ctx: Any, db: Database, qtbot: QtBot, tmp_path: Path, worked_example: Any
) -> None:
    from datetime import UTC, datetime, timedelta

    from practice.services.sessions import plan_session

    enrolment = worked_example()
    plan_session(
        db,
        client_id=enrolment.client_id,
        starts_at=datetime.now(UTC).replace(microsecond=0) + timedelta(days=3),
        duration_minutes=60,
        kind="session",
        mode="video",
    )
    dialog = CalendarDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.name_buttons[dialog.name_style().NONE].setChecked(True)
    dialog.save_to(tmp_path / "sessions.ics")
    text = (tmp_path / "sessions.ics").read_text(encoding="utf-8")
    events = list(icalendar.Calendar.from_ical(text).walk("VEVENT"))
    assert len(events) == 1 and str(events[0]["SUMMARY"]) == "Session"
    assert "Ødegård" not in text


def test_the_wizard_asks_to_check_a_date_order_no_date_shows(
    ctx: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "c.csv"
    path.write_text("Name,DOB\nAna Lima,03/04/1980\n", encoding="utf-8")
    wizard = ImportClientsWizard(ctx, path)
    qtbot.addWidget(wizard)
    wizard.show()
    columns = wizard.columns_page
    assert columns.isComplete()
    assert columns.date_note.isVisible()
    assert "“03/04/1980”" in columns.date_note.text()
    # Once the column is not read as a date of birth, there is nothing to check.
    columns.field_boxes[1].setCurrentIndex(columns.field_boxes[1].findData("ignore"))
    assert columns.isComplete() and not columns.date_note.isVisible()
