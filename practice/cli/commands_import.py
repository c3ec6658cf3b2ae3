"""``practice import-clients FILE``: add clients from a spreadsheet (CSV or .xlsx).

The encoding, separator, the field each column holds and the order of dates are guessed
and printed; correct them with ``--encoding``, ``--separator``, ``--column
"Heading=field"`` and ``--date-order``. ``--dry-run`` checks every row and saves nothing.
The good rows are saved in one transaction; the refused ones (with line and reason) are
written to ``FILE-not-imported.csv`` beside the file (or ``--refused-csv``) to fix and
import again. ``--json`` prints ``{"imported": N, "refused": [...], "duplicates": [...]}``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from practice.db import Database
from practice.errors import PracticeError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from practice.models import ClientStatus
    from practice.transfer.spreadsheet import ENCODINGS, DateOrder, ImportField

    parser = sub.add_parser(
        "import-clients",
        help="add clients from a spreadsheet (CSV or .xlsx)",
        description=(
            "Add clients from a CSV or .xlsx file whose first row holds the column "
            "headings. Rows without a name, with impossible dates, or repeating a client "
            "(same email, or same name and date of birth) are refused and listed with "
            "their line; the others are saved together or not at all."
        ),
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the .csv or .xlsx file")
    parser.add_argument("--dry-run", action="store_true", help="check every row, save nothing")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--encoding", choices=list(ENCODINGS), help="read the CSV file as this")
    parser.add_argument(
        "--separator", choices=["comma", "semicolon", "tab"], help="the CSV file's separator"
    )
    parser.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="HEADING=FIELD",
        help="what a column holds (repeatable); FIELD is one of: "
        + ", ".join(f.value for f in ImportField),
    )
    parser.add_argument(
        "--date-order", choices=[o.value for o in DateOrder], help="how dates are written"
    )
    parser.add_argument(
        "--status",
        choices=[s.value for s in ClientStatus],
        help="status for rows without one (default: active)",
    )
    parser.add_argument(
        "--refused-csv", type=Path, metavar="FILE.csv", help="where to write the refused rows"
    )
    parser.set_defaults(handler=run_import_clients)


SEPARATORS = {"comma": ",", "semicolon": ";", "tab": "\t"}


def _settings(args: argparse.Namespace, db: Database, sheet: Any) -> Any:
    from dataclasses import replace

    from practice.models import ClientStatus
    from practice.transfer.spreadsheet import DateOrder, ImportField, default_settings

    settings = default_settings(db, sheet)
    mapping = list(settings.mapping)
    for item in args.column:
        heading, sign, value = item.rpartition("=")
        if not sign or heading.strip() not in sheet.headers:
            raise PracticeError(
                f"--column needs HEADING=FIELD with a heading of the file, not “{item}”."
            )
        try:
            field = ImportField(value.strip())
        except ValueError:
            raise PracticeError(
                f"“{value}” is not a field; see practice import-clients --help."
            ) from None
        mapping[sheet.headers.index(heading.strip())] = field
    return replace(
        settings,
        mapping=tuple(mapping),
        date_order=DateOrder(args.date_order) if args.date_order else settings.date_order,
        default_status=ClientStatus(args.status) if args.status else settings.default_status,
    )


def run_import_clients(args: argparse.Namespace, db: Database) -> int:
    from practice.transfer.spreadsheet import (
        import_clients,
        plan_import,
        read_sheet,
        refused_path_for,
        undecided_date_order,
        write_refused,
    )

    separator = SEPARATORS[args.separator] if args.separator else None
    sheet = read_sheet(args.file, encoding=args.encoding, separator=separator)
    settings = _settings(args, db, sheet)
    undecided = undecided_date_order(sheet, settings.mapping)
    if undecided and not args.date_order:
        raise PracticeError(
            f"The dates of birth can be read day first or month first (“{undecided}”) and "
            "none of them shows which; say how they are written with --date-order dmy "
            "(day/month/year) or --date-order mdy (month/day/year)."
        )
    plan = plan_import(db, sheet, settings)
    if args.dry_run:
        refused, imported, would = plan.refused, 0, len(plan.ready)
    else:
        result = import_clients(db, plan)
        refused, imported, would = result.refused, result.imported, result.imported
    refused_file = None
    if refused and (args.refused_csv is not None or not args.dry_run):
        target = args.refused_csv or refused_path_for(sheet)
        refused_file = write_refused(sheet, refused, target)
    problems = [r for r in refused if not r.duplicate]
    duplicates = [r for r in refused if r.duplicate]
    if args.json:
        document = {
            "imported": imported,
            "refused": [r.as_json() for r in problems],
            "duplicates": [r.as_json() for r in duplicates],
            "dry_run": args.dry_run,
            "would_import": would,
            "read_as": sheet.describe(),
            "notes": list(sheet.notes),
            "date_order": settings.date_order.value,
            "columns": {h: f.value for h, f in zip(sheet.headers, settings.mapping, strict=True)},
            "refused_file": str(refused_file) if refused_file else None,
        }
        print(json.dumps(document, ensure_ascii=False))
        return 0
    print(f"Read {args.file.name}: {sheet.describe()}; {len(sheet.rows)} rows.")
    for note in sheet.notes:
        print(note)
    print(f"Dates read as {settings.date_order.label}.")
    for heading, field in zip(sheet.headers, settings.mapping, strict=True):
        print(f"  {heading or '(no heading)'} → {field.label}")
    for row in refused:
        print(f"Line {row.line}: {row.reason}")
    if args.dry_run:
        print(
            f"Dry run: {would} client{'s' if would != 1 else ''} would be added; nothing was saved."
        )
    else:
        print(f"Added {imported} client{'s' if imported != 1 else ''}.")
    if refused:
        kept = f" They are in {refused_file}." if refused_file else ""
        print(f"{len(refused)} row{'s were' if len(refused) != 1 else ' was'} not imported.{kept}")
    return 0
