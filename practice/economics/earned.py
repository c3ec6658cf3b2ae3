"""Earned income: what clients pay for the work done so far (the basis of every rate).

* An enrolment's **net price** is what the client pays for it in the end: the price
  due (the agreed price; for one ended early, the instalments due up to the day it
  ended; see :mod:`~.balance`) less the part of any refund that lowered it. A cancelled
  enrolment's net price is the money the client paid and was not given back (never
  below nothing); a proposal's is nothing: nothing is earned until the client agrees.
* The net price is **earned as the work is done**: each used session (attended,
  cancelled late or not attended, see :mod:`~.counting`) earns an equal share, net
  price ÷ planned sessions, on the local day it starts, never beyond the net price.
  What is not yet earned when an enrolment completes or ends early is earned on its
  last day. Terms that plan no session earn day by day, evenly, from the start date to
  the last day. A cancelled enrolment's kept money is earned on its start date.
* Earned **in a period** = earned by its last day − earned by the day before it, with
  the prices as they stand now, so the months of a year add up to the year exactly.
* Money is never added across currencies: every sum here is per currency.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from fractions import Fraction

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from practice.economics.balance import balance, price_due
from practice.economics.counting import (
    MEETING_KINDS,
    RAN,
    USED_ATTENDANCE,
    enrolment_end,
    session_plan,
)
from practice.economics.instalments import instalment_statuses
from practice.economics.planned import snapshot_session_count
from practice.economics.rates import round_half_up
from practice.economics.source import local_midnight, practice_tz
from practice.models import Enrolment, EnrolmentStatus, Payment, PaymentKind, Session

#: Enrolments that can have earned something: those that ran, and cancelled ones (money kept).
EARNING = (*RAN, EnrolmentStatus.CANCELLED)


@dataclass(frozen=True, slots=True)
class Earning:
    """What :func:`earned_by` needs of one enrolment."""

    enrolment_id: int
    currency: str
    status: EnrolmentStatus
    start: date
    last: date  # ended_on, or the end date
    net_price: int
    sessions_planned: int


def net_price(status: EnrolmentStatus, due: int | None, payments: int, refunded: int) -> int:
    """The net price (see the module text) from the price due and the money movements."""
    if status == EnrolmentStatus.PROPOSED:
        return 0
    if status == EnrolmentStatus.CANCELLED or due is None:
        return max(payments - refunded, 0)
    money = balance(due, payments, refunded)
    return money.price_due - money.price_lowered_by


def earned_by(e: Earning, day: date, used: int) -> int:
    """Earned on ``e`` up to and including local ``day``, ``used`` sessions used by then."""
    if e.status == EnrolmentStatus.PROPOSED:
        return 0
    if e.status == EnrolmentStatus.CANCELLED:
        return e.net_price if day >= e.start else 0
    finished = e.status in (EnrolmentStatus.COMPLETED, EnrolmentStatus.ENDED_EARLY)
    if finished and day >= e.last:
        return e.net_price
    if e.sessions_planned > 0:
        share = Fraction(min(used, e.sessions_planned), e.sessions_planned)
    else:
        days = (e.last - e.start).days + 1
        share = Fraction(min(max((day - e.start).days + 1, 0), days), max(days, 1))
    return round_half_up(e.net_price * share)


def earnings(s: DbSession, ids: Collection[int]) -> dict[int, Earning]:
    """The :class:`Earning` of each enrolment in ``ids`` (three queries in all)."""
    wanted = list(set(ids))
    if not wanted:
        return {}
    money: dict[int, dict[str, int]] = defaultdict(dict)
    for enrolment_id, kind, amount in s.execute(
        select(Payment.enrolment_id, Payment.kind, func.sum(Payment.amount))
        .where(Payment.enrolment_id.in_(wanted))
        .group_by(Payment.enrolment_id, Payment.kind)
    ):
        money[enrolment_id][kind] = int(amount)
    # the amounts and due dates of instalments do not depend on the day asked
    plans = instalment_statuses(s, wanted, today=date.min)
    result = {}
    for e in s.execute(
        select(
            Enrolment.id,
            Enrolment.status,
            Enrolment.currency,
            Enrolment.start_date,
            Enrolment.end_date,
            Enrolment.ended_on,
            Enrolment.agreed_price,
            session_plan().label("periods"),
        ).where(Enrolment.id.in_(wanted))
    ):
        status = EnrolmentStatus(e.status)
        paid = money.get(e.id, {})
        net = net_price(
            status,
            price_due(e, plans.get(e.id, [])),
            paid.get(PaymentKind.PAYMENT, 0),
            paid.get(PaymentKind.REFUND, 0),
        )
        result[e.id] = Earning(
            enrolment_id=e.id,
            currency=e.currency,
            status=status,
            start=e.start_date,
            last=e.ended_on or e.end_date,
            net_price=net,
            sessions_planned=snapshot_session_count({"periods": e.periods}),
        )
    return result


@dataclass(frozen=True, slots=True)
class EarnedInPeriod:
    """Earned income in a period, per currency, and by enrolment."""

    by_currency: Mapping[str, int]
    by_enrolment: Mapping[int, int]

    def in_currency(self, currency: str) -> int:
        return self.by_currency.get(currency, 0)


def earned_between(
    s: DbSession,
    start: date,
    end: date,
    tz: tzinfo | None = None,
    *,
    enrolment_ids: Collection[int] | None = None,
    known: dict[int, Earning] | None = None,
) -> EarnedInPeriod:
    """Earned in the local days ``start..end`` inclusive (see the module text).

    ``enrolment_ids`` limits it to those enrolments (a programme's, a client's).
    ``known``: earnings read earlier in the same reading (an :class:`Earning` does not
    depend on the period or the day asked); those missing are read and added to it.
    """
    return earned_in_periods(s, [(start, end)], tz, enrolment_ids=enrolment_ids, known=known)[
        (start, end)
    ]


def earned_in_periods(
    s: DbSession,
    periods: Sequence[tuple[date, date]],
    tz: tzinfo | None = None,
    *,
    enrolment_ids: Collection[int] | None = None,
    known: dict[int, Earning] | None = None,
) -> dict[tuple[date, date], EarnedInPeriod]:
    """:func:`earned_between` of each of ``periods``, read once for them all: the
    enrolments running in the span, the sessions used in it, and the count used before."""
    if not periods:
        return {}
    tz = practice_tz(s, tz)
    bounds = {
        (start, end): (local_midnight(start, tz), local_midnight(end + timedelta(days=1), tz))
        for start, end in periods
    }
    span_start = min(start for start, _ in periods)
    span_end = max(end for _, end in periods)
    first = min(b[0] for b in bounds.values())
    after = max(b[1] for b in bounds.values())
    only = None if enrolment_ids is None else set(enrolment_ids)
    # Enrolments whose earnings can change in a period: they run in it, or a session of
    # theirs was used in it (one left active after its end date). Asked as separate
    # questions, each answered from an index (asked as one, SQLite read every row).
    query = select(Enrolment.id, Enrolment.start_date, enrolment_end()).where(
        Enrolment.status.in_(EARNING),
        Enrolment.start_date <= span_end,
        enrolment_end() >= span_start,
    )
    if only is not None:
        query = query.where(Enrolment.id.in_(sorted(only)))
    running = [
        (int(ident), began, last)
        for ident, began, last in s.execute(query)
        if isinstance(last, date)  # a date: the query keeps to enrolments with a last day
    ]
    used: dict[int, list[datetime]] = defaultdict(list)  # instants, in order
    for enrolment_id, starts_at in s.execute(
        select(Session.enrolment_id, Session.starts_at)
        .where(
            Session.kind.in_(MEETING_KINDS),
            Session.attendance.in_(USED_ATTENDANCE),
            Session.starts_at >= first,
            Session.starts_at < after,
        )
        .order_by(Session.starts_at)
    ):
        if enrolment_id is not None and (only is None or enrolment_id in only):
            used[enrolment_id].append(starts_at)
    earning = {ident for ident, _start, _last in running}
    if used.keys() - earning:
        earning.update(
            s.scalars(
                select(Enrolment.id).where(
                    Enrolment.id.in_(sorted(used.keys() - earning)),
                    Enrolment.status.in_(EARNING),
                )
            )
        )
    ids = sorted(earning)
    before_span = _used_counts(s, ids, before=first)
    if known is None:
        known = {}
    known.update(earnings(s, [ident for ident in ids if ident not in known]))
    result = {}
    for (start, end), (period_first, period_after) in bounds.items():
        changing = {ident for ident, began, last in running if began <= end and last >= start} | {
            ident
            for ident, instants in used.items()
            if ident in earning
            and bisect_left(instants, period_first) < bisect_left(instants, period_after)
        }
        per_enrolment: dict[int, int] = {}
        per_currency: dict[str, int] = defaultdict(int)
        the_day_before = start - timedelta(days=1)
        for ident in sorted(changing):
            e = known[ident]
            instants = used.get(ident, [])
            earlier = before_span.get(ident, 0)
            amount = earned_by(e, end, earlier + bisect_left(instants, period_after)) - earned_by(
                e, the_day_before, earlier + bisect_left(instants, period_first)
            )
            if amount:
                per_enrolment[ident] = amount
                per_currency[e.currency] += amount
        result[(start, end)] = EarnedInPeriod(dict(per_currency), per_enrolment)
    return result


def earned_so_far(s: DbSession, ids: Collection[int]) -> dict[int, tuple[str, int]]:
    """Each enrolment's currency and what it has earned by every session used so far."""
    wanted = list(set(ids))
    if not wanted:
        return {}
    used = _used_counts(s, wanted)
    return {
        ident: (e.currency, earned_by(e, date.max, used.get(ident, 0)))
        for ident, e in earnings(s, wanted).items()
    }


def _used_counts(
    s: DbSession, ids: Collection[int], *, before: datetime | None = None
) -> dict[int, int]:
    """Sessions used (see :mod:`~.counting`) by each of ``ids``, those starting before
    ``before`` only when given."""
    if not ids:
        return {}
    query = select(Session.enrolment_id, func.count()).where(
        Session.enrolment_id.in_(list(ids)),
        Session.kind.in_(MEETING_KINDS),
        Session.attendance.in_(USED_ATTENDANCE),
    )
    if before is not None:
        query = query.where(Session.starts_at < before)
    return {
        int(enrolment_id): int(count)
        for enrolment_id, count in s.execute(query.group_by(Session.enrolment_id))
        if enrolment_id is not None  # the query keeps to ``ids``
    }
