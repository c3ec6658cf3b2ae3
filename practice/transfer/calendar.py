"""Sessions, planned and past, as an iCalendar file (RFC 5545) for any calendar app.

Each session is one event whose UID is the session's id plus a key of this practice,
so importing a newer file updates the events instead of adding copies. Times are written
in the practice's time zone with its VTIMEZONE (or in UTC when the computer does not
name its zone). The event says the kind, the mode and the length; a cancelled session
is marked cancelled. For a calendar that syncs to a phone the client's name can be left
out: initials only, or no name at all. Notes are never written to a calendar.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select

from practice import __version__
from practice.db import Database
from practice.errors import PracticeError, ValidationError
from practice.models import Attendance, Client, Enrolment, PracticeProfile, Session, label
from practice.services import audit
from practice.transfer.files import write_private_bytes
from practice.transfer.ical import escape, fold, local_stamp, utc_stamp, vtimezone
from practice.zone import PracticeZone, practice_zone

CANCELLED = {Attendance.CANCELLED_EARLY, Attendance.CANCELLED_LATE}


class NameStyle(StrEnum):
    FULL = "full"
    INITIALS = "initials"
    NONE = "none"


@dataclass(frozen=True)
class CalendarSummary:
    path: Path
    events: int


def practice_key(profile: PracticeProfile) -> str:
    """Ten hex digits that stay the same for this practice (and in its JSON export)."""
    made = profile.created_at.astimezone(UTC).isoformat()
    return hashlib.sha256(made.encode()).hexdigest()[:10]


def initials(first: str, last: str) -> str:
    return " ".join(f"{part[0].upper()}." for part in (first, last) if part)


def _title(kind: str, first: str, last: str, names: NameStyle) -> str:
    if names is NameStyle.FULL:
        return f"{kind} with {f'{first} {last}'.strip()}"
    if names is NameStyle.INITIALS:
        return f"{kind} · {initials(first, last)}"
    return kind


def _bounds(
    start: date | None, end: date | None, zone: PracticeZone
) -> tuple[datetime | None, datetime | None]:
    if start is not None and end is not None and end < start:
        raise ValidationError("to", "cannot be before the first day.")

    def midnight(day: date) -> datetime:
        return datetime.combine(day, time(), tzinfo=zone.tz).astimezone(UTC)

    return (
        midnight(start) if start is not None else None,
        midnight(end + timedelta(days=1)) if end is not None else None,
    )


def sequence(created: datetime, updated: datetime) -> int:
    """The event's revision (RFC 5545 SEQUENCE): seconds from the session's creation to
    its last change, so a moved or cancelled session always carries a higher number than
    the file imported before, and calendar apps take the change instead of keeping the
    old time."""
    return max(0, int((updated - created).total_seconds()))


def _when(name: str, instant: datetime, zone: PracticeZone) -> str:
    """``DTSTART;TZID=Europe/London:20261025T013000``, or in UTC when the practice's zone
    is unknown or the local time is one a clock change makes ambiguous (the repeated hour
    in autumn), which a calendar would read as the first of the two."""
    if zone.name is not None:
        local = zone.local(instant)
        # The wall time as a calendar reads it: the first of two, if there are two.
        if local.replace(fold=0).astimezone(UTC) == instant:
            return f"{name};TZID={zone.name}:{local_stamp(local)}"
    return f"{name}:{utc_stamp(instant)}"


def calendar_text(
    db: Database,
    *,
    start: date | None = None,
    end: date | None = None,
    names: NameStyle | str = NameStyle.FULL,
    zone: PracticeZone | None = None,
) -> tuple[str, int]:
    """The .ics text of every session from ``start`` to ``end`` (days in the practice's
    zone, both included; open-ended when None) and the number of events."""
    try:
        style = NameStyle(names)
    except ValueError:
        raise ValidationError("names", "must be full, initials or none.") from None
    zone = zone or practice_zone(db)
    first, last = _bounds(start, end, zone)
    query = (
        select(
            Session,
            Client.first_name,
            Client.preferred_name,
            Client.last_name,
            Enrolment.programme_name,
        )
        .join(Client, Client.id == Session.client_id)
        .outerjoin(Enrolment, Enrolment.id == Session.enrolment_id)
        .order_by(Session.starts_at, Session.id)
    )
    if first is not None:
        query = query.where(Session.starts_at >= first)
    if last is not None:
        query = query.where(Session.starts_at < last)
    with db.transaction() as s:
        profile = s.get(PracticeProfile, 1)
        assert profile is not None
        key = practice_key(profile)
        calendar_name = profile.business_name or profile.practitioner_name or "Practice"
        rows = list(s.execute(query))
    events: list[str] = []
    years: set[int] = set()
    for meeting, first_name, preferred, last_name, programme in rows:
        ends_at = meeting.starts_at + timedelta(minutes=meeting.duration_minutes)
        kind, mode = label(meeting.kind), label(meeting.mode)
        details = [f"{kind} · {mode} · {meeting.duration_minutes} minutes"]
        if programme:
            details.append(f"Programme: {programme}")
        details.append(f"Attendance: {label(meeting.attendance)}")
        when = [_when("DTSTART", meeting.starts_at, zone), _when("DTEND", ends_at, zone)]
        if zone.name is not None:
            years.update((zone.local(meeting.starts_at).year, zone.local(ends_at).year))
        events += [
            "BEGIN:VEVENT",
            f"UID:session-{meeting.id}-{key}@practice-manager",
            f"DTSTAMP:{utc_stamp(meeting.updated_at)}",
            f"LAST-MODIFIED:{utc_stamp(meeting.updated_at)}",
            f"SEQUENCE:{sequence(meeting.created_at, meeting.updated_at)}",
            *when,
            f"SUMMARY:{escape(_title(kind, preferred or first_name, last_name, style))}",
            f"DESCRIPTION:{escape(chr(10).join(details))}",
            f"CATEGORIES:{escape(kind)},{escape(mode)}",
            f"STATUS:{'CANCELLED' if meeting.attendance in CANCELLED else 'CONFIRMED'}",
            "TRANSP:OPAQUE",
            "END:VEVENT",
        ]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Practice Manager//Practice Manager {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(calendar_name + ' sessions')}",
    ]
    if zone.name is not None:
        lines.append(f"X-WR-TIMEZONE:{zone.name}")
        if years:
            lines += vtimezone(zone.name, zone.tz, min(years) - 1, max(years) + 1)
    lines += events
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines), len(rows)


def export_calendar(
    db: Database,
    output: Path,
    *,
    start: date | None = None,
    end: date | None = None,
    names: NameStyle | str = NameStyle.FULL,
    replace: bool = False,
    zone: PracticeZone | None = None,
) -> CalendarSummary:
    """Write the sessions' calendar to ``output`` (owner-only); the export is audited."""
    content, count = calendar_text(db, start=start, end=end, names=names, zone=zone)
    if count == 0:
        span = (
            ""
            if start is None and end is None
            else f" from {start or 'the first'} to {end or 'the last'}"
        )
        raise PracticeError(
            f"There are no sessions{span} to put in a calendar, so no file was written."
        )
    path = write_private_bytes(output, content.encode("utf-8"), replace=replace)
    style = NameStyle(names)
    span = f"{start or 'first'} to {end or 'last'}"
    with db.transaction() as s:
        audit.record(s, "export", "calendar", None, f"{count} sessions, {span}, names: {style}")
    return CalendarSummary(path, count)
