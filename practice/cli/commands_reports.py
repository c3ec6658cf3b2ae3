"""``practice export-report``: the Reports workspace's CSV files and PDF report, scripted.

The same figures and files as the app's Reports page (one CSV per report into a folder,
and/or the PDF practice report without charts), for a period given with ``--from`` and
``--to`` (default: the 12 months up to today, as ``practice report``). Files are
readable by their owner only and each export is noted in the audit trail.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from practice.cli.commands_lists import cli_today, report_period
from practice.db import Database
from practice.errors import PracticeError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from practice.reports.tables import TABLES

    export = sub.add_parser(
        "export-report",
        help="write the reports of a period as CSV files and/or a PDF",
        description=(
            "Write the Reports page's figures for a period: one CSV file per report into "
            "a folder (--csv) and/or the PDF practice report (--pdf). Default period: the "
            "12 months up to today."
        ),
    )
    export.add_argument("--from", dest="start", metavar="DATE", help="first day, YYYY-MM-DD")
    export.add_argument("--to", dest="end", metavar="DATE", help="last day, YYYY-MM-DD")
    export.add_argument("--csv", type=Path, metavar="FOLDER", help="write CSV files here")
    export.add_argument("--pdf", type=Path, metavar="FILE.pdf", help="write the PDF report here")
    export.add_argument(
        "--only",
        action="append",
        choices=list(TABLES),
        metavar="REPORT",
        help=f"with --csv: only this report (repeatable): {', '.join(TABLES)}",
    )
    export.set_defaults(handler=run_export_report, creates_database=False)


def run_export_report(args: argparse.Namespace, db: Database) -> int:
    from practice.economics.reports import practice_report
    from practice.reports.csv_export import export_csv
    from practice.reports.pdf_report import export_report_pdf

    if args.csv is None and args.pdf is None:
        raise PracticeError("Say where to write the report: --csv FOLDER, --pdf FILE.pdf or both.")
    folder = args.csv.expanduser() if args.csv is not None else None
    if folder is not None and not folder.is_dir():
        raise PracticeError(f"The folder {folder} does not exist.")
    pdf = args.pdf.expanduser() if args.pdf is not None else None
    if pdf is not None and (pdf.is_dir() or not pdf.parent.is_dir()):
        raise PracticeError(
            f"{pdf} is not a file that can be written; give a path such as report.pdf."
        )
    today = cli_today(args)
    start, end = report_period(args, today)
    report = practice_report(db, start, end, today=today)
    try:
        if folder is not None:
            written = export_csv(db, report, folder, keys=args.only)
            print(f"Wrote {len(written)} CSV file{'s' if len(written) != 1 else ''} to {folder}.")
        if pdf is not None:
            export_report_pdf(db, report, pdf)
            print(f"Wrote the report to {pdf}.")
    except OSError as exc:
        raise PracticeError(f"The report cannot be written: {exc.strerror or exc}.") from None
    return 0
