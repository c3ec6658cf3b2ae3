"""Per-period figures: how the practice did between two dates (both inclusive).

Dates and instants: a period is a run of **local** days. Sessions are stored as UTC
instants; a session belongs to the local date on which it starts, so the period covers
the instants from local midnight of ``start`` to local midnight after ``end`` (see
:func:`~practice.economics.source.day_bounds`; ``tz`` None means this computer's time
zone, as the app shows times). Work log entries, payments, enquiries and action-item
reviews carry plain dates and are compared as dates.

Rules (see also :mod:`~practice.economics.counting`):

* **Contact minutes**: attended meetings and attended support calls starting in the
  period. **Unseen minutes**: work log entries dated in the period, in total and by
  category.
* **Earned income**: what clients pay for the work done in the period (see
  :mod:`~.earned`: each used session earns its share of the enrolment's net price; the
  rest on the day an enrolment completes or ends early), in the practice's currency;
  other currencies are given apart, never added in.
* **Income received** (cash, shown beside, never instead): payments − refunds received
  in the period, in the practice's currency; other currencies apart.
* **Effective hourly rate** = earned income ÷ the hours behind it: contact + unseen
  hours, less the time spent on enrolments in another currency (their sessions and the
  work logged against them), so a rate never mixes currencies. Supervision, admin and
  training logged for the practice are in it: this is the practice's real rate.
* **Active clients**: clients with an enrolment running on some day of the period up to
  ``today`` (agreed, not cancelled: start date ≤ the period's end, or today if sooner,
  and last day ≥ the period's start) — the same "running" as the quiet clients' (see
  :mod:`~.attention`); a month still to come has none yet.
* **Average programme value**: the mean agreed price of enrolments agreed in the period
  (``agreed_on``, or the start date when not recorded), not proposed or cancelled, in the
  practice's currency; rounded half-up to whole minor units.
* **Renewal rate**: of the programmes whose last day fell in the period and not after
  ``today`` (agreed, not cancelled, and not a single consultation), the share renewed
  by a later enrolment (``renewal_of_id``) that is not proposed or cancelled.
* **Conversion rate**: of the single consultations (see :mod:`~.counting`) whose last
  day fell there, the share followed by a programme: a later agreed enrolment of the
  same client, not cancelled and not itself a single consultation, starting on or after
  the consultation's start date. A consultation followed by a programme is a
  conversion, never a renewal.
* **Follow-through**: action items reviewed in the period (``reviewed_on``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from sqlalchemy.orm import Session as DbSession

from practice.economics.counting import MEETING_KINDS, MISSED_ATTENDANCE, follow_through
from practice.economics.earned import EarnedInPeriod, Earning, earned_in_periods
from practice.economics.period_rows import SpanRows, read_span
from practice.economics.rates import Ratio, divide, hourly_rate, ratio
from practice.economics.source import (
    Source,
    day_bounds,
    practice_currency,
    practice_tz,
    reading,
)
from practice.errors import ValidationError
from practice.models import (
    ActionStatus,
    Attendance,
    EnquiryOutcome,
    PaymentKind,
    SessionKind,
    WorkCategory,
)


@dataclass(frozen=True, slots=True)
class PeriodFigures:
    """The practice's figures for ``start..end``. Money in minor units, time in minutes."""

    start: date
    end: date
    currency: str
    contact_minutes: int  # attended meetings + attended support calls
    meeting_minutes: int
    support_call_minutes: int
    sessions: int  # attended meetings (sessions and reviews)
    support_calls: int  # attended support calls
    missed_sessions: int  # meetings cancelled late or not attended
    unseen_minutes: int
    unseen_by_category: Mapping[WorkCategory, int]  # every category, zeros included
    total_minutes: int
    earned_income: int  # in the practice's currency (see earned)
    earned_other_currencies: Mapping[str, int]  # never added to the above
    other_currency_minutes: int  # time on enrolments in another currency (not in the rate)
    income_received: int  # payments − refunds (cash)
    payments_received: int
    refunds_given: int
    received_other_currencies: Mapping[str, int]  # payments − refunds, never added in
    effective_hourly_rate: int | None  # earned income ÷ the hours behind it
    active_clients: int
    programmes_agreed: int
    average_programme_value: int | None
    enrolments_ended: int  # programmes (not single consultations) that finished
    enrolments_renewed: int
    renewal_rate: Ratio | None
    consultations_ended: int  # single consultations that finished
    consultations_converted: int  # followed by a programme
    conversion_rate: Ratio | None
    follow_through: Ratio | None
    enquiries_by_outcome: Mapping[EnquiryOutcome, int]  # every outcome, zeros included

    @property
    def enquiries(self) -> int:
        return sum(self.enquiries_by_outcome.values())


def check_period(start: date, end: date) -> None:
    """Refuse a period that ends before it starts."""
    if end < start:
        raise ValidationError("end", "must be on or after the start date.")


def period_figures(
    source: Source,
    start: date,
    end: date,
    *,
    today: date,
    tz: tzinfo | None = None,
    known: dict[int, Earning] | None = None,
) -> PeriodFigures:
    """The practice's figures for the local days ``start..end`` inclusive.

    ``known``: enrolments' earnings read earlier in the same reading, shared between the
    periods of one report (see :func:`~practice.economics.earned.earned_between`)."""
    with reading(source) as s:
        return figures_for(s, [(start, end)], today=today, tz=tz, known=known)[(start, end)]


def figures_for(
    s: DbSession,
    periods: Sequence[tuple[date, date]],
    *,
    today: date,
    tz: tzinfo | None = None,
    known: dict[int, Earning] | None = None,
) -> dict[tuple[date, date], PeriodFigures]:
    """:func:`period_figures` of each of ``periods``, the rows read once for them all
    (:mod:`~.period_rows`) and each period's share added up from them."""
    for start, end in periods:
        check_period(start, end)
    if not periods:
        return {}
    tz = practice_tz(s, tz)
    currency = practice_currency(s)
    span_start = min(start for start, _ in periods)
    span_end = max(end for _, end in periods)
    first, after = day_bounds(span_start, span_end, tz)
    rows = read_span(s, currency, span_start, span_end, first, after, today=today)
    wanted = list(dict.fromkeys(periods))
    earned = earned_in_periods(s, wanted, tz, known=known)
    return {
        (start, end): _figures(
            rows,
            start,
            end,
            day_bounds(start, end, tz),
            today=today,
            earned=earned[(start, end)],
        )
        for start, end in wanted
    }


def _figures(
    rows: SpanRows,
    start: date,
    end: date,
    bounds: tuple[datetime, datetime],
    *,
    today: date,
    earned: EarnedInPeriod,
) -> PeriodFigures:
    currency = rows.currency
    meeting = sessions = calls = call_minutes = missed = 0
    other_minutes = 0
    for session in rows.sessions.before(*bounds):
        if session.attendance == Attendance.ATTENDED:
            if session.elsewhere:
                other_minutes += session.minutes
            if session.kind == SessionKind.SUPPORT_CALL:
                calls += 1
                call_minutes += session.minutes
            elif session.kind in MEETING_KINDS:
                sessions += 1
                meeting += session.minutes
        elif session.attendance in MISSED_ATTENDANCE and session.kind in MEETING_KINDS:
            missed += 1

    by_category = dict.fromkeys(WorkCategory, 0)
    for work in rows.work.within(start, end):
        by_category[work.category] += work.minutes
        if work.elsewhere:
            other_minutes += work.minutes
    unseen = sum(by_category.values())
    other_minutes += sum(rows.unlinked_elsewhere.within(start, end))

    received = refunded = 0
    received_other: dict[str, int] = {}
    for paid_in, kind, amount in rows.payments.within(start, end):
        signed = -amount if kind == PaymentKind.REFUND else amount
        if paid_in != currency:
            received_other[paid_in] = received_other.get(paid_in, 0) + signed
        elif kind == PaymentKind.REFUND:
            refunded += amount
        else:
            received += amount

    if start <= today:
        until = min(end, today)
        active = len(
            {client for client, began, last in rows.running if began <= until and last >= start}
        )
    else:
        active = 0

    prices = rows.agreed.within(start, end)
    agreed_count, agreed_total = len(prices), sum(prices)

    programmes = renewals = consultations = converted = 0
    last = min(end, today)
    for ending in rows.endings.within(start, last) if last >= start else ():
        if ending.consultation:
            consultations += 1
            later = rows.later_programmes.get(ending.client_id, ())
            converted += any(day >= ending.began for day in later)
        else:
            programmes += 1
            renewals += ending.renewed

    reviewed: dict[ActionStatus, int] = {}
    for status, count in rows.reviewed.within(start, end):
        reviewed[status] = reviewed.get(status, 0) + count
    enquiries = dict.fromkeys(EnquiryOutcome, 0)
    for outcome, count in rows.enquiries.within(start, end):
        enquiries[outcome] += count

    contact = meeting + call_minutes
    income = received - refunded
    return PeriodFigures(
        start=start,
        end=end,
        currency=currency,
        contact_minutes=contact,
        meeting_minutes=meeting,
        support_call_minutes=call_minutes,
        sessions=sessions,
        support_calls=calls,
        missed_sessions=missed,
        unseen_minutes=unseen,
        unseen_by_category=by_category,
        total_minutes=contact + unseen,
        earned_income=earned.in_currency(currency),
        earned_other_currencies={
            c: amount for c, amount in sorted(earned.by_currency.items()) if c != currency
        },
        other_currency_minutes=other_minutes,
        income_received=income,
        payments_received=received,
        refunds_given=refunded,
        received_other_currencies=dict(sorted(received_other.items())),
        effective_hourly_rate=hourly_rate(
            earned.in_currency(currency), contact + unseen - other_minutes
        ),
        active_clients=active,
        programmes_agreed=agreed_count,
        average_programme_value=divide(agreed_total, agreed_count),
        enrolments_ended=programmes,
        enrolments_renewed=renewals,
        renewal_rate=ratio(renewals, programmes),
        consultations_ended=consultations,
        consultations_converted=converted,
        conversion_rate=ratio(converted, consultations),
        follow_through=follow_through(reviewed.items()),
        enquiries_by_outcome=enquiries,
    )


class FiguresOf:
    """:func:`period_figures` for one reading, each period worked out once: the reports
    ask for the same month more than once (its time bar and its income). :meth:`prefetch`
    works out many at once, the rows read once for them all."""

    def __init__(self, s: DbSession, *, today: date, tz: tzinfo | None = None) -> None:
        self._s = s
        self._today = today
        self._tz = tz
        self._known: dict[tuple[date, date], PeriodFigures] = {}
        self._earnings: dict[int, Earning] = {}

    def prefetch(self, periods: Sequence[tuple[date, date]]) -> None:
        wanted = [period for period in periods if period not in self._known]
        self._known.update(
            figures_for(self._s, wanted, today=self._today, tz=self._tz, known=self._earnings)
        )

    def __call__(self, start: date, end: date) -> PeriodFigures:
        if (start, end) not in self._known:
            self.prefetch([(start, end)])
        return self._known[(start, end)]
