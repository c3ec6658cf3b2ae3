"""Payments: what this client has paid (and any refunds), newest first; a payment recorded
wrongly is corrected or voided here, and what was voided stays listed below."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from practice.models import PaymentKind
from practice.services.enrolments import list_enrolments
from practice.services.payments import PaymentRow, list_payments, list_voided
from ui import format as fmt
from ui.context import AppContext
from ui.dialogs.payment_correction import PaymentCorrectionDialog
from ui.errors import guarded
from ui.models.client_payments import ClientPaymentsModel
from ui.pages.client.base import ClientTab
from ui.widgets.list_section import ListSection


class PaymentsTab(ClientTab):
    title = "Payments"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = ClientPaymentsModel(self)
        self.section = ListSection(
            "Payments and refunds, newest first",
            "No payments recorded yet. Record them on the Money page.",
            self.model,
            max_rows=0,
            stretch_column=1,
        )
        self.section.table.selectionModel().selectionChanged.connect(self._enable)
        self.section.table.activated.connect(lambda _: self.correct())
        self.correct_button = QPushButton("&Correct or void…")
        self.correct_button.setToolTip(
            "Change a payment or refund recorded wrongly, or take it back; "
            "the wrong one is kept in the client's record with the reason"
        )
        self.correct_button.setEnabled(False)
        self.correct_button.clicked.connect(self.correct)
        self.voided = QLabel()
        self.voided.setObjectName("voided_payments")
        self.voided.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.correct_button)
        self.layout_.addWidget(self.section, 1)
        self.layout_.addLayout(buttons)
        self.layout_.addWidget(self.voided)

    def load(self, client_id: int) -> None:
        self.model.set_locale(self.loc)
        payments = list_payments(self.ctx.db, client_id=client_id)
        payments.reverse()  # newest first
        self.model.set_rows(payments)
        self._enable()
        lines = []
        for enrolment in list_enrolments(self.ctx.db, client_id=client_id):
            for v in list_voided(self.ctx.db, enrolment_id=enrolment.id):
                kind = "Refund" if v.kind is PaymentKind.REFUND else "Payment"
                replaced = f"; replaced by no. {v.replaced_by_id}" if v.replaced_by_id else ""
                lines.append(
                    f"{kind} no. {v.id} of {fmt.money(v.amount, v.currency, self.loc)} for "
                    f"{fmt.day(v.received_on, self.loc)}, voided "
                    f"{fmt.day(v.voided_at.date(), self.loc)}: {v.reason}{replaced}"
                )
        self.voided.setText("Voided, kept for the record:\n" + "\n".join(lines) if lines else "")
        self.voided.setVisible(bool(lines))

    def selected(self) -> PaymentRow | None:
        rows = self.section.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _enable(self, *_args: object) -> None:
        self.correct_button.setEnabled(self.selected() is not None)

    @guarded
    def correct(self) -> None:
        row = self.selected()
        if row is None:
            return
        PaymentCorrectionDialog(self.ctx, row, self).exec()
