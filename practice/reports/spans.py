"""The days a chart's bar or a table's row covers, said short (no reportlab here: the
Reports page draws its charts without loading the PDF machinery)."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date


def span_text(start: date, end: date, locale: str) -> str:
    """A bar's days, short: ``4 Feb``, ``2–8 Feb``, ``26 Jan – 1 Feb``, ``Feb 2026``."""
    if start == end:
        return str(format_date(start, "d MMM", locale=locale))
    following = date(end.year + end.month // 12, end.month % 12 + 1, 1)
    if start.day == 1 and start.month == end.month and (following - end).days == 1:
        return str(format_date(start, "MMM y", locale=locale))
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{format_date(end, 'd MMM', locale=locale)}"
    first = format_date(start, "d MMM", locale=locale)
    return f"{first} – {format_date(end, 'd MMM', locale=locale)}"
