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

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, tzinfo

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session as DbSession

from practice.economics.counting import (
    MEETING_KINDS,
    MISSED_ATTENDANCE,
    RAN,
    REVIEWED_ACTION,
    enrolment_alias,
    enrolment_end,
    follow_through,
    later_running,
    session_plan,
    single_session,
    support_mode,
)
from practice.economics.earned import Earning, earned_between
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
    ActionItem,
    Attendance,
    Enquiry,
    EnquiryOutcome,
    Enrolment,
    Payment,
    PaymentKind,
    Session,
    SessionKind,
    WorkCategory,
    WorkLogEntry,
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
    check_period(start, end)
    with reading(source) as s:
        tz = practice_tz(s, tz)
        first, after = day_bounds(start, end, tz)
        currency = practice_currency(s)

        meeting = sessions = calls = call_minutes = missed = 0
        for kind, attendance, count, minutes in s.execute(
            select(
                Session.kind, Session.attendance, func.count(), func.sum(Session.duration_minutes)
            )
            .where(Session.starts_at >= first, Session.starts_at < after)
            .group_by(Session.kind, Session.attendance)
        ):
            if attendance == Attendance.ATTENDED and kind == SessionKind.SUPPORT_CALL:
                calls += count
                call_minutes += int(minutes)
            elif attendance == Attendance.ATTENDED and kind in MEETING_KINDS:
                sessions += count
                meeting += int(minutes)
            elif attendance in MISSED_ATTENDANCE and kind in MEETING_KINDS:
                missed += count

        in_period = (WorkLogEntry.work_date >= start, WorkLogEntry.work_date <= end)
        by_category = dict.fromkeys(WorkCategory, 0)
        for category, minutes in s.execute(
            select(WorkLogEntry.category, func.sum(WorkLogEntry.minutes))
            .where(*in_period)
            .group_by(WorkLogEntry.category)
        ):
            by_category[WorkCategory(category)] = int(minutes)
        unseen = int(s.scalar(select(func.sum(WorkLogEntry.minutes)).where(*in_period)) or 0)

        received = refunded = 0
        received_other: dict[str, int] = {}
        for payment_currency, payment_kind, amount in s.execute(
            select(Payment.currency, Payment.kind, func.sum(Payment.amount))
            .where(Payment.received_on >= start, Payment.received_on <= end)
            .group_by(Payment.currency, Payment.kind)
        ):
            signed = -int(amount) if payment_kind == PaymentKind.REFUND else int(amount)
            if payment_currency != currency:
                received_other[payment_currency] = received_other.get(payment_currency, 0) + signed
            elif payment_kind == PaymentKind.REFUND:
                refunded = int(amount)
            else:
                received = int(amount)

        earned = earned_between(s, start, end, tz, known=known)
        elsewhere = Enrolment.currency != currency
        other_minutes = (
            int(
                s.scalar(
                    select(func.coalesce(func.sum(Session.duration_minutes), 0))
                    .join(Enrolment, Enrolment.id == Session.enrolment_id)
                    .where(
                        elsewhere,
                        Session.attendance == Attendance.ATTENDED,
                        Session.starts_at >= first,
                        Session.starts_at < after,
                    )
                )
                or 0
            )
            + int(
                s.scalar(
                    select(func.coalesce(func.sum(WorkLogEntry.minutes), 0))
                    .join(Enrolment, Enrolment.id == WorkLogEntry.enrolment_id)
                    .where(elsewhere, *in_period)
                )
                or 0
            )
            + _unlinked_work_elsewhere(s, currency, start, end)
        )

        active = (
            s.scalar(
                select(func.count(func.distinct(Enrolment.client_id))).where(
                    Enrolment.status.in_(RAN),
                    Enrolment.start_date <= min(end, today),
                    enrolment_end() >= start,
                )
            )
            if start <= today
            else 0
        )

        agreed_day = func.coalesce(Enrolment.agreed_on, Enrolment.start_date)
        agreed_count, agreed_total = s.execute(
            select(func.count(), func.coalesce(func.sum(Enrolment.agreed_price), 0)).where(
                Enrolment.status.in_(RAN),
                Enrolment.currency == currency,
                agreed_day >= start,
                agreed_day <= end,
            )
        ).one()

        endings = _endings(s, start, min(end, today))

        reviewed = s.execute(
            select(ActionItem.status, func.count())
            .where(
                ActionItem.status.in_(REVIEWED_ACTION),
                and_(ActionItem.reviewed_on >= start, ActionItem.reviewed_on <= end),
            )
            .group_by(ActionItem.status)
        ).all()

        enquiries = dict.fromkeys(EnquiryOutcome, 0)
        for outcome, count in s.execute(
            select(Enquiry.outcome, func.count())
            .where(Enquiry.received_on >= start, Enquiry.received_on <= end)
            .group_by(Enquiry.outcome)
        ):
            enquiries[EnquiryOutcome(outcome)] = int(count)

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
        active_clients=int(active or 0),
        programmes_agreed=int(agreed_count),
        average_programme_value=divide(int(agreed_total), int(agreed_count)),
        enrolments_ended=endings.programmes,
        enrolments_renewed=endings.renewed,
        renewal_rate=ratio(endings.renewed, endings.programmes),
        consultations_ended=endings.consultations,
        consultations_converted=endings.converted,
        conversion_rate=ratio(endings.converted, endings.consultations),
        follow_through=follow_through(reviewed),
        enquiries_by_outcome=enquiries,
    )


@dataclass(frozen=True, slots=True)
class _Endings:
    programmes: int
    renewed: int
    consultations: int
    converted: int


def _unlinked_work_elsewhere(s: DbSession, currency: str, start: date, end: date) -> int:
    """Minutes of client work logged without an enrolment in ``start..end`` that count
    towards an enrolment in another currency: the client's enrolment running that day
    (the later-started one when two overlap, as :func:`~.enrolment.enrolment_figures`
    counts it), so they stay out of the rate like the rest of that enrolment's time."""
    mine = enrolment_alias("mine")
    day = WorkLogEntry.work_date
    counted_elsewhere = exists().where(
        mine.client_id == WorkLogEntry.client_id,
        mine.status.in_(RAN),
        mine.currency != currency,
        mine.start_date <= day,
        func.coalesce(mine.ended_on, mine.end_date) >= day,
        ~later_running(mine, day),
    )
    return int(
        s.scalar(
            select(func.coalesce(func.sum(WorkLogEntry.minutes), 0)).where(
                WorkLogEntry.enrolment_id.is_(None),
                WorkLogEntry.client_id.is_not(None),
                day >= start,
                day <= end,
                counted_elsewhere,
            )
        )
        or 0
    )


def _endings(s: DbSession, start: date, last: date) -> _Endings:
    """Programmes renewed and consultations converted among those ending in ``start..last``."""
    if last < start:
        return _Endings(0, 0, 0, 0)
    renewal = enrolment_alias("renewal")
    renewed = exists().where(renewal.renewal_of_id == Enrolment.id, renewal.status.in_(RAN))
    terms = (session_plan(), support_mode())
    ended = s.execute(
        select(Enrolment.client_id, Enrolment.start_date, *terms, renewed).where(
            Enrolment.status.in_(RAN),
            enrolment_end() >= start,
            enrolment_end() <= last,
        )
    ).all()
    if not ended:
        return _Endings(0, 0, 0, 0)
    programmes = renewals = 0
    consulted: dict[int, date] = {}  # each consulting client's earliest ending consultation
    for client_id, began, periods, mode, was_renewed in ended:
        if single_session({"periods": periods, "support_mode": mode}):
            consulted[client_id] = min(began, consulted.get(client_id, began))
        else:
            programmes += 1
            renewals += bool(was_renewed)
    # the agreed programmes (not consultations) those clients started since: through the
    # clients' own index, the status checked here (asked in SQL, it led SQLite to read
    # every enrolment of that status instead)
    later: dict[int, list[date]] = {}
    if consulted:
        for client_id, began, status, periods, mode in s.execute(
            select(Enrolment.client_id, Enrolment.start_date, Enrolment.status, *terms).where(
                Enrolment.client_id.in_(consulted),
                Enrolment.start_date >= min(consulted.values()),
            )
        ):
            if status in RAN and not single_session({"periods": periods, "support_mode": mode}):
                later.setdefault(client_id, []).append(began)
    consultations = converted = 0
    for client_id, began, periods, mode, _ in ended:
        if single_session({"periods": periods, "support_mode": mode}):
            consultations += 1
            converted += any(day >= began for day in later.get(client_id, ()))
    return _Endings(programmes, renewals, consultations, converted)


class FiguresOf:
    """:func:`period_figures` for one reading, each period worked out once: the reports
    ask for the same month more than once (its time bar and its income)."""

    def __init__(self, s: DbSession, *, today: date, tz: tzinfo | None = None) -> None:
        self._s = s
        self._today = today
        self._tz = tz
        self._known: dict[tuple[date, date], PeriodFigures] = {}
        self._earnings: dict[int, Earning] = {}

    def __call__(self, start: date, end: date) -> PeriodFigures:
        key = (start, end)
        if key not in self._known:
            self._known[key] = period_figures(
                self._s, start, end, today=self._today, tz=self._tz, known=self._earnings
            )
        return self._known[key]
