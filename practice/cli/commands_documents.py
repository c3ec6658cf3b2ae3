"""``practice agreement | receipt | statement``: write a client document as a PDF.

The file is written readable by its owner only (it holds client details) and the export
is noted in the audit trail. An unknown id or an unwritable path is one plain sentence.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path

from practice.cli.commands_lists import cli_today, parse_day
from practice.db import Database
from practice.errors import PracticeError
from practice.services.validation import LARGEST_INTEGER


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    agreement = sub.add_parser(
        "agreement",
        help="write the programme agreement of an enrolment as a PDF",
        description="Write the programme agreement of an enrolment, as agreed, to a PDF.",
    )
    agreement.add_argument("enrolment_id", metavar="ENROLMENT_ID", help="the enrolment's id")
    _output_option(agreement)
    agreement.set_defaults(handler=run_agreement, creates_database=False)

    receipt = sub.add_parser(
        "receipt",
        help="write the receipt for a payment as a PDF",
        description="Write the receipt for one payment (or the note of a refund) to a PDF.",
    )
    receipt.add_argument("payment_id", metavar="PAYMENT_ID", help="the payment's id")
    _output_option(receipt)
    receipt.set_defaults(handler=run_receipt, creates_database=False)

    statement = sub.add_parser(
        "statement",
        help="write the statement of an enrolment as a PDF",
        description=(
            "Write a statement of an enrolment to a PDF: instalments with their status, "
            "payments and refunds, paid, outstanding and what is due next."
        ),
    )
    statement.add_argument("enrolment_id", metavar="ENROLMENT_ID", help="the enrolment's id")
    _output_option(statement)
    statement.add_argument(
        "--date", metavar="DATE", help="the statement date, YYYY-MM-DD (default: today)"
    )
    statement.set_defaults(handler=run_statement, creates_database=False)


def _output_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--output", "-o", type=Path, required=True, metavar="FILE.pdf", help="where to write it"
    )


def _ident(text: str, what: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise PracticeError(f"{what} must be a whole number, not “{text}”.") from None
    if not 1 <= value <= LARGEST_INTEGER:
        raise PracticeError(f"{what} must be a whole number above zero, not “{text}”.")
    return value


def _write(output: Path, make: Callable[[Path], None], what: str) -> int:
    target = output.expanduser()
    if target.is_dir():
        raise PracticeError(f"{target} is a folder; give a file name such as {what}.pdf.")
    if not target.parent.is_dir():
        raise PracticeError(f"The folder {target.parent} does not exist.")
    try:
        make(target)
    except OSError as exc:
        raise PracticeError(f"{target} cannot be written: {exc.strerror or exc}.") from None
    print(f"Wrote the {what} to {target}.")
    return 0


def run_agreement(args: argparse.Namespace, db: Database) -> int:
    from practice.documents.agreement import render_agreement

    enrolment_id = _ident(args.enrolment_id, "ENROLMENT_ID")
    return _write(args.output, lambda path: render_agreement(db, enrolment_id, path), "agreement")


def run_receipt(args: argparse.Namespace, db: Database) -> int:
    from practice.documents.receipt import render_receipt

    payment_id = _ident(args.payment_id, "PAYMENT_ID")
    return _write(args.output, lambda path: render_receipt(db, payment_id, path), "receipt")


def run_statement(args: argparse.Namespace, db: Database) -> int:
    from practice.documents.statement import render_statement

    enrolment_id = _ident(args.enrolment_id, "ENROLMENT_ID")
    on: date | None = None
    if args.date is not None:
        on = parse_day(args.date, "--date")
    elif args.today is not None:
        on = cli_today(args)
    return _write(
        args.output, lambda path: render_statement(db, enrolment_id, path, on=on), "statement"
    )
