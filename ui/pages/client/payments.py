"""Payments: what this client has paid (and any refunds), newest first."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from practice.services.payments import list_payments
from ui.context import AppContext
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
        self.layout_.addWidget(self.section, 1)

    def load(self, client_id: int) -> None:
        self.model.set_locale(self.loc)
        payments = list_payments(self.ctx.db, client_id=client_id)
        payments.reverse()  # newest first
        self.model.set_rows(payments)
