"""Sessions: the week agenda, logging a session with notes and action items, drafts,
the suggested prep/write-up afterwards, and note editing, locking and addenda."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from practice.db import Database
from practice.errors import ValidationError
from practice.models import (
    ActionStatus,
    Attendance,
    PaymentPlan,
    SessionKind,
    SessionMode,
    WorkCategory,
)
from practice.services import action_items as action_service
from practice.services import drafts
from practice.services import enrolments as enrolment_service
from practice.services import notes as note_service
from practice.services import sessions as session_service
from practice.services import worklog as worklog_service
from practice.services.action_items import NewActionItem
from practice.timeutil import today
from tests.ui.conftest import MessageBoxes
from tests.ui.test_enrol_page import make_client
from tests.ui.test_programmes_page import make_programme
from ui.context import AppContext
from ui.dialogs.session_log import SessionLogDialog
from ui.dialogs.session_note import SessionNoteDialog
from ui.dialogs.work_suggestions import WorkSuggestionsDialog, question
from ui.models.sessions import ActionReviewModel, NewActionItemModel, NewItemRow, SessionListModel
from ui.pages.sessions import SessionsPage, local_midnight, week_start
from ui.widgets.draft_keeper import draft_key


def enrolled_client(db: Database) -> tuple[int, int]:
    client_id = make_client(db)
    enrolment = enrolment_service.enrol_client(
        db,
        client_id=client_id,
        programme_id=make_programme(db),
        start_date=today() - timedelta(days=30),
        payment_plan=PaymentPlan.INSTALMENTS,
        agree=True,
    )
    return client_id, enrolment.id


def earlier_session_with_item(db: Database, client_id: int, enrolment_id: int) -> int:
    session = session_service.log_session(
        db,
        client_id=client_id,
        enrolment_id=enrolment_id,
        starts_at=local_midnight(today() - timedelta(days=14)) + timedelta(hours=10),
        duration_minutes=60,
        kind=SessionKind.SESSION,
        mode=SessionMode.VIDEO,
        attendance=Attendance.ATTENDED,
        notes="First meeting.",
        new_action_items=[NewActionItem("Walk every morning")],
    )
    return session.action_items[0].id


def test_models_pass_the_model_tester(db: Database, qtmodeltester: object) -> None:
    client_id, enrolment_id = enrolled_client(db)
    earlier_session_with_item(db, client_id, enrolment_id)
    agenda = SessionListModel()
    agenda.set_rows(session_service.list_sessions(db))
    reviews = ActionReviewModel()
    reviews.set_items(action_service.open_action_items(db, client_id))
    reviews.set_status(0, ActionStatus.PARTLY)
    new_items = NewActionItemModel()
    new_items.append(NewItemRow("Read chapter 2", date(2030, 1, 1)))
    for model in (agenda, reviews, new_items):
        qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert agenda.index(0, 2).data() == "Zoë Ødegård"
    assert agenda.index(0, 7).data() == "Written"
    assert reviews.index(0, 3).data() == "Partly"


def test_log_a_session_reviews_items_and_adds_new_ones(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    client_id, enrolment_id = enrolled_client(ctx.db)
    item_id = earlier_session_with_item(ctx.db, client_id, enrolment_id)
    dialog = SessionLogDialog(ctx, client_id=client_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.enrolment.currentData() == enrolment_id
    assert dialog.reviews.rowCount() == 1
    yesterday = QDateTime.currentDateTime().addDays(-1)
    dialog.starts_at.setDateTime(yesterday)
    qtbot.keyClicks(dialog.notes, "Talked about sleep.")
    dialog.reviews.set_status(0, ActionStatus.DONE)
    qtbot.keyClicks(dialog.new_description, "Keep a sleep diary")
    dialog.add_item_button.click()
    assert dialog.new_items.rowCount() == 1

    dialog.save()

    assert dialog.result() == dialog.DialogCode.Accepted
    session = dialog.saved_session
    assert session is not None
    saved = session_service.get_session(ctx.db, session.id)
    assert saved.note is not None and saved.note.body == "Talked about sleep."
    assert saved.enrolment_id == enrolment_id
    assert [i.description for i in saved.action_items] == ["Keep a sleep diary"]
    [reviewed] = [
        i for i in action_service.list_action_items(ctx.db, client_id=client_id) if i.id == item_id
    ]
    assert reviewed.status is ActionStatus.DONE
    assert reviewed.reviewed_session_id == session.id
    assert drafts.get_draft(ctx.db, draft_key(client_id, None) or "") is None


def test_a_session_in_the_future_cannot_be_attended(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    client_id = make_client(ctx.db)
    dialog = SessionLogDialog(ctx, client_id=client_id)
    qtbot.addWidget(dialog)
    dialog.starts_at.setDateTime(QDateTime.currentDateTime().addDays(3))
    dialog.save()
    assert "has not started yet" in dialog.errors.message_for("attendance")
    assert session_service.list_sessions(ctx.db) == []


def test_notes_are_kept_as_a_draft_and_restored(ctx: AppContext, qtbot: QtBot) -> None:
    client_id = make_client(ctx.db)
    key = draft_key(client_id, None)
    assert key == f"note:new:client:{client_id}"
    dialog = SessionLogDialog(ctx, client_id=client_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.notes, "Half a thought")
    # Saved a moment after typing stops, without closing anything.
    qtbot.waitUntil(lambda: drafts.get_draft(ctx.db, key) == "Half a thought", timeout=5000)
    qtbot.keyClicks(dialog.notes, " and the rest")
    dialog.reject()  # closing keeps the latest text at once
    assert drafts.get_draft(ctx.db, key) == "Half a thought and the rest"

    again = SessionLogDialog(ctx, client_id=client_id)
    qtbot.addWidget(again)
    assert again.notes.toPlainText() == "Half a thought and the rest"
    assert not again.draft_notice.isHidden()
    again.starts_at.setDateTime(QDateTime.currentDateTime().addSecs(-3600))
    again.save()
    assert again.saved_session is not None
    assert drafts.get_draft(ctx.db, key) is None


def test_suggested_prep_and_write_up_can_be_edited_and_accepted(
    ctx: AppContext, qtbot: QtBot
) -> None:
    client_id, enrolment_id = enrolled_client(ctx.db)
    session = session_service.log_session(
        ctx.db,
        client_id=client_id,
        enrolment_id=enrolment_id,
        starts_at=datetime.now().astimezone() - timedelta(hours=2),
        duration_minutes=60,
        kind=SessionKind.SESSION,
        mode=SessionMode.IN_PERSON,
        attendance=Attendance.ATTENDED,
    )
    suggestions = worklog_service.suggest_work_after_session(ctx.db, session.id)
    assert question(suggestions) == "Add 15 min prep + 20 min write-up?"
    dialog = WorkSuggestionsDialog(ctx, suggestions)
    qtbot.addWidget(dialog)
    dialog.minutes[1].setValue(30)
    dialog.save()
    entries = worklog_service.list_work(ctx.db, client_id=client_id)
    assert sorted((e.category, e.minutes) for e in entries) == [
        (WorkCategory.PREP, 15),
        (WorkCategory.WRITE_UP, 30),
    ]
    assert all(e.session_id == session.id for e in entries)


def test_note_edit_history_lock_and_addendum(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    client_id, enrolment_id = enrolled_client(ctx.db)
    earlier_session_with_item(ctx.db, client_id, enrolment_id)
    [session] = session_service.list_sessions(ctx.db)
    dialog = SessionNoteDialog(ctx, session.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.body.toPlainText() == "First meeting."
    dialog.body.setPlainText("First meeting, corrected.")
    dialog.save_note()
    assert [v.body for v in note_service.note_history(ctx.db, session.id)] == ["First meeting."]
    assert dialog.history.count() == 1

    dialog.lock()  # the question is answered Yes
    assert dialog.body.isReadOnly()
    assert not dialog.addendum_box.isHidden()
    dialog.addendum.setPlainText("Client later said the walks were daily.")
    dialog.add_addendum()
    note = session_service.get_session(ctx.db, session.id).note
    assert note is not None and note.locked_at is not None
    assert [a.body for a in note.addenda] == ["Client later said the walks were daily."]
    assert "walks were daily" in dialog.addenda.text()


def test_lock_and_sign_saves_and_signs_together_or_not_at_all(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    client_id, enrolment_id = enrolled_client(ctx.db)
    earlier_session_with_item(ctx.db, client_id, enrolment_id)
    [session] = session_service.list_sessions(ctx.db)
    dialog = SessionNoteDialog(ctx, session.id)
    qtbot.addWidget(dialog)
    dialog.show()

    # Clearing the text and signing: the save would empty the note, so signing is refused
    # and the note keeps its text (no emptied version left behind).
    dialog.body.setPlainText("")
    dialog.lock()
    assert "is empty" in message_boxes.texts()[-1]
    note = session_service.get_session(ctx.db, session.id).note
    assert note is not None and (note.body, note.locked_at) == ("First meeting.", None)
    assert note_service.note_history(ctx.db, session.id) == []

    # Signing fails after the typed text was written: the text is not saved either,
    # and it stays in the editor.
    def refuse(*_args: object) -> None:
        raise ValidationError("note", "could not be signed just now.")

    dialog.body.setPlainText("First meeting, corrected.")
    with monkeypatch.context() as patched:
        patched.setattr(note_service, "_lock_in", refuse)
        dialog.lock()
    assert "could not be signed" in message_boxes.texts()[-1]
    note = session_service.get_session(ctx.db, session.id).note
    assert note is not None and (note.body, note.locked_at) == ("First meeting.", None)
    assert dialog.body.toPlainText() == "First meeting, corrected."
    assert not dialog.body.isReadOnly()

    dialog.lock()
    note = session_service.get_session(ctx.db, session.id).note
    assert note is not None and note.locked_at is not None
    assert note.body == "First meeting, corrected."
    assert [v.body for v in note.versions] == ["First meeting."]
    assert dialog.body.isReadOnly()


def test_week_agenda_navigation_filter_and_attendance(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    client_id, enrolment_id = enrolled_client(ctx.db)
    other = make_client(ctx.db, "Андрей", "Смирнов")
    monday = week_start(today())
    next_week = monday + timedelta(days=8)
    planned = session_service.plan_session(
        ctx.db,
        client_id=client_id,
        enrolment_id=enrolment_id,
        starts_at=local_midnight(next_week) + timedelta(hours=9),
        duration_minutes=60,
        kind=SessionKind.SESSION,
        mode=SessionMode.VIDEO,
    )
    session_service.plan_session(
        ctx.db,
        client_id=other,
        starts_at=local_midnight(next_week) + timedelta(hours=11),
        duration_minutes=50,
        kind=SessionKind.SESSION,
        mode=SessionMode.PHONE,
    )
    page = SessionsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.refresh()
    page.show_week(monday)
    if page.model.rowCount() == 0:
        assert not page.empty.isHidden()
    page.next_button.click()
    assert page.monday == monday + timedelta(days=7)
    assert page.model.rowCount() == 2
    assert page.model.index(0, 0).data() != "" and page.model.index(1, 0).data() == ""

    page.client_filter.set_client_id(other)
    assert page.model.rowCount() == 1
    page.clear_filter.click()
    assert page.model.rowCount() == 2

    page.this_week_button.click()
    assert page.monday == monday
    page.open_item(planned.id)
    assert page.monday == monday + timedelta(days=7)
    assert page.selected_session() is not None
    assert page.selected_session().id == planned.id  # type: ignore[union-attr]
    page.set_attendance(Attendance.CANCELLED_EARLY)
    assert session_service.get_session(ctx.db, planned.id).attendance is Attendance.CANCELLED_EARLY


def test_log_session_from_the_page_then_accept_suggestions(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    client_id, _ = enrolled_client(ctx.db)
    page = SessionsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.client_filter.set_client_id(client_id)

    def fill_log_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SessionLogDialog)
        dialog.starts_at.setDateTime(QDateTime.currentDateTime().addSecs(-7200))
        dialog.notes.setPlainText("Good session.")
        QTimer.singleShot(0, accept_suggestions)
        dialog.save()

    def accept_suggestions() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, WorkSuggestionsDialog)
        dialog.add_button.click()

    QTimer.singleShot(0, fill_log_dialog)
    page.new_item()

    [session] = session_service.list_sessions(ctx.db, client_id=client_id)
    assert page.selected_session() is not None
    minutes = sorted(e.minutes for e in worklog_service.list_work(ctx.db, client_id=client_id))
    assert minutes == [15, 20]
    assert session.note is not None and session.note.body == "Good session."


def test_review_is_chosen_with_the_combo_in_the_table(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    from PySide6.QtWidgets import QComboBox

    client_id, enrolment_id = enrolled_client(ctx.db)
    earlier_session_with_item(ctx.db, client_id, enrolment_id)
    dialog = SessionLogDialog(ctx, client_id=client_id)
    qtbot.addWidget(dialog)
    dialog.show()
    index = dialog.reviews.index(0, ActionReviewModel.REVIEW_COLUMN)
    combo = dialog.review_view.indexWidget(index)
    assert isinstance(combo, QComboBox)
    position = combo.findData(ActionStatus.DROPPED.value)
    combo.setCurrentIndex(position)
    combo.activated.emit(position)
    assert dialog.reviews.reviews()[0][1] is ActionStatus.DROPPED
    assert index.data() == "Not done (dropped)"


def test_enter_on_a_logged_session_opens_its_note(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    from PySide6.QtCore import Qt

    client_id, enrolment_id = enrolled_client(ctx.db)
    earlier_session_with_item(ctx.db, client_id, enrolment_id)
    [session] = session_service.list_sessions(ctx.db)
    page = SessionsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.open_item(session.id)
    page.view.setFocus()
    seen: list[str] = []

    def close_note() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SessionNoteDialog)
        seen.append(dialog.body.toPlainText())
        dialog.reject()

    QTimer.singleShot(0, close_note)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert seen == ["First meeting."]


def test_support_call_takes_the_default_call_length(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = SessionLogDialog(ctx, client_id=make_client(ctx.db))
    qtbot.addWidget(dialog)
    assert dialog.duration.value() == 60  # the profile's default session length
    dialog.kind.setCurrentIndex(dialog.kind.findData(SessionKind.SUPPORT_CALL.value))
    assert dialog.duration.value() == 15  # the default support call
    dialog.kind.setCurrentIndex(dialog.kind.findData(SessionKind.SESSION.value))
    assert dialog.duration.value() == 60
    dialog.duration.setValue(90)
    dialog.kind.setCurrentIndex(dialog.kind.findData(SessionKind.SUPPORT_CALL.value))
    assert dialog.duration.value() == 90  # typed by hand: kept


def test_all_dates_lists_a_clients_whole_history(ctx: AppContext, qtbot: QtBot) -> None:
    client_id, enrolment_id = enrolled_client(ctx.db)
    earlier_session_with_item(ctx.db, client_id, enrolment_id)  # two weeks ago
    session_service.plan_session(
        ctx.db,
        client_id=client_id,
        starts_at=local_midnight(today() + timedelta(days=40)) + timedelta(hours=9),
        duration_minutes=60,
        kind=SessionKind.SESSION,
        mode=SessionMode.VIDEO,
    )
    page = SessionsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert not page.all_dates.isEnabled()
    page.client_filter.set_client_id(client_id)
    assert page.model.rowCount() == 0 and not page.empty.isHidden()
    page.all_dates.setChecked(True)
    assert page.model.rowCount() == 2
    first_day = page.model.index(0, 0).data()
    assert first_day.endswith(str((today() - timedelta(days=14)).year))
    assert not page.next_button.isEnabled()
    page.this_week_button.click()
    assert not page.all_dates.isChecked()
    assert page.model.rowCount() == 0


def test_flush_all_writes_pending_drafts_at_once(ctx: AppContext, qtbot: QtBot) -> None:
    from ui.widgets.draft_keeper import flush_all

    client_id = make_client(ctx.db)
    dialog = SessionLogDialog(ctx, client_id=client_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.private_notes, "Before the lock")
    flush_all()  # what the app calls before it locks
    key = draft_key(client_id, None, private=True)
    assert key is not None and drafts.get_draft(ctx.db, key) == "Before the lock"


def test_plan_a_session_then_log_it_when_it_has_happened(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    from ui.dialogs.plan_session import PlanSessionDialog

    client_id, enrolment_id = enrolled_client(ctx.db)
    item_id = earlier_session_with_item(ctx.db, client_id, enrolment_id)
    plan = PlanSessionDialog(ctx, client_id=client_id)
    qtbot.addWidget(plan)
    assert plan.enrolment.currentData() == enrolment_id
    two_hours_ago = QDateTime.currentDateTime().addSecs(-7200)
    plan.starts_at.setDateTime(two_hours_ago)
    plan.mode.setCurrentIndex(plan.mode.findData(SessionMode.PHONE.value))
    plan.save()
    planned = plan.saved_session
    assert planned is not None and planned.attendance is Attendance.PLANNED

    page = SessionsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.open_item(planned.id)

    def log_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SessionLogDialog)
        assert dialog.planned is not None and dialog.planned.id == planned.id
        assert dialog.mode.currentData() == SessionMode.PHONE.value
        assert not dialog.client.isEnabled()
        dialog.notes.setPlainText("Call went well.")
        dialog.reviews.set_status(0, ActionStatus.PARTLY)
        QTimer.singleShot(0, skip_suggestions)
        dialog.save()

    def skip_suggestions() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, WorkSuggestionsDialog)
        dialog.skip_button.click()

    QTimer.singleShot(0, log_it)
    page.open_selected()

    logged = session_service.get_session(ctx.db, planned.id)
    assert logged.attendance is Attendance.ATTENDED
    assert logged.note is not None and logged.note.body == "Call went well."
    [item] = [
        i for i in action_service.list_action_items(ctx.db, client_id=client_id) if i.id == item_id
    ]
    assert item.status is ActionStatus.PARTLY and item.reviewed_session_id == planned.id
    assert len(session_service.list_sessions(ctx.db, client_id=client_id)) == 2
    assert worklog_service.list_work(ctx.db) == []  # the suggestions were declined


def test_agenda_shows_a_note_with_an_unsaved_draft(ctx: AppContext, qtbot: QtBot) -> None:
    client_id, enrolment_id = enrolled_client(ctx.db)
    earlier_session_with_item(ctx.db, client_id, enrolment_id)
    [session] = session_service.list_sessions(ctx.db)
    drafts.save_draft(ctx.db, f"note:session:{session.id}", "Something I was adding")
    page = SessionsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.open_item(session.id)
    assert page.model.index(0, 7).data() == "Written, unsaved draft"


def test_delete_a_session_but_not_one_with_a_signed_note(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    client_id, enrolment_id = enrolled_client(ctx.db)
    earlier_session_with_item(ctx.db, client_id, enrolment_id)
    [signed] = session_service.list_sessions(ctx.db)
    note_service.lock_note(ctx.db, signed.id)
    planned = session_service.plan_session(
        ctx.db,
        client_id=client_id,
        starts_at=local_midnight(today() + timedelta(days=2)) + timedelta(hours=9),
        duration_minutes=60,
        kind=SessionKind.SESSION,
        mode=SessionMode.VIDEO,
    )
    page = SessionsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.open_item(signed.id)
    page.delete_selected()  # answered Yes, refused by the service
    assert "locked note" in message_boxes.texts()[-1]
    page.open_item(planned.id)
    page.delete_selected()
    assert [s.id for s in session_service.list_sessions(ctx.db)] == [signed.id]


def test_due_date_calendar_opens_at_this_month(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = SessionLogDialog(ctx, client_id=make_client(ctx.db))
    qtbot.addWidget(dialog)
    dialog.show()
    calendar = dialog.new_due.calendarWidget()
    assert calendar is not None
    calendar.window().show()  # the calendar popup opens
    now = QDateTime.currentDateTime().date()
    assert (calendar.yearShown(), calendar.monthShown()) == (now.year(), now.month())
    assert dialog.new_due.text() == "no due date"


def test_saving_the_same_session_twice_asks_before_a_second(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    from PySide6.QtWidgets import QMessageBox

    client_id = make_client(ctx.db)
    when = QDateTime.currentDateTime().addSecs(-3600)
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    for answer, sessions in ((yes, 1), (no, 1), (yes, 2)):
        first = SessionLogDialog(ctx, client_id=client_id)
        qtbot.addWidget(first)
        first.starts_at.setDateTime(when)
        message_boxes.answer = answer
        first.save()
        assert len(session_service.list_sessions(ctx.db, client_id=client_id)) == sessions
    # the first save asked nothing; the second and third asked, No then Yes
    assert [title for _kind, title, _text in message_boxes.shown] == [
        "Log a second session?",
        "Log a second session?",
    ]
