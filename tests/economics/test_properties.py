"""Properties that must hold for any practice, checked with hypothesis."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from practice.db import Database
from practice.db.database import open_memory_database
from practice.economics import (
    InstalmentState,
    balance,
    enrolment_figures,
    monthly_seen_unseen,
    period_figures,
)
from practice.economics.instalments import InstalmentDue, allocate, statuses
from practice.models import Client, Enrolment, Payment, WorkCategory, WorkLogEntry
from practice.money import split_amount

from . import factories as f

DAY0 = date(2026, 1, 1)
amounts = st.integers(min_value=1, max_value=500_000)


@st.composite
def plans(draw: st.DrawFn) -> tuple[list[InstalmentDue], dict[int, int], int]:
    count = draw(st.integers(min_value=1, max_value=6))
    total = draw(st.integers(min_value=0, max_value=1_000_000))
    parts = split_amount(total, count, draw(st.sampled_from(["first", "last"])))
    days = draw(st.lists(st.integers(0, 365), min_size=count, max_size=count))
    instalments = [
        InstalmentDue(id=10 + n, number=n + 1, due_date=DAY0 + timedelta(days=d), amount=a)
        for n, (d, a) in enumerate(zip(days, parts, strict=True))
    ]
    designated = draw(
        st.dictionaries(st.sampled_from([i.id for i in instalments]), amounts, max_size=count)
    )
    loose = draw(st.integers(min_value=0, max_value=1_000_000))
    return instalments, designated, loose


@given(plans(), st.integers(0, 400))
def test_allocation_holds_exactly_the_payments_up_to_the_plan(
    plan: tuple[list[InstalmentDue], dict[int, int], int], today_offset: int
) -> None:
    instalments, designated, loose = plan
    paid = allocate(instalments, designated, loose)
    received = loose + sum(designated.values())
    total = sum(i.amount for i in instalments)
    assert sum(paid.values()) == min(received, total)
    for inst in instalments:
        assert 0 <= paid[inst.id] <= inst.amount
        # a payment against an instalment is never taken away from it
        assert paid[inst.id] >= min(designated.get(inst.id, 0), inst.amount)
    today = DAY0 + timedelta(days=today_offset)
    for row in statuses(instalments, designated, loose, today=today):
        assert row.paid + row.left == row.amount
        if row.state == InstalmentState.OVERDUE:
            assert row.due_date < today and row.left > 0
        if row.state == InstalmentState.PAID:
            assert row.left == 0


@given(
    st.one_of(st.none(), st.integers(0, 1_000_000)),
    st.integers(0, 1_000_000),
    st.integers(0, 1_000_000),
)
def test_balance_adds_up(price_due: int | None, payments: int, refund_share: int) -> None:
    refunded = min(refund_share, payments)  # a refund never exceeds what was received
    money = balance(price_due, payments, refunded)
    assert money.paid == payments - refunded
    assert money.outstanding >= 0 and money.credit >= 0
    if price_due is None:
        assert money.outstanding == money.credit == 0
    else:
        assert money.paid + money.outstanding - money.credit == price_due - money.price_lowered_by
        assert not (money.outstanding and money.credit)


@pytest.fixture(scope="module")
def memory_db() -> Iterator[Database]:
    db = open_memory_database()
    try:
        yield db
    finally:
        db.close()


def _clear(db: Database) -> None:
    with db.transaction() as s:
        for table in (Payment, WorkLogEntry, Enrolment, Client):
            s.execute(delete(table))


payment_lists = st.lists(
    st.tuples(
        st.integers(0, 120),  # day offset
        amounts,
        st.one_of(st.none(), st.integers(1, 3)),  # instalment number
        st.booleans(),  # refund
    ),
    max_size=8,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.integers(0, 600_000), payment_lists, st.integers(0, 150))
def test_enrolment_money_agrees_with_its_instalments(
    memory_db: Database,
    price: int,
    movements: list[tuple[int, int, int | None, bool]],
    today_offset: int,
) -> None:
    _clear(memory_db)
    with memory_db.transaction() as s:
        who = f.client(s, "Ana")
        parts = split_amount(price, 3)
        e = f.enrolment(
            s,
            who,
            snapshot=f.terms(price=price),
            start=DAY0,
            end=DAY0 + timedelta(days=89),
            instalments=[(DAY0 + timedelta(days=30 * n), a) for n, a in enumerate(parts)],
        )
        received = 0
        for day, amount, number, refund in movements:
            if refund:
                amount = min(amount, received)  # cannot refund more than was paid
                if amount == 0:
                    continue
                received -= amount
            else:
                received += amount
            f.pay(s, e, DAY0 + timedelta(days=day), amount, instalment=number, refund=refund)
        ident = e.id
    today = DAY0 + timedelta(days=today_offset)
    figures = enrolment_figures(memory_db, ident, today=today)
    money = balance(figures.price_due, figures.paid + figures.refunded, figures.refunded)
    assert figures.paid + figures.outstanding - figures.credit == (price - money.price_lowered_by)
    # the instalments list what is outstanding, and what is overdue is part of it
    assert sum(i.left for i in figures.instalments) == figures.outstanding
    assert 0 <= figures.overdue <= figures.outstanding


categories = st.sampled_from(list(WorkCategory))


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.tuples(st.integers(0, 90), st.integers(1, 600), categories), max_size=20),
    st.integers(0, 60),
    st.integers(0, 60),
)
def test_unseen_minutes_by_category_add_up_to_the_total(
    memory_db: Database,
    entries: list[tuple[int, int, WorkCategory]],
    start_offset: int,
    length: int,
) -> None:
    _clear(memory_db)
    with memory_db.transaction() as s:
        for day, minutes, category in entries:
            f.work(s, DAY0 + timedelta(days=day), minutes, category)
    start = DAY0 + timedelta(days=start_offset)
    end = start + timedelta(days=length)
    figures = period_figures(memory_db, start, end, today=end)
    expected = sum(m for d, m, _ in entries if start <= DAY0 + timedelta(days=d) <= end)
    assert figures.unseen_minutes == expected
    assert sum(figures.unseen_by_category.values()) == figures.unseen_minutes
    for category in WorkCategory:
        assert figures.unseen_by_category[category] == sum(
            m for d, m, c in entries if c == category and start <= DAY0 + timedelta(days=d) <= end
        )
    # whole months covering the period hold at least the period's minutes
    series = monthly_seen_unseen(memory_db, start, end)
    assert sum(m.unseen_minutes for m in series) >= figures.unseen_minutes
