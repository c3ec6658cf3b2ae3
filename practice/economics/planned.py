"""Planned economics of a programme: contact time, unseen time and the planned rate.

One computation serves three callers: a saved :class:`~practice.models.Programme`, an
enrolment's ``terms_snapshot`` (the terms as agreed) and the programme editor while the
practitioner is still typing (:func:`live`, no database). Each is turned into
:class:`ProgrammeTerms` first and then :func:`plan` does the arithmetic.

Rules
-----
* **Sessions planned** come from the session plan: each line "periods *first*..*last*,
  *n* sessions each" adds ``(last - first + 1) × n`` (a line ending before it begins adds
  none). The plan is taken as written. :func:`planned_session_count` is this rule alone
  (cheap: lists and the enrolment preview need only the count).
* **Contact minutes** = sessions × session length + support: *count* calls × call
  length, or the "as needed" estimate for the whole programme, or nothing.
* **Unseen minutes** = sessions × (prep + write-up): the unseen work done for the
  client. **Total minutes** = contact + unseen: the client's time, the same time an
  enrolment's actual figures count, so planned and actual compare like for like.
* **Supervision** (per month × months) is planned beside it, not in the client's time:
  it is logged for the practice, not for one client, and counts in the practice's rate
  for a period (see :mod:`~.period`). ``time_with_supervision_minutes`` adds it back for
  the practitioner planning their month.
* **Months**: a programme in months lasts ``length_value`` months; one in weeks lasts
  ``weeks × 12 / 52`` months (52 weeks make 12 months). Supervision minutes are rounded
  half-up to whole minutes once, after multiplying.
* **Price**: ``price`` is the full (instalment) price; ``pay_in_full_price`` is the price
  less the pay-in-full discount. Rates are given for both.
* **Planned effective hourly rate** = price ÷ (total minutes ÷ 60), minor units per hour,
  rounded half-up; ``None`` when no time is planned. An enrolment's planned rate uses
  its agreed price instead (:func:`planned_rate`). **Per-session rate** = price ÷
  sessions (``None`` without sessions). **Price per month** = price ÷ months.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Protocol

from practice.economics.rates import divide, hourly_rate, round_half_up
from practice.models import LengthUnit, Programme, SupportMode
from practice.money import split_amount

#: 52 weeks make 12 months.
MONTHS_PER_WEEK = Fraction(12, 52)


@dataclass(frozen=True, slots=True)
class PlanPeriod:
    """One line of the session plan: periods ``first_period..last_period``, N sessions each."""

    first_period: int
    last_period: int
    sessions_per_period: int

    @property
    def sessions(self) -> int:
        return max(self.last_period - self.first_period + 1, 0) * self.sessions_per_period


class PeriodFields(Protocol):
    """Anything with the session plan's three columns (a ``ProgrammePeriod`` row)."""

    @property
    def first_period(self) -> int: ...

    @property
    def last_period(self) -> int: ...

    @property
    def sessions_per_period(self) -> int: ...


PeriodLike = PlanPeriod | PeriodFields | tuple[int, int, int] | Mapping[str, Any]


def _period(value: PeriodLike) -> PlanPeriod:
    if isinstance(value, PlanPeriod):
        return value
    if isinstance(value, Mapping):
        return PlanPeriod(
            int(value["first_period"]),
            int(value["last_period"]),
            int(value["sessions_per_period"]),
        )
    if isinstance(value, tuple):
        first, last, sessions = value
        return PlanPeriod(int(first), int(last), int(sessions))
    return PlanPeriod(value.first_period, value.last_period, value.sessions_per_period)


def planned_session_count(periods: Iterable[PeriodLike]) -> int:
    """Sessions in a session plan (the rule in the module docstring), nothing else.

    ``periods`` are :class:`PlanPeriod`, saved ``ProgrammePeriod`` rows,
    ``(first, last, sessions)`` tuples or dicts with the column names (as in a
    ``terms_snapshot``).
    """
    return sum(_period(p).sessions for p in periods)


def snapshot_session_count(snapshot: Mapping[str, Any]) -> int:
    """Sessions planned in the terms an enrolment agreed to (its ``terms_snapshot``).

    The same figure as ``snapshot_plan(snapshot).sessions`` without the rest of the plan.
    """
    return planned_session_count(snapshot.get("periods") or ())


@dataclass(frozen=True, slots=True)
class ProgrammeTerms:
    """Exactly the programme terms the planned economics depend on."""

    length_value: int
    length_unit: LengthUnit
    session_minutes: int
    periods: tuple[PlanPeriod, ...]
    price: int
    currency: str
    support_mode: SupportMode = SupportMode.NONE
    support_call_count: int = 0
    support_call_minutes: int = 0
    support_minutes_estimate: int = 0
    full_payment_discount: int = 0
    instalment_count: int = 1
    prep_minutes_per_session: int = 0
    writeup_minutes_per_session: int = 0
    supervision_minutes_per_month: int = 0

    @classmethod
    def from_programme(cls, programme: Programme) -> ProgrammeTerms:
        """The terms of a saved programme (its ``periods`` are loaded if needed)."""
        return cls(
            length_value=programme.length_value,
            length_unit=LengthUnit(programme.length_unit),
            session_minutes=programme.session_minutes,
            periods=tuple(
                PlanPeriod(p.first_period, p.last_period, p.sessions_per_period)
                for p in programme.periods
            ),
            price=programme.price,
            currency=programme.currency,
            support_mode=SupportMode(programme.support_mode),
            support_call_count=programme.support_call_count,
            support_call_minutes=programme.support_call_minutes,
            support_minutes_estimate=programme.support_minutes_estimate,
            full_payment_discount=programme.full_payment_discount,
            instalment_count=programme.instalment_count,
            prep_minutes_per_session=programme.prep_minutes_per_session,
            writeup_minutes_per_session=programme.writeup_minutes_per_session,
            supervision_minutes_per_month=programme.supervision_minutes_per_month,
        )

    @classmethod
    def from_snapshot(cls, snapshot: Mapping[str, Any]) -> ProgrammeTerms:
        """The terms kept in an enrolment's ``terms_snapshot``.

        The snapshot has the Programme column names plus ``periods``, a list of
        ``{first_period, last_period, sessions_per_period}``. Terms the snapshot lacks
        take the Programme defaults; a snapshot without length, session length, price
        or currency is broken and raises ``ValueError``.
        """
        missing = [
            key
            for key in ("length_value", "length_unit", "session_minutes", "price", "currency")
            if snapshot.get(key) is None
        ]
        if missing:
            raise ValueError(f"the terms snapshot has no {', '.join(missing)}")

        def number(key: str, default: int = 0) -> int:
            value = snapshot.get(key)
            return default if value is None else int(value)

        return cls(
            length_value=number("length_value"),
            length_unit=LengthUnit(snapshot["length_unit"]),
            session_minutes=number("session_minutes"),
            periods=tuple(_period(p) for p in snapshot.get("periods") or ()),
            price=number("price"),
            currency=str(snapshot["currency"]),
            support_mode=SupportMode(snapshot.get("support_mode") or SupportMode.NONE),
            support_call_count=number("support_call_count"),
            support_call_minutes=number("support_call_minutes"),
            support_minutes_estimate=number("support_minutes_estimate"),
            full_payment_discount=number("full_payment_discount"),
            instalment_count=number("instalment_count", 1),
            prep_minutes_per_session=number("prep_minutes_per_session"),
            writeup_minutes_per_session=number("writeup_minutes_per_session"),
            supervision_minutes_per_month=number("supervision_minutes_per_month"),
        )

    @property
    def months(self) -> Fraction:
        """The programme's length in months (weeks × 12/52 for a programme in weeks)."""
        if self.length_unit == LengthUnit.WEEKS:
            return self.length_value * MONTHS_PER_WEEK
        return Fraction(self.length_value)


@dataclass(frozen=True, slots=True)
class ProgrammePlan:
    """The planned economics of a programme. Money in minor units, time in minutes."""

    currency: str
    sessions: int
    months: Fraction
    session_contact_minutes: int  # sessions × session length
    support_minutes: int  # support calls (count × length) or the "as needed" estimate
    contact_minutes: int
    prep_writeup_minutes: int  # sessions × (prep + write-up)
    supervision_minutes: int  # planned beside the client's time, not in it
    unseen_minutes: int  # prep + write-up
    total_minutes: int  # contact + unseen: the client's time
    price: int  # full price (paid in instalments)
    discount: int  # pay-in-full discount
    pay_in_full_price: int
    effective_hourly_rate: int | None  # price ÷ total hours
    pay_in_full_hourly_rate: int | None  # pay-in-full price ÷ total hours
    per_session_rate: int | None  # nominal: price ÷ sessions
    price_per_month: int | None
    instalment_amounts: tuple[int, ...]  # the price split exactly, leftover on the first

    @property
    def time_with_supervision_minutes(self) -> int:
        """The client's time and the supervision planned beside it."""
        return self.total_minutes + self.supervision_minutes


def plan(terms: ProgrammeTerms) -> ProgrammePlan:
    """Compute the planned economics of ``terms`` (see the module docstring for the rules)."""
    sessions = planned_session_count(terms.periods)
    session_contact = sessions * terms.session_minutes
    if terms.support_mode == SupportMode.COUNT:
        support = terms.support_call_count * terms.support_call_minutes
    elif terms.support_mode == SupportMode.AS_NEEDED:
        support = terms.support_minutes_estimate
    else:
        support = 0
    contact = session_contact + support
    months = terms.months
    prep_writeup = sessions * (terms.prep_minutes_per_session + terms.writeup_minutes_per_session)
    supervision = round_half_up(terms.supervision_minutes_per_month * months)
    unseen = prep_writeup
    total = contact + unseen
    pay_in_full = terms.price - terms.full_payment_discount
    instalments = (
        tuple(split_amount(terms.price, terms.instalment_count))
        if terms.instalment_count >= 1 and terms.price >= 0
        else ()
    )
    return ProgrammePlan(
        currency=terms.currency,
        sessions=sessions,
        months=months,
        session_contact_minutes=session_contact,
        support_minutes=support,
        contact_minutes=contact,
        prep_writeup_minutes=prep_writeup,
        supervision_minutes=supervision,
        unseen_minutes=unseen,
        total_minutes=total,
        price=terms.price,
        discount=terms.full_payment_discount,
        pay_in_full_price=pay_in_full,
        effective_hourly_rate=hourly_rate(terms.price, total),
        pay_in_full_hourly_rate=hourly_rate(pay_in_full, total),
        per_session_rate=divide(terms.price, sessions),
        price_per_month=divide(terms.price, months),
        instalment_amounts=instalments,
    )


def live(
    *,
    length_value: int,
    length_unit: LengthUnit | str,
    session_minutes: int,
    periods: Iterable[PeriodLike],
    price: int,
    currency: str,
    support_mode: SupportMode | str = SupportMode.NONE,
    support_call_count: int = 0,
    support_call_minutes: int = 0,
    support_minutes_estimate: int = 0,
    full_payment_discount: int = 0,
    instalment_count: int = 1,
    prep_minutes_per_session: int = 0,
    writeup_minutes_per_session: int = 0,
    supervision_minutes_per_month: int = 0,
) -> ProgrammePlan:
    """The planned economics from plain values, before anything is saved (no database).

    For the programme editor's live panel: call it on every change with what the form
    holds. ``periods`` are :class:`PlanPeriod`, ``(first, last, sessions)`` tuples or
    dicts with the column names.
    """
    return plan(
        ProgrammeTerms(
            length_value=length_value,
            length_unit=LengthUnit(length_unit),
            session_minutes=session_minutes,
            periods=tuple(_period(p) for p in periods),
            price=price,
            currency=currency,
            support_mode=SupportMode(support_mode),
            support_call_count=support_call_count,
            support_call_minutes=support_call_minutes,
            support_minutes_estimate=support_minutes_estimate,
            full_payment_discount=full_payment_discount,
            instalment_count=instalment_count,
            prep_minutes_per_session=prep_minutes_per_session,
            writeup_minutes_per_session=writeup_minutes_per_session,
            supervision_minutes_per_month=supervision_minutes_per_month,
        )
    )


def programme_plan(programme: Programme) -> ProgrammePlan:
    """The planned economics of a saved programme."""
    return plan(ProgrammeTerms.from_programme(programme))


def snapshot_plan(snapshot: Mapping[str, Any]) -> ProgrammePlan:
    """The planned economics of the terms an enrolment agreed to."""
    return plan(ProgrammeTerms.from_snapshot(snapshot))


def planned_rate(agreed_price: int, planned: ProgrammePlan) -> int | None:
    """An enrolment's planned rate: its agreed price ÷ the client's planned hours."""
    return hourly_rate(agreed_price, planned.total_minutes)
