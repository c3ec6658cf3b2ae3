"""The Enrol page: choose, preview the dates and instalments, agree."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from practice.db import Database
from practice.models import EnrolmentStatus, PaymentPlan
from practice.services import clients as client_service
from practice.services import enrolments as enrolment_service
from practice.services.enrolments import InstalmentPlan
from tests.ui.conftest import MessageBoxes
from tests.ui.test_programmes_page import make_programme
from ui.context import AppContext
from ui.models.enrol import InstalmentPreviewModel
from ui.pages.enrol import EnrolPage


def make_client(db: Database, first: str = "Zoë", last: str = "Ødegård") -> int:
    return client_service.create_client(db, first_name=first, last_name=last).id


def open_page(ctx: AppContext, qtbot: QtBot) -> EnrolPage:
    page = EnrolPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.refresh()
    return page


def test_preview_model_passes_the_model_tester(qtmodeltester: object) -> None:
    model = InstalmentPreviewModel()
    model.set_rows(
        [InstalmentPlan(1, date(2026, 3, 1), 40_000), InstalmentPlan(2, date(2026, 4, 1), 40_000)]
    )
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.index(1, 2).data() == "£400.00"


def test_preview_then_agree(ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes) -> None:
    client_id = make_client(ctx.db)
    make_programme(ctx.db)
    page = open_page(ctx, qtbot)
    assert not page.agree_button.isEnabled()
    page.open_item(client_id)
    page.start_date.setDate(QDate(2026, 1, 31))

    assert page.instalments.text() == "3 monthly instalments: £400.00 each"
    assert page.model.rowCount() == 3
    assert [page.model.index(r, 2).data() for r in range(3)] == ["£400.00"] * 3
    # Monthly from 31 January: the February instalment falls on the month's last day.
    assert page.model.row_at(1).due_date == date(2026, 2, 28)
    assert "Wednesday 29 April 2026" in page.summary.text()
    assert "£1,200.00" in page.summary.text()

    message_boxes.answer = QMessageBox.StandardButton.No
    qtbot.mouseClick(page.agree_button, Qt.MouseButton.LeftButton)

    [enrolment] = enrolment_service.list_enrolments(ctx.db, client_id=client_id)
    assert enrolment.status is EnrolmentStatus.ACTIVE
    assert enrolment.payment_plan is PaymentPlan.INSTALMENTS
    assert [i.amount for i in enrolment.instalments] == [40_000] * 3
    assert page.done.isVisible()
    assert "Zoë Ødegård is enrolled in Three months of change" in page.done.text()
    # The page starts afresh; choosing the client again offers the renewal.
    assert page.client.client_id() is None and page.agreed_price.text() == ""
    page.client.set_client_id(client_id)
    assert page.renewal.isVisible()
    assert page.renewal.count() == 2


def test_pressing_agree_twice_never_makes_two_enrolments(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    client_id = make_client(ctx.db)
    make_programme(ctx.db)
    page = open_page(ctx, qtbot)
    page.open_item(client_id)
    page.start_date.setDate(QDate(2026, 1, 31))
    message_boxes.answer = QMessageBox.StandardButton.No  # not a second enrolment
    qtbot.mouseClick(page.agree_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.agree_button, Qt.MouseButton.LeftButton)  # the second press
    assert len(enrolment_service.list_enrolments(ctx.db, client_id=client_id)) == 1
    # The same client, programme and dates chosen again on purpose: asked, and No keeps one.
    page.client.set_client_id(client_id)
    page.start_date.setDate(QDate(2026, 2, 14))
    shown = len(message_boxes.shown)
    page.enrol(True)
    assert message_boxes.shown[shown][1] == "Enrol a second time?"
    assert (
        "already has an active enrolment in Three months of change" in message_boxes.shown[shown][2]
    )
    assert len(enrolment_service.list_enrolments(ctx.db, client_id=client_id)) == 1
    assert "already has an active enrolment" in page.errors.message_for("programme_id")
    message_boxes.answer = QMessageBox.StandardButton.Yes  # meant: a second enrolment
    page.enrol(True)
    assert len(enrolment_service.list_enrolments(ctx.db, client_id=client_id)) == 2


def test_pay_in_full_saved_as_proposed(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    from practice.services import programmes as programme_service

    client_id = make_client(ctx.db, "Ελένη", "Παπαδοπούλου")
    programme_id = make_programme(ctx.db)
    programme_service.update_programme(ctx.db, programme_id, full_payment_discount=10_000)
    page = open_page(ctx, qtbot)
    page.client.set_client_id(client_id)
    assert page.pay_in_full.text() == "Pay in full: £1,100.00 (£100.00 off)"
    page.pay_in_full.setChecked(True)
    assert page.model.rowCount() == 1
    assert "£1,100.00" in page.summary.text()
    assert not page.renewal.isVisible()

    message_boxes.answer = QMessageBox.StandardButton.No
    qtbot.mouseClick(page.propose_button, Qt.MouseButton.LeftButton)
    [enrolment] = enrolment_service.list_enrolments(ctx.db, client_id=client_id)
    assert enrolment.status is EnrolmentStatus.PROPOSED
    assert enrolment.agreed_price == 110_000
    assert enrolment.discount == 10_000


def test_a_refused_renewal_is_explained_beside_the_field(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    client_id = make_client(ctx.db)
    programme_id = make_programme(ctx.db)
    enrolment_service.enrol_client(
        ctx.db,
        client_id=client_id,
        programme_id=programme_id,
        start_date=date(2026, 3, 1),
        payment_plan=PaymentPlan.FULL,
        agree=True,
    )
    page = open_page(ctx, qtbot)
    page.client.set_client_id(client_id)
    page.start_date.setDate(QDate(2026, 2, 1))
    page.renewal.setCurrentIndex(1)
    assert "must start after" in page.errors.message_for("renewal_of_id")
    assert not page.agree_button.isEnabled()
    page.start_date.setDate(QDate(2026, 6, 1))
    assert page.errors.message_for("renewal_of_id") == ""
    assert page.agree_button.isEnabled()
    assert message_boxes.shown == []


def test_navigating_to_enrol_with_a_client_preselects_them(
    ctx: AppContext, window: object, qtbot: QtBot
) -> None:
    client_id = make_client(ctx.db)
    make_programme(ctx.db)
    ctx.navigate.emit("enrol", client_id)
    page = window.page("enrol")  # type: ignore[attr-defined]
    assert isinstance(page, EnrolPage)
    assert window.current_page() is page  # type: ignore[attr-defined]
    assert page.client.client_id() == client_id
    assert page.model.rowCount() == 3


def test_a_price_agreed_for_this_client(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    client_id = make_client(ctx.db)
    make_programme(ctx.db)
    page = open_page(ctx, qtbot)
    page.client.set_client_id(client_id)
    assert page.agreed_price.placeholderText() == "1,200.00"
    qtbot.keyClicks(page.agreed_price, "900")
    qtbot.waitUntil(lambda: "£900.00" in page.summary.text(), timeout=3000)
    assert [page.model.index(r, 2).data() for r in range(3)] == ["£300.00"] * 3
    page.agreed_price.setText("9.999")
    page.update_preview()
    assert "decimal places" in page.errors.message_for("agreed_price")
    assert not page.agree_button.isEnabled()
    page.agreed_price.setText("900")
    page.update_preview()
    message_boxes.answer = QMessageBox.StandardButton.No
    page.agree_button.click()
    [enrolment] = enrolment_service.list_enrolments(ctx.db, client_id=client_id)
    assert enrolment.agreed_price == 90_000
