"""The Programmes page: create, edit, duplicate and archive, with live planned economics."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from practice.db import Database
from practice.models import InclusionKind, LengthUnit, SupportMode
from practice.services import programmes as programme_service
from practice.services.programmes import InclusionSpec, PeriodPlan
from tests.ui.conftest import MessageBoxes
from ui.context import AppContext
from ui.models.programme_plan import InclusionModel, InclusionRow, PeriodPlanModel, PeriodRow
from ui.models.programmes import ProgrammeListModel
from ui.pages.programmes import ProgrammesPage
from ui.widgets.plan_preview import describe_plan


def make_programme(db: Database, name: str = "Three months of change") -> int:
    programme = programme_service.create_programme(
        db,
        name=name,
        description="We meet weekly at first, then every other week.",
        length_value=3,
        length_unit=LengthUnit.MONTHS,
        session_minutes=60,
        periods=[PeriodPlan(1, 1, 3), PeriodPlan(2, 3, 2)],
        support_mode=SupportMode.COUNT,
        support_call_count=4,
        support_call_minutes=15,
        inclusions=[InclusionSpec(InclusionKind.RECORDING, "Relaxation recording")],
        price=120_000,
        currency="GBP",
        instalment_count=3,
        prep_minutes_per_session=15,
        writeup_minutes_per_session=20,
        supervision_minutes_per_month=60,
    )
    return programme.id


def open_page(ctx: AppContext, qtbot: QtBot) -> ProgrammesPage:
    page = ProgrammesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.refresh()
    return page


def test_plan_in_plain_words() -> None:
    assert (
        describe_plan([PeriodRow(1, 1, 3), PeriodRow(2, 3, 2)], "month")
        == "3 sessions in month 1, then 2 a month in months 2–3."
    )
    assert describe_plan([PeriodRow(1, 2, 1)], "week") == "1 session a week in weeks 1–2."
    assert describe_plan([], "month") == "No sessions planned yet."


def test_models_pass_the_model_tester(db: Database, qtmodeltester: object) -> None:
    make_programme(db)
    programmes = ProgrammeListModel()
    programmes.set_rows(programme_service.list_programmes(db))
    periods = PeriodPlanModel()
    periods.set_rows([PeriodRow(1, 1, 3), PeriodRow(2, 3, 2)])
    inclusions = InclusionModel()
    inclusions.set_rows(
        [
            InclusionRow(InclusionKind.VIDEO, "Welcome video"),
            InclusionRow(InclusionKind.RESOURCE, "Career change workbook"),
        ]
    )
    for model in (programmes, periods, inclusions):
        qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert programmes.index(0, 3).data() == "£99.31/h"
    # Not "Pointed to a resource" (an enquiry outcome with the same stored value).
    assert inclusions.index(1, 0).data() == "Resource"


def test_plan_and_inclusion_rows_are_added_numbered_and_removed() -> None:
    periods = PeriodPlanModel("Week")
    assert periods.add_row() == 0
    assert periods.add_row() == 1
    assert periods.rows() == [PeriodRow(1, 1, 1), PeriodRow(2, 2, 1)]  # continues after the last
    horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
    headers = [periods.headerData(c, horizontal) for c in range(periods.columnCount())]
    assert headers == ["From week", "To week", "Sessions each"]
    assert periods.headerData(1, vertical) == "2"
    assert periods.headerData(2, vertical) is None
    assert periods.flags(periods.index(0, 2)) & Qt.ItemFlag.ItemIsEditable
    periods.remove_row(0)
    periods.remove_row(5)  # no such row: nothing happens
    assert periods.rows() == [PeriodRow(2, 2, 1)]
    inclusions = InclusionModel()
    assert inclusions.add_row() == 0
    assert inclusions.rows() == [InclusionRow(InclusionKind.RECORDING, "")]
    assert inclusions.headerData(1, horizontal) == "Description"
    inclusions.remove_row(0)
    assert inclusions.rowCount() == 0


def test_typing_a_new_programme_updates_economics_and_saves(ctx: AppContext, qtbot: QtBot) -> None:
    page = open_page(ctx, qtbot)
    form = page.form
    qtbot.keyClicks(form.name, "Three months of change")
    form.periods.set_rows([PeriodRow(1, 1, 3), PeriodRow(2, 3, 2)])
    form.support_mode.setCurrentIndex(form.support_mode.findData(SupportMode.COUNT.value))
    form.support_call_count.setValue(4)
    qtbot.keyClicks(form.price, "1,200")
    form.instalment_count.setValue(3)
    # 7 sessions × 60 + 4 × 15 = 8 h contact; 7 × 35 = 4 h 5 min unseen, 12 h 5 min of
    # the client's time; supervision 3 × 60 = 3 h beside it; 120000 × 60 / 725 = £99.31/h
    assert page.economics.contact.text() == "8 h"
    assert page.economics.unseen.text() == "4 h 5 min"
    assert page.economics.total.text() == "12 h 5 min"
    assert page.economics.supervision.text() == "3 h"
    assert page.economics.rate.text() == "£99.31/h"
    assert page.economics.per_month.text() == "£400.00"
    assert page.economics.instalments.text() == "3 × £400.00"
    assert form.plan_preview.text() == "3 sessions in month 1, then 2 a month in months 2–3."

    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    saved = programme_service.list_programmes(ctx.db)
    assert [p.name for p in saved] == ["Three months of change"]
    assert saved[0].price == 120_000
    assert saved[0].support_call_count == 4
    assert page.model.rowCount() == 1
    assert page.current_id == saved[0].id
    assert not page.dirty


def test_validation_error_shows_beside_the_field(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    page = open_page(ctx, qtbot)
    qtbot.keyClicks(page.form.name, "Gap")
    page.form.length_value.setValue(3)
    page.form.periods.set_rows([PeriodRow(1, 2, 2)])
    qtbot.keyClicks(page.form.price, "300")
    page.save()
    assert "month 3 has no line" in page.form.errors.message_for("periods")
    assert programme_service.list_programmes(ctx.db) == []

    page.form.price.clear()
    qtbot.keyClicks(page.form.price, "12.345")
    page.save()
    assert "decimal places" in page.form.errors.message_for("price")
    assert message_boxes.shown == []


def test_edit_duplicate_and_archive(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    programme_id = make_programme(ctx.db)
    page = open_page(ctx, qtbot)
    page.view.selectRow(0)
    assert page.current_id == programme_id
    assert page.form.name.text() == "Three months of change"
    assert page.form.price.text() == "1,200.00"
    assert page.economics.rate.text() == "£99.31/h"

    page.form.price.clear()
    qtbot.keyClicks(page.form.price, "1500")
    assert page.dirty
    page.save()
    assert programme_service.get_programme(ctx.db, programme_id).price == 150_000

    page.duplicate()
    names = sorted(p.name for p in programme_service.list_programmes(ctx.db))
    assert names == ["Three months of change", "Three months of change (copy)"]
    copy_id = page.current_id
    assert copy_id != programme_id

    message_boxes.answer = message_boxes.answer.Yes
    page.archive()
    assert [p.id for p in programme_service.list_programmes(ctx.db)] == [programme_id]
    assert page.model.rowCount() == 1
    page.show_archived.setChecked(True)
    assert page.model.rowCount() == 2
    page.open_item(copy_id)
    assert page.archive_button.text() == "Rest&ore"
    page.archive()
    assert len(programme_service.list_programmes(ctx.db)) == 2
    assert page.archive_button.text() == "&Archive"


def test_open_item_shows_that_programme(ctx: AppContext, qtbot: QtBot) -> None:
    make_programme(ctx.db, "First")
    second = make_programme(ctx.db, "Second")
    page = open_page(ctx, qtbot)
    page.open_item(second)
    assert page.form.name.text() == "Second"
    assert page.heading.text() == "Second"


def test_lengthening_a_programme_extends_the_last_line_of_the_plan(
    ctx: AppContext, qtbot: QtBot
) -> None:
    page = open_page(ctx, qtbot)
    form = page.form
    form.periods.set_rows([PeriodRow(1, 1, 3), PeriodRow(2, 3, 2)])
    form.length_value.setValue(6)
    assert [(r.first_period, r.last_period) for r in form.periods.rows()] == [(1, 1), (2, 6)]
    assert form.plan_preview.text() == "3 sessions in month 1, then 2 a month in months 2–6."
    form.length_value.setValue(1)  # shorter than the last line's start: left for the practitioner
    assert form.periods.rows()[-1].last_period == 6


def test_unsaved_edits_are_never_dropped_without_asking(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    first = make_programme(ctx.db, "First")
    second = make_programme(ctx.db, "Second")
    page = open_page(ctx, qtbot)
    page.open_item(first)
    page.form.name.end(False)
    qtbot.keyClicks(page.form.name, ", renamed")
    assert page.dirty
    # Opened from elsewhere (a client's enrolment): Cancel keeps the edits on screen.
    message_boxes.answer = message_boxes.answer.Cancel
    page.open_item(second)
    assert page.current_id == first and page.form.name.text() == "First, renamed"
    assert message_boxes.shown[-1][1] == "Unsaved changes"
    # Closing the app asks too; Cancel keeps the window open, Save saves.
    assert not page.can_close()
    message_boxes.answer = message_boxes.answer.Save
    assert page.can_close()
    assert programme_service.get_programme(ctx.db, first).name == "First, renamed"
    assert not page.dirty and page.can_close()


def test_long_programme_names_are_shown_whole(ctx: AppContext, qtbot: QtBot) -> None:
    make_programme(ctx.db, "New Direction: six-month coaching for leaders in transition")
    make_programme(ctx.db, "Short")
    page = open_page(ctx, qtbot)
    page.resize(1024, 700)
    page.show()
    qtbot.waitExposed(page)
    view = page.view
    long_row = next(
        r for r in range(page.model.rowCount()) if "leaders" in page.model.index(r, 0).data()
    )
    short_row = 1 - long_row
    assert view.textElideMode() == Qt.TextElideMode.ElideNone and view.wordWrap()
    assert view.rowHeight(long_row) > view.rowHeight(short_row)  # on more lines, not cut


def test_the_editor_is_seen_whole_on_a_1024_pixel_screen(
    ctx: AppContext, qtbot: QtBot, db: Database
) -> None:
    """At 1024×768 the list and the economics give way: the editor's captions and fields
    are not scrolled sideways out of view (they were, with no caption beside Price)."""
    from PySide6.QtWidgets import QScrollArea

    from ui.main_window import MainWindow

    make_programme(db)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1024, 740)
    window.show()
    window.show_page("programmes")
    page: Any = window.page("programmes")
    page.view.selectRow(0)
    scroll = next(a for a in page.findChildren(QScrollArea) if a.widget() is page.form)
    qtbot.waitUntil(lambda: page.splitter.sizes()[0] <= 200)
    qtbot.waitUntil(lambda: scroll.horizontalScrollBar().maximum() == 0)
    window.resize(1366, 740)  # wide again: the list has its room back
    qtbot.waitUntil(lambda: page.splitter.sizes()[0] > 300)
