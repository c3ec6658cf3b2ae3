"""Every derived figure: planned and actual hours, rates, money paid and owed, follow-through.

The UI, the documents, the reports and the CLI all call these functions; nothing else
computes a figure. Money is in minor units (``int``), durations in minutes (``int``),
hourly rates in minor units per hour rounded half-up (``int``) or ``None`` when no time
was spent. Every result is a frozen dataclass.
"""

from practice.economics.balance import Balance, balance
from practice.economics.enrolment import (
    EnrolmentFigures,
    EnrolmentRow,
    enrolment_figures,
    enrolment_rows,
)
from practice.economics.instalments import InstalmentState, InstalmentStatus
from practice.economics.planned import (
    PlanPeriod,
    ProgrammePlan,
    ProgrammeTerms,
    live,
    plan,
    programme_plan,
    snapshot_plan,
)
from practice.economics.rates import Ratio, hourly_rate, ratio, round_half_up

__all__ = [
    "Balance",
    "EnrolmentFigures",
    "EnrolmentRow",
    "InstalmentState",
    "InstalmentStatus",
    "balance",
    "enrolment_figures",
    "enrolment_rows",
    "PlanPeriod",
    "ProgrammePlan",
    "ProgrammeTerms",
    "Ratio",
    "hourly_rate",
    "live",
    "plan",
    "programme_plan",
    "ratio",
    "round_half_up",
    "snapshot_plan",
]
