"""A client's enrolments: rows from ``practice.economics.enrolment.enrolment_rows``."""

from __future__ import annotations

from PySide6.QtCore import QObject

from practice.economics.enrolment import EnrolmentRow
from practice.models import label
from ui import format as fmt
from ui.models.rows import RIGHT, Column, RowsModel


class ClientEnrolmentsModel(RowsModel[EnrolmentRow]):
    """Programme, dates, status, sessions used of planned, price, paid and outstanding."""

    def __init__(self, parent: QObject | None = None, locale: str = fmt.DEFAULT_LOCALE) -> None:
        super().__init__(parent)
        self.set_locale(locale)

    def set_locale(self, locale: str) -> None:
        def money(amount: int, row: EnrolmentRow) -> str:
            return fmt.money(amount, row.currency, locale)

        self.set_columns(
            [
                Column("Programme", lambda r: r.programme_name),
                Column(
                    "Dates",
                    lambda r: f"{fmt.day(r.start_date, locale)} – {fmt.day(r.end_date, locale)}",
                ),
                Column("Status", lambda r: label(r.status)),
                Column(
                    "Sessions used",
                    lambda r: f"{r.sessions_used} of {r.sessions_planned}",
                    RIGHT,
                ),
                Column("Price", lambda r: money(r.agreed_price, r), RIGHT),
                Column("Paid", lambda r: money(r.paid, r), RIGHT),
                Column("Outstanding", lambda r: money(r.outstanding, r), RIGHT),
                Column(
                    "Overdue",
                    lambda r: money(r.overdue, r) if r.overdue else "—",
                    RIGHT,
                ),
            ]
        )
