"""``practice export | import | calendar``: the whole practice in and out, and sessions
as a calendar.

* ``export --output FILE.json`` writes every table (``docs/export-format.md``);
  ``export --csv FOLDER`` writes the lists as CSV files (both at once is fine).
* ``--database NEW import FILE.json`` restores an export into an empty database.
* ``calendar --output FILE.ics`` writes the sessions as an iCalendar file.

Files are written under a temporary name and renamed into place, readable by their
owner only; an existing file is left alone unless ``--replace`` is given.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from practice.cli.commands_lists import cli_today, parse_day
from practice.db import Database
from practice.errors import PracticeError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from practice.transfer.csv_lists import LISTS

    export = sub.add_parser(
        "export",
        help="write the whole practice as JSON, and/or its lists as CSV files",
        description=(
            "Write every table of the practice to one JSON file (--output; the format is "
            "in docs/export-format.md) and/or the lists (clients, enrolments, sessions, "
            "work log, payments, instalments) as CSV files into a folder (--csv)."
        ),
    )
    export.add_argument("--output", "-o", type=Path, metavar="FILE.json", help="the JSON file")
    export.add_argument("--csv", type=Path, metavar="FOLDER", help="write CSV files here")
    export.add_argument(
        "--only",
        action="append",
        choices=list(LISTS),
        metavar="LIST",
        help=f"with --csv: only this list (repeatable): {', '.join(LISTS)}",
    )
    export.add_argument(
        "--notes", action="store_true", help="with --csv: put session notes in sessions.csv"
    )
    export.add_argument("--replace", action="store_true", help="replace files that exist")
    export.add_argument(
        "--mine",
        action="store_true",
        help="on a practice server: only your own clients' records and your own work (with "
        "the practice's programmes and terms), to take into a practice file of your own",
    )
    export.set_defaults(handler=run_export, creates_database=False)

    restore = sub.add_parser(
        "import",
        help="restore a whole-practice JSON export into an empty database",
        description=(
            "Restore FILE.json (made by practice export) into the database given with "
            "--database, which must hold no practice yet (a new file is made if there is "
            "none). Everything goes in, or nothing does."
        ),
    )
    restore.add_argument("file", type=Path, metavar="FILE.json", help="the export to restore")
    restore.set_defaults(handler=run_import)

    calendar = sub.add_parser(
        "calendar",
        help="write sessions as an iCalendar (.ics) file",
        description=(
            "Write planned and past sessions as an iCalendar file for a calendar app. "
            "Importing a newer file updates the events rather than adding copies."
        ),
    )
    calendar.add_argument("--from", dest="start", metavar="DATE", help="first day, YYYY-MM-DD")
    calendar.add_argument("--to", dest="end", metavar="DATE", help="last day, YYYY-MM-DD")
    names = calendar.add_mutually_exclusive_group()
    names.add_argument(
        "--no-names", action="store_true", help="leave client names out (just “Session”)"
    )
    names.add_argument("--initials", action="store_true", help="clients' initials only")
    calendar.add_argument(
        "--output", "-o", type=Path, required=True, metavar="FILE.ics", help="where to write it"
    )
    calendar.add_argument("--replace", action="store_true", help="replace the file if it exists")
    calendar.set_defaults(handler=run_calendar, creates_database=False)


def _progress(done: int, total: int) -> None:
    print(f"\r{done:,} of {total:,} rows…", end="", file=sys.stderr, flush=True)


def run_export(args: argparse.Namespace, db: Database) -> int:
    from practice.transfer.csv_lists import export_lists_csv
    from practice.transfer.practice_json import export_practice

    if args.output is None and args.csv is None:
        raise PracticeError("Say where to write: --output FILE.json, --csv FOLDER or both.")
    if args.output is not None:
        if args.output.suffix.lower() != ".json":
            raise PracticeError("--output needs a file name ending in .json.")
        tty = sys.stderr.isatty()
        summary = export_practice(
            db,
            args.output,
            replace=args.replace,
            progress=_progress if tty else None,
            mine=args.mine,
        )
        if tty:
            print(file=sys.stderr)
        print(f"Wrote {summary.rows:,} rows of {summary.tables} tables to {summary.path}.")
    if args.csv is not None:
        written = export_lists_csv(
            db,
            args.csv,
            today=cli_today(args),
            keys=args.only,
            with_notes=args.notes,
            replace=args.replace,
        )
        print(f"Wrote {len(written)} CSV file{'s' if len(written) != 1 else ''} to {args.csv}.")
    return 0


def run_import(args: argparse.Namespace, db: Database) -> int:
    from practice.transfer.practice_json import import_practice

    summary = import_practice(db, args.file)
    print(f"Imported {summary.rows:,} rows into {db.where}.")
    return 0


def run_calendar(args: argparse.Namespace, db: Database) -> int:
    from practice.transfer.calendar import NameStyle, export_calendar

    if args.output.suffix.lower() != ".ics":
        raise PracticeError("--output needs a file name ending in .ics.")
    start = parse_day(args.start, "--from") if args.start is not None else None
    end = parse_day(args.end, "--to") if args.end is not None else None
    names = (
        NameStyle.NONE if args.no_names else NameStyle.INITIALS if args.initials else NameStyle.FULL
    )
    summary = export_calendar(
        db, args.output, start=start, end=end, names=names, replace=args.replace
    )
    print(
        f"Wrote {summary.events:,} session{'s' if summary.events != 1 else ''} to {summary.path}."
    )
    return 0
