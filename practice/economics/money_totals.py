"""Totals of the instalments the Money page shows: due soon, overdue and paid.

For a set of instalment rows (those of :func:`~.attention.instalment_rows`, with the same
filters), per currency:

* **Due in the next 7 days** = what is left on instalments falling due from ``today``
  to ``today + 7`` days inclusive (the Today page's window); **due in the next 30 days**
  likewise to ``today + 30`` and so includes the 7 days.
* **Overdue** = what is left on instalments that fell due before ``today`` (state
  overdue).
* **Paid** = what has been paid towards the rows (fully and partly paid alike).

Currencies are never added together: there is one set of totals per currency of the
rows, in alphabetical order of the ISO code (none without rows).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from practice.economics.attention import InstalmentAttention, instalment_rows
from practice.economics.instalments import InstalmentState
from practice.economics.source import Source

#: How far ahead each "due" total looks, in days.
SOON_DAYS = 7
MONTH_DAYS = 30


_FIGURES = ("due_7_days", "due_30_days", "overdue", "paid")
#: Something left, falling due today or later (a cancelled instalment is not owed).
_NOT_YET_DUE = (InstalmentState.DUE, InstalmentState.PART_PAID)


@dataclass(frozen=True, slots=True)
class InstalmentTotals:
    """Money in minor units of ``currency``."""

    currency: str
    due_7_days: int
    due_30_days: int
    overdue: int
    paid: int


def instalment_totals_of(
    rows: Iterable[InstalmentAttention], *, today: date
) -> tuple[InstalmentTotals, ...]:
    """The totals of rows already read (as of the ``today`` they were read for)."""
    soon, month = today + timedelta(days=SOON_DAYS), today + timedelta(days=MONTH_DAYS)
    sums: dict[str, dict[str, int]] = {}
    for r in rows:
        total = sums.setdefault(r.currency, dict.fromkeys(_FIGURES, 0))
        total["paid"] += r.paid
        if r.state is InstalmentState.OVERDUE:
            total["overdue"] += r.left
        elif r.state in _NOT_YET_DUE and r.due_date <= month:  # due today or later
            total["due_30_days"] += r.left
            total["due_7_days"] += r.left if r.due_date <= soon else 0
    return tuple(InstalmentTotals(code, **sums[code]) for code in sorted(sums))


def instalment_totals(
    source: Source,
    *,
    today: date,
    states: Collection[InstalmentState | str] | None = None,
    client_id: int | None = None,
    due_from: date | None = None,
    due_to: date | None = None,
) -> tuple[InstalmentTotals, ...]:
    """The totals of the rows :func:`~.attention.instalment_rows` gives for these filters."""
    rows = instalment_rows(
        source,
        today=today,
        states=states,
        client_id=client_id,
        due_from=due_from,
        due_to=due_to,
    )
    return instalment_totals_of(rows, today=today)
