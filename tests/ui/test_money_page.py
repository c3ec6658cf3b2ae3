"""The Money page: instalments by status, recording payments and refunds, receipts."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from practice.db import Database
from practice.economics import InstalmentState, instalment_rows
from practice.models import PaymentKind, PaymentMethod, PaymentPlan
from practice.money import format_money
from practice.services import enrolments as enrolment_service
from practice.services import payments as payment_service
from practice.services.profile import update_profile
from practice.timeutil import today
from tests.ui.conftest import MessageBoxes
from tests.ui.test_enrol_page import make_client
from tests.ui.test_programmes_page import make_programme
from ui.context import AppContext
from ui.dialogs.payment import PaymentDialog
from ui.dialogs.payment_correction import PaymentCorrectionDialog
from ui.models.money import InstalmentModel, PaymentModel
from ui.pages.client.payments import PaymentsTab
from ui.pages.money import STATUS_FILTERS, TOTALS, MoneyPage


def enrolment_started_weeks_ago(db: Database, weeks: int = 3) -> int:
    """Three monthly instalments of £400.00; the first is overdue, the second due soon."""
    enrolment = enrolment_service.enrol_client(
        db,
        client_id=make_client(db),
        programme_id=make_programme(db),
        start_date=today() - timedelta(weeks=weeks),
        payment_plan=PaymentPlan.INSTALMENTS,
        agree=True,
    )
    return enrolment.id


def open_page(ctx: AppContext, qtbot: QtBot) -> MoneyPage:
    page = MoneyPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.refresh()
    return page


def test_models_pass_the_model_tester(db: Database, qtmodeltester: object) -> None:
    enrolment_id = enrolment_started_weeks_ago(db)
    payment_service.record_payment(
        db,
        enrolment_id=enrolment_id,
        amount=10_000,
        received_on=today(),
        method=PaymentMethod.CARD,
    )
    instalments = InstalmentModel()
    instalments.set_rows(instalment_rows(db, today=today()))
    payments = PaymentModel()
    payments.set_rows(payment_service.list_payments(db))
    for model in (instalments, payments):
        qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert instalments.index(0, 6).data() == "£300.00"  # £100 paid towards the first
    assert payments.index(0, 4).data() == "£100.00"


def test_filters_and_record_a_payment_against_an_instalment(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    enrolment_id = enrolment_started_weeks_ago(ctx.db)
    page = open_page(ctx, qtbot)
    assert page.status.currentText() == "To be paid"
    assert page.instalments.rowCount() == 3
    assert "1 overdue" in page.counts.text()
    page.status.setCurrentIndex([t for t, _ in STATUS_FILTERS].index("Overdue"))
    assert page.instalments.rowCount() == 1
    assert page.instalments.index(0, 7).data().startswith("Overdue (")
    assert page.no_payments.isVisibleTo(page)

    page.instalment_view.selectRow(0)
    assert page.pay_button.isEnabled()
    message_boxes.answer = QMessageBox.StandardButton.No  # no receipt now

    def pay() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PaymentDialog)
        assert dialog.amount.text() == "400.00"  # pre-filled with what is left
        dialog.reference.setText("BACS 1234")
        dialog.save()

    QTimer.singleShot(0, pay)
    page.record_payment()

    [payment] = payment_service.list_payments(ctx.db, enrolment_id=enrolment_id)
    assert payment.amount == 40_000 and payment.reference == "BACS 1234"
    assert payment.instalment_number == 1
    assert page.instalments.rowCount() == 0  # nothing overdue any more
    assert not page.no_instalments.isHidden()
    page.status.setCurrentIndex([t for t, _ in STATUS_FILTERS].index("Paid"))
    assert page.instalments.rowCount() == 1
    assert page.payments.rowCount() == 1
    assert message_boxes.texts()[-1].startswith("Payment recorded")


def test_too_much_is_refused_beside_the_amount(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    enrolment_id = enrolment_started_weeks_ago(ctx.db)
    dialog = PaymentDialog(
        ctx, enrolment_id=enrolment_id, currency="GBP", who="Zoë", suggested=40_000
    )
    qtbot.addWidget(dialog)
    dialog.amount.setText("1,300")
    dialog.save()
    assert "more than the agreed price" in dialog.errors.message_for("amount")
    dialog.amount.setText("ten pounds")
    dialog.save()
    assert "“ten pounds” is not an amount; write it as 1,234.56" in dialog.errors.message_for(
        "amount"
    )
    assert payment_service.list_payments(ctx.db) == []
    assert message_boxes.shown == []


def test_refund_and_receipt(ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes) -> None:
    enrolment_id = enrolment_started_weeks_ago(ctx.db)
    payment_service.record_payment(
        ctx.db,
        enrolment_id=enrolment_id,
        amount=40_000,
        received_on=today() - timedelta(days=1),
        method=PaymentMethod.BANK_TRANSFER,
    )
    page = open_page(ctx, qtbot)
    page.payment_view.selectRow(0)
    assert page.refund_button.isEnabled() and page.receipt_button.isEnabled()

    def refund() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PaymentDialog) and dialog.refund
        dialog.amount.setText("50")
        dialog.save()

    QTimer.singleShot(0, refund)
    page.record_refund()
    kinds = [(p.kind, p.amount) for p in payment_service.list_payments(ctx.db)]
    assert kinds == [(PaymentKind.PAYMENT, 40_000), (PaymentKind.REFUND, 5_000)]
    assert page.payments.index(1, 4).data() == "−£50.00"

    page.payment_view.selectRow(0)
    page.show_receipt()
    qtbot.waitUntil(
        lambda: any(
            w.isVisible() and "Receipt" in w.windowTitle() for w in QApplication.topLevelWidgets()
        ),
        timeout=10_000,
    )
    for widget in QApplication.topLevelWidgets():
        if "Receipt" in widget.windowTitle():
            widget.close()


def test_instalment_states_shown_by_economics(ctx: AppContext, qtbot: QtBot) -> None:
    enrolment_started_weeks_ago(ctx.db, weeks=1)
    page = open_page(ctx, qtbot)
    page.status.setCurrentIndex(len(STATUS_FILTERS) - 1)
    states = [page.instalments.row_at(r).state for r in range(page.instalments.rowCount())]
    # Started a week ago: the first monthly instalment is overdue, the others are to come.
    assert states == [InstalmentState.OVERDUE, InstalmentState.DUE, InstalmentState.DUE]
    assert page.instalments.row_at(0).due_date == today() - timedelta(weeks=1)
    assert page.instalments.index(0, 7).data() == "Overdue (7 days)"


def test_from_a_new_programme_to_a_payment_in_the_main_window(
    ctx: AppContext, window: object, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    """Programme → enrol → log a session → accept prep/write-up → record a payment,
    each on its own page of the real window, every page showing the others' changes."""
    from PySide6.QtCore import QDateTime

    from practice.services import worklog as worklog_service
    from ui.dialogs.session_log import SessionLogDialog
    from ui.dialogs.work_suggestions import WorkSuggestionsDialog
    from ui.pages.enrol import EnrolPage
    from ui.pages.programmes import ProgrammesPage
    from ui.pages.sessions import SessionsPage
    from ui.pages.worklog import WorklogPage

    win: Any = window
    win.resize(1280, 800)
    win.show()
    client_id = make_client(ctx.db)
    message_boxes.answer = QMessageBox.StandardButton.No  # no agreement, no receipt now

    win.show_page("programmes")
    programmes = win.page("programmes")
    assert isinstance(programmes, ProgrammesPage)
    programmes.new_item()
    qtbot.keyClicks(programmes.form.name, "Steady Ground")
    qtbot.keyClicks(programmes.form.price, "600")
    programmes.form.instalment_count.setValue(2)
    win.save_action.trigger()  # File > Save (Ctrl+S) saves the programme
    assert programmes.model.rowCount() == 1 and not programmes.dirty

    ctx.navigate.emit("enrol", client_id)
    enrol = win.page("enrol")
    assert isinstance(enrol, EnrolPage)
    assert enrol.programme.currentText() == "Steady Ground"
    enrol.start_date.setDate(enrol.start_date.date().addDays(-10))
    enrol.agree_button.click()
    assert enrol.last_enrolment is not None
    enrolment_id = enrol.last_enrolment.id

    win.show_page("sessions")
    sessions = win.page("sessions")
    assert isinstance(sessions, SessionsPage)

    def log_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SessionLogDialog)
        dialog.client.set_client_id(client_id)
        assert dialog.enrolment.currentData() == enrolment_id
        dialog.starts_at.setDateTime(QDateTime.currentDateTime().addSecs(-3 * 3600))
        dialog.notes.setPlainText("First session.")
        dialog.new_description.setText("Try the breathing exercise daily")
        QTimer.singleShot(0, accept_work)
        dialog.save()

    def accept_work() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, WorkSuggestionsDialog)
        dialog.add_button.click()

    QTimer.singleShot(0, log_it)
    win.new_action.trigger()  # File > New on the Sessions page logs a session
    assert sessions.model.rowCount() >= 1

    win.show_page("worklog")
    worklog = win.page("worklog")
    assert isinstance(worklog, WorklogPage)
    assert sorted(e.minutes for e in worklog_service.list_work(ctx.db)) == [15, 20]
    worklog.period.setCurrentText("Custom")
    worklog.start.setDate(worklog.start.date().addDays(-40))
    assert worklog.model.rowCount() == 2

    win.show_page("money")
    money = win.page("money")
    assert isinstance(money, MoneyPage)
    assert money.instalments.rowCount() == 2  # £300.00 overdue, £300.00 to come
    money.instalment_view.selectRow(0)

    def pay() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PaymentDialog)
        assert dialog.amount.text() == "300.00"
        dialog.save()

    QTimer.singleShot(0, pay)
    money.record_payment()
    assert money.instalments.rowCount() == 1
    assert money.payments.rowCount() == 1


def totals(page: MoneyPage) -> dict[str, str]:
    return {key: page.totals.text_of(key) for key, _ in TOTALS}


def enrol(db: Database, client_id: int, days_ago: int) -> int:
    return enrolment_service.enrol_client(
        db,
        client_id=client_id,
        programme_id=make_programme(db, name=f"Programme {client_id}"),
        start_date=today() - timedelta(days=days_ago),
        payment_plan=PaymentPlan.INSTALMENTS,
        agree=True,
    ).id


def test_totals_above_the_list_follow_the_filters(ctx: AppContext, qtbot: QtBot) -> None:
    # Started 25 days ago, three monthly £400s: the first overdue, the second due in 3-6
    # days, the third in 31-37 days (beyond the 30).
    zoe = make_client(ctx.db)
    enrolment_id = enrol(ctx.db, zoe, days_ago=25)
    page = open_page(ctx, qtbot)
    assert page.totals.isVisibleTo(page)
    assert totals(page) == {
        "overdue": "£400.00",
        "due_7_days": "£400.00",
        "due_30_days": "£400.00",
        "paid": "£0.00",
    }
    # £500 received: the first instalment paid, £100 towards the second
    payment_service.record_payment(
        ctx.db,
        enrolment_id=enrolment_id,
        amount=50_000,
        received_on=today(),
        method=PaymentMethod.CARD,
    )
    page.refresh()
    # "To be paid" lists the second and third: £100 paid of them, £300 left due soon
    assert totals(page) == {
        "overdue": "£0.00",
        "due_7_days": "£300.00",
        "due_30_days": "£300.00",
        "paid": "£100.00",
    }
    page.status.setCurrentIndex([t for t, _ in STATUS_FILTERS].index("All instalments"))
    assert totals(page)["paid"] == "£500.00"
    page.status.setCurrentIndex([t for t, _ in STATUS_FILTERS].index("Paid"))
    assert totals(page) == {
        "overdue": "£0.00",
        "due_7_days": "£0.00",
        "due_30_days": "£0.00",
        "paid": "£400.00",
    }

    # another client started 40 days ago: two £400s overdue, the third due in 19-22 days
    ben = make_client(ctx.db, "Ben", "Okafor")
    enrol(ctx.db, ben, days_ago=40)
    page.open_item(ben)  # that client's instalments, every state
    assert page.instalments.rowCount() == 3
    assert totals(page) == {
        "overdue": "£800.00",
        "due_7_days": "£0.00",
        "due_30_days": "£400.00",
        "paid": "£0.00",
    }
    page.open_item(zoe)
    assert totals(page)["paid"] == "£500.00"


def test_totals_use_the_practice_locale_and_show_zero_without_instalments(
    ctx: AppContext, qtbot: QtBot
) -> None:
    update_profile(ctx.db, locale="de_DE", currency="EUR")
    page = open_page(ctx, qtbot)
    assert totals(page)["overdue"] == format_money(0, "EUR", "de_DE")  # "0,00 €"
    enrol(ctx.db, make_client(ctx.db), days_ago=25)  # a programme priced in pounds
    page.refresh()
    assert totals(page)["overdue"] == format_money(40_000, "GBP", "de_DE")
    assert totals(page)["overdue"] != "£400.00"


def test_amounts_are_shown_and_read_in_the_practice_locale(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    from practice.services.profile import update_profile

    update_profile(ctx.db, locale="de_DE")
    enrolment_id = enrolment_started_weeks_ago(ctx.db)
    dialog = PaymentDialog(
        ctx, enrolment_id=enrolment_id, currency="GBP", who="Zoë", suggested=40_000
    )
    qtbot.addWidget(dialog)
    assert dialog.amount.text() == "400,00"  # as a German practice writes it
    dialog.amount.setText("12.50")  # an English habit: refused, not read as 1,250
    dialog.save()
    assert "write it as 1.234,56" in dialog.errors.message_for("amount")
    assert payment_service.list_payments(ctx.db) == []
    dialog.amount.setText("400,00")
    dialog.save()
    assert [p.amount for p in payment_service.list_payments(ctx.db)] == [40_000]


def test_a_wrong_payment_is_corrected_or_voided_from_the_client_page(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    enrolment_id = enrolment_started_weeks_ago(ctx.db)
    wrong = payment_service.record_payment(
        ctx.db,
        enrolment_id=enrolment_id,
        amount=4_000,
        received_on=today() - timedelta(days=2),
        method=PaymentMethod.CARD,
    )
    client_id = enrolment_service.get_enrolment(ctx.db, enrolment_id).client_id
    tab = PaymentsTab(ctx)
    qtbot.addWidget(tab)
    tab.load(client_id)
    assert not tab.correct_button.isEnabled()
    tab.section.table.selectRow(0)
    assert tab.correct_button.isEnabled()

    [row] = payment_service.list_payments(ctx.db, enrolment_id=enrolment_id)
    dialog = PaymentCorrectionDialog(ctx, row)
    qtbot.addWidget(dialog)
    assert dialog.amount.text() == "40.00" and dialog.method.currentData() == "card"
    dialog.amount.setText("400")
    dialog.save()  # no reason given: refused beside the field, nothing changed
    assert dialog.errors.message_for("reason")
    assert [p.id for p in payment_service.list_payments(ctx.db)] == [wrong.id]
    dialog.reason.setText("£40 typed for £400")
    dialog.save()
    assert dialog.saved is not None
    [right] = payment_service.list_payments(ctx.db, enrolment_id=enrolment_id)
    assert (right.id, right.amount) == (dialog.saved.id, 40_000)

    tab.load(client_id)
    assert "£40.00" in tab.voided.text() and "£40 typed for £400" in tab.voided.text()
    assert f"replaced by no. {right.id}" in tab.voided.text()

    void = PaymentCorrectionDialog(ctx, right)
    qtbot.addWidget(void)
    void.reason.setText("Paid to another practitioner")
    void.void()
    assert void.voided and payment_service.list_payments(ctx.db) == []
    assert len(payment_service.list_voided(ctx.db, enrolment_id=enrolment_id)) == 2
    assert message_boxes.shown == []


def test_the_refund_dialog_says_what_the_refund_will_do(ctx: AppContext, qtbot: QtBot) -> None:
    enrolment_id = enrolment_started_weeks_ago(ctx.db)
    payment_service.record_payment(
        ctx.db,
        enrolment_id=enrolment_id,
        amount=40_000,
        received_on=today() - timedelta(days=1),
        method=PaymentMethod.BANK_TRANSFER,
    )
    dialog = PaymentDialog(ctx, enrolment_id=enrolment_id, currency="GBP", who="Zoë", refund=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.amount.setText("100")
    assert dialog.effect.isVisible()
    assert dialog.effect.text() == (
        "This refund lowers the price the client pays by £100.00, to £1,100.00."
    )
    dialog.amount.setText("a hundred")
    assert not dialog.effect.isVisible()


def test_the_price_is_lowered_with_a_credit_note_from_the_client_page(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    from PySide6.QtCore import Qt

    from practice.services import price_reductions
    from ui.dialogs.price_reduction import PriceReductionDialog
    from ui.pages.client.enrolments import EnrolmentsTab

    enrolment_id = enrolment_started_weeks_ago(ctx.db)
    client_id = enrolment_service.get_enrolment(ctx.db, enrolment_id).client_id
    tab = EnrolmentsTab(ctx)
    qtbot.addWidget(tab)
    tab.show_client(client_id)
    assert tab.lower_button.isEnabled()
    assert tab.figures["price"].text() == "£1,200.00 agreed"

    [row] = tab.model.rows()
    dialog = PriceReductionDialog(ctx, row)
    qtbot.addWidget(dialog)
    assert dialog.in_force.isHidden()  # none yet
    dialog.amount.setText("150")
    # what it will do is said before it is saved
    assert dialog.effect.text() == "The price the client pays goes from £1,200.00 to £1,050.00."
    dialog.save()  # no reason: refused beside the field, nothing saved
    assert dialog.errors.message_for("reason")
    assert price_reductions.list_price_reductions(ctx.db, enrolment_id=enrolment_id) == []
    dialog.reason.setText("A session I cancelled")
    dialog.save()
    assert dialog.saved is not None and dialog.result()

    tab.show_client(client_id)
    assert tab.figures["price"].text() == (
        "£1,200.00 agreed; £150.00 off by credit note, £1,050.00 to pay"
    )
    # withdrawn when made by mistake, with why; kept and listed as withdrawn
    again = PriceReductionDialog(ctx, tab.model.rows()[0])
    qtbot.addWidget(again)
    assert again.in_force.count() == 1 and "A session I cancelled" in again.in_force.item(0).text()
    again.in_force.setCurrentRow(0)
    again.reason.setText("Wrong client")
    again.withdraw()
    assert again.withdrawn is not None
    tab.show_client(client_id)
    assert tab.figures["price"].text() == "£1,200.00 agreed"
    third = PriceReductionDialog(ctx, tab.model.rows()[0])
    qtbot.addWidget(third)
    assert "withdrawn: Wrong client" in third.in_force.item(0).text()
    assert not third.in_force.item(0).flags() & Qt.ItemFlag.ItemIsEnabled
    assert message_boxes.shown == []


def test_enter_saves_in_the_credit_note_and_correction_dialogs(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from practice.economics.enrolment import enrolment_rows
    from ui.dialogs.price_reduction import PriceReductionDialog

    enrolment_id = enrolment_started_weeks_ago(ctx.db)
    [row] = enrolment_rows(ctx.db, today=today())
    lower = PriceReductionDialog(ctx, row)
    qtbot.addWidget(lower)
    lower.show()
    assert lower.save_button.isDefault()
    lower.amount.setText("50")
    lower.reason.setText("Goodwill")
    qtbot.keyClick(lower.reason, Qt.Key.Key_Return)
    assert lower.saved is not None
    payment_service.record_payment(
        ctx.db,
        enrolment_id=enrolment_id,
        amount=4_000,
        received_on=today() - timedelta(days=1),
        method=PaymentMethod.CARD,
    )
    [paid] = payment_service.list_payments(ctx.db, enrolment_id=enrolment_id)
    correct = PaymentCorrectionDialog(ctx, paid)
    qtbot.addWidget(correct)
    correct.show()
    assert correct.save_button.isDefault()
    correct.amount.setText("400")
    correct.reason.setText("Typed £40 for £400")
    qtbot.keyClick(correct.reason, Qt.Key.Key_Return)
    assert correct.saved is not None
    assert QApplication.activeModalWidget() is None or not correct.isVisible()
