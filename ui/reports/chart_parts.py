"""What the report charts share: bar sets with hover readouts, axes, money for plotting.

Chart values are floats because Qt draws with them: minutes become hours and minor
units become major units (:func:`practice.money.to_decimal`) only for plotting; every
number a person reads (the hover readout) is formatted from the exact figure.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from babel.numbers import get_currency_symbol
from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from practice.money import to_decimal
from ui.reports.chart_panel import ChartPanel

#: (set name, colour, value per bar for plotting, readout text per bar)
BarSpec = tuple[str, QColor, Sequence[float], Sequence[str]]


def category_axis(labels: list[str]) -> QBarCategoryAxis:
    """Bar labels; a little smaller when there are many, so "Sept" is not cut short."""
    axis = QBarCategoryAxis()
    axis.append(labels)
    if len(labels) > 8:
        font = axis.labelsFont()
        size = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
        font.setPointSizeF(size * 0.85)
        axis.setLabelsFont(font)
    return axis


def bar_axis(chart: QChart, series: QAbstractBarSeries | QLineSeries, labels: list[str]) -> None:
    axis = category_axis(labels)
    chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis)


def value_axis(chart: QChart, low: float, high: float, title: str, label_format: str) -> QValueAxis:
    axis = QValueAxis()
    top = high if high > 0 else 1.0
    axis.setRange(min(low, 0.0), top * 1.08)
    axis.applyNiceNumbers()
    axis.setLabelFormat(label_format)
    if label_format == "%.0f":  # whole numbers: no tick between two (0, 1, 1, 2, 2)
        axis.setRange(math.floor(axis.min()), max(math.ceil(axis.max()), 1))
        span = round(axis.max() - axis.min())
        for count in range(min(axis.tickCount(), span + 1), 1, -1):
            if span % (count - 1) == 0:
                axis.setTickCount(count)
                break
    axis.setTitleText(title)
    chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
    return axis


def add_bars(
    panel: ChartPanel,
    chart: QChart,
    series: QAbstractBarSeries,
    specs: Sequence[BarSpec],
    spans: Sequence[str],
    live: bool,
) -> None:
    for name, colour, values, texts in specs:
        bar_set = QBarSet(name)
        bar_set.append(list(values))
        bar_set.setColor(colour)
        bar_set.setBorderColor(colour)
        if live:
            bar_set.hovered.connect(bar_reader(panel, name, spans, texts))
        series.append(bar_set)
    chart.addSeries(series)


def bar_reader(
    panel: ChartPanel, name: str, spans: Sequence[str], texts: Sequence[str]
) -> Callable[[bool, int], None]:
    def hovered(status: bool, index: int) -> None:
        if status and 0 <= index < len(texts):
            panel.show_value(f"{name}, {spans[index]}: {texts[index]}")

    return hovered


def money_title(currency: str, locale: str, what: str) -> str:
    """The money axis's title: ``£ per hour or per session``. (The symbol goes in the
    title: Qt's label format is a C format string that cannot carry every symbol.)"""
    symbol = str(get_currency_symbol(currency, locale=locale))
    return f"{symbol} {what}".strip()


def major(amount: int, currency: str) -> float:
    return float(to_decimal(amount, currency))
