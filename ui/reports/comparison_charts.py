"""Comparison charts of the Reports page: planned vs actual hourly rate per programme,
and what became of the enquiries. Every value comes from the report."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QChart, QHorizontalBarSeries, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from practice.economics.reports import PracticeReport
from practice.models import EnquiryOutcome, label
from ui import format as fmt
from ui.reports import chart_style as colours
from ui.reports.chart_panel import ChartPanel
from ui.reports.chart_parts import BarSpec, add_bars, major, money_title


class ProgrammeChart(ChartPanel):
    """Report 4 at a glance: planned vs actual hourly rate of each programme."""

    empty_text = "No enrolment finished in this period, so there is no actual rate to compare."

    def has_data(self, report: PracticeReport) -> bool:
        return any(p.finished for p in report.programmes)

    def build(self, chart: QChart, report: PracticeReport, palette: QPalette, live: bool) -> None:
        loc, currency = self.loc, report.currency
        # best paid at the top: horizontal bars are drawn from the bottom up
        rows = [p for p in report.programmes if p.finished][::-1]
        names = [p.name for p in rows]

        def spec(name: str, colour: QColor, rates: list[int | None]) -> BarSpec:
            return (
                name,
                colour,
                [0.0 if r is None else major(r, currency) for r in rates],
                [fmt.rate(r, currency, loc) for r in rates],
            )

        specs = [
            spec("Planned hourly rate", colours.AGREED, [p.planned_hourly_rate for p in rows]),
            spec("Actual hourly rate", colours.RECEIVED, [p.actual_hourly_rate for p in rows]),
        ]
        series = QHorizontalBarSeries()
        series.setBarWidth(0.75)
        add_bars(self, chart, series, specs, names, live)
        axis = QBarCategoryAxis()
        axis.append(names)
        # whole names even when the chart is short: Qt would otherwise put "..." for all
        axis.setTruncateLabels(False)
        chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis)
        plotted = [v for _n, _c, values, _t in specs for v in values]
        money = QValueAxis()
        money.setRange(
            min(min(plotted, default=0.0), 0.0), max(max(plotted, default=0.0), 1.0) * 1.08
        )
        money.applyNiceNumbers()
        money.setLabelFormat("%.0f")
        money.setTitleText(money_title(currency, loc, "per hour"))
        chart.addAxis(money, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(money)


class EnquiryChart(ChartPanel):
    """Report 6: what became of the enquiries received in the period."""

    empty_text = "No enquiries in this period."

    def has_data(self, report: PracticeReport) -> bool:
        return report.figures.enquiries > 0

    def build(self, chart: QChart, report: PracticeReport, palette: QPalette, live: bool) -> None:
        outcomes = [
            EnquiryOutcome.ENROLLED,
            EnquiryOutcome.REFERRED,
            EnquiryOutcome.RESOURCE,
            EnquiryOutcome.DECLINED,
            EnquiryOutcome.WAITING,
        ][::-1]
        counts = [report.figures.enquiries_by_outcome[o] for o in outcomes]
        names = [label(o) for o in outcomes]
        texts = [f"{n} enquir{'y' if n == 1 else 'ies'}" for n in counts]
        series = QHorizontalBarSeries()
        series.setBarWidth(0.6)
        add_bars(
            self,
            chart,
            series,
            [("Enquiries", colours.SESSIONS, [float(c) for c in counts], texts)],
            names,
            live,
        )
        chart.legend().setVisible(False)
        axis = QBarCategoryAxis()
        axis.append(names)
        # whole names even when the chart is short: Qt would otherwise put "..." for all
        axis.setTruncateLabels(False)
        chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis)
        values = QValueAxis()
        values.setRange(0, max(max(counts), 1) * 1.1)
        values.applyNiceNumbers()
        values.setLabelFormat("%.0f")
        values.setTitleText("Enquiries received")
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values)
