"""The Money page's totals on the hand-made practice (see practice_fixture), by hand.

As of 15 March 2026 the instalments of enrolments that ran (E5 was cancelled) are:
E1 5 Jan £400 paid, 5 Feb £400 paid, 5 Mar £400 nothing paid (overdue);
E2 3 Nov 2025 £1,140 paid; E3 20 Feb £400 paid, 20 Mar £50 paid / £350 left (the £350
and the £100 beyond instalment 3 fill the oldest first), 20 Apr £400 paid; E4 £0.
Paid: 400 + 400 + 1,140 + 400 + 50 + 400 = £2,790.
"""

from __future__ import annotations

from datetime import date

from practice.db import Database
from practice.economics import InstalmentState, InstalmentTotals, instalment_totals
from practice.models import EnrolmentStatus

from . import factories as f
from .practice_fixture import TODAY, Ids

Practice = tuple[Database, Ids]


def test_totals_of_every_instalment(practice: Practice) -> None:
    db, _ = practice
    # 15 Mar: E3's 20 Mar instalment (£350 left) is due within 7 days, so within 30
    assert instalment_totals(db, today=TODAY) == (
        InstalmentTotals("GBP", due_7_days=35000, due_30_days=35000, overdue=40000, paid=279000),
    )


def test_seven_days_is_part_of_thirty(practice: Practice) -> None:
    db, _ = practice
    # 1 Mar: E1's 5 Mar £400 is due in 4 days; E3's 20 Mar £350 in 19 days; none overdue
    [totals] = instalment_totals(db, today=date(2026, 3, 1))
    assert (totals.due_7_days, totals.due_30_days, totals.overdue) == (40000, 75000, 0)
    # 20 Feb: 5 Mar is 13 days on (not within 7), 20 Mar is 28 days on (within 30)
    [totals] = instalment_totals(db, today=date(2026, 2, 20))
    assert (totals.due_7_days, totals.due_30_days) == (0, 75000)


def test_totals_follow_the_same_filters_as_the_rows(practice: Practice) -> None:
    db, ids = practice
    # Ben: E2 £1,140 paid; E3 £850 paid, £350 left due 20 Mar
    assert instalment_totals(db, today=TODAY, client_id=ids.ben) == (
        InstalmentTotals("GBP", 35000, 35000, 0, 199000),
    )
    assert instalment_totals(db, today=TODAY, states=[InstalmentState.OVERDUE]) == (
        InstalmentTotals("GBP", 0, 0, 40000, 0),
    )
    # fully paid only: £2,790 less the £50 towards E3's part-paid instalment
    assert instalment_totals(db, today=TODAY, states=["paid"]) == (
        InstalmentTotals("GBP", 0, 0, 0, 274000),
    )
    # due in March only: E1 5 Mar (overdue) and E3 20 Mar (£50 paid, £350 left)
    assert instalment_totals(
        db, today=TODAY, due_from=date(2026, 3, 1), due_to=date(2026, 3, 31)
    ) == (InstalmentTotals("GBP", 35000, 35000, 40000, 5000),)
    assert instalment_totals(db, today=TODAY, client_id=ids.zoe, states=["overdue"]) == ()


def test_each_currency_apart_and_what_is_no_longer_owed_left_out(db: Database) -> None:
    with db.transaction() as s:
        kai = f.client(s, "Kai")
        ended = f.enrolment(
            s,
            kai,
            start=date(2026, 1, 5),
            end=date(2026, 4, 4),
            status=EnrolmentStatus.ENDED_EARLY,
            ended_on=date(2026, 2, 10),
            instalments=[
                (date(2026, 1, 5), 40000),
                (date(2026, 2, 5), 40000),
                (date(2026, 3, 5), 40000),  # after it ended: no longer owed
            ],
        )
        f.pay(s, ended, date(2026, 1, 5), 40000)
        noor = f.client(s, "Noor")
        euros = f.enrolment(
            s,
            noor,
            start=date(2026, 3, 3),
            end=date(2026, 4, 2),
            currency="EUR",
            price=50000,
            instalments=[(date(2026, 3, 3), 25000), (date(2026, 3, 20), 25000)],
        )
        f.pay(s, euros, date(2026, 3, 1), 10000, currency="EUR")
    # 1 Mar: EUR €150 left due 3 Mar (7 days), €250 due 20 Mar (30 days); GBP: 5 Feb overdue
    assert instalment_totals(db, today=date(2026, 3, 1)) == (
        InstalmentTotals("EUR", due_7_days=15000, due_30_days=40000, overdue=0, paid=10000),
        InstalmentTotals("GBP", due_7_days=0, due_30_days=0, overdue=40000, paid=40000),
    )
