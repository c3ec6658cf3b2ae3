"""Correct or void a payment or refund recorded wrongly, through ``correct_payment`` /
``void_payment``: the wrong one is kept aside, never lost, and the reason is required."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from practice.errors import PracticeError
from practice.models import Payment, PaymentKind, PaymentMethod
from practice.money import amount_text, parse_amount
from practice.services import payments as payment_service
from practice.services.payments import PaymentRow
from practice.services.profile import get_profile
from ui import format as fmt
from ui.context import AppContext
from ui.errors import guarded, show_refusal
from ui.widgets.choices import choice_combo
from ui.widgets.field_box import field_box
from ui.widgets.form_errors import FormErrors
from ui.widgets.time_fields import day_edit


class PaymentCorrectionDialog(QDialog):
    """The payment ``row`` as recorded, to change (a correction) or take back (void)."""

    def __init__(self, ctx: AppContext, row: PaymentRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.saved: Payment | None = None
        self.voided = False
        self.errors = FormErrors()
        refund = row.kind is PaymentKind.REFUND
        what = "refund" if refund else "payment"
        self.setWindowTitle(f"Correct or void a {what}")
        self.practice_locale = get_profile(ctx.db).locale

        recorded = fmt.money(row.amount, row.currency, self.practice_locale)
        intro = QLabel(
            f"{row.client_name}, {row.programme_name}: the {what} of {recorded} recorded for "
            f"{fmt.day(row.received_on, self.practice_locale)}. Both the wrong one and the "
            "correction are kept in the client's record."
        )
        intro.setWordWrap(True)
        self.amount = QLineEdit(amount_text(row.amount, row.currency, self.practice_locale))
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.received_on = day_edit(weekday=True, up_to_today=True)
        self.received_on.setDate(QDate(row.received_on))
        self.method = choice_combo(PaymentMethod)
        self.method.setCurrentIndex(self.method.findData(row.method.value))
        self.reference = QLineEdit(row.reference)
        self.note = QLineEdit(row.note)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("e.g. £40 typed for £400; belongs to another client")

        form = QFormLayout()
        rows: tuple[tuple[str, str, QWidget], ...] = (
            (f"&Amount ({row.currency}):", "amount", self.amount),
            ("Paid &out on:" if refund else "&Received on:", "received_on", self.received_on),
            ("&Method:", "method", self.method),
            ("Re&ference:", "reference", self.reference),
            ("&Note:", "note", self.note),
            ("Why (&kept with it):", "reason", self.reason),
        )
        for text, field, widget in rows:
            form.addRow(text, field_box(self.errors, field, widget))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(
            "&Save correction", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.void_button = buttons.addButton(
            f"&Void this {what}", QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.save_button.clicked.connect(self.save)
        self.void_button.clicked.connect(self.void)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.save_button.setDefault(True)  # once in the dialog, so Enter saves
        self.reason.setFocus()

    @guarded
    def save(self) -> None:
        self.errors.clear()
        received: date = self.received_on.date().toPython()  # type: ignore[assignment]
        try:
            amount = parse_amount(
                self.amount.text(), self.row.currency, "amount", self.practice_locale
            )
            self.saved = payment_service.correct_payment(
                self.ctx.db,
                self.row.id,
                amount=amount,
                received_on=received,
                method=PaymentMethod(self.method.currentData()),
                reason=self.reason.text(),
                instalment_id=self.row.instalment_id,
                reference=self.reference.text(),
                note=self.note.text(),
            )
        except PracticeError as error:
            self.errors.refuse(error, lambda e: show_refusal(self, e))
            return
        self.ctx.changed("payments")
        self.accept()

    @guarded
    def void(self) -> None:
        self.errors.clear()
        try:
            payment_service.void_payment(self.ctx.db, self.row.id, self.reason.text())
        except PracticeError as error:
            self.errors.refuse(error, lambda e: show_refusal(self, e))
            return
        self.voided = True
        self.ctx.changed("payments")
        self.accept()
