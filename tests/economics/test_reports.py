"""The six reports on a small hand-built practice; every figure worked out by hand below.

Today is Sunday 15 March 2026; every instant is 10:00 UTC and the reports are asked in
UTC (``tz=UTC``), so local dates are the UTC dates. The report period is February 2026
(28 days → five weekly bars, clipped to February: 1 Feb (a Sunday), 2–8, 9–15, 16–22,
23–28) unless a test says otherwise.

Programmes: P1 "Three months" (the worked example: 3 months, 7 sessions of 60 min,
4 support calls of 15 min, prep 15 + write-up 20 per session, supervision 60 a month;
planned 480 contact + 245 prep and write-up = 725 min of the client's time, supervision
180 beside it) and "Free taster" (1 session of 60 min,
no price, nothing else: 60 min), whose programme was deleted (grouped by name).

E1 Ana, P1, completed, 1 Dec 2025 – 28 Feb 2026, £400 due 1 Dec / 1 Jan / 1 Feb.
   Paid £400 1 Dec (inst 1), £400 5 Jan (no instalment), £400 10 Feb (inst 3);
   goodwill refund £100 on 20 Feb. Meetings (60): 3, 10, 17 Dec, 7 Jan, 4 Feb,
   18 Feb attended; 21 Jan no-show; support call 11 Feb 15 min attended.
   Work: 3 Dec prep 15 (E1), 4 Feb write-up 20 (E1), 18 Feb write-up 30 (E1),
   10 Feb supervision 45 (Ana, no enrolment).
E2 Ben, taster (£0), active, 10 Feb – 19 Mar 2026 (runs over the end of February),
   one instalment of £0 on 10 Feb. Nothing else.
E3 Cat, taster (£0), completed, 2 Feb – 1 Mar 2026, £0 on 2 Feb. Meeting 3 Feb
   attended; work 3 Feb prep 10 (E3).
E4 Ben, P1, ended early on 13 Feb, 1 Jan – 31 Mar 2026, £400 due 1 Jan / 1 Feb /
   1 Mar. Paid £400 1 Jan and £400 3 Feb (no instalment). Meetings: 8 Jan, 22 Jan
   attended, 5 Feb cancelled late. Work: 8 Jan prep 15 (E4).
E5 Ana, P1 renewing E1, active, 1 Mar – 31 May 2026, agreed 20 Feb, paid in full:
   £1,140 due 1 Mar, unpaid.
E6 Cat, P1, cancelled, 1 Mar – 31 May; £400 paid 25 Feb, refunded in full 28 Feb.
Work for nobody: 1 Feb supervision 60, 28 Feb admin 30.
Action items: from Ana 4 Feb: done and partly (reviewed 18 Feb), one still open; from
Ana 7 Jan: dropped (reviewed 4 Feb); from Ben 22 Jan: done (reviewed 3 Feb); from Cat
3 Feb: partly (reviewed 1 Mar).
Enquiries: 15 Jan waiting; 3 Feb enrolled; 10 Feb referred; 12 Feb pointed to a
resource; 26 Feb declined.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date
from fractions import Fraction
from typing import Any

import pytest
from sqlalchemy.orm import Session as DbSession

from practice.db import Database, open_database
from practice.economics.report_period import BucketSize
from practice.economics.reports import PracticeReport, practice_report
from practice.models import (
    ActionStatus,
    Attendance,
    Client,
    EnquiryOutcome,
    Enrolment,
    EnrolmentStatus,
    SessionKind,
    WorkCategory,
)

from . import factories as f

TODAY = date(2026, 3, 15)
FEB = (date(2026, 2, 1), date(2026, 2, 28))
Q1 = (date(2026, 1, 1), date(2026, 3, 31))
W = WorkCategory


@dataclass(frozen=True)
class Ids:
    ana: int
    ben: int
    cat: int
    p1: int


def build(s: DbSession) -> Ids:
    A = Attendance
    ana, ben, cat = f.client(s, "Ana", "Silva"), f.client(s, "Ben", "Okafor"), f.client(s, "Cat")
    p1 = f.programme(s, name="Three months")
    taster = f.terms(
        name="Free taster",
        length_value=1,
        periods=[{"first_period": 1, "last_period": 1, "sessions_per_period": 1}],
        price=0,
        support_mode="none",
        support_call_count=0,
        instalment_count=1,
        prep_minutes_per_session=0,
        writeup_minutes_per_session=0,
        supervision_minutes_per_month=0,
    )
    three = f.terms(name="Three months")

    def enrol(who: Client, *, snapshot: dict[str, Any] = three, **kw: Any) -> Enrolment:
        e = f.enrolment(s, who, snapshot=snapshot, **kw)
        if e.programme_name == "Three months":
            e.programme_id = p1.id
        return e

    e1 = enrol(
        ana,
        start=date(2025, 12, 1),
        end=date(2026, 2, 28),
        status=EnrolmentStatus.COMPLETED,
        instalments=[
            (date(2025, 12, 1), 40000),
            (date(2026, 1, 1), 40000),
            (date(2026, 2, 1), 40000),
        ],
    )
    f.pay(s, e1, date(2025, 12, 1), 40000, instalment=1)
    f.pay(s, e1, date(2026, 1, 5), 40000)
    f.pay(s, e1, date(2026, 2, 10), 40000, instalment=3)
    f.pay(s, e1, date(2026, 2, 20), 10000, refund=True)
    for december in (3, 10, 17):
        f.meeting(s, ana, f.at(2025, 12, december), enrolment=e1)
    jan7 = f.meeting(s, ana, f.at(2026, 1, 7), enrolment=e1)
    f.meeting(s, ana, f.at(2026, 1, 21), attendance=A.NO_SHOW, enrolment=e1)
    feb4 = f.meeting(s, ana, f.at(2026, 2, 4), enrolment=e1)
    feb18 = f.meeting(s, ana, f.at(2026, 2, 18), enrolment=e1)
    f.meeting(s, ana, f.at(2026, 2, 11), minutes=15, kind=SessionKind.SUPPORT_CALL, enrolment=e1)
    f.work(s, date(2025, 12, 3), 15, W.PREP, who=ana, enrolment=e1)
    f.work(s, date(2026, 2, 4), 20, W.WRITE_UP, who=ana, enrolment=e1)
    f.work(s, date(2026, 2, 18), 30, W.WRITE_UP, who=ana, enrolment=e1)
    f.work(s, date(2026, 2, 10), 45, W.SUPERVISION, who=ana)

    enrol(
        ben,
        snapshot=taster,
        start=date(2026, 2, 10),
        end=date(2026, 3, 19),
        instalments=[(date(2026, 2, 10), 0)],
    )
    e3 = enrol(
        cat,
        snapshot=taster,
        start=date(2026, 2, 2),
        end=date(2026, 3, 1),
        status=EnrolmentStatus.COMPLETED,
        instalments=[(date(2026, 2, 2), 0)],
    )
    feb3 = f.meeting(s, cat, f.at(2026, 2, 3), enrolment=e3)
    f.work(s, date(2026, 2, 3), 10, W.PREP, who=cat, enrolment=e3)

    e4 = enrol(
        ben,
        start=date(2026, 1, 1),
        end=date(2026, 3, 31),
        status=EnrolmentStatus.ENDED_EARLY,
        ended_on=date(2026, 2, 13),
        instalments=[
            (date(2026, 1, 1), 40000),
            (date(2026, 2, 1), 40000),
            (date(2026, 3, 1), 40000),
        ],
    )
    f.pay(s, e4, date(2026, 1, 1), 40000)
    f.pay(s, e4, date(2026, 2, 3), 40000)
    f.meeting(s, ben, f.at(2026, 1, 8), enrolment=e4)
    jan22 = f.meeting(s, ben, f.at(2026, 1, 22), enrolment=e4)
    f.meeting(s, ben, f.at(2026, 2, 5), attendance=A.CANCELLED_LATE, enrolment=e4)
    f.work(s, date(2026, 1, 8), 15, W.PREP, who=ben, enrolment=e4)

    enrol(
        ana,
        start=date(2026, 3, 1),
        end=date(2026, 5, 31),
        agreed_on=date(2026, 2, 20),
        price=114000,
        renewal_of=e1,
        instalments=[(date(2026, 3, 1), 114000)],
    )
    e6 = enrol(
        cat,
        start=date(2026, 3, 1),
        end=date(2026, 5, 31),
        status=EnrolmentStatus.CANCELLED,
        instalments=[
            (date(2026, 3, 1), 40000),
            (date(2026, 4, 1), 40000),
            (date(2026, 5, 1), 40000),
        ],
    )
    f.pay(s, e6, date(2026, 2, 25), 40000, instalment=1)
    f.pay(s, e6, date(2026, 2, 28), 40000, refund=True)

    f.work(s, date(2026, 2, 1), 60, W.SUPERVISION)
    f.work(s, date(2026, 2, 28), 30, W.ADMIN)

    S = ActionStatus
    f.action(s, feb4, S.DONE, reviewed_at=feb18, reviewed_on=date(2026, 2, 18))
    f.action(s, feb4, S.PARTLY, reviewed_at=feb18, reviewed_on=date(2026, 2, 18))
    f.action(s, feb4, text="Keep the diary")
    f.action(s, jan7, S.DROPPED, reviewed_at=feb4, reviewed_on=date(2026, 2, 4))
    f.action(s, jan22, S.DONE, reviewed_on=date(2026, 2, 3))
    f.action(s, feb3, S.PARTLY, reviewed_on=date(2026, 3, 1))

    for name, received, outcome in (
        ("Dee", date(2026, 1, 15), EnquiryOutcome.WAITING),
        ("Eli", date(2026, 2, 3), EnquiryOutcome.ENROLLED),
        ("Fay", date(2026, 2, 10), EnquiryOutcome.REFERRED),
        ("Gus", date(2026, 2, 12), EnquiryOutcome.RESOURCE),
        ("Hal", date(2026, 2, 26), EnquiryOutcome.DECLINED),
    ):
        f.enquiry(s, name, received, outcome)
    return Ids(ana.id, ben.id, cat.id, p1.id)


@pytest.fixture(scope="module")
def practice(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Ids]]:
    db = open_database(tmp_path_factory.mktemp("reports") / "practice.db")
    try:
        with db.transaction() as s:
            ids = build(s)
        yield db, ids
    finally:
        db.close()


def report(db: Database, period: tuple[date, date], quiet: int = 10) -> PracticeReport:
    return practice_report(db, *period, today=TODAY, quiet_after_days=quiet, tz=UTC)


@pytest.fixture(scope="module")
def feb(practice: tuple[Database, Ids]) -> PracticeReport:
    return report(practice[0], FEB)


def spans(rows: Iterable[Any]) -> list[tuple[int, int]]:
    return [(r.start.day, r.end.day) for r in rows]


def test_february_is_cut_into_weeks_clipped_to_the_month(feb: PracticeReport) -> None:
    assert feb.bucket_size == BucketSize.WEEK
    assert feb.currency == "GBP"
    assert spans(feb.time) == [(1, 1), (2, 8), (9, 15), (16, 22), (23, 28)]
    assert spans(feb.rates) == spans(feb.time)
    assert spans(feb.follow_through.over_time) == spans(feb.time)


def test_seen_and_unseen_time_by_category(feb: PracticeReport) -> None:
    bars = feb.time
    # 1 Feb: supervision 60 (nobody) only
    assert (bars[0].session_minutes, bars[0].support_call_minutes) == (0, 0)
    assert bars[0].unseen_by_category[W.SUPERVISION] == 60 and bars[0].unseen_minutes == 60
    # 2–8 Feb: Cat 3 Feb 60 + Ana 4 Feb 60 (Ben's 5 Feb was cancelled late: no time);
    # prep 10 (3 Feb) + write-up 20 (4 Feb)
    assert (bars[1].session_minutes, bars[1].support_call_minutes) == (120, 0)
    assert (bars[1].unseen_by_category[W.PREP], bars[1].unseen_by_category[W.WRITE_UP]) == (10, 20)
    assert bars[1].total_minutes == 150
    # 9–15 Feb: support call 15 (11 Feb); supervision 45 (10 Feb)
    assert (bars[2].seen_minutes, bars[2].unseen_minutes) == (15, 45)
    assert bars[2].support_call_minutes == 15
    # 16–22 Feb: Ana 18 Feb 60; write-up 30
    assert (bars[3].seen_minutes, bars[3].unseen_by_category[W.WRITE_UP]) == (60, 30)
    # 23–28 Feb: admin 30
    assert (bars[4].seen_minutes, bars[4].unseen_by_category[W.ADMIN]) == (0, 30)
    # every category is present, zeros included
    assert all(set(b.unseen_by_category) == set(W) for b in bars)


def test_the_bars_add_up_to_the_practice_figures(feb: PracticeReport) -> None:
    fig = feb.figures
    # seen 120 + 60 meetings, 15 support; unseen 60 + 30 + 45 + 30 + 30 = 195
    assert (fig.meeting_minutes, fig.support_call_minutes, fig.unseen_minutes) == (180, 15, 195)
    assert sum(b.session_minutes for b in feb.time) == fig.meeting_minutes
    assert sum(b.support_call_minutes for b in feb.time) == fig.support_call_minutes
    for category in W:
        assert (
            sum(b.unseen_by_category[category] for b in feb.time)
            == (fig.unseen_by_category[category])
        )
    assert sum(r.income_received for r in feb.rates) == fig.income_received == 70000


def test_effective_hourly_rate_over_time(feb: PracticeReport) -> None:
    r = feb.rates
    # Earned: E1 (completed 28 Feb) nets 120000 − the 10000 goodwill refund = 110000 over 7
    # planned sessions: 78571 by 31 Jan (5 used), 94286 after 4 Feb, 110000 after 18 Feb.
    # E4 (ended early 13 Feb) nets the instalments due by then, 80000: 22857 by 31 Jan
    # (2 used), 34286 after 5 Feb (cancelled late: used), all 80000 on 13 Feb.
    # 1 Feb: nothing earned over 60 min → £0/h (time was spent, so not "no rate")
    assert (r[0].earned_income, r[0].total_minutes, r[0].effective_hourly_rate) == (0, 60, 0)
    # 2–8 Feb: E1 15715 + E4 11429 = 27144 over 150 min → 10857.6 → 10858; cash £400
    assert (r[1].earned_income, r[1].income_received) == (27144, 40000)
    assert r[1].effective_hourly_rate == 10858
    # 9–15 Feb: E4 ends 13 Feb: 80000 − 34286 = 45714 over 60 min
    assert (r[2].earned_income, r[2].effective_hourly_rate) == (45714, 45714)
    # 16–22 Feb: E1 18 Feb 15714 over 90 min → 10476; the £100 refund is cash, not earnings
    assert (r[3].earned_income, r[3].income_received) == (15714, -10000)
    assert r[3].effective_hourly_rate == 10476
    # 23–28 Feb: E1 finishes on 28 Feb with all of it earned already → 0 over 30 min
    assert (r[4].earned_income, r[4].effective_hourly_rate) == (0, 0)
    # the weeks add up to the month: 110000 − 78571 + 80000 − 22857 = 88572
    assert sum(p.earned_income for p in r) == feb.figures.earned_income == 88572
    # whole of February: 88572 × 60 / 390 = 13626.46 → 13626
    assert (feb.figures.total_minutes, feb.figures.effective_hourly_rate) == (390, 13626)


def test_nominal_per_session_rate(feb: PracticeReport) -> None:
    r = feb.rates
    # 1 Feb: E1 and E4 running (cancelled E6 never counts): 240000 / 14 = 17142.86 → 17143
    assert (r[0].agreed_total, r[0].sessions_planned, r[0].nominal_session_rate) == (
        240000,
        14,
        17143,
    )
    # 2–8 Feb: E1, E3 (taster: £0, 1 session), E4 → 240000 / 15 = 16000
    assert (r[1].sessions_planned, r[1].nominal_session_rate) == (15, 16000)
    # 9–15 Feb: E1, E2 (from 10 Feb), E3, E4 (to 13 Feb) → 240000 / 16 = 15000
    assert (r[2].sessions_planned, r[2].nominal_session_rate) == (16, 15000)
    # 16–22 and 23–28 Feb: E1, E2, E3 → 120000 / 9 = 13333.33 → 13333
    assert [x.nominal_session_rate for x in r[3:]] == [13333, 13333]


def test_income_received_vs_agreed_by_month(practice: tuple[Database, Ids]) -> None:
    q1 = report(practice[0], Q1)
    assert q1.bucket_size == BucketSize.WEEK  # 90 days
    jan, feb, mar = q1.income
    assert [(m.start, m.end) for m in q1.income] == [
        (date(2026, 1, 1), date(2026, 1, 31)),
        (date(2026, 2, 1), date(2026, 2, 28)),
        (date(2026, 3, 1), date(2026, 3, 31)),
    ]
    # January: received E1 £400 (5 Jan) + E4 £400 (1 Jan); due E1 #2 + E4 #1, both paid
    assert (jan.received, jan.agreed, jan.outstanding, jan.overdue) == (80000, 80000, 0, 0)
    assert jan.instalments == 2
    # February: payments 40000 (E4) + 40000 (E1) + 40000 (E6) − refunds 10000 + 40000;
    # due E1 #3 £400 (paid 10 Feb), E2 £0, E3 £0, E4 #2 £400 (paid by the 3 Feb payment)
    assert (feb.payments, feb.refunds, feb.received) == (120000, 50000, 70000)
    assert (feb.agreed, feb.paid_towards_agreed, feb.outstanding) == (80000, 80000, 0)
    assert feb.instalments == 4
    # March: nothing received; E4 #3 no longer owed (ended 13 Feb, nothing paid → 0),
    # E5 £1,140 due 1 Mar unpaid → overdue on 15 Mar. E6 was cancelled: not counted.
    assert (mar.received, mar.agreed, mar.outstanding, mar.overdue) == (0, 114000, 114000, 114000)
    assert mar.instalments == 2


def test_programme_comparison(practice: tuple[Database, Ids]) -> None:
    db, ids = practice
    p1, taster = report(db, Q1).programmes
    # Finished in Q1 (last day 1 Jan – 15 Mar): E1 (28 Feb), E4 (13 Feb), E3 (1 Mar).
    assert (p1.programme_id, p1.name, p1.running, p1.finished) == (ids.p1, "Three months", 3, 2)
    # planned: 2 × £1,200 over 2 × 725 min of the clients' time (supervision is not a
    # client's) → 240000 × 60 / 1450 = 9931.03 → 9931
    assert (p1.agreed_total, p1.planned_minutes, p1.planned_hourly_rate) == (240000, 1450, 9931)
    # E1: contact 6 × 60 + 15 = 375, unseen 15 + 20 + 30 + 45 (unassigned, in its dates)
    # = 110 → 485; paid for: £1,200 less the £100 goodwill refund = 110000.
    # E4: contact 120, unseen 15 → 135; price due = instalments up to 13 Feb = 80000.
    # actual: 190000 × 60 / 620 = 18387.10 → 18387
    assert (p1.earned_total, p1.actual_minutes, p1.actual_hourly_rate) == (190000, 620, 18387)
    # sessions used: E1 6 attended + 1 no-show = 7, E4 2 attended + 1 cancelled late = 3
    assert (p1.sessions_planned, p1.sessions_used) == (14, 10)
    assert (p1.average_sessions_planned, p1.average_sessions_used) == (7, 5)
    # E4 ended early: 1 of 2 completed; E1 renewed by E5: 1 of 2
    assert p1.completion_rate is not None and p1.completion_rate.percent == 50
    assert p1.renewal_rate is not None and p1.renewal_rate.percent == 50
    # unseen per session: 125 / 10 = 12.5 → 13
    assert (p1.unseen_minutes, p1.unseen_minutes_per_session) == (125, 13)
    # The taster has no price and no programme any more (grouped by name):
    # E2 runs on past 15 Mar, E3 finished. Planned 0 × 60 / 60 = 0; actual 0 over 70 min.
    assert (taster.programme_id, taster.name, taster.running, taster.finished) == (
        None,
        "Free taster",
        2,
        1,
    )
    assert (taster.planned_hourly_rate, taster.actual_hourly_rate) == (0, 0)
    assert (taster.actual_minutes, taster.unseen_minutes_per_session) == (70, 10)
    assert taster.average_sessions_used == Fraction(1)
    assert taster.renewal_rate is None  # a single consultation converts, never renews
    assert taster.completion_rate is not None and taster.completion_rate.percent == 100


def test_programme_with_nothing_finished_yet(feb: PracticeReport) -> None:
    # In February only E1 (28 Feb) and E4 (13 Feb) finished; the taster's E3 ends 1 Mar.
    p1, taster = feb.programmes
    assert (p1.finished, p1.actual_hourly_rate) == (2, 18387)
    assert (taster.running, taster.finished) == (2, 0)
    assert taster.planned_hourly_rate is None and taster.actual_hourly_rate is None
    assert taster.average_sessions_used is None and taster.completion_rate is None


def test_follow_through_per_client_and_over_time(
    practice: tuple[Database, Ids], feb: PracticeReport
) -> None:
    _, ids = practice
    ft = feb.follow_through
    # reviewed in Feb: Ana done + partly (18 Feb) + dropped (4 Feb); Ben done (3 Feb).
    # Cat's partly was reviewed on 1 Mar: not in February.
    assert (ft.total.done, ft.total.partly, ft.total.not_done) == (2, 1, 1)
    # (2 + ½) / 4 = 62.5% → 63%; the period figures agree
    assert ft.total.follow_through is not None and ft.total.follow_through.percent == 63
    assert feb.figures.follow_through == ft.total.follow_through
    ana, ben = ft.clients
    assert (ana.client_id, ana.client_name) == (ids.ana, "Ana Silva")
    assert (ana.counts.done, ana.counts.partly, ana.counts.not_done, ana.still_open) == (1, 1, 1, 1)
    # (1 + ½) / 3 = 50%
    assert ana.follow_through is not None and ana.follow_through.percent == 50
    assert (ben.client_id, ben.counts.done, ben.still_open) == (ids.ben, 1, 0)
    # over time: 2–8 Feb: Ben done (3 Feb) + Ana dropped (4 Feb); 16–22 Feb: done + partly
    counts = [(b.counts.done, b.counts.partly, b.counts.not_done) for b in ft.over_time]
    assert counts == [(0, 0, 0), (1, 0, 1), (0, 0, 0), (1, 1, 0), (0, 0, 0)]


def test_quiet_clients_as_of_the_end_of_the_period(
    practice: tuple[Database, Ids], feb: PracticeReport
) -> None:
    db, ids = practice
    # As of 28 Feb (10 days), from the enrolments' dates, not today's statuses: running
    # then are Cat's E3 (2 Feb – 1 Mar, completed since), Ben's E2 (since 10 Feb) and
    # Ana's E1 (its last day). Cat last seen 3 Feb: 25 days; Ben's last contact was
    # 22 Jan, quiet since max(22 Jan, 10 Feb): 18 days; Ana last seen 18 Feb: 10 days.
    quiet = feb.follow_through.quiet
    assert [(q.client_id, q.days_quiet) for q in quiet] == [
        (ids.cat, 25),
        (ids.ben, 18),
        (ids.ana, 10),
    ]
    assert quiet[1].last_contact == date(2026, 1, 22)
    # Q1 runs past today, so as of 15 Mar: Ben 15 Mar − 10 Feb = 33 days; Ana last seen
    # 18 Feb, enrolled again since 1 Mar → 14 days.
    q1 = report(db, Q1).follow_through.quiet
    assert [(q.client_id, q.days_quiet) for q in q1] == [(ids.ben, 33), (ids.ana, 14)]


def test_practice_figures(feb: PracticeReport) -> None:
    fig = feb.figures
    # ran in February: E1 Ana, E2 Ben, E3 Cat, E4 Ben → 3 clients (E6 was cancelled)
    assert fig.active_clients == 3
    # agreed in February: E2 £0 (10 Feb), E3 £0 (2 Feb), E5 £1,140 (20 Feb) → 38000
    assert (fig.programmes_agreed, fig.average_programme_value) == (3, 38000)
    # ended in February: E1 (renewed by E5) and E4 → 50%
    assert fig.renewal_rate is not None and fig.renewal_rate.percent == 50
    outcomes = fig.enquiries_by_outcome
    assert [outcomes[o] for o in (EnquiryOutcome.ENROLLED, EnquiryOutcome.REFERRED)] == [1, 1]
    assert [outcomes[o] for o in (EnquiryOutcome.RESOURCE, EnquiryOutcome.DECLINED)] == [1, 1]
    assert outcomes[EnquiryOutcome.WAITING] == 0
    assert not feb.is_empty


def test_a_period_with_nothing_in_it(practice: tuple[Database, Ids]) -> None:
    july = report(practice[0], (date(2026, 7, 1), date(2026, 7, 31)))
    assert spans(july.time) == [(1, 5), (6, 12), (13, 19), (20, 26), (27, 31)]
    assert all(b.total_minutes == 0 for b in july.time)
    assert all(r.effective_hourly_rate is None for r in july.rates)
    assert all(r.nominal_session_rate is None for r in july.rates)  # E5 ended 31 May
    (month,) = july.income
    assert (month.received, month.agreed, month.outstanding, month.instalments) == (0, 0, 0, 0)
    assert july.programmes == ()
    assert july.follow_through.clients == () and july.follow_through.total.reviewed == 0
    assert july.figures.effective_hourly_rate is None
    assert july.figures.average_programme_value is None and july.figures.renewal_rate is None
    assert july.is_empty


def test_a_single_day_and_a_year(practice: tuple[Database, Ids]) -> None:
    db, _ = practice
    day = report(db, (date(2026, 2, 4), date(2026, 2, 4)))
    assert day.bucket_size == BucketSize.DAY and spans(day.time) == [(4, 4)]
    # Ana 4 Feb 60 + write-up 20 → 80 min; E1's sixth session earns 94286 − 78571 = 15715
    # → 15715 × 60 / 80 = 11786.25 → 11786 (nothing was received that day)
    assert (day.time[0].total_minutes, day.rates[0].effective_hourly_rate) == (80, 11786)
    assert day.rates[0].income_received == 0
    year = report(db, (date(2026, 1, 1), date(2026, 12, 31)))
    assert year.bucket_size == BucketSize.MONTH and len(year.time) == 12
    assert [m.start.month for m in year.income] == list(range(1, 13))
    # January: Ana 7 Jan 60 + Ben 8 Jan 60 + 22 Jan 60 (21 Jan no-show: no time); prep 15
    assert (year.time[0].seen_minutes, year.time[0].unseen_minutes) == (180, 15)


def test_the_report_needs_a_period_in_order(practice: tuple[Database, Ids]) -> None:
    from practice.errors import ValidationError

    with pytest.raises(ValidationError) as raised:
        report(practice[0], (date(2026, 3, 1), date(2026, 2, 1)))
    assert raised.value.field == "end"


def test_a_refund_of_an_overpayment_lowers_nothing(db: Database) -> None:
    # One enrolment, £1,200 agreed, paid £1,300 by mistake on 5 Jan and £100 given back on
    # 6 Jan; completed 31 Jan. Meeting 10 Jan 60 min. The client paid for £1,200, so the
    # actual rate is 120000 × 60 / 60 = 120000 (the refund only returned the extra £100).
    with db.transaction() as s:
        who = f.client(s, "Ivy")
        e = f.enrolment(
            s,
            who,
            start=date(2026, 1, 1),
            end=date(2026, 1, 31),
            status=EnrolmentStatus.COMPLETED,
            instalments=[(date(2026, 1, 1), 120000)],
        )
        f.pay(s, e, date(2026, 1, 5), 130000)
        f.pay(s, e, date(2026, 1, 6), 10000, refund=True)
        f.meeting(s, who, f.at(2026, 1, 10), enrolment=e)
    jan = practice_report(db, date(2026, 1, 1), date(2026, 1, 31), today=TODAY, tz=UTC)
    (row,) = jan.programmes
    assert (row.earned_total, row.actual_minutes, row.actual_hourly_rate) == (120000, 60, 120000)
    # received in January: 130000 − 10000; agreed: the one instalment, paid
    (month,) = jan.income
    assert (month.received, month.agreed, month.outstanding) == (120000, 120000, 0)
