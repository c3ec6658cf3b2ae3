"""Report 4: programme comparison — which offers really pay.

A programme's row is worked out from its enrolments that **finished** in the period:
enrolments that ran (active, completed, ended early) whose last day (``ended_on`` when
ended early, else the end date) falls in the period and not after ``today`` — the
enrolments the period figures count for the renewal rate. Enrolments are grouped by
the programme they were agreed from (by name when that programme was deleted).
In the practice's currency only.

* **Planned hourly rate** = agreed prices ÷ the client's time their agreed terms plan
  (contact + prep + write-up, :func:`~practice.economics.planned.plan`).
* **Actual hourly rate** = earned ÷ the client's time really spent (contact + unseen
  logged for the client, :func:`~practice.economics.enrolment.enrolment_figures`):
  the same basis as an enrolment's and the practice's rate (see :mod:`~.earned`). Of a
  finished enrolment, earned is its net price: the price due (the agreed price, or the
  instalments up to the day it ended early) less any refund that lowered it.
  Supervision is on neither side: it is planned and logged for the practice, and
  counts in the practice's rate for the period.
* **Average sessions used** (attended, cancelled late, no-show) per enrolment, next to
  the average planned.
* **Completion rate**: the share not ended early. **Renewal rate**: the share renewed by
  a later enrolment that is not proposed or cancelled; single consultations are left out
  (one followed by a programme is a conversion, see :mod:`~.period`).
* **Unseen minutes per session** = unseen minutes ÷ sessions used, rounded half-up.

``running`` counts every enrolment of the programme that ran during the period, so a
programme with none finished yet still shows up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from sqlalchemy import select

from practice.economics.counting import RAN, enrolment_alias, enrolment_end, single_session
from practice.economics.enrolment import many_enrolment_figures
from practice.economics.rates import Ratio, divide, hourly_rate, ratio
from practice.economics.source import Source, practice_currency, reading
from practice.models import Enrolment, EnrolmentStatus, Programme


@dataclass(frozen=True, slots=True)
class ProgrammeComparison:
    programme_id: int | None  # None when the programme was deleted
    name: str
    running: int  # enrolments that ran during the period
    finished: int  # enrolments whose last day fell in the period (the rows below)
    agreed_total: int
    earned_total: int  # earned (see earned): the net price of a finished enrolment
    planned_minutes: int
    actual_minutes: int
    planned_hourly_rate: int | None
    actual_hourly_rate: int | None
    sessions_planned: int
    sessions_used: int  # attended + missed
    sessions_missed: int  # cancelled late or no-show (counted in used)
    average_sessions_planned: Fraction | None
    average_sessions_used: Fraction | None
    average_sessions_missed: Fraction | None
    completion_rate: Ratio | None
    renewal_rate: Ratio | None
    unseen_minutes: int
    unseen_minutes_per_session: int | None


@dataclass
class _Sums:
    name: str
    running: int = 0
    finished: int = 0
    completed: int = 0
    renewable: int = 0  # finished programmes, not single consultations
    renewed: int = 0
    agreed: int = 0
    earned: int = 0
    planned_minutes: int = 0
    actual_minutes: int = 0
    sessions_planned: int = 0
    sessions_used: int = 0
    sessions_missed: int = 0
    unseen: int = 0


def programme_comparison(
    source: Source, start: date, end: date, *, today: date
) -> list[ProgrammeComparison]:
    """One row per programme with an enrolment running in ``start..end``; best paid first."""
    last_day = enrolment_end()
    renewal = enrolment_alias("renewal")
    with reading(source) as s:
        currency = practice_currency(s)
        # the running enrolments as columns: each one's agreed terms (several kilobytes
        # of JSON) are read only for the finished ones, whose figures need them
        rows = s.execute(
            select(
                Enrolment.id,
                Enrolment.programme_id,
                Enrolment.programme_name,
                Programme.name,
                last_day,
            )
            .outerjoin(Programme, Programme.id == Enrolment.programme_id)
            .where(
                Enrolment.status.in_(RAN),
                Enrolment.currency == currency,
                Enrolment.start_date <= end,
                last_day >= start,
            )
            .order_by(Enrolment.id)
        ).all()
        finished_ids = [row[0] for row in rows if start <= _day(row[4]) <= min(end, today)]
        finished = (
            s.scalars(
                select(Enrolment).where(Enrolment.id.in_(finished_ids)).order_by(Enrolment.id)
            ).all()
            if finished_ids
            else []
        )
        # through the renewals' own index, the status checked here (asked in SQL, SQLite
        # read every enrolment of that status instead)
        renewed = {
            renewed_id
            for renewed_id, status in s.execute(
                select(renewal.renewal_of_id, renewal.status).where(
                    renewal.renewal_of_id.in_(finished_ids)
                )
            )
            if status in RAN
        }
        sums: dict[int | str, _Sums] = {}
        for _id, programme_id, programme_name, live_name, _last in rows:
            key: int | str = programme_id if programme_id is not None else programme_name
            sums.setdefault(key, _Sums(live_name or programme_name)).running += 1
        figures_of = many_enrolment_figures(s, finished, today=today)
        for e in finished:
            key = e.programme_id if e.programme_id is not None else e.programme_name
            row = sums[key]
            figures = figures_of[e.id]
            planned = figures.plan  # the agreed terms' plan, worked out once
            row.finished += 1
            row.completed += 0 if e.status == EnrolmentStatus.ENDED_EARLY else 1
            if not single_session(e.terms_snapshot):  # a consultation converts, never renews
                row.renewable += 1
                row.renewed += 1 if e.id in renewed else 0
            row.agreed += e.agreed_price
            row.earned += figures.earned
            row.planned_minutes += planned.total_minutes
            row.actual_minutes += figures.total_minutes
            row.sessions_planned += planned.sessions
            row.sessions_used += figures.sessions_used
            row.sessions_missed += figures.sessions_missed
            row.unseen += figures.unseen_minutes
    result = [_row(key, row) for key, row in sums.items()]
    result.sort(
        key=lambda r: (
            r.actual_hourly_rate is None,
            -(r.actual_hourly_rate or 0),
            r.name.casefold(),
        )
    )
    return result


def _day(value: object) -> date:
    assert isinstance(value, date)  # coalesce of two date columns
    return value


def _average(total: int, count: int) -> Fraction | None:
    return Fraction(total, count) if count > 0 else None


def _row(key: int | str, row: _Sums) -> ProgrammeComparison:
    return ProgrammeComparison(
        programme_id=key if isinstance(key, int) else None,
        name=row.name,
        running=row.running,
        finished=row.finished,
        agreed_total=row.agreed,
        earned_total=row.earned,
        planned_minutes=row.planned_minutes,
        actual_minutes=row.actual_minutes,
        planned_hourly_rate=hourly_rate(row.agreed, row.planned_minutes),
        actual_hourly_rate=hourly_rate(row.earned, row.actual_minutes),
        sessions_planned=row.sessions_planned,
        sessions_used=row.sessions_used,
        sessions_missed=row.sessions_missed,
        average_sessions_planned=_average(row.sessions_planned, row.finished),
        average_sessions_used=_average(row.sessions_used, row.finished),
        average_sessions_missed=_average(row.sessions_missed, row.finished),
        completion_rate=ratio(row.completed, row.finished),
        renewal_rate=ratio(row.renewed, row.renewable),
        unseen_minutes=row.unseen,
        unseen_minutes_per_session=divide(row.unseen, row.sessions_used),
    )
