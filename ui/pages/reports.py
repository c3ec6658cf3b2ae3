"""Reports: what the practitioner really earns per hour, once the unseen work is counted.

A period picker (week, month, quarter, year, custom) over six reports, all computed by
:func:`practice.economics.reports.practice_report` off the GUI thread
(:class:`~ui.reports.worker.ReportLoader`): seen vs unseen time by category, the
effective hourly rate next to the nominal per-session rate, income received vs agreed,
programme comparison, client follow-through and the practice's figures. Each report
exports to CSV, and the whole to a PDF report with the charts.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from practice.economics.report_period import (
    PeriodKind,
    ReportPeriod,
    custom_period,
    period_containing,
)
from practice.economics.reports import PracticeReport
from practice.errors import ValidationError
from practice.services.profile import get_profile
from practice.timeutil import today
from ui import format as fmt
from ui.context import AppContext
from ui.errors import guarded
from ui.models.reports import (
    ClientFollowThroughModel,
    PracticeFiguresModel,
    ProgrammeComparisonModel,
)
from ui.models.today_attention import QuietClientsModel
from ui.reports.chart_panel import ChartPanel
from ui.reports.charts import FollowThroughChart, IncomeChart, RateChart, TimeChart
from ui.reports.comparison_charts import EnquiryChart, ProgrammeChart
from ui.reports.export_buttons import ExportButtons
from ui.reports.key_figures import KeyFigures
from ui.reports.period_bar import PeriodBar, period_title
from ui.reports.worker import ReportLoader
from ui.widgets.list_section import ListSection
from ui.widgets.page_header import page_title, section_heading

log = logging.getLogger(__name__)

#: QSettings keys: the kind of period last shown (and the dates of a custom one).
SETTING_KIND = "reports/period_kind"
SETTING_START = "reports/custom_start"
SETTING_END = "reports/custom_end"

FAILED = (
    "The figures for this period could not be worked out. Nothing was changed; the "
    "details were written to the log file. Try another period, or try again later."
)


class ReportsPage(QWidget):
    key = "reports"
    title = "Reports"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loc = fmt.DEFAULT_LOCALE
        self.report: PracticeReport | None = None
        self.loader = ReportLoader(ctx.db, self)
        self.loader.loaded.connect(self._loaded)
        self.loader.failed.connect(self._failed)
        self.loader.busy_changed.connect(self._busy_changed)

        scope = f" The figures count only {ctx.db.figures_of}." if ctx.db.figures_of else ""
        header = page_title(
            "Reports",
            "What you really earn per hour once preparation, write-up, supervision and "
            "support between sessions are counted." + scope,
        )
        self.period_bar = PeriodBar(today())
        self._restore_period()
        self.period_bar.changed.connect(self._period_changed)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedWidth(90)
        self.busy_label = QLabel("Working out the figures…")
        self.busy_label.setEnabled(False)
        self.exports = ExportButtons(ctx.db, self.charts)
        self.csv_button = self.exports.csv_button
        self.pdf_button = self.exports.pdf_button

        top = QHBoxLayout()
        top.addWidget(self.period_bar)
        top.addStretch(1)
        top.addWidget(self.busy_label)
        top.addWidget(self.busy_bar)
        top.addWidget(self.exports)

        self.key_figures = KeyFigures()

        self.failure = QLabel(FAILED)
        self.failure.setObjectName("report_failed")
        self.failure.setWordWrap(True)
        self.failure.hide()

        self.time_chart = TimeChart()
        self.rate_chart = RateChart()
        self.income_chart = IncomeChart()
        self.follow_chart = FollowThroughChart()
        self.programme_chart = ProgrammeChart()
        self.enquiry_chart = EnquiryChart()
        self.programmes_model = ProgrammeComparisonModel(self)
        self.programmes = ListSection(
            "Which programmes really pay",
            "No programme ran in this period.",
            self.programmes_model,
            max_rows=6,
        )
        self.programmes_note = QLabel(
            "Rates, sessions used, completion and renewal are of the enrolments that "
            "finished in the period (their last day fell in it). Planned rate: the agreed "
            "prices over the hours the terms plan; actual rate: what clients paid for over "
            "the hours really spent."
        )
        self.programmes_note.setWordWrap(True)
        self.programmes_note.setEnabled(False)
        self.clients_model = ClientFollowThroughModel(self)
        self.clients = ListSection(
            "By client",
            "No action items were reviewed in this period.",
            self.clients_model,
            max_rows=0,
        )
        self.quiet_model = QuietClientsModel(self)
        self.quiet = ListSection(
            "Clients who went quiet",
            "No enrolled client has gone quiet.",
            self.quiet_model,
            max_rows=6,
        )
        for section in (self.clients, self.quiet):
            section.activated.connect(self._open_client)
        self.figures_model = PracticeFiguresModel(self)
        self.figures = ListSection(
            "Practice figures", "No figures.", self.figures_model, max_rows=0
        )
        self.figures.setMaximumWidth(520)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(
            self._with_caption(self._time_caption(), (self.time_chart, 1)), "Seen and unseen time"
        )
        self.tabs.addTab(
            self._with_caption(
                self._caption(
                    "Effective hourly rate: the money received (less refunds) over every hour "
                    "worked, seen and unseen. Nominal: what one session costs on paper, the "
                    "agreed prices of the programmes running over the sessions they plan."
                ),
                (self.rate_chart, 1),
            ),
            "Hourly rate",
        )
        self.tabs.addTab(
            self._with_caption(
                self._caption(
                    "Agreed: the instalments falling due in the month. Received: payments less "
                    "refunds. Outstanding and overdue: what is still unpaid on those "
                    "instalments today."
                ),
                (self.income_chart, 1),
            ),
            "Income",
        )
        programmes = self._with_caption(
            self.programmes_note, (self.programmes, 0), (self.programme_chart, 1)
        )
        self.tabs.addTab(programmes, "Programmes")
        follow = QSplitter(Qt.Orientation.Horizontal)
        follow.addWidget(self.follow_chart)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.clients, 1)
        right_layout.addWidget(self.quiet)
        follow.addWidget(right)
        follow.setStretchFactor(0, 3)
        follow.setStretchFactor(1, 2)
        self.tabs.addTab(follow, "Follow-through")
        practice = QWidget()
        practice_layout = QHBoxLayout(practice)
        practice_layout.setContentsMargins(0, 8, 0, 0)
        practice_layout.setSpacing(16)
        practice_layout.addWidget(self.figures, 1)
        enquiries = QVBoxLayout()
        enquiries.addWidget(section_heading("What became of the enquiries"))
        enquiries.addWidget(self.enquiry_chart, 1)
        practice_layout.addLayout(enquiries, 1)
        self.tabs.addTab(practice, "Practice figures")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(12)
        layout.addWidget(header)
        layout.addLayout(top)
        layout.addWidget(self.key_figures)
        layout.addWidget(self.failure)
        layout.addWidget(self.tabs, 1)
        self._busy_changed(False)

    @staticmethod
    def _caption(text: str) -> QLabel:
        caption = QLabel(text)
        caption.setWordWrap(True)
        caption.setEnabled(False)
        return caption

    @classmethod
    def _time_caption(cls) -> QLabel:
        return cls._caption(
            "Seen time (blue) is attended sessions and support calls; the rest is the unseen "
            "work from the work log, by category."
        )

    @staticmethod
    def _with_caption(caption: QLabel, *parts: tuple[QWidget, int]) -> QWidget:
        """A tab: a one-line explanation over its parts, each with its stretch."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(caption)
        for widget, stretch in parts:
            layout.addWidget(widget, stretch)
        return box

    # ------------------------------------------------------------------ loading

    @guarded
    def refresh(self) -> None:
        self.loc = get_profile(self.ctx.db).locale
        self.period_bar.today = today()
        self.period_bar.loc = self.loc
        self._request(self.period_bar.period)

    def _restore_period(self) -> None:
        """The kind of period shown last time (custom dates too), around today."""
        settings = self.ctx.settings
        kind = str(settings.value(SETTING_KIND, PeriodKind.MONTH.value))
        try:
            if kind == PeriodKind.CUSTOM.value:
                period = custom_period(
                    date.fromisoformat(str(settings.value(SETTING_START))),
                    date.fromisoformat(str(settings.value(SETTING_END))),
                )
            else:
                period = period_containing(PeriodKind(kind), self.period_bar.today)
        except (ValueError, ValidationError):
            return  # nothing usable remembered: this month
        self.period_bar.set_period(period, announce=False)

    @guarded
    def _period_changed(self, period: ReportPeriod) -> None:
        settings = self.ctx.settings
        settings.setValue(SETTING_KIND, period.kind.value)
        if period.kind == PeriodKind.CUSTOM:
            settings.setValue(SETTING_START, period.start.isoformat())
            settings.setValue(SETTING_END, period.end.isoformat())
        self._request(period)

    def _request(self, period: ReportPeriod) -> None:
        self.failure.hide()
        self.loader.request(period.start, period.end, self.period_bar.today)

    @property
    def busy(self) -> bool:
        return self.loader.busy

    def wait_until_idle(self, msecs: int = 30_000) -> None:
        """Let the figures being worked out arrive (for the screenshot script)."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        deadline = QDeadlineTimer(msecs)
        while self.loader.busy and not deadline.hasExpired():
            self.loader.wait(50)
            QCoreApplication.processEvents()

    @guarded
    def _busy_changed(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        self.busy_label.setVisible(busy)
        self.exports.set_ready(None if busy else self.report)

    @guarded
    def _loaded(self, report: PracticeReport) -> None:
        self.report = report
        self._busy_changed(False)
        currency, loc = report.currency, self.loc
        self.key_figures.set_report(report, loc)
        for chart in self.charts().values():
            chart.set_report(report, loc)
        self.programmes_model.set_money(currency, loc)
        self.programmes_model.set_rows(report.programmes)
        self.clients_model.set_rows(report.follow_through.clients)
        self.quiet_model.set_locale(loc)
        self.quiet_model.set_rows(report.follow_through.quiet)
        self.quiet.set_summary(f"no contact for {report.follow_through.quiet_after_days}+ days")
        self.figures_model.set_report(report, loc)
        self.figures.set_summary(period_title(self.period_bar.period, loc))

    @guarded
    def _failed(self, error: object) -> None:
        log.error("reports could not be worked out: %r", error)
        self.failure.show()

    def charts(self) -> dict[str, ChartPanel]:
        """The charts by the key of the table they belong with."""
        return {
            "time": self.time_chart,
            "rates": self.rate_chart,
            "income": self.income_chart,
            "programmes": self.programme_chart,
            "follow_through_over_time": self.follow_chart,
            "practice": self.enquiry_chart,
        }

    @guarded
    def _open_client(self, row: object) -> None:
        client_id = getattr(row, "client_id", None)
        if client_id is not None:
            self.ctx.navigate.emit("clients", client_id)
