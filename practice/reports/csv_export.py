"""CSV files of the reports, plain enough for any spreadsheet.

Money is written in major units with a dot (``1200.00``; the currency is in the
column heading), durations in whole minutes, shares as whole per cent, averages with one
decimal, dates as ``YYYY-MM-DD`` and missing figures as an empty cell. Files are UTF-8
with a byte-order mark (so spreadsheet programs read names in any script) and are
readable by their owner only.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection
from datetime import date
from fractions import Fraction
from pathlib import Path

from practice.csv_cells import formula_safe
from practice.db import Database
from practice.economics.rates import Ratio, round_half_up
from practice.economics.reports import PracticeReport
from practice.money import to_decimal
from practice.outputs import write_output
from practice.reports.tables import Cell, Minutes, Money, Rate, ReportTable, report_tables
from practice.services import audit


def one_decimal(value: Fraction) -> str:
    """``5``, ``5.5``, ``3.3`` (tenths rounded half-up)."""
    tenths = round_half_up(value * 10)
    whole, rest = divmod(abs(tenths), 10)
    sign = "-" if tenths < 0 else ""
    return f"{sign}{whole}" if rest == 0 else f"{sign}{whole}.{rest}"


def csv_cell(cell: Cell, currency: str) -> str:
    if cell is None:
        return ""
    if isinstance(cell, Money | Rate):
        return "" if cell.amount is None else str(to_decimal(cell.amount, currency))
    if isinstance(cell, Minutes):
        return "" if cell.value is None else str(cell.value)
    if isinstance(cell, Ratio):
        return str(cell.percent)
    if isinstance(cell, Fraction):
        return one_decimal(cell)
    if isinstance(cell, date):
        return cell.isoformat()
    return str(cell)


def csv_heading(table: ReportTable, column: int, currency: str) -> str:
    """The column heading with its unit: ``Received (GBP)``, ``Seen (minutes)``."""
    title = table.columns[column]
    kinds = {type(row[column]) for row in table.rows if row[column] is not None}
    if kinds & {Money}:
        return f"{title} ({currency})"
    if kinds & {Rate}:
        return f"{title} ({currency})"
    if kinds & {Minutes}:
        return f"{title} (minutes)"
    if kinds & {Ratio}:
        return f"{title} (%)"
    return title


def csv_text(table: ReportTable, currency: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(csv_heading(table, n, currency) for n in range(len(table.columns)))
    for row in table.rows:
        writer.writerow(formula_safe(csv_cell(cell, currency)) for cell in row)
    return out.getvalue()


def file_stem(report: PracticeReport) -> str:
    """``report-2026-02-01-to-2026-02-28``."""
    return f"report-{report.start.isoformat()}-to-{report.end.isoformat()}"


def write_private_text(path: Path, text: str) -> None:
    """Write UTF-8 text (with a BOM) readable and writable by the owner only."""
    write_output(path, text.encode("utf-8-sig"))


def note_export(db: Database, detail: str) -> None:
    """Note an export in the audit trail (what and which period; never the content)."""
    with db.transaction() as s:
        audit.record(s, "export", "report", None, detail)


def export_csv(
    db: Database,
    report: PracticeReport,
    folder: Path | str,
    *,
    keys: Collection[str] | None = None,
) -> list[Path]:
    """Write one CSV per report table (or only ``keys``) into ``folder``; return the paths.

    Existing files of the same name are replaced. The export is noted in the audit trail.
    """
    folder = Path(folder).expanduser()
    written = []
    for table in report_tables(report):
        if keys is not None and table.key not in keys:
            continue
        path = folder / f"{file_stem(report)}-{table.key.replace('_', '-')}.csv"
        write_private_text(path, csv_text(table, report.currency))
        written.append(path)
    names = ", ".join(p.name for p in written)
    note_export(db, f"report CSV {report.start.isoformat()} to {report.end.isoformat()}: {names}")
    return written
