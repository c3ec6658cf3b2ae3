"""Report 3: income received vs income agreed, and what is outstanding, month by month.

For each calendar month overlapping the period (clipped to the period), in the
practice's currency:

* **Received**: payments − refunds received in the month (the period figures' income).
* **Agreed**: the instalments falling due in the month, of enrolments that ran (active,
  completed, ended early). An instalment no longer owed (an enrolment ended early,
  due after the day it ended) counts only with what was paid towards it.
* **Outstanding**: what is left to pay on those instalments as of ``today``, by the
  instalment allocation (:mod:`~.instalments`); **overdue** is the part of it that fell
  due before ``today``.

Refunds lower *received* in the month they were given; they never un-pay an
instalment, so they do not change agreed or outstanding.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, tzinfo

from practice.economics.attention import instalment_rows
from practice.economics.instalments import InstalmentState
from practice.economics.period import PeriodFigures, period_figures
from practice.economics.report_period import Bucket
from practice.economics.source import Source, practice_currency, reading

_STILL_OWED = (InstalmentState.DUE, InstalmentState.PART_PAID, InstalmentState.OVERDUE)


@dataclass(frozen=True, slots=True)
class IncomeMonth:
    start: date
    end: date
    received: int  # payments − refunds received in the month
    payments: int
    refunds: int
    agreed: int  # instalments falling due in the month
    paid_towards_agreed: int  # of those instalments, paid so far
    outstanding: int  # left on those instalments (as of today)
    overdue: int  # part of outstanding that fell due before today
    instalments: int  # how many instalments fell due in the month


def income_by_month(
    source: Source,
    months: Sequence[Bucket],
    *,
    today: date,
    tz: tzinfo | None = None,
    figures_of: Callable[[date, date], PeriodFigures] | None = None,
) -> list[IncomeMonth]:
    """Received, agreed, outstanding and overdue for each month bucket (the month's
    figures through ``figures_of`` when the caller shares them)."""
    if not months:
        return []
    with reading(source) as s:
        currency = practice_currency(s)
        due = [
            row
            for row in instalment_rows(
                s, today=today, due_from=months[0].start, due_to=months[-1].end
            )
            if row.currency == currency
        ]
        result = []
        for month in months:
            if figures_of is not None:
                figures = figures_of(month.start, month.end)
            else:
                figures = period_figures(s, month.start, month.end, today=today, tz=tz)
            these = [row for row in due if month.start <= row.due_date <= month.end]
            result.append(
                IncomeMonth(
                    start=month.start,
                    end=month.end,
                    received=figures.income_received,
                    payments=figures.payments_received,
                    refunds=figures.refunds_given,
                    agreed=sum(
                        row.paid if row.state == InstalmentState.CANCELLED else row.amount
                        for row in these
                    ),
                    paid_towards_agreed=sum(row.paid for row in these),
                    outstanding=sum(row.left for row in these if row.state in _STILL_OWED),
                    overdue=sum(row.left for row in these if row.state == InstalmentState.OVERDUE),
                    instalments=len(these),
                )
            )
    return result
