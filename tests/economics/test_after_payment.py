"""The balance right after one payment (for receipts), worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from practice.db import Database
from practice.economics import Balance, balance_after_payment
from practice.errors import NotFoundError
from practice.models import EnrolmentStatus, Payment

from . import factories as f
from .practice_fixture import Ids

Practice = tuple[Database, Ids]


def payment_ids(db: Database, enrolment_id: int) -> list[int]:
    with db.transaction() as s:
        return list(
            s.scalars(
                select(Payment.id)
                .where(Payment.enrolment_id == enrolment_id)
                .order_by(Payment.received_on, Payment.id)
            )
        )


def figures(b: Balance) -> tuple[int, int, int]:
    return b.paid, b.outstanding, b.credit


def test_each_payment_sees_only_what_came_before_it(practice: Practice) -> None:
    db, ids = practice
    # E1: £1,200; £400 on 5 Jan, £400 on 20 Feb
    first, second = payment_ids(db, ids.e1)
    assert figures(balance_after_payment(db, first)) == (40000, 80000, 0)
    assert figures(balance_after_payment(db, second)) == (80000, 40000, 0)
    # E2: £1,140 paid in full on 31 Oct, then £100 back as goodwill on 10 Jan
    paid, refund = payment_ids(db, ids.e2)
    assert figures(balance_after_payment(db, paid)) == (114000, 0, 0)
    after_refund = balance_after_payment(db, refund)
    assert figures(after_refund) == (104000, 0, 0)
    assert (after_refund.payments, after_refund.refunded) == (114000, 10000)


def test_a_cancelled_enrolment_owes_nothing_after_any_payment(practice: Practice) -> None:
    db, ids = practice
    # E5: cancelled; £400 paid on 2 Mar, refunded in full on 10 Mar
    paid, refund = payment_ids(db, ids.e5)
    assert balance_after_payment(db, paid) == Balance(0, 40000, 0, 40000, 0, 0)
    assert balance_after_payment(db, refund) == Balance(0, 40000, 40000, 0, 0, 0)


def test_an_open_session_gives_the_same_and_a_missing_payment_is_refused(
    practice: Practice,
) -> None:
    db, ids = practice
    first = payment_ids(db, ids.e1)[0]
    expected = balance_after_payment(db, first)
    with db.transaction() as s:
        assert balance_after_payment(s, first) == expected
    with pytest.raises(NotFoundError, match="no payment with id 999"):
        balance_after_payment(db, 999)


def test_order_is_by_day_received_then_by_recording(db: Database) -> None:
    with db.transaction() as s:
        who = f.client(s, "Kai")
        e = f.enrolment(
            s,
            who,
            start=date(2026, 3, 1),
            end=date(2026, 5, 31),
            instalments=[(date(2026, 3, 1), 120000)],
        )
        late_entry = f.pay(s, e, date(2026, 3, 10), 30000).id  # recorded first
        earlier_day = f.pay(s, e, date(2026, 3, 1), 20000).id
        same_day = f.pay(s, e, date(2026, 3, 10), 50000).id
    # 1 Mar: 20000 → 100000 left; 10 Mar (first recorded): +30000; then +50000
    assert figures(balance_after_payment(db, earlier_day)) == (20000, 100000, 0)
    assert figures(balance_after_payment(db, late_entry)) == (50000, 70000, 0)
    assert figures(balance_after_payment(db, same_day)) == (100000, 20000, 0)


def test_a_receipt_keeps_the_balance_of_its_day_after_the_enrolment_ends_early(
    db: Database,
) -> None:
    with db.transaction() as s:
        who = f.client(s, "Noor")
        e = f.enrolment(
            s,
            who,
            start=date(2026, 1, 5),
            end=date(2026, 4, 4),
            status=EnrolmentStatus.ENDED_EARLY,
            ended_on=date(2026, 2, 10),
            instalments=[
                (date(2026, 1, 5), 40000),
                (date(2026, 2, 5), 40000),
                (date(2026, 3, 5), 40000),
            ],
        )
        first = f.pay(s, e, date(2026, 1, 5), 40000).id
        second = f.pay(s, e, date(2026, 2, 6), 40000).id
        after_end = f.pay(s, e, date(2026, 2, 20), 20000).id
    # 5 Jan and 6 Feb: the enrolment was running, the agreed 120000 was owed; ending it
    # early on 10 Feb does not rewrite those receipts
    assert figures(balance_after_payment(db, first)) == (40000, 80000, 0)
    assert figures(balance_after_payment(db, second)) == (80000, 40000, 0)
    # 20 Feb, after it ended: the two instalments due by 10 Feb = 80000
    after = balance_after_payment(db, after_end)
    assert after.price_due == 80000
    assert figures(after) == (100000, 0, 20000)  # 20000 paid beyond what is owed
