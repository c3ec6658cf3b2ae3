"""The practice report as a PDF: key figures, then each report with its chart and table.

Laid out with the shared document parts (:mod:`practice.documents.common`: the practice
header, "Page N of M" footer, fonts that print any client's name, the shared styles).
Charts are optional PNG images made by the app (keyed by table key: ``time``,
``rates``, ``income``, ``follow_through_over_time``); without them the report is tables
only. Money, dates and durations are written in the practice's locale.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date
from fractions import Fraction

from babel.dates import format_date
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer, Table

from practice.db import Database
from practice.documents.common import (
    DocumentInfo,
    Output,
    PracticeHeader,
    build_pdf,
    content_width,
    practice_header,
    write_pdf,
)
from practice.documents.formatting import Formatter
from practice.documents.styles import styles, table_style
from practice.documents.tables import figures_box
from practice.documents.text import Text, cell
from practice.economics.rates import Ratio
from practice.economics.reports import PracticeReport
from practice.reports.csv_export import note_export, one_decimal
from practice.reports.spans import span_text
from practice.reports.tables import Cell, Minutes, Money, Rate, ReportTable, report_tables
from practice.services.profile import get_profile


def hours_text(minutes: int) -> str:
    """Whole minutes as hours with one decimal: ``2.5 h``."""
    return f"{one_decimal(Fraction(minutes, 60))} h"


class _Cells:
    """How a cell reads in the PDF, in the practice's locale."""

    def __init__(self, fmt: Formatter, currency: str) -> None:
        self.fmt = fmt
        self.currency = currency

    def text(self, cell: Cell) -> str:
        if cell is None:
            return "—"
        if isinstance(cell, Money):
            return "—" if cell.amount is None else self.fmt.money(cell.amount, self.currency)
        if isinstance(cell, Rate):
            return "—" if cell.amount is None else self.fmt.money(cell.amount, self.currency)
        if isinstance(cell, Minutes):
            return "—" if cell.value is None else hours_text(cell.value)
        if isinstance(cell, Ratio):
            return f"{cell.percent}%"
        if isinstance(cell, Fraction):
            return one_decimal(cell)
        if isinstance(cell, date):
            return str(format_date(cell, "d MMM", locale=self.fmt.locale))
        return str(cell)


def _figure(cell: Cell) -> bool:
    return cell is not None and not isinstance(cell, str | date)


def _grid(table: ReportTable, cells: _Cells) -> tuple[list[str], list[list[str]], list[bool]]:
    """Headings, cell texts and which columns are figures, as printed.

    A From/To pair of dates becomes one "Period" column; a column of durations is
    printed in hours with "(h)" in its heading.
    """
    columns = list(table.columns)
    rows = [list(row) for row in table.rows]
    texts: list[list[str]] = [[] for _ in rows]
    headings: list[str] = []
    figures: list[bool] = []
    n = 0
    while n < len(columns):
        values = [row[n] for row in rows]
        if columns[n : n + 2] == ["From", "To"]:
            headings.append("Period")
            figures.append(False)
            for text, row in zip(texts, rows, strict=True):
                first, last = row[n], row[n + 1]
                assert isinstance(first, date) and isinstance(last, date)
                text.append(span_text(first, last, cells.fmt.locale))
            n += 2
            continue
        in_hours = len(columns) > 2 and all(isinstance(v, Minutes) for v in values) and values
        headings.append(f"{columns[n]} (h)" if in_hours else columns[n])
        figures.append(any(_figure(v) for v in values))
        for text, value in zip(texts, values, strict=True):
            if in_hours and isinstance(value, Minutes) and value.value is not None:
                text.append(one_decimal(Fraction(value.value, 60)))
            else:
                text.append(cells.text(value))
        n += 1
    return headings, texts, figures


def _table(table: ReportTable, cells: _Cells, width: float) -> Flowable:
    st = styles()
    headings, texts, figures = _grid(table, cells)
    size = 8 if len(headings) > 7 else 9

    dense = len(headings) > 7

    def style(parent: ParagraphStyle, name: str, points: float) -> ParagraphStyle:
        return ParagraphStyle(
            f"{name}_{points}", parent=parent, fontSize=points, leading=points + 3
        )

    plain, right = style(st.cell, "r_cell", size), style(st.cell_right, "r_right", size)
    head = size - 1 if dense else size
    bold = style(st.cell_bold, "r_head", head)
    bold_right = style(st.cell_right_bold, "r_head_right", head)
    data: list[list[Flowable]] = [
        [cell(h, bold_right if figures[n] else bold) for n, h in enumerate(headings)]
    ]
    for row in texts:
        data.append([cell(t, right if figures[n] else plain) for n, t in enumerate(row)])
    if len(headings) == 2:
        widths = [width * 0.7, width * 0.3]
    else:
        first = (0.2 if dense else 0.26) if not figures[0] else 1 / len(headings)
        rest = width * (1 - first) / (len(headings) - 1)
        widths = [width * first] + [rest] * (len(headings) - 1)
    grid = Table(data, colWidths=widths, hAlign="LEFT", repeatRows=1)
    grid.setStyle(table_style(header=True))
    if dense:
        grid.setStyle([("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)])
    return grid


def _chart(png: bytes, width: float) -> Image | None:
    try:
        pixel_width, pixel_height = ImageReader(io.BytesIO(png)).getSize()
    except Exception:  # a broken image must not stop the report; print the table alone
        return None
    if pixel_width <= 0 or pixel_height <= 0:
        return None
    return Image(io.BytesIO(png), width=width, height=width * pixel_height / pixel_width)


def _section(
    table: ReportTable, cells: _Cells, width: float, chart: bytes | None
) -> list[Flowable]:
    st = styles()
    head: list[Flowable] = [Text(table.title, st.heading)]
    if table.note:
        head.append(Text(table.note, st.muted))
    picture = _chart(chart, width) if chart else None
    if picture is not None:
        head.append(picture)
        head.append(Spacer(1, 4))
    if not table.rows:
        return [KeepTogether([*head, Text("Nothing in this period.", st.body)])]
    return [KeepTogether(head), _table(table, cells, width)]


def period_text(report: PracticeReport, fmt: Formatter) -> str:
    """``1 February 2026 to 28 February 2026`` (one date for a single day)."""
    if report.start == report.end:
        return fmt.date(report.start)
    return f"{fmt.date(report.start)} to {fmt.date(report.end)}"


def report_pdf(
    db: Database, report: PracticeReport, *, charts: Mapping[str, bytes] | None = None
) -> bytes:
    """The practice report for ``report``'s period as PDF bytes."""
    profile = get_profile(db)
    header = PracticeHeader.from_profile(profile)
    fmt = Formatter(profile.locale)
    cells = _Cells(fmt, report.currency)
    width = content_width(profile.page_size)
    st = styles()
    f = report.figures
    key_figures = [
        ("Seen time (sessions and support calls)", hours_text(f.contact_minutes)),
        ("Unseen time (work log)", hours_text(f.unseen_minutes)),
        ("Earned", cells.text(Money(f.earned_income))),
        ("Received, less refunds", cells.text(Money(f.income_received))),
        ("Effective hourly rate", cells.text(Rate(f.effective_hourly_rate))),
    ]
    story: list[Flowable] = [
        *practice_header(header, width),
        Text("Practice report", st.title),
        Text(period_text(report, fmt), st.subtitle),
        figures_box(key_figures, width, emphasise_last=True),
        Spacer(1, 6),
    ]
    charts = charts or {}
    for table in report_tables(report):
        story.extend(_section(table, cells, width, charts.get(table.key)))
    reference = f"RPT-{report.start.isoformat()}-{report.end.isoformat()}"
    info = DocumentInfo(
        title=f"Practice report: {period_text(report, fmt)}",
        reference=reference,
        author=header.name,
        subject=f"Practice report: {period_text(report, fmt)}",
        page_size=profile.page_size,
        created=report.end,
        language=fmt.language,
    )
    return build_pdf(info, story, header.name)


def export_report_pdf(
    db: Database,
    report: PracticeReport,
    output: Output,
    *,
    charts: Mapping[str, bytes] | None = None,
) -> None:
    """Write the PDF report to a path (owner-only) or stream; note it in the audit trail."""
    write_pdf(report_pdf(db, report, charts=charts), output)
    note_export(db, f"report PDF {report.start.isoformat()} to {report.end.isoformat()}")
