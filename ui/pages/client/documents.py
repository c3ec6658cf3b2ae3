"""Documents: each enrolment's agreement and statement, receipts for payments, and the
client's whole record on request. Made by ``ui.documents.actions`` (preview, print, save)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from practice.economics.enrolment import EnrolmentRow, enrolment_rows
from practice.models import PaymentKind
from practice.services.payments import PaymentRow, list_payments
from ui.context import AppContext
from ui.documents.actions import show_agreement, show_receipt, show_statement
from ui.errors import guarded
from ui.models.client_enrolments import ClientEnrolmentsModel
from ui.models.client_payments import ClientPaymentsModel
from ui.pages.client.base import ClientTab
from ui.safekeeping.record_dialogs import (
    EraseClientDialog,
    client_names,
    export_client_record,
)
from ui.widgets.list_section import ListSection


class DocumentsTab(ClientTab):
    title = "Documents"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.enrolments_model = ClientEnrolmentsModel(self)
        self.enrolments = ListSection(
            "Agreements and statements",
            "No enrolments yet, so no agreement to print.",
            self.enrolments_model,
            max_rows=5,
        )
        self.agreement_button = QPushButton("&Agreement…")
        self.statement_button = QPushButton("S&tatement…")
        self.agreement_button.clicked.connect(self.open_agreement)
        self.statement_button.clicked.connect(self.open_statement)
        self.enrolments.activated.connect(lambda _row: self.open_agreement())

        self.payments_model = ClientPaymentsModel(self)
        self.payments = ListSection(
            "Receipts", "No payments yet, so no receipts.", self.payments_model, max_rows=6
        )
        self.receipt_button = QPushButton("&Receipt…")
        self.receipt_button.clicked.connect(self.open_receipt)
        self.payments.activated.connect(lambda _row: self.open_receipt())

        self.record_button = QPushButton("E&xport the whole record…")
        self.record_button.clicked.connect(self.export_record)
        self.erase_button = QPushButton("Erase this client…")
        self.erase_button.clicked.connect(self.erase)
        record_text = QLabel(
            "Everything kept about this client, as PDF or JSON, for a subject access "
            "request; or, when they ask for it, erasure of everything about them."
        )
        record_text.setWordWrap(True)
        record_text.setEnabled(False)

        self.layout_.addWidget(self.enrolments)
        self.layout_.addLayout(_buttons(self.agreement_button, self.statement_button))
        self.layout_.addWidget(self.payments)
        self.layout_.addLayout(_buttons(self.receipt_button))
        record_row = QHBoxLayout()
        record_row.addWidget(record_text, 1)
        record_row.addWidget(self.record_button)
        record_row.addWidget(self.erase_button)
        self.layout_.addLayout(record_row)
        self.layout_.addStretch(1)
        for section in (self.enrolments, self.payments):
            section.table.selectionModel().selectionChanged.connect(
                lambda *_a: self._update_buttons()
            )

    def load(self, client_id: int) -> None:
        db = self.ctx.db
        self.enrolments_model.set_locale(self.loc)
        self.payments_model.set_locale(self.loc)
        self.enrolments_model.set_rows(enrolment_rows(db, client_id=client_id, today=self.today()))
        payments = list_payments(db, client_id=client_id)
        payments.reverse()  # newest first
        self.payments_model.set_rows(payments)
        if self.enrolments_model.rowCount():
            self.enrolments.table.selectRow(0)
        if self.payments_model.rowCount():
            self.payments.table.selectRow(0)
        self._update_buttons()

    def selected_enrolment(self) -> EnrolmentRow | None:
        rows = self.enrolments.table.selectionModel().selectedRows()
        return self.enrolments_model.row_at(rows[0].row()) if rows else None

    def selected_payment(self) -> PaymentRow | None:
        rows = self.payments.table.selectionModel().selectedRows()
        return self.payments_model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        has_enrolment = self.selected_enrolment() is not None
        self.agreement_button.setEnabled(has_enrolment)
        self.statement_button.setEnabled(has_enrolment)
        payment = self.selected_payment()
        self.receipt_button.setEnabled(payment is not None and payment.kind is PaymentKind.PAYMENT)

    @guarded
    def open_agreement(self) -> None:
        row = self.selected_enrolment()
        if row is not None:
            show_agreement(self, self.ctx.db, row.id)

    @guarded
    def open_statement(self) -> None:
        row = self.selected_enrolment()
        if row is not None:
            show_statement(self, self.ctx.db, row.id)

    @guarded
    def open_receipt(self) -> None:
        payment = self.selected_payment()
        if payment is not None and payment.kind is PaymentKind.PAYMENT:
            show_receipt(self, self.ctx.db, payment.id)

    @guarded
    def export_record(self) -> None:
        if self.client_id is not None:
            export_client_record(self, self.ctx.db, self.client_id)

    @guarded
    def erase(self) -> None:
        """Erasure on request: the dialog asks for the client's full name to confirm."""
        if self.client_id is None:
            return
        _display, full_name = client_names(self.ctx.db, self.client_id)
        dialog = EraseClientDialog(self.ctx.db, self.client_id, full_name, self)
        if dialog.exec() and dialog.erased:
            self.ctx.changed("clients")  # the client page goes back to the list


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row
