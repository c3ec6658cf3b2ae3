"""How the app writes durations, money, dates and times for people.

One place, so every page says "1 h 15 min" and "£1,200.00" the same way. Money is
formatted by :func:`practice.money.format_money` with the practice's locale; dates and
times are shown in the computer's local time zone.
"""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date, format_time

from practice.money import format_money
from practice.timeutil import to_local

DEFAULT_LOCALE = "en_GB"


def duration(minutes: int | None) -> str:
    """Whole minutes for people: ``45 min``, ``1 h``, ``1 h 15 min``, ``0 min``."""
    if minutes is None:
        return "—"
    sign = "−" if minutes < 0 else ""
    hours, rest = divmod(abs(int(minutes)), 60)
    if hours and rest:
        return f"{sign}{hours} h {rest} min"
    if hours:
        return f"{sign}{hours} h"
    return f"{sign}{rest} min"


def sessions_used(used: int, planned: int, missed: int) -> str:
    """Sessions counted the one way everywhere: ``7 of 10 used (5 attended, 2 missed)``.

    Used = attended + missed (a late cancellation or a no-show uses a session)."""
    return f"{used} of {planned} used ({used - missed} attended, {missed} missed)"


def money(amount: int | None, currency: str, locale: str = DEFAULT_LOCALE) -> str:
    """Minor units for people by the practice locale; ``—`` when there is no amount."""
    if amount is None:
        return "—"
    return format_money(amount, currency, locale)


def rate(amount_per_hour: int | None, currency: str, locale: str = DEFAULT_LOCALE) -> str:
    """An hourly rate in minor units per hour: ``£79.56/h``; ``—`` when there is none."""
    if amount_per_hour is None:
        return "—"
    return f"{format_money(amount_per_hour, currency, locale)}/h"


def day(value: date | None, locale: str = DEFAULT_LOCALE) -> str:
    """A date such as ``3 Mar 2026``."""
    if value is None:
        return "—"
    return str(format_date(value, "medium", locale=locale))


def long_day(value: date, locale: str = DEFAULT_LOCALE) -> str:
    """A date with its weekday, such as ``Tuesday 3 March 2026``."""
    return str(format_date(value, "EEEE d MMMM y", locale=locale))


def weekday_short(value: date, locale: str = DEFAULT_LOCALE) -> str:
    """``Tue 3 Mar``."""
    return str(format_date(value, "EEE d MMM", locale=locale))


def time_of(moment: datetime, locale: str = DEFAULT_LOCALE) -> str:
    """The local clock time of an instant: ``14:30`` (or ``2:30 pm`` by locale)."""
    return str(format_time(to_local(moment), "short", locale=locale))


def day_and_time(moment: datetime | None, locale: str = DEFAULT_LOCALE) -> str:
    """An instant in local time: ``Tue 3 Mar 2026, 14:30``."""
    if moment is None:
        return "—"
    local = to_local(moment)
    when = format_date(local.date(), "EEE d MMM y", locale=locale)
    return f"{when}, {time_of(local, locale)}"


def elapsed(seconds: int) -> str:
    """A running timer: ``0:07:05``."""
    seconds = max(0, int(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}"
