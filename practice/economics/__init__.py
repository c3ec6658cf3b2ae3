"""Every derived figure: planned and actual hours, rates, money paid and owed, follow-through.

The UI, the documents, the reports and the CLI all call these functions; nothing else
computes a figure. Money is in minor units (``int``), durations in minutes (``int``),
hourly rates in minor units per hour rounded half-up (``int``) or ``None`` when no time
was spent. Every result is a frozen dataclass.

Functions that read the database take either an open SQLAlchemy session (inside
``with db.transaction() as s:``) or the practice ``Database`` itself.

Where each rule is written down:

* planned economics of a programme — :mod:`~practice.economics.planned`
* what counts as a used session, contact time, follow-through — :mod:`~.counting`
* per client — :mod:`~.client`; per enrolment — :mod:`~.enrolment`; paid/outstanding/credit — :mod:`~.balance` (right after one payment: :mod:`~.after_payment`);
  which instalments are paid — :mod:`~.instalments`
* per period and how dates and instants meet — :mod:`~.period`; charts — :mod:`~.series`
* the Today page's lists — :mod:`~.attention`; the Money page's totals — :mod:`~.money_totals`
"""

from practice.economics.after_payment import balance_after_payment
from practice.economics.attention import (
    ActionItemDue,
    InstalmentAttention,
    QuietClient,
    action_items_due,
    instalment_rows,
    instalments_due,
    overdue_instalments,
    quiet_clients,
)
from practice.economics.balance import Balance, balance
from practice.economics.client import ClientFigures, client_figures
from practice.economics.enrolment import (
    EnrolmentFigures,
    EnrolmentRow,
    enrolment_figures,
    enrolment_rows,
)
from practice.economics.instalments import InstalmentState, InstalmentStatus
from practice.economics.money_totals import (
    InstalmentTotals,
    instalment_totals,
    instalment_totals_of,
)
from practice.economics.period import PeriodFigures, period_figures
from practice.economics.planned import (
    PlanPeriod,
    ProgrammePlan,
    ProgrammeTerms,
    live,
    plan,
    planned_session_count,
    programme_plan,
    snapshot_plan,
    snapshot_session_count,
)
from practice.economics.rates import Ratio, hourly_rate, ratio, round_half_up
from practice.economics.series import SeenUnseen, monthly_seen_unseen, weekly_seen_unseen
from practice.economics.source import Source

__all__ = [
    "ActionItemDue",
    "Balance",
    "ClientFigures",
    "EnrolmentFigures",
    "EnrolmentRow",
    "InstalmentAttention",
    "InstalmentState",
    "InstalmentStatus",
    "InstalmentTotals",
    "PeriodFigures",
    "PlanPeriod",
    "ProgrammePlan",
    "ProgrammeTerms",
    "QuietClient",
    "Ratio",
    "SeenUnseen",
    "Source",
    "action_items_due",
    "balance",
    "balance_after_payment",
    "client_figures",
    "enrolment_figures",
    "enrolment_rows",
    "hourly_rate",
    "instalment_rows",
    "instalment_totals",
    "instalments_due",
    "live",
    "monthly_seen_unseen",
    "overdue_instalments",
    "period_figures",
    "plan",
    "planned_session_count",
    "programme_plan",
    "quiet_clients",
    "ratio",
    "round_half_up",
    "snapshot_plan",
    "snapshot_session_count",
    "instalment_totals_of",
    "weekly_seen_unseen",
]
