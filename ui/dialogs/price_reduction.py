"""Lower the price of an enrolment with a credit note (no money moves), or withdraw one
made by mistake, through :mod:`practice.services.price_reductions`. What the credit
note will do is said before it is saved."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from practice.economics.enrolment import EnrolmentRow
from practice.errors import PracticeError
from practice.models import PriceReduction
from practice.money import parse_amount
from practice.services import price_reductions as service
from practice.services.profile import get_profile
from ui import format as fmt
from ui.context import AppContext
from ui.errors import guarded, show_refusal
from ui.widgets.field_box import add_form_row
from ui.widgets.form_errors import FormErrors
from ui.widgets.time_fields import day_edit


class PriceReductionDialog(QDialog):
    """A credit note for the enrolment ``row``: amount, day, why; and the ones in force."""

    def __init__(self, ctx: AppContext, row: EnrolmentRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.saved: PriceReduction | None = None
        self.withdrawn: PriceReduction | None = None
        self.errors = FormErrors()
        self.loc = get_profile(ctx.db).locale
        self.setWindowTitle("Lower the price (credit note)")

        intro = QLabel(
            f"{row.client_name}, {row.programme_name}. A credit note lowers what the client "
            "pays; no money moves. It comes off the last instalments still owed, and money "
            "already paid beyond the new price becomes credit you can refund. To give money "
            "back, record a refund instead."
        )
        intro.setWordWrap(True)
        self.amount = QLineEdit()
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount.textChanged.connect(self._say_effect)
        self.made_on = day_edit(weekday=True, up_to_today=True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("e.g. a session I had to cancel; goodwill")
        self.effect = QLabel()
        self.effect.setObjectName("effect")
        self.effect.setWordWrap(True)

        form = QFormLayout()
        add_form_row(form, self.errors, f"&Amount off ({row.currency}):", "amount", self.amount)
        add_form_row(form, self.errors, "&Made on:", "made_on", self.made_on)
        add_form_row(form, self.errors, "&Why (printed on the statement):", "reason", self.reason)

        self.in_force = QListWidget()
        self.in_force.setObjectName("credit_notes")
        self.in_force.setAccessibleName("Credit notes on this enrolment")
        self.in_force.setMaximumHeight(90)
        self.in_force.setWordWrap(True)
        self.withdraw_button = QPushButton("Wi&thdraw the selected one (made by mistake)")
        self.withdraw_button.clicked.connect(self.withdraw)
        self.withdraw_button.setAutoDefault(False)  # Enter lowers the price, never withdraws
        self.in_force_caption = QLabel("Credit notes on this enrolment:")
        self.in_force_caption.setBuddy(self.in_force)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(
            "&Lower the price", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.effect)
        layout.addWidget(self.in_force_caption)
        layout.addWidget(self.in_force)
        layout.addWidget(self.withdraw_button)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self._list_notes()
        self._say_effect()
        self.save_button.setDefault(True)  # once in the dialog: Enter lowers the price
        self.amount.setFocus()

    def _list_notes(self) -> None:
        self.in_force.clear()
        for note in service.list_price_reductions(self.ctx.db, enrolment_id=self.row.id):
            text = (
                f"{note.number}, {fmt.day(note.made_on, self.loc)}: "
                f"{fmt.money(note.amount, note.currency, self.loc)} off — {note.reason}"
            )
            item = QListWidgetItem(text)
            if note.withdrawn_at is not None:
                item.setText(f"{text} (withdrawn: {note.withdrawn_reason})")
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            item.setData(Qt.ItemDataRole.UserRole, note.id)
            item.setToolTip(item.text())
            self.in_force.addItem(item)
        has_notes = self.in_force.count() > 0
        for widget in (self.in_force_caption, self.in_force, self.withdraw_button):
            widget.setVisible(has_notes)

    def _typed_amount(self) -> int:
        return parse_amount(self.amount.text(), self.row.currency, "amount", self.loc)

    @guarded
    def _say_effect(self, *_args: object) -> None:
        try:
            amount = self._typed_amount() if self.amount.text().strip() else 0
            after = service.price_after(self.ctx.db, enrolment_id=self.row.id, amount=amount)
        except PracticeError:
            self.effect.setText("")
            return
        money = lambda value: fmt.money(value, self.row.currency, self.loc)  # noqa: E731
        if amount == 0:
            self.effect.setText(f"The client pays {money(after.price_before)} now.")
        elif after.price_after < 0:
            self.effect.setText(f"That is more than the {money(after.price_before)} they pay.")
        else:
            self.effect.setText(
                f"The price the client pays goes from {money(after.price_before)} to "
                f"{money(after.price_after)}."
            )

    @guarded
    def save(self) -> None:
        self.errors.clear()
        made_on: date = self.made_on.date().toPython()  # type: ignore[assignment]
        try:
            self.saved = service.lower_price(
                self.ctx.db,
                enrolment_id=self.row.id,
                amount=self._typed_amount(),
                made_on=made_on,
                reason=self.reason.text(),
            )
        except PracticeError as error:
            self.errors.refuse(error, lambda e: show_refusal(self, e))
            return
        self.ctx.changed("payments")
        self.accept()

    @guarded
    def withdraw(self) -> None:
        self.errors.clear()
        item = self.in_force.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            show_refusal(self, PracticeError("Choose a credit note in the list to withdraw."))
            return
        try:
            self.withdrawn = service.withdraw_price_reduction(
                self.ctx.db, int(item.data(Qt.ItemDataRole.UserRole)), self.reason.text()
            )
        except PracticeError as error:
            self.errors.refuse(error, lambda e: show_refusal(self, e))
            return
        self.ctx.changed("payments")
        self.accept()
