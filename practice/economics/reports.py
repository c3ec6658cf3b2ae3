"""The Reports workspace's figures: six reports for one period, in one read.

:func:`practice_report` gathers, for local days ``start..end`` (both inclusive):

1. seen vs unseen time by category over time — :mod:`~.report_time`;
2. the effective hourly rate over time next to the nominal per-session rate — same;
3. income received vs agreed, outstanding and overdue by month — :mod:`~.report_money`;
4. programme comparison — :mod:`~.report_programmes`;
5. client follow-through and quiet clients — :mod:`~.report_follow`;
6. practice figures: :func:`~practice.economics.period.period_figures` of the period
   (active clients, average programme value, renewal rate, enquiry outcomes…).

The bars over time are cut by :mod:`~.report_period` (days, weeks or months, clipped to
the period), so the bars of reports 1 and 2 add up to the practice figures of the
period. Everything is read in one transaction, so the six reports agree with each
other. Nothing here formats for people.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, tzinfo

from practice.economics.period import FiguresOf, PeriodFigures, check_period
from practice.economics.report_follow import FollowThroughReport, follow_through_report
from practice.economics.report_money import IncomeMonth, income_by_month
from practice.economics.report_period import BucketSize, bucket_size, buckets
from practice.economics.report_programmes import ProgrammeComparison, programme_comparison
from practice.economics.report_time import RatePoint, TimeBar, time_and_rate
from practice.economics.source import Source, practice_tz, reading
from practice.models import PracticeProfile


@dataclass(frozen=True, slots=True)
class PracticeReport:
    start: date
    end: date
    today: date
    currency: str
    bucket_size: BucketSize
    time: tuple[TimeBar, ...]  # report 1
    rates: tuple[RatePoint, ...]  # report 2
    income: tuple[IncomeMonth, ...]  # report 3
    programmes: tuple[ProgrammeComparison, ...]  # report 4
    follow_through: FollowThroughReport  # report 5
    figures: PeriodFigures  # report 6 (and the totals of 1 and 2)

    @property
    def is_empty(self) -> bool:
        """Nothing happened in the period: no time, no money, no enrolment, no enquiry."""
        f = self.figures
        return (
            f.total_minutes == 0
            and f.payments_received == 0
            and f.refunds_given == 0
            and f.active_clients == 0
            and f.enquiries == 0
            and not any(m.agreed for m in self.income)
            and self.follow_through.total.reviewed == 0
        )


def practice_report(
    source: Source,
    start: date,
    end: date,
    *,
    today: date,
    quiet_after_days: int | None = None,
    tz: tzinfo | None = None,
) -> PracticeReport:
    """All six reports for ``start..end``.

    ``quiet_after_days`` defaults to the practice profile's threshold; ``tz`` is the zone
    days are counted in (None: the practice's, see :mod:`practice.zone`).
    """
    check_period(start, end)
    size = bucket_size(start, end)
    bars = buckets(start, end, size)
    months = bars if size == BucketSize.MONTH else buckets(start, end, BucketSize.MONTH)
    with reading(source) as s:
        tz = practice_tz(s, tz)
        if quiet_after_days is None:
            profile = s.get(PracticeProfile, 1)
            quiet_after_days = profile.quiet_after_days if profile is not None else 21
        figures_of = FiguresOf(s, today=today, tz=tz)
        # the period, its bars and its months, from one read of the rows behind them
        figures_of.prefetch([(start, end), *((b.start, b.end) for b in (*bars, *months))])
        figures = figures_of(start, end)
        time, rates = time_and_rate(s, bars, today=today, tz=tz, figures_of=figures_of)
        income = income_by_month(s, months, today=today, tz=tz, figures_of=figures_of)
        programmes = programme_comparison(s, start, end, today=today)
        follow = follow_through_report(
            s, start, end, bars, today=today, quiet_after_days=quiet_after_days, tz=tz
        )
    return PracticeReport(
        start=start,
        end=end,
        today=today,
        currency=figures.currency,
        bucket_size=size,
        time=tuple(time),
        rates=tuple(rates),
        income=tuple(income),
        programmes=tuple(programmes),
        follow_through=follow,
        figures=figures,
    )
