"""Record a payment against an instalment (amount pre-filled with what is left), or a
refund, through ``record_payment`` / ``record_refund``."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from practice.economics.balance import Balance, balance, refund_split
from practice.economics.enrolment import enrolment_figures
from practice.errors import PracticeError
from practice.models import Payment, PaymentMethod
from practice.money import amount_text, parse_amount
from practice.services import payments as payment_service
from practice.services.profile import get_profile
from practice.timeutil import today
from ui import format as fmt
from ui.context import AppContext
from ui.errors import guarded, show_refusal
from ui.widgets.choices import choice_combo
from ui.widgets.dialog_buttons import save_cancel_buttons
from ui.widgets.field_box import field_box
from ui.widgets.form_errors import FormErrors
from ui.widgets.time_fields import day_edit


class PaymentDialog(QDialog):
    """``refund=False``: money received for ``instalment_id`` (if given) of the enrolment."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        enrolment_id: int,
        currency: str,
        who: str,
        instalment_id: int | None = None,
        suggested: int | None = None,
        refund: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.enrolment_id = enrolment_id
        self.instalment_id = instalment_id
        self.currency = currency
        self.refund = refund
        self.saved: Payment | None = None
        self.errors = FormErrors()
        self.setWindowTitle("Record a refund" if refund else "Record a payment")

        intro = QLabel(who)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.amount = QLineEdit()
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.practice_locale = get_profile(ctx.db).locale
        if suggested:
            self.amount.setText(amount_text(suggested, currency, self.practice_locale))
        self.amount.selectAll()
        self.effect = QLabel()
        self.effect.setObjectName("refund_effect")
        self.effect.setWordWrap(True)
        self.balance: Balance | None = None
        if refund:
            figures = enrolment_figures(ctx.db, enrolment_id, today=today())
            self.balance = balance(
                figures.price_due, figures.paid + figures.refunded, figures.refunded
            )
            self.amount.textChanged.connect(self._show_effect)
        self.received_on = day_edit(weekday=True, up_to_today=True)
        self.method = choice_combo(PaymentMethod)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText("e.g. the bank reference or cheque number")
        self.note = QLineEdit()

        form = QFormLayout()
        rows: tuple[tuple[str, str, QWidget], ...] = (
            (f"&Amount ({currency}):", "amount", self.amount),
            ("Paid &out on:" if refund else "Recei&ved on:", "received_on", self.received_on),
            ("&Method:", "method", self.method),
            ("Re&ference:", "reference", self.reference),
            ("&Note:", "note", self.note),
        )
        for text, field, widget in rows:
            form.addRow(text, field_box(self.errors, field, widget))
        buttons = save_cancel_buttons(
            self, self.save, "&Record refund" if refund else "&Record payment"
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.effect)
        layout.addWidget(buttons)
        self._show_effect()
        self.setMinimumWidth(440)

    def _show_effect(self) -> None:
        """Say what the refund typed would do: give back credit, lower the price, or both."""
        if self.balance is None:
            self.effect.hide()
            return
        try:
            amount = parse_amount(self.amount.text(), self.currency, "amount", self.practice_locale)
        except PracticeError:
            self.effect.hide()
            return
        split = refund_split(self.balance, amount)
        loc = self.practice_locale

        def money(value: int) -> str:
            return fmt.money(value, self.currency, loc)

        parts = []
        if split.from_credit:
            parts.append(f"gives back {money(split.from_credit)} paid beyond the price")
        if split.lowers_price:
            parts.append(
                f"lowers the price the client pays by {money(split.lowers_price)}, to "
                f"{money(self.balance.price_due - self.balance.price_lowered_by - split.lowers_price)}"
            )
        if not parts:
            self.effect.hide()
            return
        self.effect.setText("This refund " + " and ".join(parts) + ".")
        self.effect.show()

    @guarded
    def save(self) -> None:
        self.errors.clear()
        received: date = self.received_on.date().toPython()  # type: ignore[assignment]
        try:
            amount = parse_amount(self.amount.text(), self.currency, "amount", self.practice_locale)
            common = {
                "enrolment_id": self.enrolment_id,
                "amount": amount,
                "received_on": received,
                "method": PaymentMethod(self.method.currentData()),
                "reference": self.reference.text(),
                "note": self.note.text(),
            }
            if self.refund:
                self.saved = payment_service.record_refund(self.ctx.db, **common)  # type: ignore[arg-type]
            else:
                self.saved = payment_service.record_payment(
                    self.ctx.db,
                    instalment_id=self.instalment_id,
                    **common,  # type: ignore[arg-type]
                )
        except PracticeError as error:
            self.errors.refuse(error, lambda e: show_refusal(self, e))
            return
        self.ctx.changed("payments")
        self.accept()
