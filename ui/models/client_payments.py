"""A client's payments and refunds: ``PaymentRow`` rows from ``list_payments``."""

from __future__ import annotations

from PySide6.QtCore import QObject

from practice.models import PaymentKind, label
from practice.services.payments import PaymentRow
from ui import format as fmt
from ui.models.rows import RIGHT, Column, RowsModel


class ClientPaymentsModel(RowsModel[PaymentRow]):
    """Date, programme, instalment, payment or refund, amount, method and reference."""

    def __init__(self, parent: QObject | None = None, locale: str = fmt.DEFAULT_LOCALE) -> None:
        super().__init__(parent)
        self.set_locale(locale)

    def set_locale(self, locale: str) -> None:
        def amount(p: PaymentRow) -> str:
            text = fmt.money(p.amount, p.currency, locale)
            return f"−{text}" if p.kind is PaymentKind.REFUND else text

        self.set_columns(
            [
                Column("Received", lambda p: fmt.day(p.received_on, locale)),
                Column("Programme", lambda p: p.programme_name),
                Column(
                    "Instalment",
                    lambda p: f"No. {p.instalment_number}" if p.instalment_number else "—",
                ),
                Column("Kind", lambda p: label(p.kind)),
                Column("Amount", amount, RIGHT),
                Column("Method", lambda p: label(p.method)),
                Column("Reference", lambda p: p.reference, tooltip=lambda p: p.note),
            ]
        )
