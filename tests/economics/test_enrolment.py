"""Per-enrolment actuals on the hand-made practice (see practice_fixture for the data)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

import pytest
from sqlalchemy import event, select

from practice.db import Database
from practice.economics import (
    InstalmentState,
    enrolment_figures,
    enrolment_rows,
    overdue_instalments,
    planned,
)
from practice.economics.instalments import instalment_statuses
from practice.errors import NotFoundError
from practice.models import Enrolment, EnrolmentStatus, WorkCategory

from . import factories as f
from .practice_fixture import TODAY, Ids

Practice = tuple[Database, Ids]
PAID, PART, DUE, OVERDUE, CANCELLED = (
    InstalmentState.PAID,
    InstalmentState.PART_PAID,
    InstalmentState.DUE,
    InstalmentState.OVERDUE,
    InstalmentState.CANCELLED,
)


def test_e1_active_with_a_missing_instalment(practice: Practice) -> None:
    db, ids = practice
    e1 = enrolment_figures(db, ids.e1, today=TODAY)
    # 7 planned; used: 8 Jan, 15 Jan, 29 Jan (no-show), 5 Feb, 19 Feb = 5.
    # 22 Jan (cancelled early) and 20 Mar (planned) are not used.
    assert (e1.sessions_planned, e1.sessions_used, e1.sessions_remaining) == (7, 5, 2)
    assert e1.sessions_missed == 1
    assert (e1.support_calls_included, e1.support_calls_used) == (4, 1)
    # contact: 4 attended × 60 + support call 15 = 255
    assert e1.contact_minutes == 255
    # unseen: 15 + 20 + 20 (against E1) + 60 supervision (Ana, no enrolment, 31 Jan, while
    # E1 ran); the 20 Dec admin is before E1 and the resource making has no client.
    assert e1.unseen_minutes == 115
    assert e1.total_minutes == 370
    # earned: 5 of 7 sessions used, 120000 × 5/7 = 85714.29 → 85714
    assert e1.earned == 85714
    # 85714 × 60 / 370 = 13899.56 → 13900
    assert e1.effective_hourly_rate == 13900
    # planned: the agreed 120000 over the client's planned 725 min = 9931.03 → 9931
    assert e1.plan.effective_hourly_rate == e1.planned_hourly_rate == 9931
    assert (e1.paid, e1.refunded, e1.outstanding, e1.credit) == (80000, 0, 40000, 0)
    assert e1.price_due == 120000
    # inst 3 due 5 Mar, nothing paid, today 15 Mar → overdue 40000, nothing still to come
    assert e1.overdue == 40000
    assert e1.next_instalment is None
    assert [(i.number, i.paid, i.left, i.state) for i in e1.instalments] == [
        (1, 40000, 0, PAID),
        (2, 40000, 0, PAID),
        (3, 0, 40000, OVERDUE),
    ]
    assert e1.instalments[2].days_overdue(TODAY) == 10
    # reviewed: done 1 + partly ½ + dropped 0 = 1.5 of 3 → 50 %; open items not counted
    assert e1.follow_through is not None
    assert (e1.follow_through.part, e1.follow_through.whole) == (Fraction(3, 2), 3)
    assert e1.follow_through.percent == 50


def test_e2_paid_in_full_early_then_a_goodwill_refund(practice: Practice) -> None:
    db, ids = practice
    e2 = enrolment_figures(db, ids.e2, today=TODAY)
    assert e2.status == EnrolmentStatus.COMPLETED
    assert e2.agreed_price == 114000
    # used: 5 Nov, 14 Jan, 28 Jan (cancelled late) = 3, of which 1 missed
    assert (e2.sessions_used, e2.sessions_missed, e2.sessions_remaining) == (3, 1, 4)
    assert e2.contact_minutes == 60 + 50
    # 25 write-up (E2) + 30 supervision (Ben, no enrolment, 20 Jan within 3 Nov–2 Feb)
    assert e2.unseen_minutes == 55
    # completed: all of the net price is earned, 114000 less the 10000 refund that
    # lowered it = 104000; 104000 × 60 / 165 = 37818.18 → 37818
    assert e2.earned == 104000
    assert e2.effective_hourly_rate == 37818
    # planned on the agreed price (paid in full, £60 off): 114000 × 60 / 725 = 9434.48 → 9434,
    # not the list price's 9931
    assert e2.planned_hourly_rate == 9434
    assert e2.plan.effective_hourly_rate == 9931
    # payments 114000, refund 10000 lowers the price: paid 104000, nothing outstanding
    assert (e2.paid, e2.refunded, e2.outstanding, e2.credit) == (104000, 10000, 0, 0)
    assert e2.overdue == 0
    assert [(i.paid, i.state) for i in e2.instalments] == [(114000, PAID)]
    assert e2.follow_through is None  # no action items


def test_e3_designated_payment_spills_over_oldest_first(practice: Practice) -> None:
    db, ids = practice
    e3 = enrolment_figures(db, ids.e3, today=TODAY)
    # £500 against inst 3: 40000 to it, 10000 over joins the £350 loose = 45000,
    # which fills inst 1 (40000) and puts 5000 on inst 2 (due 20 Mar: part-paid).
    assert [(i.number, i.paid, i.left, i.state) for i in e3.instalments] == [
        (1, 40000, 0, PAID),
        (2, 5000, 35000, PART),
        (3, 40000, 0, PAID),
    ]
    assert (e3.paid, e3.outstanding, e3.overdue) == (85000, 35000, 0)
    assert e3.next_instalment is not None
    assert (e3.next_instalment.number, e3.next_instalment.left) == (2, 35000)
    # 23 Feb attended; 2 Mar cancelled early; the support call counts separately
    assert (e3.sessions_used, e3.support_calls_used, e3.contact_minutes) == (1, 1, 80)
    assert e3.unseen_minutes == 0
    # earned: 1 of 7 sessions used, 120000 / 7 = 17142.86 → 17143 (not the whole price)
    assert e3.earned == 17143
    # 17143 × 60 / 80 = 12857.25 → 12857
    assert e3.effective_hourly_rate == 12857


def test_e4_free_programme(practice: Practice) -> None:
    db, ids = practice
    e4 = enrolment_figures(db, ids.e4, today=TODAY)
    assert (e4.sessions_planned, e4.sessions_used, e4.sessions_remaining) == (1, 1, 0)
    assert e4.support_calls_included == 0
    assert (e4.contact_minutes, e4.unseen_minutes) == (60, 10)
    assert e4.effective_hourly_rate == 0
    assert (e4.paid, e4.outstanding, e4.overdue) == (0, 0, 0)
    assert [i.state for i in e4.instalments] == [PAID]  # nothing to pay is paid


def test_e5_cancelled_owes_nothing(practice: Practice) -> None:
    db, ids = practice
    e5 = enrolment_figures(db, ids.e5, today=TODAY)
    assert (e5.paid, e5.refunded, e5.outstanding, e5.credit, e5.overdue) == (0, 40000, 0, 0, 0)
    assert [i.state for i in e5.instalments] == [PAID, CANCELLED, CANCELLED]
    assert e5.next_instalment is None
    assert e5.effective_hourly_rate is None  # no time spent
    assert e5.price_due == 0


def test_same_figures_from_an_open_session_and_a_model(practice: Practice) -> None:
    db, ids = practice
    from_db = enrolment_figures(db, ids.e1, today=TODAY)
    with db.transaction() as s:
        row = s.get(Enrolment, ids.e1)
        assert row is not None
        assert enrolment_figures(s, row, today=TODAY) == from_db


def test_missing_enrolment_is_refused_plainly(practice: Practice) -> None:
    db, _ = practice
    with pytest.raises(NotFoundError, match="no enrolment with id 999"):
        enrolment_figures(db, 999, today=TODAY)


def test_enrolment_rows(practice: Practice) -> None:
    db, ids = practice
    rows = enrolment_rows(db, today=TODAY)
    # newest start first
    assert [r.id for r in rows] == [ids.e5, ids.e3, ids.e4, ids.e1, ids.e2]
    by_id = {r.id: r for r in rows}
    e1 = by_id[ids.e1]
    assert (e1.client_name, e1.programme_name) == ("Ani Silva", "Three months of change")
    assert (e1.agreed_price, e1.currency, e1.paid, e1.outstanding, e1.overdue) == (
        120000,
        "GBP",
        80000,
        40000,
        40000,
    )
    assert (e1.sessions_used, e1.sessions_planned, e1.status) == (5, 7, EnrolmentStatus.ACTIVE)
    e2 = by_id[ids.e2]
    assert (e2.paid, e2.outstanding, e2.sessions_used) == (104000, 0, 3)
    e3 = by_id[ids.e3]
    assert (e3.paid, e3.outstanding, e3.overdue, e3.sessions_used) == (85000, 35000, 0, 1)
    assert by_id[ids.e5].outstanding == 0
    assert by_id[ids.e4].client_name == "Zoë Ødegård"
    # every row agrees with the single-enrolment figures
    for row in rows:
        one = enrolment_figures(db, row.id, today=TODAY)
        assert (row.paid, row.outstanding, row.overdue, row.sessions_used) == (
            one.paid,
            one.outstanding,
            one.overdue,
            one.sessions_used,
        )
        assert row.sessions_planned == one.sessions_planned


def test_enrolment_rows_filters(practice: Practice) -> None:
    db, ids = practice
    assert [r.id for r in enrolment_rows(db, client_id=ids.ben, today=TODAY)] == [ids.e3, ids.e2]
    active = enrolment_rows(db, statuses=[EnrolmentStatus.ACTIVE], today=TODAY)
    assert [r.id for r in active] == [ids.e3, ids.e4, ids.e1]
    assert enrolment_rows(db, statuses=["cancelled"], client_id=ids.ana, today=TODAY) == []


def test_enrolment_rows_use_a_fixed_number_of_queries(practice: Practice) -> None:
    db, _ = practice
    statements: list[str] = []

    def count(*args: Any) -> None:
        if args[2].lstrip().upper().startswith("SELECT"):
            statements.append(args[2])

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        with db.transaction() as s:
            rows = enrolment_rows(s, today=date(2026, 3, 15))
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert len(rows) == 5
    assert len(statements) <= 4  # the list, the instalments, the payments, credit notes


def test_enrolment_rows_count_planned_sessions_without_planning_each_row(
    practice: Practice, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A list row needs only the count: no whole plan (with its Fraction rates) per row."""
    db, ids = practice
    planned_terms: list[object] = []
    whole_plan = planned.plan

    def counting_plan(terms: planned.ProgrammeTerms) -> planned.ProgrammePlan:
        planned_terms.append(terms)
        return whole_plan(terms)

    monkeypatch.setattr(planned, "plan", counting_plan)
    rows = {r.id: r.sessions_planned for r in enrolment_rows(db, today=TODAY)}
    assert planned_terms == []
    # the worked example plans 3 + 2 × 2 = 7 sessions, the free taster 1
    assert rows == {ids.e1: 7, ids.e2: 7, ids.e3: 7, ids.e4: 1, ids.e5: 7}


def test_ended_early_owes_only_what_fell_due_before_it_ended(db: Database) -> None:
    with db.transaction() as s:
        who = f.client(s, "Kai")
        plan = [(date(2026, 1, 5), 40000), (date(2026, 2, 5), 40000), (date(2026, 3, 5), 40000)]
        e = f.enrolment(
            s,
            who,
            start=date(2026, 1, 5),
            end=date(2026, 4, 4),
            status=EnrolmentStatus.ENDED_EARLY,
            ended_on=date(2026, 2, 10),
            instalments=plan,
        )
        f.pay(s, e, date(2026, 1, 5), 40000)
        # 20 Feb: work logged for Kai after it ended is not the enrolment's
        f.work(s, date(2026, 2, 9), 30, WorkCategory.ADMIN, who=who)
        f.work(s, date(2026, 2, 20), 30, WorkCategory.ADMIN, who=who)
        paid_ahead = f.enrolment(
            s,
            who,
            start=date(2026, 1, 5),
            end=date(2026, 4, 4),
            status=EnrolmentStatus.ENDED_EARLY,
            ended_on=date(2026, 1, 20),
            instalments=plan,
        )
        f.pay(s, paid_ahead, date(2026, 1, 5), 120000)
        ids = (e.id, paid_ahead.id)
    kai = enrolment_figures(db, ids[0], today=TODAY)
    # owed: instalments due by 10 Feb = 80000; paid 40000 → 40000 outstanding, all overdue
    assert (kai.price_due, kai.paid, kai.outstanding, kai.overdue) == (80000, 40000, 40000, 40000)
    assert [i.state for i in kai.instalments] == [PAID, OVERDUE, CANCELLED]
    assert kai.next_instalment is None
    assert kai.unseen_minutes == 30  # 9 Feb only: the enrolment ran 5 Jan – 10 Feb
    assert [(r.enrolment_id, r.number) for r in overdue_instalments(db, today=TODAY)] == [
        (ids[0], 2)
    ]
    ahead = enrolment_figures(db, ids[1], today=TODAY)
    # owed: only the 5 Jan instalment (40000); 120000 paid → 80000 credit to refund
    assert (ahead.price_due, ahead.outstanding, ahead.credit, ahead.overdue) == (40000, 0, 80000, 0)


def test_instalment_statuses_of_a_query_match_those_of_its_ids(practice: Practice) -> None:
    db, ids = practice
    with db.transaction() as s:
        by_ids = instalment_statuses(s, [ids.e2, ids.e3], today=TODAY)
        by_query = instalment_statuses(
            s, select(Enrolment.id).where(Enrolment.client_id == ids.ben), today=TODAY
        )
        every = instalment_statuses(s, select(Enrolment.id), today=TODAY)
        assert by_query == by_ids
        assert every == instalment_statuses(
            s, [ids.e1, ids.e2, ids.e3, ids.e4, ids.e5], today=TODAY
        )
        assert [i.state for i in by_query[ids.e3]] == [PAID, PART, PAID]


@pytest.mark.parametrize("day", [TODAY, date(2026, 2, 1), date(2027, 1, 1)])
def test_many_enrolments_read_at_once_have_the_figures_each_has_alone(
    practice: tuple[Database, Ids], day: date
) -> None:
    from practice.economics.enrolment import many_enrolment_figures

    db, _ids = practice
    with db.reading() as s:
        every = list(s.scalars(select(Enrolment).order_by(Enrolment.id)))
        together = many_enrolment_figures(s, every, today=day)
    assert len(every) >= 5
    alone = {e.id: enrolment_figures(db, e.id, today=day) for e in every}
    assert together == alone
    assert len({f.unseen_minutes for f in alone.values()}) > 1  # the work is not all alike
