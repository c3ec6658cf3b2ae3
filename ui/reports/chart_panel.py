"""A chart with its hover readout, rebuilt from a report and the widget palette.

Each chart of the Reports page subclasses :class:`ChartPanel` and only says how to fill
a ``QChart`` from a :class:`~practice.economics.reports.PracticeReport`. The panel
themes the chart from the palette (light or dark, text and grid from the palette),
rebuilds it when the palette changes, shows the value under the pointer in a tooltip
and in a line under the chart, and renders a light copy as PNG for the PDF report.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QCursor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QGraphicsScene, QLabel, QToolTip, QVBoxLayout, QWidget

from practice.economics.report_period import BucketSize
from practice.economics.reports import PracticeReport
from practice.reports.spans import span_text
from ui import format as fmt
from ui.reports.chart_style import finish_axes, light_palette, start_chart

#: Size of the chart images in the PDF report (pixels; printed at the page's width).
PRINT_SIZE = (900, 380)


def bar_label(start: date, size: BucketSize, locale: str, *, with_year: bool = False) -> str:
    """The label under a bar: ``Wed 4`` (a day), ``2 Feb`` (a week), ``Feb`` (a month)."""
    if size == BucketSize.DAY:
        return str(format_date(start, "EEE d", locale=locale))
    if size == BucketSize.WEEK:
        return str(format_date(start, "d MMM", locale=locale))
    return str(format_date(start, "LLL yy" if with_year else "LLL", locale=locale))


def bar_labels(
    report: PracticeReport, starts: list[date], size: BucketSize, locale: str
) -> list[str]:
    with_year = report.start.year != report.end.year
    return [bar_label(start, size, locale, with_year=with_year) for start in starts]


def span(start: date, end: date, locale: str) -> str:
    """The days of a bar for the hover readout: ``2–8 Feb``, ``Feb 2026``."""
    return span_text(start, end, locale)


class ChartPanel(QWidget):
    """Subclasses implement :meth:`build` (and set ``empty_text``)."""

    hint = "Point at a bar to see its value."
    empty_text = "Nothing to show for this period."

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loc = fmt.DEFAULT_LOCALE
        self.report: PracticeReport | None = None
        self.chart = QChart()
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(260)
        self.hover = QLabel(self.hint)
        self.hover.setObjectName("hover_value")
        self.hover.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty = QLabel(self.empty_text)
        self.empty.setObjectName("chart_empty")
        self.empty.setEnabled(False)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.hover)

    # -- to implement ----------------------------------------------------
    def has_data(self, report: PracticeReport) -> bool:
        raise NotImplementedError

    def build(self, chart: QChart, report: PracticeReport, palette: QPalette, live: bool) -> None:
        """Add series and axes to an empty, themed ``chart``; ``live``: connect hovering."""
        raise NotImplementedError

    # -- the panel -------------------------------------------------------
    def set_report(self, report: PracticeReport, locale: str) -> None:
        self.report = report
        self.loc = locale
        self.hover.setText(self.hint)
        self.rebuild()

    def rebuild(self) -> None:
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
            axis.deleteLater()
        palette = self.palette()
        start_chart(chart, palette)
        showing = self.report is not None and self.has_data(self.report)
        self.view.setVisible(showing)
        self.empty.setVisible(not showing)
        self.hover.setVisible(showing)
        if self.report is not None and showing:
            self.build(chart, self.report, palette, True)
            finish_axes(chart, palette)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and self.report is not None:
            self.rebuild()
        super().changeEvent(event)

    def show_value(self, text: str) -> None:
        """The value under the pointer: in the readout line and as a tooltip."""
        self.hover.setText(text)
        if self.view.underMouse():
            QToolTip.showText(QCursor.pos(), text, self.view)

    def png(self, width: int = PRINT_SIZE[0], height: int = PRINT_SIZE[1]) -> bytes | None:
        """The chart drawn light on white for print, as PNG bytes (None without data)."""
        if self.report is None or not self.has_data(self.report):
            return None
        palette = light_palette()
        chart = QChart()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        start_chart(chart, palette)
        self.build(chart, self.report, palette, False)
        finish_axes(chart, palette)
        scene = QGraphicsScene()
        scene.addItem(chart)
        chart.resize(QSizeF(width, height))
        scene.setSceneRect(QRectF(0, 0, width, height))
        image = QImage(width, height, QImage.Format.Format_ARGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scene.render(painter, QRectF(0, 0, width, height), QRectF(0, 0, width, height))
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # str works; the stub says bytes
        buffer.close()
        return bytes(data.data())
