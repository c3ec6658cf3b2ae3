"""Instants are stored in UTC and shown in local time; dates without times are dates.

"Local" is the zone the practice works in once one is in use (:func:`use_zone`, set by
the app and the command line from the practice's profile: see :mod:`practice.zone`),
else this computer's. Services that count days take the practice's zone from the
database instead (``practice.economics.source.practice_tz``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, tzinfo

_zone: tzinfo | None = None


def use_zone(zone: tzinfo | None) -> None:
    """Show instants and count today in ``zone`` from now on (``None``: this computer's)."""
    global _zone
    _zone = zone


def zone_in_use() -> tzinfo | None:
    return _zone


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """An aware UTC datetime; a naive one is taken to be local time (the zone in use)."""
    if moment.tzinfo is None:
        moment = local_moment(moment)
    return moment.astimezone(UTC)


def to_local(moment: datetime) -> datetime:
    """``moment`` in the zone in use (an aware datetime)."""
    return as_utc(moment).astimezone(_zone)


def local_moment(wall: datetime) -> datetime:
    """A wall-clock time typed by a person (naive), as an aware instant in the zone in use."""
    if _zone is None:
        return wall.replace(tzinfo=None).astimezone()
    return wall.replace(tzinfo=_zone)


def local_midnight(day: date) -> datetime:
    """The instant ``day`` begins in the zone in use."""
    return local_moment(datetime.combine(day, time()))


def today() -> date:
    """Today's date in the zone in use."""
    return datetime.now(_zone).date()


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    import calendar

    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


#: Month names in English (the documents' and messages' language), whatever the
#: computer's locale: ``MONTH_NAMES[month - 1]``.
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
