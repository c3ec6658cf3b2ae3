"""Tables of the Reports page, over rows from :mod:`practice.economics.reports`."""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import QObject

from practice.economics.rates import Ratio
from practice.economics.report_follow import ClientFollowThrough
from practice.economics.report_programmes import ProgrammeComparison
from practice.economics.reports import PracticeReport
from practice.reports.csv_export import one_decimal
from practice.reports.tables import Minutes, Money, Rate, practice_table
from ui import format as fmt
from ui.models.rows import RIGHT, Column, RowsModel


def share(value: Ratio | None) -> str:
    return "—" if value is None else f"{value.percent}%"


def average(value: Fraction | None) -> str:
    return "—" if value is None else one_decimal(value)


class ProgrammeComparisonModel(RowsModel[ProgrammeComparison]):
    """Report 4: one row per programme, planned vs actual hourly rate and outcomes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.set_money("GBP", fmt.DEFAULT_LOCALE)

    def set_money(self, currency: str, locale: str) -> None:
        def rate(amount: int | None) -> str:
            return fmt.rate(amount, currency, locale)

        def unseen(p: ProgrammeComparison) -> str:
            return fmt.duration(p.unseen_minutes_per_session)

        self.set_columns(
            [
                Column("Programme", lambda p: p.name, tooltip=lambda p: p.name),
                Column("Running", lambda p: str(p.running), RIGHT),
                Column(
                    "Finished",
                    lambda p: str(p.finished),
                    RIGHT,
                    tooltip=lambda p: "Enrolments whose last day fell in the period",
                ),
                Column("Planned rate", lambda p: rate(p.planned_hourly_rate), RIGHT),
                Column("Actual rate", lambda p: rate(p.actual_hourly_rate), RIGHT),
                Column(
                    "Sessions used",
                    lambda p: (
                        "—"
                        if p.average_sessions_used is None
                        else f"{average(p.average_sessions_used)} of "
                        f"{average(p.average_sessions_planned)} "
                        f"({average(p.average_sessions_missed)} missed)"
                    ),
                    RIGHT,
                    tooltip=lambda p: (
                        "Average per finished enrolment, of the sessions planned; "
                        "used = attended + missed (cancelled late or not attended)"
                    ),
                ),
                Column("Completed", lambda p: share(p.completion_rate), RIGHT),
                Column("Renewed", lambda p: share(p.renewal_rate), RIGHT),
                Column("Unseen per session", unseen, RIGHT),
            ]
        )


class ClientFollowThroughModel(RowsModel[ClientFollowThrough]):
    """Report 5: action items done / partly / not done per client."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.set_columns(
            [
                Column("Client", lambda c: c.client_name),
                Column("Done", lambda c: str(c.counts.done), RIGHT),
                Column("Partly", lambda c: str(c.counts.partly), RIGHT),
                Column("Not done", lambda c: str(c.counts.not_done), RIGHT),
                Column("Follow-through", lambda c: share(c.follow_through), RIGHT),
                Column(
                    "Still open",
                    lambda c: str(c.still_open),
                    RIGHT,
                    tooltip=lambda c: "Agreed at a session in the period, not reviewed yet",
                ),
            ]
        )


class PracticeFiguresModel(RowsModel[tuple[str, str]]):
    """Report 6: the practice's figures for the period, one per row."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.set_columns([Column("Figure", lambda r: r[0]), Column("Value", lambda r: r[1], RIGHT)])

    def set_report(self, report: PracticeReport, locale: str) -> None:
        currency = report.currency
        rows = []
        for name, value in practice_table(report).rows:
            if isinstance(value, Money):
                text = fmt.money(value.amount, currency, locale)
            elif isinstance(value, Rate):
                text = fmt.rate(value.amount, currency, locale)
            elif isinstance(value, Minutes):
                text = fmt.duration(value.value)
            elif isinstance(value, Ratio) or value is None:
                text = share(value)
            else:
                text = str(value)
            rows.append((str(name), text))
        self.set_rows(rows)
