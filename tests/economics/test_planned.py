"""Planned economics: the issue's worked example by hand, and the same terms from every source."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from practice.db import Database
from practice.economics import PlanPeriod, ProgrammeTerms, live, plan, programme_plan
from practice.economics.planned import planned_session_count, snapshot_session_count
from practice.economics.rates import Ratio, divide, hourly_rate, ratio, round_half_up
from practice.models import LengthUnit, Programme, ProgrammePeriod, SupportMode
from practice.services import scheduling

#: The worked example from "The practice core", item 4.
WORKED = {
    "length_value": 3,
    "length_unit": "months",
    "session_minutes": 60,
    "periods": [
        {"first_period": 1, "last_period": 1, "sessions_per_period": 3},
        {"first_period": 2, "last_period": 3, "sessions_per_period": 2},
    ],
    "price": 120000,
    "currency": "GBP",
    "support_mode": "count",
    "support_call_count": 4,
    "support_call_minutes": 15,
    "full_payment_discount": 0,
    "instalment_count": 3,
    "instalment_interval": "monthly",
    "prep_minutes_per_session": 15,
    "writeup_minutes_per_session": 20,
    "supervision_minutes_per_month": 60,
}


def test_worked_example_by_hand() -> None:
    result = plan(ProgrammeTerms.from_snapshot(WORKED))
    # 3 sessions in month one + 2 in each of months two and three.
    assert result.sessions == 3 + 2 * 2 == 7
    # contact = 7×60 + 4×15 = 480 min (8 h)
    assert result.session_contact_minutes == 420
    assert result.support_minutes == 60
    assert result.contact_minutes == 480
    # unseen (the client's) = 7×(15+20) = 245 min; supervision 3×60 = 180 beside it
    assert result.prep_writeup_minutes == 245
    assert result.supervision_minutes == 180
    assert result.unseen_minutes == 245
    # the client's time = 480 + 245 = 725 min; with supervision 905
    assert result.total_minutes == 725
    assert result.time_with_supervision_minutes == 905
    # 120000 / (725/60) = 7200000/725 = 9931.03… → 9931 (£99.31/h)
    exact = Fraction(120000) / Fraction(725, 60)
    assert exact == Fraction(7200000, 725)
    assert 9931 < exact < Fraction(99315, 10)  # below the half: rounds down
    assert result.effective_hourly_rate == 9931
    assert result.pay_in_full_hourly_rate == 9931  # no discount
    # 120000/7 = 17142.857… → 17143
    assert Fraction(120000, 7) > Fraction(171425, 10)
    assert result.per_session_rate == 17143
    assert result.price_per_month == 40000
    assert result.months == 3
    assert result.instalment_amounts == (40000, 40000, 40000)
    assert result.price == result.pay_in_full_price == 120000


def test_pay_in_full_discount_gives_both_prices_and_rates() -> None:
    result = plan(ProgrammeTerms.from_snapshot({**WORKED, "full_payment_discount": 6000}))
    assert result.price == 120000
    assert result.discount == 6000
    assert result.pay_in_full_price == 114000
    # 114000 × 60 / 725 = 9434.48… → 9434
    assert result.pay_in_full_hourly_rate == 9434
    assert result.effective_hourly_rate == 9931


def test_weeks_programme_uses_twelve_fifty_seconds_of_a_month() -> None:
    # 10 weeks, one 50-min session a week, 90 min supervision a month, as-needed support.
    result = live(
        length_value=10,
        length_unit="weeks",
        session_minutes=50,
        periods=[(1, 10, 1)],
        price=50001,
        currency="GBP",
        support_mode="as_needed",
        support_minutes_estimate=100,
        prep_minutes_per_session=10,
        writeup_minutes_per_session=5,
        supervision_minutes_per_month=90,
    )
    assert result.months == Fraction(120, 52)  # 2.307… months
    assert result.sessions == 10
    assert result.contact_minutes == 10 * 50 + 100 == 600
    # supervision: 90 × 120/52 = 207.69… → 208
    assert result.supervision_minutes == 208
    assert result.unseen_minutes == 10 * 15 == 150
    assert result.total_minutes == 750
    assert result.time_with_supervision_minutes == 958
    # 50001 × 60 / 750 = 4000.08 → 4000
    assert result.effective_hourly_rate == 4000
    # 50001 / (120/52) = 21667.1 → 21667
    assert result.price_per_month == 21667
    # 50001 / 10 = 5000.1 → 5000
    assert result.per_session_rate == 5000
    assert result.instalment_amounts == (50001,)


def test_no_time_and_no_sessions_give_no_rates() -> None:
    result = live(
        length_value=1,
        length_unit=LengthUnit.MONTHS,
        session_minutes=60,
        periods=[],
        price=0,
        currency="GBP",
    )
    assert result.sessions == 0
    assert result.total_minutes == 0
    assert result.effective_hourly_rate is None
    assert result.per_session_rate is None
    assert result.price_per_month == 0


def test_free_programme_has_a_zero_rate_not_none() -> None:
    result = live(
        length_value=1,
        length_unit="months",
        session_minutes=60,
        periods=[PlanPeriod(1, 1, 2)],
        price=0,
        currency="GBP",
        instalment_count=0,  # the editor may hold a half-typed value
    )
    assert result.effective_hourly_rate == 0
    assert result.per_session_rate == 0
    assert result.instalment_amounts == ()


def test_saved_programme_and_snapshot_give_the_same_plan(db: Database) -> None:
    with db.transaction() as s:
        programme = Programme(
            name="Three months of change",
            length_value=3,
            length_unit=LengthUnit.MONTHS,
            session_minutes=60,
            support_mode=SupportMode.COUNT,
            support_call_count=4,
            support_call_minutes=15,
            price=120000,
            currency="GBP",
            instalment_count=3,
            prep_minutes_per_session=15,
            writeup_minutes_per_session=20,
            supervision_minutes_per_month=60,
            periods=[ProgrammePeriod(first_period=2, last_period=3, sessions_per_period=2)],
        )
        programme.periods.append(
            ProgrammePeriod(first_period=1, last_period=1, sessions_per_period=3)
        )
        s.add(programme)
    with db.transaction() as s:
        loaded = s.scalars(select(Programme)).one()
        from_db = programme_plan(loaded)
    assert from_db == plan(ProgrammeTerms.from_snapshot(WORKED))


def test_session_count_alone_from_every_shape_of_plan() -> None:
    # month 1: 3 sessions; months 2-3: 2 each → 3 + 2 × 2 = 7
    assert planned_session_count([PlanPeriod(1, 1, 3), PlanPeriod(2, 3, 2)]) == 7
    assert planned_session_count([(1, 1, 3), (2, 3, 2)]) == 7
    as_in_a_snapshot = [dict(zip(KEYS, line, strict=True)) for line in [(1, 1, 3), (2, 3, 2)]]
    assert planned_session_count(as_in_a_snapshot) == 7
    rows = [ProgrammePeriod(first_period=2, last_period=3, sessions_per_period=2)]
    assert planned_session_count(rows) == 4
    assert snapshot_session_count(WORKED) == 7
    assert snapshot_session_count({**WORKED, "periods": None}) == 0
    assert snapshot_session_count({}) == 0
    assert planned_session_count([]) == 0


def test_scheduling_counts_sessions_by_the_same_rule() -> None:
    # a line ending before it begins adds nothing (it used to subtract: 3 - 4 = -1)
    backwards = [
        ProgrammePeriod(first_period=1, last_period=1, sessions_per_period=3),
        ProgrammePeriod(first_period=3, last_period=2, sessions_per_period=4),
    ]
    assert scheduling.planned_sessions(backwards) == planned_session_count(backwards) == 3


@given(
    st.lists(
        st.tuples(st.integers(1, 24), st.integers(0, 24), st.integers(0, 9)),
        max_size=6,
    )
)
def test_session_count_is_the_whole_plans_count(lines: list[tuple[int, int, int]]) -> None:
    snapshot = {**WORKED, "periods": [dict(zip(KEYS, line, strict=True)) for line in lines]}
    whole = plan(ProgrammeTerms.from_snapshot(snapshot))
    assert planned_session_count(lines) == whole.sessions
    assert snapshot_session_count(snapshot) == whole.sessions
    assert scheduling.planned_sessions(PlanPeriod(*line) for line in lines) == whole.sessions


KEYS = ("first_period", "last_period", "sessions_per_period")


def test_broken_snapshot_is_refused_plainly() -> None:
    with pytest.raises(ValueError, match="no price"):
        ProgrammeTerms.from_snapshot({k: v for k, v in WORKED.items() if k != "price"})


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Fraction(5, 2), 3),
        (Fraction(-5, 2), -3),
        (Fraction(7, 3), 2),
        (Fraction(-7, 3), -2),
        (Fraction(1, 2), 1),
        (0, 0),
    ],
)
def test_round_half_up(value: Fraction, expected: int) -> None:
    assert round_half_up(value) == expected


def _by_the_rule(value: Fraction) -> int:
    """floor(|x| + ½), away from zero: the rule in the words of rates.py."""
    magnitude = math.floor(abs(value) + Fraction(1, 2))
    return magnitude if value >= 0 else -magnitude


@given(
    st.integers(-(10**9), 10**9),
    st.integers(-(10**4), 10**4) | st.fractions(min_value=-500, max_value=500),
)
def test_whole_number_rounding_follows_the_rule(amount: int, by: int | Fraction) -> None:
    """divide and hourly_rate round in whole numbers; the rule says it with fractions."""
    assert round_half_up(Fraction(amount, 7)) == _by_the_rule(Fraction(amount, 7))
    if by > 0:
        assert divide(amount, by) == _by_the_rule(Fraction(amount) / Fraction(by))
        assert hourly_rate(amount, by) == _by_the_rule(Fraction(amount) * 60 / Fraction(by))
    else:
        assert divide(amount, by) is None and hourly_rate(amount, by) is None


def test_hourly_rate_and_ratio() -> None:
    assert hourly_rate(6000, 90) == 4000
    assert hourly_rate(1, 0) is None
    assert ratio(1, 0) is None
    share = ratio(Fraction(5, 2), 4)
    assert share == Ratio(Fraction(5, 2), 4)
    assert share is not None and share.percent == 63 and share.value == Fraction(5, 8)
