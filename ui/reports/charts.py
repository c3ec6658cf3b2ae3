"""The charts over time on the Reports page: time by category, the hourly rate, income,
and follow-through. Every value comes from the report; here it is only drawn."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCharts import QBarSeries, QChart, QLineSeries, QStackedBarSeries
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPalette, QPen

from practice.economics.report_period import BucketSize
from practice.economics.report_time import RatePoint
from practice.economics.reports import PracticeReport
from practice.models import label
from practice.reports.tables import shown_categories
from ui import format as fmt
from ui.reports import chart_style as colours
from ui.reports.chart_panel import ChartPanel, bar_labels, span
from ui.reports.chart_parts import (
    BarSpec,
    add_bars,
    bar_axis,
    category_axis,
    major,
    money_title,
    value_axis,
)


class TimeChart(ChartPanel):
    """Report 1: seen (sessions, support calls) and unseen time by category, stacked."""

    empty_text = "No sessions and no unseen work recorded in this period."

    def has_data(self, report: PracticeReport) -> bool:
        return any(b.total_minutes for b in report.time)

    def build(self, chart: QChart, report: PracticeReport, palette: QPalette, live: bool) -> None:
        bars = report.time
        loc = self.loc
        spans = [span(b.start, b.end, loc) for b in bars]

        def spec(name: str, colour: QColor, minutes: list[int]) -> BarSpec:
            return (name, colour, [m / 60 for m in minutes], [fmt.duration(m) for m in minutes])

        specs = [
            spec("Sessions", colours.SESSIONS, [b.session_minutes for b in bars]),
            spec("Support calls", colours.SUPPORT_CALLS, [b.support_call_minutes for b in bars]),
        ]
        for category in shown_categories(report):
            minutes = [b.unseen_by_category[category] for b in bars]
            if any(minutes):
                specs.append(spec(label(category), colours.CATEGORY[category], minutes))
        series = QStackedBarSeries()
        series.setBarWidth(0.7)
        add_bars(self, chart, series, specs, spans, live)
        bar_axis(
            chart, series, bar_labels(report, [b.start for b in bars], report.bucket_size, loc)
        )
        top = max(b.total_minutes for b in bars) / 60
        series.attachAxis(value_axis(chart, 0.0, top, "Hours", "%.0f"))


class RateChart(ChartPanel):
    """Report 2: the effective hourly rate per bar, next to the nominal per-session rate."""

    hint = "Point at a line to see its value."
    empty_text = "No time recorded and no programme running in this period: no rate to show."

    def has_data(self, report: PracticeReport) -> bool:
        return any(
            r.effective_hourly_rate is not None or r.nominal_session_rate is not None
            for r in report.rates
        )

    def build(self, chart: QChart, report: PracticeReport, palette: QPalette, live: bool) -> None:
        rates = report.rates
        loc, currency = self.loc, report.currency
        spans = [span(r.start, r.end, loc) for r in rates]
        effective = QLineSeries()
        effective.setName("Effective hourly rate (received ÷ all hours)")
        nominal = QLineSeries()
        nominal.setName("Nominal per-session rate (agreed price ÷ sessions)")
        values: list[float] = []
        for index, r in enumerate(rates):
            if r.effective_hourly_rate is not None:
                effective.append(QPointF(index, major(r.effective_hourly_rate, currency)))
                values.append(major(r.effective_hourly_rate, currency))
            if r.nominal_session_rate is not None:
                nominal.append(QPointF(index, major(r.nominal_session_rate, currency)))
                values.append(major(r.nominal_session_rate, currency))
        for series, colour, style, width in (
            (effective, colours.EFFECTIVE, Qt.PenStyle.SolidLine, 3),
            (nominal, colours.NOMINAL, Qt.PenStyle.DashLine, 2),
        ):
            pen = QPen(colour)
            pen.setWidth(width)
            pen.setStyle(style)
            series.setPen(pen)
            series.setPointsVisible(True)
            chart.addSeries(series)
        if live:
            effective.hovered.connect(self._effective_reader(spans))
            nominal.hovered.connect(self._nominal_reader(spans))
        axis = category_axis(bar_labels(report, [r.start for r in rates], report.bucket_size, loc))
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        money = value_axis(
            chart,
            min(values, default=0.0),
            max(values, default=0.0),
            money_title(currency, loc, "per hour (solid) or per session (dashed)"),
            "%.0f",
        )
        for series in (effective, nominal):
            series.attachAxis(axis)
            series.attachAxis(money)

    def _nearest(self, point: QPointF) -> int:
        return round(point.x())

    def _effective_reader(self, spans: Sequence[str]) -> Callable[[QPointF, bool], None]:
        def text(r: RatePoint, span: str, currency: str) -> str:
            return (
                f"Effective hourly rate, {span}: "
                f"{fmt.rate(r.effective_hourly_rate, currency, self.loc)} "
                f"({fmt.money(r.earned_income, currency, self.loc)} earned over "
                f"{fmt.duration(r.total_minutes)})"
            )

        return self._rate_reader(spans, text)

    def _nominal_reader(self, spans: Sequence[str]) -> Callable[[QPointF, bool], None]:
        def text(r: RatePoint, span: str, currency: str) -> str:
            return (
                f"Nominal per-session rate, {span}: "
                f"{fmt.money(r.nominal_session_rate, currency, self.loc)} per session "
                f"({fmt.money(r.agreed_total, currency, self.loc)} agreed for "
                f"{r.sessions_planned} sessions)"
            )

        return self._rate_reader(spans, text)

    def _rate_reader(
        self, spans: Sequence[str], text: Callable[[RatePoint, str, str], str]
    ) -> Callable[[QPointF, bool], None]:
        """Show the point hovered as ``text(point, its span, currency)`` writes it."""

        def hovered(point: QPointF, state: bool) -> None:
            index = self._nearest(point)
            if not state or self.report is None or not 0 <= index < len(self.report.rates):
                return
            self.show_value(text(self.report.rates[index], spans[index], self.report.currency))

        return hovered


class IncomeChart(ChartPanel):
    """Report 3: agreed, received, outstanding and overdue, month by month."""

    empty_text = "No money received and no instalment due in this period."

    def has_data(self, report: PracticeReport) -> bool:
        return any(m.agreed or m.received or m.payments or m.refunds for m in report.income)

    def build(self, chart: QChart, report: PracticeReport, palette: QPalette, live: bool) -> None:
        months = report.income
        loc, currency = self.loc, report.currency
        spans = [span(m.start, m.end, loc) for m in months]

        def spec(name: str, colour: QColor, amounts: list[int]) -> BarSpec:
            return (
                name,
                colour,
                [major(a, currency) for a in amounts],
                [fmt.money(a, currency, loc) for a in amounts],
            )

        specs = [
            spec("Agreed (instalments due)", colours.AGREED, [m.agreed for m in months]),
            spec("Received (less refunds)", colours.RECEIVED, [m.received for m in months]),
            spec("Outstanding", colours.OUTSTANDING, [m.outstanding for m in months]),
            spec("Of which overdue", colours.OVERDUE, [m.overdue for m in months]),
        ]
        series = QBarSeries()
        series.setBarWidth(0.8)
        add_bars(self, chart, series, specs, spans, live)
        starts: list[date] = [m.start for m in months]
        bar_axis(chart, series, bar_labels(report, starts, BucketSize.MONTH, loc))
        plotted = [v for _n, _c, values, _t in specs for v in values]
        axis = value_axis(
            chart,
            min(plotted, default=0.0),
            max(plotted, default=0.0),
            money_title(currency, loc, ""),
            "%.0f",
        )
        series.attachAxis(axis)


class FollowThroughChart(ChartPanel):
    """Report 5: action items reviewed, done / partly / not done, over time."""

    empty_text = "No action items were reviewed in this period."

    def has_data(self, report: PracticeReport) -> bool:
        return report.follow_through.total.reviewed > 0

    def build(self, chart: QChart, report: PracticeReport, palette: QPalette, live: bool) -> None:
        bars = report.follow_through.over_time
        loc = self.loc
        spans = [span(b.start, b.end, loc) for b in bars]

        def items(n: int) -> str:
            return f"{n} action item{'s' if n != 1 else ''}"

        def spec(name: str, colour: QColor, counts: list[int]) -> BarSpec:
            return (name, colour, [float(c) for c in counts], [items(c) for c in counts])

        specs = [
            spec("Done", colours.DONE, [b.counts.done for b in bars]),
            spec("Partly done", colours.PARTLY, [b.counts.partly for b in bars]),
            spec("Not done", colours.NOT_DONE, [b.counts.not_done for b in bars]),
        ]
        series = QStackedBarSeries()
        series.setBarWidth(0.7)
        add_bars(self, chart, series, specs, spans, live)
        bar_axis(
            chart, series, bar_labels(report, [b.start for b in bars], report.bucket_size, loc)
        )
        top = max(b.counts.reviewed for b in bars)
        axis = value_axis(chart, 0.0, float(top), "Action items reviewed", "%.0f")
        series.attachAxis(axis)
