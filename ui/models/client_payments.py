"""A client's payments and refunds: ``PaymentRow`` rows from ``list_payments``."""

from __future__ import annotations

from collections.abc import Sequence

from practice.models import PaymentKind, label
from practice.services.payments import PaymentRow
from ui import format as fmt
from ui.models.rows import RIGHT, Column, LocalisedRowsModel


class ClientPaymentsModel(LocalisedRowsModel[PaymentRow]):
    """Date, programme, instalment, payment or refund, amount, method and reference."""

    def columns_for(self, locale: str) -> Sequence[Column[PaymentRow]]:
        def amount(p: PaymentRow) -> str:
            text = fmt.money(p.amount, p.currency, locale)
            return f"−{text}" if p.kind is PaymentKind.REFUND else text

        return [
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
