"""``practice demo``: fill a new database with a realistic sample practice.

Without ``--database`` the sample goes into its own file in the user data folder
(``sample-practice.db``, the one the app offers to open on first run), never into the
practitioner's own database. A database that already has clients or programmes is
refused.
"""

from __future__ import annotations

import argparse
import sys

from practice.cli.commands_lists import parse_day
from practice.db import Database
from practice.db.paths import demo_database_path
from practice.demo import DEFAULT_CLIENTS, DEFAULT_SEED, DEFAULT_YEARS, generate_demo
from practice.errors import PracticeError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "demo",
        help="fill a new database with a realistic sample practice",
        description=(
            "Fill a new, empty database with an invented sample practice: programmes, "
            "clients, enrolments, sessions with notes, payments, unseen work and "
            "enquiries. The same seed (and --today) always makes the same practice. "
            "Without --database the sample goes into its own file, not your practice; a "
            "database that already has clients or programmes is refused (there is no "
            "--force: a sample never mixes with real records)."
        ),
    )
    parser.add_argument(
        "--clients",
        metavar="N",
        default=str(DEFAULT_CLIENTS),
        help=f"how many clients (default {DEFAULT_CLIENTS})",
    )
    parser.add_argument(
        "--years",
        metavar="N",
        default=str(DEFAULT_YEARS),
        help=f"how many years of history before today (default {DEFAULT_YEARS})",
    )
    parser.add_argument(
        "--seed",
        metavar="N",
        default=str(DEFAULT_SEED),
        help=f"the random seed (default {DEFAULT_SEED})",
    )
    parser.add_argument(
        "--today",
        metavar="DATE",
        help="the day the sample is made for, YYYY-MM-DD (default: today); "
        "with the same seed it reproduces a sample exactly",
    )
    parser.add_argument("--quiet", action="store_true", help="print nothing when done")
    parser.set_defaults(handler=run, default_database=demo_database_path)


def whole(text: str, option: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise PracticeError(f"{option} needs a whole number, not “{text}”.") from None


def run(args: argparse.Namespace, db: Database) -> int:
    today = None
    if args.today is not None:
        today = parse_day(args.today, "--today")
    summary = generate_demo(
        db,
        clients=whole(args.clients, "--clients"),
        years=whole(args.years, "--years"),
        seed=whole(args.seed, "--seed"),
        today=today,
        progress=_progress if sys.stderr.isatty() and not args.quiet else None,
    )
    if sys.stderr.isatty() and not args.quiet:
        print(file=sys.stderr)
    if not args.quiet:
        print(
            f"Made a sample practice in {db.where}: {summary.clients} clients, "
            f"{summary.programmes} programmes, {summary.enrolments} enrolments, "
            f"{summary.sessions} sessions, {summary.payments} payments and "
            f"{summary.refunds} refunds, {summary.work_entries} unseen-work entries, "
            f"{summary.enquiries} enquiries, from {summary.first_day.isoformat()} "
            f"to {summary.today.isoformat()} ({summary.seconds:.1f} s)."
        )
    return 0


def _progress(done: int, total: int) -> None:
    print(f"\rWriting client {done:,} of {total:,}…", end="", file=sys.stderr, flush=True)
