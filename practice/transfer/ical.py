"""The pieces of an iCalendar file (RFC 5545): text escaping, line folding, times, and
a VTIMEZONE worked out from the IANA time zone data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo

MAX_OCTETS = 75


def escape(value: str) -> str:
    """TEXT as RFC 5545 §3.3.11 writes it."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """One content line, folded at 75 octets without splitting a character (§3.1)."""
    parts: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = MAX_OCTETS if not parts else MAX_OCTETS - 1
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def utc_stamp(instant: datetime) -> str:
    return instant.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def local_stamp(wall: datetime) -> str:
    return wall.strftime("%Y%m%dT%H%M%S")


def offset_text(offset: timedelta) -> str:
    seconds = int(offset.total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{seconds:02d}" if seconds else "")


def _offset(zone: tzinfo, instant: datetime) -> timedelta:
    offset = instant.astimezone(zone).utcoffset()
    return offset if offset is not None else timedelta(0)


def vtimezone(name: str, zone: tzinfo, first_year: int, last_year: int) -> list[str]:
    """A VTIMEZONE for ``name`` covering ``first_year`` to ``last_year``: one STANDARD or
    DAYLIGHT part from the start of the range and one at every change of offset in it."""
    start = datetime(first_year, 1, 1, tzinfo=UTC)
    end = datetime(last_year + 1, 1, 1, tzinfo=UTC)
    offset = _offset(zone, start)
    first = start.astimezone(zone)
    parts = [(start.replace(tzinfo=None) + offset, offset, offset, first)]
    moment = start
    while moment < end:
        following = moment + timedelta(days=1)
        if _offset(zone, following) != offset:
            low, high = moment, following
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                if _offset(zone, middle) == offset:
                    low = middle
                else:
                    high = middle
            new = high.astimezone(zone)
            new_offset = _offset(zone, high)
            parts.append((high.replace(tzinfo=None) + offset, offset, new_offset, new))
            offset = new_offset
        moment = following
    lines = ["BEGIN:VTIMEZONE", f"TZID:{name}"]
    for wall, before, after, local in parts:
        kind = "DAYLIGHT" if local.dst() else "STANDARD"
        lines += [
            f"BEGIN:{kind}",
            f"DTSTART:{local_stamp(wall)}",
            f"TZOFFSETFROM:{offset_text(before)}",
            f"TZOFFSETTO:{offset_text(after)}",
        ]
        if local.tzname():
            lines.append(f"TZNAME:{escape(local.tzname() or '')}")
        lines.append(f"END:{kind}")
    lines.append("END:VTIMEZONE")
    return lines
