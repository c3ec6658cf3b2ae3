"""Small validators shared by every service. Each returns the cleaned value or raises
:class:`ValidationError` naming the field and the problem in plain words."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TypeVar

from practice.errors import ValidationError
from practice.timeutil import today

E = TypeVar("E", bound=StrEnum)

#: Dates outside this window are almost certainly typing mistakes.
EARLIEST_DATE = date(1900, 1, 1)
#: The days the app keeps anywhere (a file, an option, a form): outside them periods,
#: ages and calendars have no meaning, and far dates overflow the date arithmetic.
FIRST_DAY = EARLIEST_DATE
LAST_DAY = date(2199, 12, 31)
#: The largest whole number the database holds (SQLite's 64-bit integers): ids, money.
LARGEST_INTEGER = 2**63 - 1
LATEST_YEARS_AHEAD = 20

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
BROKEN = (
    "contains a broken character (half of a pair, as some copy and paste leaves); retype that part."
)


def no_broken_characters(value: str, field: str) -> str:
    """``value`` unless it holds a lone surrogate, which no file or database can store."""
    if _SURROGATE.search(value):
        raise ValidationError(field, BROKEN)
    return value


def text(value: str | None, field: str, *, max_length: int, required: bool = False) -> str:
    """Trimmed, NFC-normalised text without control characters, within ``max_length``."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(field, "must be text.")
    no_broken_characters(value, field)
    cleaned = unicodedata.normalize("NFC", value).strip()
    if _CONTROL.search(cleaned):
        raise ValidationError(field, "contains characters that cannot be saved.")
    if required and not cleaned:
        raise ValidationError(field, "is required.")
    if len(cleaned) > max_length:
        raise ValidationError(
            field, f"is too long ({len(cleaned):,} characters; at most {max_length:,})."
        )
    return cleaned


_LINE_BREAK = re.compile("[\r\n\t\v\f\u0085\u2028\u2029]")


def line(value: str | None, field: str, *, max_length: int, required: bool = False) -> str:
    """One-line text (a name, a phone, pronouns, a source): a line break or tab in it,
    as pasting from a document can bring, is refused with the field named, never saved
    as two lines nor joined into one without a word."""
    if isinstance(value, str) and _LINE_BREAK.search(value.strip()):
        raise ValidationError(field, "must be on one line (it contains a line break or tab).")
    return text(value, field, max_length=max_length, required=required)


def email(value: str | None, field: str = "email") -> str:
    cleaned = line(value, field, max_length=254)
    if cleaned and not _EMAIL.match(cleaned):
        raise ValidationError(field, f"“{cleaned}” does not look like an email address.")
    return cleaned


def phone(value: str | None, field: str = "phone") -> str:
    cleaned = line(value, field, max_length=40)
    if cleaned and not re.fullmatch(r"[+\d ().\-/]+( *(ext|x)\.? *\d+)?", cleaned):
        raise ValidationError(field, "may contain only digits, spaces, +, -, ( and ).")
    return cleaned


def whole_number(
    value: int | None,
    field: str,
    *,
    minimum: int = 0,
    maximum: int,
    required: bool = True,
) -> int:
    if value is None:
        if required:
            raise ValidationError(field, "is required.")
        return minimum
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "must be a whole number.")
    if value < minimum:
        raise ValidationError(field, f"must be at least {minimum}.")
    if value > maximum:
        raise ValidationError(field, f"must be at most {maximum:,}.")
    return value


def minutes(value: int | None, field: str, *, allow_zero: bool = False, maximum: int = 1440) -> int:
    return whole_number(value, field, minimum=0 if allow_zero else 1, maximum=maximum)


def a_date(
    value: date | None,
    field: str,
    *,
    required: bool = True,
    not_after: date | None = None,
    not_before: date | None = None,
) -> date | None:
    if value is None:
        if required:
            raise ValidationError(field, "is required.")
        return None
    if not isinstance(value, date):
        raise ValidationError(field, "must be a date.")
    latest = date.today() + timedelta(days=365 * LATEST_YEARS_AHEAD)
    if value < EARLIEST_DATE or value > latest:
        raise ValidationError(field, f"{value.isoformat()} is not a plausible date.")
    if not_after is not None and value > not_after:
        raise ValidationError(field, f"cannot be after {not_after.isoformat()}.")
    if not_before is not None and value < not_before:
        raise ValidationError(field, f"cannot be before {not_before.isoformat()}.")
    return value


def required_date(
    value: date | None,
    field: str,
    *,
    not_after: date | None = None,
    not_before: date | None = None,
) -> date:
    result = a_date(value, field, required=True, not_after=not_after, not_before=not_before)
    assert result is not None
    return result


def past_day(value: object, field: str, *, not_before: date | None = None) -> date:
    """A date (not a datetime) no later than today."""
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValidationError(field, "must be a date.")
    return required_date(value, field, not_before=not_before, not_after=today())


def choice(value: str | E, enum_cls: type[E], field: str) -> E:
    """An enum member from a member or its stored value."""
    try:
        return enum_cls(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum_cls)
        raise ValidationError(field, f"“{value}” is not one of: {allowed}.") from None


def choices(values: Iterable[str | E] | str | E, enum_cls: type[E], field: str) -> list[E]:
    """Enum members from one member or value given bare, or from several."""
    many = [values] if isinstance(values, str) else list(values)
    return [choice(value, enum_cls, field) for value in many]


#: Letters that carry no separable accent in Unicode but that people type without one.
_UNACCENTED = str.maketrans(
    {"ø": "o", "đ": "d", "ł": "l", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"}
)


def fold(value: str) -> str:
    """Lower-case and strip accents, for search and sorting in SQL (“Zoë Ødegård” → “zoe odegard”)."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_UNACCENTED)
