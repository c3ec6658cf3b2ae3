"""The Reports page on a real database: the hand-built practice of
``tests/economics/test_reports.py`` (its docstring describes it and works out every
figure for February 2026 by hand), loaded off the GUI thread and shown."""

from __future__ import annotations

import stat
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCharts import QAbstractBarSeries, QBarCategoryAxis, QLineSeries
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from practice.db import Database
from practice.economics.report_period import PeriodKind, custom_period, period_containing
from practice.services.profile import update_profile
from tests.documents.pdfcheck import all_text, reader
from tests.economics.test_reports import build
from ui.context import AppContext
from ui.pages.reports import ReportsPage
from ui.reports import worker

FEBRUARY = period_containing(PeriodKind.MONTH, date(2026, 2, 10))


@pytest.fixture
def practice(db: Database) -> Database:
    with db.transaction() as s:
        build(s)
    update_profile(db, quiet_after_days=10)
    return db


def make_page(ctx: AppContext, qtbot: QtBot) -> ReportsPage:
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 780)
    page.show()
    return page


def show(page: ReportsPage, qtbot: QtBot, period: Any = FEBRUARY) -> None:
    """Ask for ``period`` and wait until its figures are on the page."""
    page.period_bar.set_period(period)
    qtbot.waitUntil(
        lambda: not page.busy and page.report is not None and page.report.start == period.start,
        timeout=20_000,
    )


@pytest.fixture
def page(ctx: AppContext, practice: Database, qtbot: QtBot) -> ReportsPage:
    shown = make_page(ctx, qtbot)
    show(shown, qtbot)
    return shown


def card(page: ReportsPage, key: str) -> str:
    return page.key_figures.text(key)


def test_key_figures_of_february(page: ReportsPage) -> None:
    assert page.period_bar.title.text() == "February 2026"
    # seen 180 + 15 = 195 min, unseen 195 min; earned £885.72 (worked out by hand in
    # tests/economics/test_reports.py), received £700; 88572 × 60 / 390 → £136.26/h
    assert card(page, "seen") == "3 h 15 min"
    assert card(page, "unseen") == "3 h 15 min"
    assert card(page, "income") == "£885.72"
    assert "£700.00 received" in page.key_figures.cards["income"].toolTip()
    assert card(page, "rate") == "£136.26/h"
    assert "Earned income divided by" in page.key_figures.cards["rate"].caption.toolTip()
    assert card(page, "clients") == "3"
    assert card(page, "follow") == "63%"  # (2 + ½) / 4
    assert page.csv_button.isEnabled() and page.pdf_button.isEnabled()
    assert not page.busy_bar.isVisible()


def test_tables_pass_the_model_tester(page: ReportsPage, qtmodeltester: Any) -> None:
    programmes = page.programmes_model
    assert programmes.rowCount() == 2
    row = [programmes.index(0, c).data() for c in range(programmes.columnCount())]
    assert row == [
        "Three months",
        "2",
        "2",
        "£99.31/h",
        "£183.87/h",
        "5 of 7 (1 missed)",
        "50%",
        "50%",
        "13 min",
    ]
    clients = page.clients_model
    assert [clients.index(r, 0).data() for r in range(clients.rowCount())] == [
        "Ana Silva",
        "Ben Okafor",
    ]
    assert clients.index(0, 4).data() == "50%"
    # running on 28 Feb and quiet by then: Cat 25 days, Ben 18, Ana 10 (see the economics
    # report tests: judged from the enrolments' dates, not today's statuses)
    assert page.quiet_model.rowCount() == 3
    figures = dict(page.figures_model.rows())
    assert figures["Average programme value"] == "£380.00"
    assert figures["Renewal rate"] == "50%"
    for model in (programmes, clients, page.quiet_model, page.figures_model):
        qtmodeltester.check(model)


def bar_sets(chart: Any) -> dict[str, Any]:
    series = [s for s in chart.series() if isinstance(s, QAbstractBarSeries)]
    return {bar_set.label(): bar_set for s in series for bar_set in s.barSets()}


def test_charts_show_the_values_on_hover(page: ReportsPage) -> None:
    sets = bar_sets(page.time_chart.chart)
    # stacked: sessions, support calls and the four categories with time in February
    assert list(sets) == [
        "Sessions",
        "Support calls",
        "Preparation",
        "Write-up",
        "Supervision",
        "Admin",
    ]
    assert [sets["Sessions"].at(i) for i in range(5)] == [0, 2, 0, 1, 0]  # hours
    sets["Sessions"].hovered.emit(True, 1)
    assert page.time_chart.hover.text() == "Sessions, 2–8 Feb: 2 h"
    sets["Write-up"].hovered.emit(True, 3)
    assert page.time_chart.hover.text() == "Write-up, 16–22 Feb: 30 min"

    effective, nominal = [s for s in page.rate_chart.chart.series() if isinstance(s, QLineSeries)]
    assert effective.count() == 5 and nominal.count() == 5
    effective.hovered.emit(QPointF(1, 108.58), True)
    assert page.rate_chart.hover.text() == (
        "Effective hourly rate, 2–8 Feb: £108.58/h (£271.44 earned over 2 h 30 min)"
    )
    nominal.hovered.emit(QPointF(2, 150), True)
    assert page.rate_chart.hover.text() == (
        "Nominal per-session rate, 9–15 Feb: £150.00 per session (£2,400.00 agreed for 16 sessions)"
    )

    income = bar_sets(page.income_chart.chart)
    income["Received (less refunds)"].hovered.emit(True, 0)
    assert page.income_chart.hover.text() == "Received (less refunds), Feb 2026: £700.00"
    done = bar_sets(page.follow_chart.chart)["Done"]
    done.hovered.emit(True, 1)
    assert page.follow_chart.hover.text() == "Done, 2–8 Feb: 1 action item"
    planned = bar_sets(page.programme_chart.chart)["Actual hourly rate"]
    planned.hovered.emit(True, 0)  # only programmes with a finished enrolment
    assert page.programme_chart.hover.text() == "Actual hourly rate, Three months: £183.87/h"
    # the names beside the bars are whole, however short the chart (Qt's "..." otherwise)
    for chart in (page.programme_chart, page.enquiry_chart):
        [names] = [a for a in chart.chart.axes() if isinstance(a, QBarCategoryAxis)]
        assert not names.truncateLabels()


def test_previous_next_and_stale_results(page: ReportsPage, qtbot: QtBot) -> None:
    loaded: list[date] = []
    page.loader.loaded.connect(lambda report: loaded.append(report.start))
    page.period_bar.next.click()
    # busy until March arrives: nothing to export meanwhile
    assert page.busy and page.busy_bar.isVisible() and page.busy_label.isVisible()
    assert not page.pdf_button.isEnabled() and not page.csv_button.isEnabled()
    page.period_bar.next.click()  # asked before March arrived: March is stale
    qtbot.waitUntil(lambda: not page.busy, timeout=20_000)
    assert page.period_bar.title.text() == "April 2026"
    assert page.report is not None and page.report.start == date(2026, 4, 1)
    assert loaded == [date(2026, 4, 1)]
    page.period_bar.previous.click()
    qtbot.waitUntil(lambda: not page.busy, timeout=20_000)
    assert page.report is not None and page.report.start == date(2026, 3, 1)
    # March: Ana's £1,140 due 1 Mar is unpaid
    assert page.report.income[0].overdue == 114000


def test_kinds_of_period_and_custom_dates(page: ReportsPage, qtbot: QtBot) -> None:
    bar = page.period_bar
    bar.kind.setCurrentIndex(bar.kind.findData(PeriodKind.QUARTER.value))
    qtbot.waitUntil(lambda: not page.busy and page.report is not None, timeout=20_000)
    assert bar.title.text() == "Q1 2026"
    assert page.report is not None and page.report.end == date(2026, 3, 31)
    assert len(page.report.income) == 3

    bar.kind.setCurrentIndex(bar.kind.findData(PeriodKind.CUSTOM.value))
    assert bar.start_edit.isVisible() and bar.end_edit.isVisible()
    assert not bar.title.isVisible()
    before = page.loader.latest
    bar.end_edit.setDate(bar.start_edit.date().addDays(-1))
    assert bar.error.isVisible() and "on or after the start date" in bar.error.text()
    assert page.loader.latest == before  # nothing asked for a period that ends first
    show(page, qtbot, custom_period(date(2026, 2, 2), date(2026, 2, 8)))
    assert not bar.error.isVisible()
    assert card(page, "seen") == "2 h"  # Cat 3 Feb + Ana 4 Feb
    assert page.report is not None and len(page.report.time) == 7  # day by day


def test_exports(
    page: ReportsPage,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: Any,
) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    page.exports.ask_csv(None)
    files = sorted(tmp_path.glob("*.csv"))
    assert len(files) == 8
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)
    assert message_boxes.texts()[-1] == f"Saved 8 CSV files in {tmp_path}."
    single = tmp_path / "one"
    single.mkdir()
    assert [p.name for p in page.exports.export_csv_to(single, ["income"])] == [
        "report-2026-02-01-to-2026-02-28-income.csv"
    ]

    target = tmp_path / "february"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF documents (*.pdf)")
    )
    page.exports.ask_pdf()
    pdf = target.with_suffix(".pdf")
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    data = pdf.read_bytes()
    assert "1 February 2026 to 28 February 2026" in all_text(data)
    # six charts drawn for print: time, rate, income, programmes, follow-through, enquiries
    assert sum(len(p.images) for p in reader(data).pages) == 6


def test_an_empty_practice(ctx: AppContext, qtbot: QtBot) -> None:
    page = make_page(ctx, qtbot)
    page.refresh()
    qtbot.waitUntil(lambda: not page.busy and page.report is not None, timeout=20_000)
    assert card(page, "seen") == "0 min" and card(page, "rate") == "—"
    for chart in page.charts().values():
        # (charts on tabs not shown are not visible themselves: ask what they would show)
        assert not chart.empty.isHidden() and chart.view.isHidden()
        assert chart.png() is None
    assert not page.programmes.empty.isHidden() and page.programmes.table.isHidden()


def test_charts_follow_a_dark_palette(page: ReportsPage) -> None:
    def background() -> QColor:
        return page.time_chart.chart.backgroundBrush().color()

    assert background().lightness() > 128
    dark = QPalette(page.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#e8eaed"))
    page.setPalette(dark)
    assert background().lightness() < 128
    labels = [axis.labelsColor() for axis in page.time_chart.chart.axes()]
    assert labels and all(colour.lightness() > 128 for colour in labels)
    # the print copy stays light
    assert page.time_chart.png() is not None


def test_a_failure_is_shown_calmly(
    ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> Callable[..., None]:
        raise RuntimeError("disk went away")

    monkeypatch.setattr(worker, "practice_report", broken)
    page = make_page(ctx, qtbot)
    with qtbot.waitSignal(page.loader.failed, timeout=20_000):
        page.refresh()
    assert page.failure.isVisible()
    assert "could not be worked out" in page.failure.text()
    assert not page.busy_bar.isVisible()


def test_the_main_window_lists_reports(window: Any) -> None:
    assert "reports" in window.page_keys
    assert window.page("reports").title == "Reports"


def test_the_kind_of_period_is_remembered(ctx: AppContext, qtbot: QtBot) -> None:
    first = make_page(ctx, qtbot)
    show(first, qtbot, period_containing(PeriodKind.QUARTER, date(2026, 2, 1)))
    again = ReportsPage(ctx)
    qtbot.addWidget(again)
    # the same kind of period, around today (not the quarter that was on screen)
    assert again.period_bar.period.kind == PeriodKind.QUARTER
    assert again.period_bar.kind.currentData() == "quarter"
    assert not again.busy  # nothing is worked out before the page is shown
    show(first, qtbot, custom_period(date(2026, 2, 2), date(2026, 2, 8)))
    third = ReportsPage(ctx)
    qtbot.addWidget(third)
    assert third.period_bar.period == custom_period(date(2026, 2, 2), date(2026, 2, 8))
