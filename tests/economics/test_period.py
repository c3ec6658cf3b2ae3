"""Per-period figures and the seen/unseen series on the hand-made practice.

All instants in the practice are in winter, when UK time is UTC, so London local dates
equal UTC dates there; the daylight-saving boundary is tested separately.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest

from practice.db import Database
from practice.economics import monthly_seen_unseen, period_figures, weekly_seen_unseen
from practice.errors import ValidationError
from practice.models import EnquiryOutcome, SessionKind, WorkCategory

from . import factories as f
from .practice_fixture import TODAY, Ids

Practice = tuple[Database, Ids]
LONDON = ZoneInfo("Europe/London")
W = WorkCategory


def test_february(practice: Practice) -> None:
    db, _ = practice
    feb = period_figures(db, date(2026, 2, 1), date(2026, 2, 28), today=TODAY, tz=LONDON)
    assert feb.currency == "GBP"
    # attended: Ana 5 Feb 60 + 19 Feb 60, Zoë 17 Feb 60, Ben 23 Feb 60; support call 10 Feb 15
    assert (feb.sessions, feb.meeting_minutes) == (4, 240)
    assert (feb.support_calls, feb.support_call_minutes) == (1, 15)
    assert feb.contact_minutes == 255
    assert feb.missed_sessions == 0
    # unseen: 5 Feb write-up 20, 17 Feb prep 10, 28 Feb resource making 45
    assert feb.unseen_minutes == 75
    assert feb.unseen_by_category[W.WRITE_UP] == 20
    assert feb.unseen_by_category[W.PREP] == 10
    assert feb.unseen_by_category[W.RESOURCE_MAKING] == 45
    assert feb.unseen_by_category[W.SUPERVISION] == 0
    assert set(feb.unseen_by_category) == set(WorkCategory)
    # income: Ana £400 on 20 Feb + Ben £350 on 20 Feb
    assert (feb.payments_received, feb.refunds_given, feb.income_received) == (75000, 0, 75000)
    # earned in February (each used session earns its share of the net price):
    # E1 120000 × 5/7 − 120000 × 3/7 = 85714 − 51429 = 34285 (5 and 19 Feb);
    # E2 completed 2 Feb: all of 104000 (114000 less the refund that lowered it) by
    # then, 104000 × 3/7 = 44571 by 31 Jan → 59429; E3 23 Feb: 120000 / 7 = 17143
    assert feb.earned_income == 34285 + 59429 + 17143 == 110857
    assert (feb.earned_other_currencies, feb.other_currency_minutes) == ({}, 0)
    # 110857 × 60 / 330 = 20155.8 → 20156
    assert feb.total_minutes == 330
    assert feb.effective_hourly_rate == 20156
    # E1 Ana, E2 Ben (ended 2 Feb) and E3 Ben, E4 Zoë all ran in February
    assert feb.active_clients == 3
    # agreed in Feb: E3 (16 Feb, 120000) and E4 (start 16 Feb, 0) → 60000
    assert (feb.programmes_agreed, feb.average_programme_value) == (2, 60000)
    # E2 ended 2 Feb and was renewed by E3
    assert (feb.enrolments_ended, feb.enrolments_renewed) == (1, 1)
    assert feb.renewal_rate is not None and feb.renewal_rate.percent == 100
    # reviewed in Feb: the dropped item (5 Feb) → 0 of 1
    assert feb.follow_through is not None
    assert (feb.follow_through.part, feb.follow_through.whole) == (0, 1)
    assert feb.enquiries_by_outcome[EnquiryOutcome.ENROLLED] == 1
    assert feb.enquiries_by_outcome[EnquiryOutcome.REFERRED] == 1
    assert feb.enquiries_by_outcome[EnquiryOutcome.WAITING] == 1
    assert feb.enquiries_by_outcome[EnquiryOutcome.DECLINED] == 0
    assert feb.enquiries == 3


def test_january(practice: Practice) -> None:
    db, _ = practice
    jan = period_figures(db, date(2026, 1, 1), date(2026, 1, 31), today=TODAY, tz=LONDON)
    # attended: Ana 8 and 15 Jan (60 each), Ben 14 Jan (50); 22 Jan cancelled early,
    # 29 Jan no-show and Ben's 28 Jan late cancellation are not contact
    assert jan.contact_minutes == 170
    assert (jan.sessions, jan.missed_sessions) == (3, 2)
    # unseen: prep 15, write-up 20 + 25, supervision 60 + 30
    assert jan.unseen_minutes == 150
    assert jan.unseen_by_category[W.PREP] == 15
    assert jan.unseen_by_category[W.WRITE_UP] == 45
    assert jan.unseen_by_category[W.SUPERVISION] == 90
    # £400 received 5 Jan − £100 refunded 10 Jan
    assert (jan.payments_received, jan.refunds_given, jan.income_received) == (40000, 10000, 30000)
    # earned: E1 three sessions used (8, 15, 29 Jan) of 7: 120000 × 3/7 = 51429;
    # E2 from one used (5 Nov) to three (14 and 28 Jan) of 7 on 104000: 44571 − 14857
    assert jan.earned_income == 51429 + 29714 == 81143
    # 81143 × 60 / 320 = 15214.3 → 15214 (the cash basis would say 5625)
    assert jan.effective_hourly_rate == 15214
    assert jan.active_clients == 2  # Ana (E1) and Ben (E2)
    assert (jan.programmes_agreed, jan.average_programme_value) == (1, 120000)  # E1, 2 Jan
    assert jan.renewal_rate is None  # nothing ended in January
    # reviewed 15 Jan: done + partly → 1.5 of 2 = 75 %
    assert jan.follow_through is not None
    assert jan.follow_through.value == Fraction(3, 4) and jan.follow_through.percent == 75
    assert jan.enquiries_by_outcome[EnquiryOutcome.DECLINED] == 1


def test_first_quarter_stops_renewals_at_today(practice: Practice) -> None:
    db, _ = practice
    q1 = period_figures(db, date(2026, 1, 1), date(2026, 3, 31), today=TODAY, tz=LONDON)
    # agreed: E1 120000, E3 120000, E4 0; E5 (1 Mar) was cancelled → 240000 / 3
    assert (q1.programmes_agreed, q1.average_programme_value) == (3, 80000)
    # ended by 15 Mar: the programme E2 (2 Feb, renewed by E3); E1 ends in April. E4, the
    # free taster (one session, no support), is a single consultation: it converts or not
    # (Zoë's E5 was cancelled: not converted), it never counts as a renewal.
    assert (q1.enrolments_ended, q1.enrolments_renewed) == (1, 1)
    assert q1.renewal_rate is not None and q1.renewal_rate.percent == 100
    assert (q1.consultations_ended, q1.consultations_converted) == (1, 0)
    assert q1.conversion_rate is not None and q1.conversion_rate.percent == 0
    # March: Ben's support call 3 Mar (20); 2 Mar cancelled early; 20 Mar only planned
    assert q1.contact_minutes == 170 + 255 + 20
    # March income: E3 £500 on 12 Mar, E5 £400 on 2 Mar and its £400 refund on 10 Mar
    assert q1.income_received == 30000 + 75000 + 50000 + 40000 - 40000
    assert q1.active_clients == 3


def test_a_period_with_nothing_in_it(practice: Practice) -> None:
    db, _ = practice
    june = period_figures(db, date(2025, 6, 1), date(2025, 6, 30), today=TODAY, tz=LONDON)
    assert (june.contact_minutes, june.unseen_minutes, june.income_received) == (0, 0, 0)
    assert june.sessions == 0
    assert june.effective_hourly_rate is None
    assert june.active_clients == 0
    assert june.average_programme_value is None
    assert june.renewal_rate is None and june.follow_through is None
    assert june.enquiries == 0
    assert sum(june.unseen_by_category.values()) == 0


def test_a_period_ending_before_it_starts_is_refused(practice: Practice) -> None:
    db, _ = practice
    with pytest.raises(ValidationError, match="on or after the start"):
        period_figures(db, date(2026, 2, 1), date(2026, 1, 31), today=TODAY)
    with pytest.raises(ValidationError):
        weekly_seen_unseen(db, date(2026, 2, 1), date(2026, 1, 31))


def test_weekly_series(practice: Practice) -> None:
    db, _ = practice
    # 4 Feb is a Wednesday: the series starts on Monday 2 Feb (W06) and ends Sunday 15 Feb
    series = weekly_seen_unseen(db, date(2026, 2, 4), date(2026, 2, 13), tz=LONDON)
    assert [(w.label, w.start, w.end) for w in series] == [
        ("2026-W06", date(2026, 2, 2), date(2026, 2, 8)),
        ("2026-W07", date(2026, 2, 9), date(2026, 2, 15)),
    ]
    # W06: Ana 5 Feb 60 seen, write-up 20 unseen; W07: support call 10 Feb 15, nothing unseen
    assert [(w.seen_minutes, w.unseen_minutes) for w in series] == [(60, 20), (15, 0)]
    assert series[0].total_minutes == 80


def test_monthly_series_matches_the_period_figures(practice: Practice) -> None:
    db, _ = practice
    series = monthly_seen_unseen(db, date(2025, 12, 10), date(2026, 3, 1), tz=LONDON)
    assert [m.label for m in series] == ["2025-12", "2026-01", "2026-02", "2026-03"]
    # December: Ana's admin 30 (20 Dec) unseen, nothing seen
    assert [(m.seen_minutes, m.unseen_minutes) for m in series] == [
        (0, 30),
        (170, 150),
        (255, 75),
        (20, 0),
    ]
    for month in series:
        figures = period_figures(db, month.start, month.end, today=TODAY, tz=LONDON)
        assert (figures.contact_minutes, figures.unseen_minutes) == (
            month.seen_minutes,
            month.unseen_minutes,
        )


def test_a_session_belongs_to_the_local_day_it_starts(db: Database) -> None:
    """23:30 UTC on 31 May is 00:30 on 1 June in London (summer time)."""
    with db.transaction() as s:
        who = f.client(s, "Ana")
        f.meeting(s, who, datetime(2026, 5, 31, 23, 30, tzinfo=UTC), minutes=50)
        f.meeting(
            s,
            who,
            datetime(2026, 6, 30, 22, 45, tzinfo=UTC),  # 23:45 on 30 June in London
            minutes=15,
            kind=SessionKind.SUPPORT_CALL,
        )
    june = (date(2026, 6, 1), date(2026, 6, 30))
    london = period_figures(db, *june, today=TODAY, tz=LONDON)
    utc = period_figures(db, *june, today=TODAY, tz=UTC)
    assert london.contact_minutes == 65
    assert utc.contact_minutes == 15
    months = monthly_seen_unseen(db, date(2026, 5, 1), date(2026, 6, 30), tz=LONDON)
    assert [m.seen_minutes for m in months] == [0, 65]
    weeks = weekly_seen_unseen(db, date(2026, 5, 25), date(2026, 6, 1), tz=LONDON)
    # Sunday 31 May 23:30 UTC is Monday 1 June in London: week 23, not week 22
    assert [(w.label, w.seen_minutes) for w in weeks] == [("2026-W22", 0), ("2026-W23", 50)]


def test_many_periods_at_once_are_each_the_period_alone(practice: Practice) -> None:
    """A report works out its periods from one read of the rows behind them all; each
    must be exactly what that period asked alone gives, edges, weeks across months, a
    future month and a day included."""
    from practice.economics.period import figures_for

    db, _ = practice
    periods = [
        (date(2025, 10, 1), date(2026, 4, 30)),
        (date(2025, 12, 20), date(2025, 12, 20)),
        (date(2026, 1, 26), date(2026, 2, 1)),
        (date(2026, 3, 16), date(2026, 3, 31)),  # after today
        *[(date(2026, m, 1), date(2026, m + 1, 1)) for m in range(1, 4)],
        (date(2026, 2, 1), date(2026, 2, 28)),
    ]
    with db.reading() as s:
        together = figures_for(s, periods, today=TODAY, tz=LONDON)
    assert list(together) == list(dict.fromkeys(periods))
    for start, end in periods:
        assert together[(start, end)] == period_figures(db, start, end, today=TODAY, tz=LONDON)
    assert together[(date(2026, 2, 1), date(2026, 2, 28))].sessions > 0
