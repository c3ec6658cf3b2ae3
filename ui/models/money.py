"""The Money page's lists: instalments with their state (economics) and payments received."""

from __future__ import annotations

from collections.abc import Sequence

from practice.economics import InstalmentAttention, InstalmentState
from practice.models import PaymentKind, label
from practice.services.payments import PaymentRow
from ui import format as fmt
from ui.models.row_table import Column, RowTableModel


def state_text(row: InstalmentAttention) -> str:
    if row.state is InstalmentState.OVERDUE:
        days = row.days_overdue
        return f"Overdue ({days} day{'s' if days != 1 else ''})"
    return row.state.label


class InstalmentModel(RowTableModel[InstalmentAttention]):
    """Due date, client, programme, instalment, amount, paid, left and state."""

    def __init__(self) -> None:
        super().__init__()
        self.locale = fmt.DEFAULT_LOCALE

    def row_id(self, row: InstalmentAttention) -> int:
        return row.instalment_id

    def _money(self, amount: int, row: InstalmentAttention) -> str:
        return fmt.money(amount, row.currency, self.locale)

    def columns(self) -> Sequence[Column[InstalmentAttention]]:
        return (
            Column("Due", lambda r: fmt.day(r.due_date, self.locale)),
            Column("Client", lambda r: r.client_name),
            Column("Programme", lambda r: r.programme_name),
            Column("No.", lambda r: str(r.number), figure=True),
            Column("Amount", lambda r: self._money(r.amount, r), figure=True),
            Column("Paid", lambda r: self._money(r.paid, r), figure=True),
            Column("Left", lambda r: self._money(r.left, r), figure=True),
            Column("Status", state_text),
        )

    def is_muted(self, row: InstalmentAttention) -> bool:
        return row.state in (
            InstalmentState.PAID,
            InstalmentState.CANCELLED,
            InstalmentState.REDUCED_AWAY,
        )


class PaymentModel(RowTableModel[PaymentRow]):
    """Payments and refunds: date, client, programme, kind, amount, method, reference."""

    def __init__(self) -> None:
        super().__init__()
        self.locale = fmt.DEFAULT_LOCALE

    def _amount(self, row: PaymentRow) -> str:
        text = fmt.money(row.amount, row.currency, self.locale)
        return f"−{text}" if row.kind is PaymentKind.REFUND else text

    def columns(self) -> Sequence[Column[PaymentRow]]:
        return (
            Column("Received", lambda r: fmt.day(r.received_on, self.locale)),
            Column("Client", lambda r: r.client_name),
            Column("Programme", lambda r: r.programme_name),
            Column(
                "For",
                lambda r: (
                    label(r.kind)
                    if r.instalment_number is None
                    else f"Instalment {r.instalment_number}"
                ),
            ),
            Column("Amount", self._amount, figure=True),
            Column("Method", lambda r: label(r.method)),
            Column("Reference", lambda r: r.reference, tooltip=lambda r: r.note),
        )
