"""How the report charts look: colours that read on light and dark palettes, and the
chart theme picked from the widget palette's lightness (text and grid from the palette)."""

from __future__ import annotations

from PySide6.QtCharts import QChart
from PySide6.QtGui import QColor, QPalette

from practice.models import WorkCategory

#: Seen time in blues; unseen work in warm and muted tones (Tableau-like, mid lightness,
#: so every colour stands out on a white and on a near-black background).
SESSIONS = QColor("#3b78c4")
SUPPORT_CALLS = QColor("#86b6ea")
CATEGORY: dict[WorkCategory, QColor] = {
    WorkCategory.PREP: QColor("#e8863a"),
    WorkCategory.WRITE_UP: QColor("#d2504f"),
    WorkCategory.SUPERVISION: QColor("#9b6bb5"),
    WorkCategory.SUPPORT: QColor("#e89bb0"),
    WorkCategory.ADMIN: QColor("#a07c5c"),
    WorkCategory.RESOURCE_MAKING: QColor("#d9b43b"),
    WorkCategory.TRAINING: QColor("#4fa39a"),
    WorkCategory.TRAVEL: QColor("#9a9a9a"),
}
EFFECTIVE = QColor("#3b78c4")
NOMINAL = QColor("#e8863a")
AGREED = QColor("#8c9aa8")
RECEIVED = QColor("#3b9b5b")
OUTSTANDING = QColor("#e8a33a")
OVERDUE = QColor("#d2504f")
DONE = QColor("#3b9b5b")
PARTLY = QColor("#e8c23a")
NOT_DONE = QColor("#d2504f")


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def light_palette() -> QPalette:
    """A plain light palette, for charts printed on paper whatever the screen shows."""
    palette = QPalette(QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1f2933"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1f2933"))
    palette.setColor(QPalette.ColorRole.Mid, QColor("#cbd2d9"))
    return palette


def start_chart(chart: QChart, palette: QPalette) -> None:
    """Theme an empty chart (before series are added: the theme recolours series)."""
    chart.setTheme(
        QChart.ChartTheme.ChartThemeDark if is_dark(palette) else QChart.ChartTheme.ChartThemeLight
    )
    chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Window))
    chart.setBackgroundRoundness(0)
    chart.setTitleBrush(palette.color(QPalette.ColorRole.WindowText))
    chart.legend().setLabelColor(palette.color(QPalette.ColorRole.WindowText))


def finish_axes(chart: QChart, palette: QPalette) -> None:
    """Axis labels in the palette's text colour and a quiet grid."""
    text = palette.color(QPalette.ColorRole.WindowText)
    grid = QColor(text)
    grid.setAlpha(45)
    line = QColor(text)
    line.setAlpha(110)
    for axis in chart.axes():
        axis.setLabelsColor(text)
        axis.setTitleBrush(text)
        axis.setGridLineColor(grid)
        axis.setLinePenColor(line)
        axis.setShadesVisible(False)
