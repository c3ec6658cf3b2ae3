"""A client's enrolments: rows from ``practice.economics.enrolment.enrolment_rows``."""

from __future__ import annotations

from collections.abc import Sequence

from practice.economics.enrolment import EnrolmentRow
from practice.models import label
from ui import format as fmt
from ui.models.rows import RIGHT, Column, LocalisedRowsModel


class ClientEnrolmentsModel(LocalisedRowsModel[EnrolmentRow]):
    """Programme, dates, status, sessions used of planned, price, paid and outstanding."""

    def columns_for(self, locale: str) -> Sequence[Column[EnrolmentRow]]:
        def money(amount: int, row: EnrolmentRow) -> str:
            return fmt.money(amount, row.currency, locale)

        return [
            Column("Programme", lambda r: r.programme_name),
            Column(
                "Dates",
                lambda r: f"{fmt.day(r.start_date, locale)} – {fmt.day(r.end_date, locale)}",
            ),
            Column("Status", lambda r: label(r.status)),
            Column(
                "Sessions",
                lambda r: fmt.sessions_used(r.sessions_used, r.sessions_planned, r.sessions_missed),
                RIGHT,
            ),
            Column("Price", lambda r: money(r.agreed_price - r.price_reduced, r), RIGHT),
            Column("Paid", lambda r: money(r.paid, r), RIGHT),
            Column("Outstanding", lambda r: money(r.outstanding, r), RIGHT),
            Column(
                "Overdue",
                lambda r: money(r.overdue, r) if r.overdue else "—",
                RIGHT,
            ),
        ]
