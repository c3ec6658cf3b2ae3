"""Cells of a spreadsheet row turned into a client's fields: names split, dates read in
the order the file writes them, statuses recognised. What cannot be read is refused
with the reason; every other rule is the clients service's own
(:func:`practice.services.clients.validated_client`)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date
from enum import StrEnum
from typing import Any

from practice.models import ClientStatus
from practice.services.validation import fold
from practice.timeutil import MONTH_NAMES
from practice.timeutil import today as real_today
from practice.transfer.spreadsheet.columns import JOINED, ImportField
from practice.transfer.spreadsheet.reading import Cell


class DateOrder(StrEnum):
    DMY = "dmy"
    MDY = "mdy"
    YMD = "ymd"

    @property
    def label(self) -> str:
        return {
            DateOrder.DMY: "day/month/year (31/12/1980)",
            DateOrder.MDY: "month/day/year (12/31/1980)",
            DateOrder.YMD: "year-month-day (1980-12-31)",
        }[self]


class RowProblem(ValueError):
    """A cell that cannot be read; the message is the reason shown for the row."""


MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january", "janv", "janvier", "januar", "enero"),
            ("feb", "february", "fev", "fevrier", "februar", "febrero"),
            ("mar", "march", "mars", "marz", "marzo"),
            ("apr", "april", "avr", "avril", "abril"),
            ("may", "mai", "mayo"),
            ("jun", "june", "juin", "juni", "junio"),
            ("jul", "july", "juil", "juillet", "juli", "julio"),
            ("aug", "august", "aout", "agosto"),
            ("sep", "sept", "september", "septembre", "septiembre"),
            ("oct", "october", "octobre", "oktober", "octubre"),
            ("nov", "november", "novembre", "noviembre"),
            ("dec", "december", "decembre", "dezember", "diciembre"),
        ),
        1,
    )
    for name in names
}

STATUS_WORDS: dict[str, ClientStatus] = {
    **dict.fromkeys(
        ("active", "current", "ongoing", "in treatment", "yes", "true", "open"), ClientStatus.ACTIVE
    ),
    **dict.fromkeys(
        (
            "inactive",
            "discharged",
            "former",
            "closed",
            "completed",
            "complete",
            "finished",
            "ended",
            "past",
            "no",
            "false",
        ),
        ClientStatus.COMPLETED,
    ),
    **dict.fromkeys(("archived", "archive", "deleted"), ClientStatus.ARCHIVED),
    **dict.fromkeys(
        (
            "enquiry",
            "inquiry",
            "prospect",
            "prospective",
            "lead",
            "potential",
            "new",
            "pending",
            "waitlist",
            "waiting list",
            "waiting",
        ),
        ClientStatus.ENQUIRY,
    ),
    **dict.fromkeys(("paused", "on hold", "hold", "on a break", "break"), ClientStatus.PAUSED),
}

_NUMERIC = re.compile(r"(\d{1,4})[./\-\s](\d{1,2})[./\-\s](\d{1,4})")
_WORDY = re.compile(r"([a-z]+)")


def _year(text: str) -> int:
    year = int(text)
    if len(text) <= 2:  # 80 -> 1980, 05 -> 2005 (a birth year is not in the future)
        this = real_today().year % 100
        year += 2000 if year <= this else 1900
    return year


def _make(year: int, month: int, day: int, shown: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise RowProblem(f"“{shown}” is not a real date") from None


def parse_date(cell: Cell, order: DateOrder) -> date | None:
    """A date from a cell: ISO, numbers in ``order``, or with a month name."""
    if isinstance(cell, date):
        return cell
    text = cell.strip()
    if not text:
        return None
    if re.fullmatch(r"\d{8}", text):
        return _make(int(text[:4]), int(text[4:6]), int(text[6:]), text)
    text_part = text.split("T")[0].split(" 00:00")[0]
    numeric = _NUMERIC.fullmatch(text_part)
    if numeric:
        a, b, c = numeric.groups()
        if len(a) == 4:
            return _make(int(a), int(b), int(c), text)
        if order is DateOrder.MDY:
            return _make(_year(c), int(a), int(b), text)
        if order is DateOrder.YMD:
            return _make(_year(a), int(b), int(c), text)
        return _make(_year(c), int(b), int(a), text)
    words = re.sub(r"[,.]", " ", fold(text)).split()
    month = next((MONTHS[w] for w in words if w in MONTHS), None)
    numbers = [w.rstrip("stndrh") for w in words if re.fullmatch(r"\d{1,4}(st|nd|rd|th)?", w)]
    if month is not None and len(numbers) == 2:
        day, year = (
            (numbers[0], numbers[1])
            if len(numbers[1]) > 2 or int(numbers[0]) <= 31
            else (numbers[1], numbers[0])
        )
        return _make(_year(year), month, int(day), text)
    raise RowProblem(f"“{text}” is not a date")


def _day_month_pairs(cells: Sequence[Cell]) -> Iterator[tuple[str, int, int]]:
    """Each numeric date written without its year first (“03/04/1980”), with its first
    two numbers: the ones whose order is in question."""
    for cell in cells:
        if isinstance(cell, date):
            continue
        match = _NUMERIC.fullmatch(cell.strip().split("T")[0])
        if match and len(match.group(1)) != 4:
            yield cell, int(match.group(1)), int(match.group(2))


def guess_date_order(cells: Sequence[Cell], default: DateOrder) -> DateOrder:
    """The order numeric dates are written in: a first number over 12 says day first, a
    second over 12 says month first; otherwise ``default`` (from the practice's locale)."""
    day_first = month_first = False
    for _cell, first, second in _day_month_pairs(cells):
        day_first |= first > 12
        month_first |= second > 12
    if day_first and not month_first:
        return DateOrder.DMY
    if month_first and not day_first:
        return DateOrder.MDY
    return default


def undecided_date(cells: Sequence[Cell]) -> str | None:
    """A date of the file that reads as two different days depending on the order
    (“03/04/1980”), when no date of the file settles the order; None when every date is
    plain or one of them shows the order (a first or second number over 12)."""
    example = None
    for cell, first, second in _day_month_pairs(cells):
        if first > 12 or second > 12:
            return None
        if example is None and first != second:
            example = cell.strip()
    return example


def default_date_order(locale: str) -> DateOrder:
    territory = locale.replace("-", "_").split("_")[-1].upper()
    return DateOrder.MDY if territory in {"US", "PH", "FM", "MH", "PW"} else DateOrder.DMY


def parse_status(cell: str, default: ClientStatus) -> ClientStatus:
    text = " ".join(fold(cell).replace("_", " ").split())
    if not text:
        return default
    if text in STATUS_WORDS:
        return STATUS_WORDS[text]
    raise RowProblem(
        f"Status “{cell.strip()}” is not one this import knows (active, inactive, "
        "prospective, paused, archived…); change it or leave it empty"
    )


def split_full_name(text: str) -> tuple[str, str]:
    """“Ana María Lima” → (“Ana María”, “Lima”); “Lima, Ana” → (“Ana”, “Lima”)."""
    text = " ".join(text.split())
    if "," in text:
        last, _comma, first = text.partition(",")
        return first.strip(), last.strip()
    first, _space, last = text.rpartition(" ")
    return (first, last) if first else (last, "")


def _lines(text: str) -> str:
    """Line breaks as ``\n`` whatever the file used."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


#: Google Contacts puts several values in one cell, separated by this.
GOOGLE_SEPARATOR = " ::: "
#: A birthday without its year, as Google Contacts writes it (``--05-17``).
_NO_YEAR = re.compile(r"--(\d{2})-?(\d{2})")
#: Fields whose extra values (a second email, a second phone…) are kept in the notes.
_ONE_VALUE = (
    ImportField.EMAIL,
    ImportField.PHONE,
    ImportField.PRONOUNS,
    ImportField.SOURCE,
    ImportField.EMERGENCY_CONTACT_NAME,
    ImportField.EMERGENCY_CONTACT_PHONE,
)


def _birthday_without_year(cell: Cell) -> str | None:
    """“17 May” for Google's ``--05-17`` (a birthday whose year was never given)."""
    if isinstance(cell, date):
        return None
    match = _NO_YEAR.fullmatch(cell.strip())
    if not match:
        return None
    month, day = int(match.group(1)), int(match.group(2))
    try:
        date(2000, month, day)  # a leap year: 29 February is a real birthday
    except ValueError:
        raise RowProblem(f"Date of birth: “{cell.strip()}” is not a real date") from None
    return f"{day} {MONTH_NAMES[month - 1]}"


def client_values(
    cells: Sequence[Cell],
    mapping: Sequence[ImportField],
    *,
    date_order: DateOrder,
    default_status: ClientStatus,
) -> dict[str, Any]:
    """The client fields of one row (not yet checked by the clients service).

    Nothing in a mapped column is dropped: a value that has no field of its own (a second
    email or phone, a birthday without a year) is added to the client's notes.
    """
    gathered: dict[ImportField, list[Cell]] = {}
    for index, field in enumerate(mapping):
        if field is ImportField.IGNORE or index >= len(cells):
            continue
        cell = cells[index]
        if isinstance(cell, str) and field in _ONE_VALUE:
            values: list[Cell] = [v for v in cell.split(GOOGLE_SEPARATOR) if v.strip()]
        else:
            values = [cell] if isinstance(cell, date) or cell.strip() else []
        gathered.setdefault(field, []).extend(values)

    def texts(field: ImportField) -> list[str]:
        return [
            _lines(c).strip() if isinstance(c, str) else c.isoformat()
            for c in gathered.get(field, [])
        ]

    def text(field: ImportField) -> str:
        found = texts(field)
        if field in JOINED:
            return JOINED[field].join(found)
        return found[0] if found else ""

    also: list[str] = []
    for field in _ONE_VALUE:
        seen = {fold(v) for v in texts(field)[:1]}
        for extra in texts(field)[1:]:
            if fold(extra) not in seen:
                seen.add(fold(extra))
                also.append(f"{field.label}: {extra}")

    first, last = text(ImportField.FIRST_NAME), text(ImportField.LAST_NAME)
    full = text(ImportField.FULL_NAME)
    if full and not first and not last:
        first, last = split_full_name(full)
    preferred = text(ImportField.PREFERRED_NAME)
    if not first and preferred:
        first = preferred
    if not first and not last:
        raise RowProblem("No name: the name columns are empty")
    middle = " ".join(texts(ImportField.MIDDLE_NAME))
    if middle:
        first = f"{first} {middle}".strip()
    if not first:  # the service requires a first name; a surname alone is kept as it is
        first, last = last, ""
    born = gathered.get(ImportField.DATE_OF_BIRTH, [])
    date_of_birth = None
    if born:
        birthday = _birthday_without_year(born[0])
        if birthday is not None:
            also.append(f"Birthday: {birthday} (no year given)")
        else:
            try:
                date_of_birth = parse_date(born[0], date_order)
            except RowProblem as problem:
                raise RowProblem(f"Date of birth: {problem}") from None
    status_cells = gathered.get(ImportField.STATUS, [])
    status = default_status
    if status_cells and isinstance(status_cells[0], str):
        status = parse_status(status_cells[0], default_status)
    notes = text(ImportField.NOTES)
    if also:
        notes = "\n".join(filter(None, [notes, "Also in the imported file:", *also]))
    return {
        "first_name": first,
        "last_name": last,
        "preferred_name": preferred if preferred != first else "",
        "pronouns": text(ImportField.PRONOUNS),
        "email": text(ImportField.EMAIL),
        "phone": text(ImportField.PHONE),
        "date_of_birth": date_of_birth,
        "address": text(ImportField.ADDRESS),
        "notes": notes,
        "status": status,
        "source": text(ImportField.SOURCE),
        "emergency_contact_name": text(ImportField.EMERGENCY_CONTACT_NAME),
        "emergency_contact_phone": text(ImportField.EMERGENCY_CONTACT_PHONE),
    }
