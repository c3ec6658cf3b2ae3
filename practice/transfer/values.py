"""Column values to and from plain JSON, decided by each column's SQLAlchemy type.

Instants are ISO 8601 in UTC with a ``Z`` (``2026-03-02T10:00:00Z``, microseconds when
there are any), dates ``YYYY-MM-DD``, closed sets their stored value, binary data base64,
JSON columns as they are; every other value (integers, including money in minor units,
text, yes/no) as itself. Reading back checks the type of every value, so a file cannot
put text into a number column.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, Enum, Integer, LargeBinary, String

from practice.models.base import UTCDateTime
from practice.services.validation import FIRST_DAY, LARGEST_INTEGER, LAST_DAY


class BadValue(ValueError):
    """A value from a file that does not fit its column; the message says why."""


#: Columns the app works out from others (folded names for search and sorting): kept as
#: they are, whatever their length.
DERIVED = frozenset({"search_text", "sort_name"})
_SURROGATE = re.compile("[\ud800-\udfff]")


def _in_range(day: date, shown: str) -> date:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise BadValue(
            f"“{shown}” is outside the years {FIRST_DAY.year}–{LAST_DAY.year} this app keeps"
        )
    return day


def _instant(value: Any) -> str:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat() + "Z"


def _day(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else date.fromisoformat(value).isoformat()


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str | bytes) else value


def _binary(value: Any) -> str:
    return base64.b64encode(bytes(value)).decode("ascii")


def _same(value: Any) -> Any:
    return value


def stored_to_plain(column: Column[Any]) -> Callable[[Any], Any]:
    """For ``column``, a function from the value as the database driver returns it
    (before SQLAlchemy's types see it: SQLite gives instants as text) to its JSON form
    as the module text describes. Reading rows raw this way, rather than through the
    models' types, makes exporting a large practice about twice as quick."""
    kind = column.type
    convert: Callable[[Any], Any]
    if isinstance(kind, UTCDateTime):
        convert = _instant
    elif isinstance(kind, Date):
        convert = _day
    elif isinstance(kind, Boolean):
        convert = bool
    elif isinstance(kind, JSON):
        convert = _json
    elif isinstance(kind, LargeBinary):
        convert = _binary
    else:  # whole numbers, text and closed sets are stored as they are written
        return _same

    def plain(value: Any) -> Any:
        return None if value is None else convert(value)

    return plain


def from_plain(column: Column[Any], value: Any) -> Any:
    """The Python value of a JSON ``value`` for ``column``, or :class:`BadValue`."""
    if value is None:
        if not column.nullable:
            raise BadValue("cannot be empty")
        return None
    kind = column.type
    if isinstance(kind, UTCDateTime):
        if not isinstance(value, str) or not value.endswith("Z"):
            raise BadValue("must be an instant written like 2026-03-02T10:00:00Z")
        try:
            instant = datetime.fromisoformat(value[:-1]).replace(tzinfo=UTC)
        except ValueError:
            raise BadValue(f"“{value}” is not an instant") from None
        _in_range(instant.date(), value)
        return instant
    if isinstance(kind, Date):
        try:
            day = date.fromisoformat(value)
        except (TypeError, ValueError):
            raise BadValue(f"“{value}” is not a date written YYYY-MM-DD") from None
        return _in_range(day, value)
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise BadValue("must be true or false")
        return value
    if isinstance(kind, Enum):
        if value not in kind.enums:
            raise BadValue(f"“{value}” is not one of: {', '.join(kind.enums)}")
        enum_class = kind.enum_class
        return enum_class(value) if enum_class is not None else value
    if isinstance(kind, Integer):
        if isinstance(value, bool) or not isinstance(value, int):
            raise BadValue("must be a whole number")
        if abs(value) > LARGEST_INTEGER:
            raise BadValue(f"{value} is too large a number")
        return value
    if isinstance(kind, String):
        if not isinstance(value, str):
            raise BadValue("must be text")
        if _SURROGATE.search(value):
            raise BadValue("holds a broken character (half of a UTF-16 pair)")
        if "\x00" in value:
            raise BadValue("holds a NUL character")
        if kind.length is not None and len(value) > kind.length and column.name not in DERIVED:
            raise BadValue(f"is too long ({len(value):,} characters; at most {kind.length:,})")
        return value
    if isinstance(kind, LargeBinary):
        try:
            return base64.b64decode(value, validate=True)
        except (TypeError, ValueError, binascii.Error):
            raise BadValue("must be base64 data") from None
    if isinstance(kind, JSON):
        return value
    raise BadValue(f"has a type this format does not know ({kind})")  # pragma: no cover
