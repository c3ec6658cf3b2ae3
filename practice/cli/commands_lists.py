"""``practice clients``, ``practice enrolments`` and ``practice report``.

Lists and figures come from the services and the economics module; this module only
reads the options and prints. ``--json`` prints exactly one JSON value on stdout (money
in minor units with the currency beside it, durations in minutes); otherwise an aligned
table with money formatted by the practice locale.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Collection, Sequence
from datetime import date, timedelta
from typing import Any

from practice.db import Database
from practice.errors import PracticeError
from practice.models import EnrolmentStatus, WorkCategory, label
from practice.money import format_money
from practice.services.clients import get_client, list_clients
from practice.services.profile import get_profile
from practice.services.validation import FIRST_DAY, LARGEST_INTEGER, LAST_DAY
from practice.timeutil import today as real_today


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    clients = sub.add_parser("clients", help="list clients", description="List clients by name.")
    clients.add_argument("--json", action="store_true", help="print one JSON array")
    clients.add_argument(
        "--status", help="only this status: enquiry, active, paused, completed or archived"
    )
    clients.add_argument(
        "--search", default="", help="only names or emails containing every word (any accents)"
    )
    clients.set_defaults(handler=run_clients, creates_database=False)

    enrolments = sub.add_parser(
        "enrolments",
        help="list enrolments with what is due, received, owed and the sessions used",
        description=(
            "List enrolments, newest first: price due, payments received, refunds, owed, "
            "overdue, credit, and sessions used (attended, missed) of those planned."
        ),
    )
    enrolments.add_argument("--client", metavar="ID", help="only this client's enrolments")
    enrolments.add_argument("--json", action="store_true", help="print one JSON array")
    enrolments.set_defaults(handler=run_enrolments, creates_database=False)

    report = sub.add_parser(
        "report",
        help="practice figures for a period",
        description=(
            "Contact and unseen time, income received, effective hourly rate and more for "
            "a period (default: the 12 months up to today)."
        ),
    )
    report.add_argument("--from", dest="start", metavar="DATE", help="first day, YYYY-MM-DD")
    report.add_argument("--to", dest="end", metavar="DATE", help="last day, YYYY-MM-DD")
    report.add_argument("--json", action="store_true", help="print one JSON object")
    report.set_defaults(handler=run_report, creates_database=False)


def parse_day(text: str, option: str) -> date:
    """A date typed as YYYY-MM-DD, or one plain sentence saying what is wrong."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise PracticeError(
            f"{option} needs a real date written YYYY-MM-DD (for example 2025-03-31), not “{text}”."
        ) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise PracticeError(
            f"{option} needs a date from {FIRST_DAY.year} to {LAST_DAY.year}, not “{text}”."
        )
    return day


def cli_today(args: argparse.Namespace) -> date:
    """The day the command works as of: ``--today DATE`` when given, else today."""
    given = getattr(args, "today", None)
    return parse_day(given, "--today") if given is not None else real_today()


def parse_id(text: str, option: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise PracticeError(f"{option} needs a number (an id), not “{text}”.") from None
    if value < 1:
        raise PracticeError(f"{option} needs a positive id, not {value}.")
    if value > LARGEST_INTEGER:
        raise PracticeError(f"{option} {value} is larger than any id can be.")
    return value


def width(text: str) -> int:
    """Columns a text takes in a terminal: wide scripts (山田 花子) take two per letter."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def print_table(
    headings: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    right: Collection[int] = (),
    header: bool = True,
) -> None:
    """Print rows in aligned columns (numbers and money right-aligned)."""
    shown = [list(headings), *rows] if header else [list(r) for r in rows]
    widths = [max(width(row[i]) for row in shown) for i in range(len(headings))]
    for number, row in enumerate(shown):
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - width(cell))
            cells.append(pad + cell if i in right else cell + pad)
        say("  ".join(cells).rstrip())
        if header and number == 0:
            say("  ".join("-" * w for w in widths))


def say(line: str) -> None:
    """Print a line; letters the terminal cannot show become "?" rather than an error."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    print(line.encode(encoding, errors="replace").decode(encoding))


def money_text(amount: int, currency: str, locale: str) -> str:
    return format_money(amount, currency, locale)


def emit_json(value: Any) -> None:
    """One JSON value on stdout: names as they are on a UTF-8 stream, escaped otherwise.

    A list is written one record to a line (easy to read, to grep, to diff); anything
    else indented. Each record goes through Python's C encoder: indenting a whole list
    of thousands of enrolments took the pure-Python one a third of the command's time."""
    escape = "utf" not in (getattr(sys.stdout, "encoding", None) or "").lower()
    if isinstance(value, list):
        lines = [json.dumps(item, ensure_ascii=escape) for item in value]
        sys.stdout.write("[\n  " + ",\n  ".join(lines) + "\n]\n" if lines else "[]\n")
        return
    json.dump(value, sys.stdout, ensure_ascii=escape, indent=2)
    sys.stdout.write("\n")


def run_clients(args: argparse.Namespace, db: Database) -> int:
    statuses = [args.status.strip()] if args.status else None
    rows = list_clients(db, search=args.search, statuses=statuses)
    if args.json:
        emit_json(
            [
                {
                    "id": r.id,
                    "name": r.display_name,
                    "first_name": r.first_name,
                    "last_name": r.last_name,
                    "preferred_name": r.preferred_name,
                    "pronouns": r.pronouns,
                    "status": r.status.value,
                    "email": r.email,
                    "phone": r.phone,
                }
                for r in rows
            ]
        )
        return 0
    print_table(
        ["Id", "Name", "Status", "Email", "Phone"],
        [[str(r.id), r.display_name, label(r.status), r.email, r.phone] for r in rows],
        right={0},
    )
    print(f"{len(rows)} client{'s' if len(rows) != 1 else ''}.")
    return 0


def run_enrolments(args: argparse.Namespace, db: Database) -> int:
    client_id = None
    if args.client is not None:
        client_id = parse_id(args.client, "--client")
        get_client(db, client_id)  # an unknown id is one sentence, not an empty list
    from practice.economics import enrolment_rows  # not loaded for `clients`

    rows = enrolment_rows(db, client_id=client_id, today=cli_today(args))
    if args.json:
        emit_json(
            [
                {
                    "id": r.id,
                    "client_id": r.client_id,
                    "client_name": r.client_name,
                    "programme_name": r.programme_name,
                    "start_date": r.start_date.isoformat(),
                    "end_date": r.end_date.isoformat(),
                    "status": r.status.value,
                    "agreed_price": r.agreed_price,
                    "currency": r.currency,
                    "price_due": r.price_due,
                    "price_reduced": r.price_reduced,
                    "payments_received": r.payments_received,
                    "refunded": r.refunded,
                    "paid": r.paid,
                    "outstanding": r.outstanding,
                    "overdue": r.overdue,
                    "credit": r.credit,
                    "sessions_planned": r.sessions_planned,
                    "sessions_used": r.sessions_used,
                    "sessions_attended": r.sessions_attended,
                    "sessions_missed": r.sessions_missed,
                    "sessions_remaining": r.sessions_remaining,
                }
                for r in rows
            ]
        )
        return 0
    locale = get_profile(db).locale
    print_table(
        [
            "Id",
            "Client",
            "Programme",
            "Start",
            "Status",
            "Price due",
            "Received",
            "Refunded",
            "Owed",
            "Overdue",
            "Credit",
            "Sessions used (attended, missed) of planned",
        ],
        [
            [
                str(r.id),
                r.client_name,
                r.programme_name,
                r.start_date.isoformat(),
                label(EnrolmentStatus(r.status)),
                money_text(r.price_due, r.currency, locale),
                money_text(r.payments_received, r.currency, locale),
                money_text(r.refunded, r.currency, locale),
                money_text(r.outstanding, r.currency, locale),
                money_text(r.overdue, r.currency, locale),
                money_text(r.credit, r.currency, locale),
                f"{r.sessions_used} ({r.sessions_attended}, {r.sessions_missed}) of "
                f"{r.sessions_planned}",
            ]
            for r in rows
        ],
        right={0, 5, 6, 7, 8, 9, 10, 11},
    )
    print(f"{len(rows)} enrolment{'s' if len(rows) != 1 else ''}.")
    return 0


def report_period(args: argparse.Namespace, today: date) -> tuple[date, date]:
    """The period asked for; by default the 12 months up to and including today."""
    end = parse_day(args.end, "--to") if args.end is not None else today
    start = parse_day(args.start, "--from") if args.start is not None else _year_before(end)
    if start > end:
        raise PracticeError(
            f"The period starts ({start.isoformat()}) after it ends ({end.isoformat()})."
        )
    return start, end


def _year_before(end: date) -> date:
    """The first day of the 12 months ending on ``end`` (1 April 2025 → 2 April 2024),
    never before the first day the app takes."""
    try:
        start = end.replace(year=end.year - 1) + timedelta(days=1)
    except ValueError:  # 29 February
        start = date(end.year - 1, 3, 1)
    return max(start, FIRST_DAY)


def run_report(args: argparse.Namespace, db: Database) -> int:
    today = cli_today(args)
    start, end = report_period(args, today)
    from practice.economics import period_figures  # not loaded for `clients`

    figures = period_figures(db, start, end, today=today)
    data = report_json(figures, start, end)
    if args.json:
        emit_json(data)
        return 0
    print_report(data, get_profile(db).locale)
    return 0


def _ratio(value: Any) -> dict[str, Any] | None:
    """A share as numbers with its parts: a part may be a half (a partly done item)."""
    if value is None:
        return None
    part = value.part
    number: int | float = int(part) if part.denominator == 1 else float(part)
    return {"percent": value.percent, "part": number, "whole": value.whole}


def report_json(f: Any, start: date, end: date) -> dict[str, Any]:
    by_category = {c.value: int(f.unseen_by_category.get(c, 0)) for c in WorkCategory}
    return {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "currency": f.currency,
        "contact_minutes": f.contact_minutes,
        "unseen_minutes": f.unseen_minutes,
        "unseen_minutes_by_category": by_category,
        "total_minutes": f.contact_minutes + f.unseen_minutes,
        "earned_income": f.earned_income,
        "earned_other_currencies": dict(f.earned_other_currencies),
        "other_currency_minutes": f.other_currency_minutes,
        "income_received": f.income_received,
        "payments_received": f.payments_received,
        "refunds_given": f.refunds_given,
        "received_other_currencies": dict(f.received_other_currencies),
        "effective_hourly_rate": f.effective_hourly_rate,
        "sessions_missed": f.missed_sessions,
        "active_clients": f.active_clients,
        "average_programme_value": f.average_programme_value,
        "sessions": f.sessions,
        "renewal_rate": _ratio(f.renewal_rate),
        "conversion_rate": _ratio(f.conversion_rate),
        "follow_through": _ratio(f.follow_through),
        "enquiries_by_outcome": {k.value: int(v) for k, v in f.enquiries_by_outcome.items()},
    }


def _rate_basis(data: dict[str, Any]) -> str:
    other = data["other_currency_minutes"]
    if not other:
        return "(earned ÷ hours worked)"
    return f"(earned ÷ hours worked, less {_hours(other)} on enrolments in another currency)"


def _hours(minutes: int) -> str:
    hours, mins = divmod(minutes, 60)
    return f"{hours:,} h {mins:02d} min"


def print_report(data: dict[str, Any], locale: str) -> None:
    currency = data["currency"]
    rate = data["effective_hourly_rate"]
    average = data["average_programme_value"]
    lines = [
        ("Contact time", _hours(data["contact_minutes"])),
        ("Unseen time", _hours(data["unseen_minutes"])),
    ]
    lines += [
        (f"  {label(WorkCategory(key))}", _hours(minutes))
        for key, minutes in data["unseen_minutes_by_category"].items()
        if minutes
    ]
    lines += [
        ("All time", _hours(data["total_minutes"])),
        ("Earned", money_text(data["earned_income"], currency, locale)),
        *(
            (f"Earned in {code} (not in the rate)", money_text(amount, code, locale))
            for code, amount in data["earned_other_currencies"].items()
        ),
        ("Payments received", money_text(data["payments_received"], currency, locale)),
        ("Refunds given", money_text(data["refunds_given"], currency, locale)),
        ("Received, less refunds", money_text(data["income_received"], currency, locale)),
        *(
            (f"Received in {code}, less refunds", money_text(amount, code, locale))
            for code, amount in data["received_other_currencies"].items()
        ),
        (
            "Effective hourly rate",
            "no time recorded"
            if rate is None
            else money_text(rate, currency, locale) + " an hour " + _rate_basis(data),
        ),
        ("Sessions attended", str(data["sessions"])),
        ("Sessions missed", str(data["sessions_missed"])),
        ("Active clients", str(data["active_clients"])),
        (
            "Average programme value",
            "no programmes started" if average is None else money_text(average, currency, locale),
        ),
    ]
    for key, title in (
        ("renewal_rate", "Renewal rate"),
        ("conversion_rate", "Conversion rate"),
        ("follow_through", "Follow-through"),
    ):
        share = data[key]
        lines.append((title, "nothing to count" if share is None else f"{share['percent']} %"))
    say(f"Practice figures from {data['from']} to {data['to']}")
    print_table(["Figure", "Value"], [[a, b] for a, b in lines], right={1}, header=False)
