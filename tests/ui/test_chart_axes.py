"""A chart's axis of whole numbers (hours, action items) labels each tick differently:
a week with under two hours read "0, 1, 1, 2, 2"."""

from __future__ import annotations

import pytest
from PySide6.QtCharts import QChart
from pytestqt.qtbot import QtBot

from ui.reports.chart_parts import value_axis


@pytest.mark.parametrize("high", [0.0, 0.4, 1.0, 1.6, 2.0, 3.3, 7.0, 11.0, 38.0, 250.0])
def test_whole_number_ticks_are_whole_and_each_different(qtbot: QtBot, high: float) -> None:
    chart = QChart()
    axis = value_axis(chart, 0.0, high, "Hours", "%.0f")
    step = (axis.max() - axis.min()) / (axis.tickCount() - 1)
    ticks = [axis.min() + n * step for n in range(axis.tickCount())]
    assert all(abs(t - round(t)) < 1e-9 for t in ticks), ticks
    assert len({f"{t:.0f}" for t in ticks}) == len(ticks)
    assert axis.max() >= high
