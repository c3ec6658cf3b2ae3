"""Sessions as an iCalendar file, read back with the icalendar package."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
from sqlalchemy import select

from practice.cli.main import main as cli
from practice.db import Database
from practice.models import Attendance, Client, Session
from practice.transfer.calendar import calendar_text
from practice.zone import named_zone

LONDON = named_zone("Europe/London")


def sessions_between(db: Database, first: date, last: date) -> list[Session]:
    with db.transaction() as s:
        rows = s.scalars(select(Session).order_by(Session.starts_at)).all()
    return [r for r in rows if first <= LONDON.day(r.starts_at) <= last]


def events(text: str) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


def test_one_event_per_session_in_the_range_at_the_right_time(sample: Database) -> None:
    with sample.transaction() as s:
        days = [LONDON.day(t) for t in s.scalars(select(Session.starts_at))]
    first, last = min(days) + timedelta(days=30), max(days) - timedelta(days=10)
    text, count = calendar_text(sample, start=first, end=last, zone=LONDON)
    expected = sessions_between(sample, first, last)
    found = events(text)
    assert count == len(found) == len(expected) > 5
    by_uid = {str(e["UID"]): e for e in found}
    assert len(by_uid) == len(found)
    for session in expected:
        event = next(e for uid, e in by_uid.items() if uid.startswith(f"session-{session.id}-"))
        start = event["DTSTART"].dt
        assert start.tzinfo is not None and start.astimezone(UTC) == session.starts_at
        assert event["DTEND"].dt - start == timedelta(minutes=session.duration_minutes)
        cancelled = session.attendance in (Attendance.CANCELLED_EARLY, Attendance.CANCELLED_LATE)
        assert str(event["STATUS"]) == ("CANCELLED" if cancelled else "CONFIRMED")
    calendar = icalendar.Calendar.from_ical(text)
    zones = list(calendar.walk("VTIMEZONE"))
    assert [str(z["TZID"]) for z in zones] == ["Europe/London"]


def test_uids_are_stable_so_a_new_file_updates_the_events(sample: Database) -> None:
    one, _ = calendar_text(sample, zone=LONDON)
    two, _ = calendar_text(sample, zone=LONDON, names="none")
    assert [str(e["UID"]) for e in events(one)] == [str(e["UID"]) for e in events(two)]


def test_no_names_and_initials_leave_the_client_name_out(sample: Database) -> None:
    with sample.transaction() as s:
        clients = s.scalars(select(Client)).all()
    full, _ = calendar_text(sample, zone=LONDON)
    assert any(c.last_name in full for c in clients if c.last_name)
    for style in ("none", "initials"):
        text, _ = calendar_text(sample, zone=LONDON, names=style)
        unfolded = text.replace("\r\n ", "")
        for client in clients:
            for name in (client.first_name, client.last_name, client.preferred_name):
                if len(name) > 2:
                    assert name not in unfolded, (style, name)
        summaries = {str(e["SUMMARY"]) for e in events(text)}
        if style == "none":
            assert summaries <= {"Session", "Support call", "Review"}
        else:
            assert all(" · " in s_ for s_ in summaries)


def test_kind_mode_and_length_are_in_every_event(sample: Database) -> None:
    text, _ = calendar_text(sample, zone=LONDON, names="none")
    for event in events(text):
        description = str(event["DESCRIPTION"])
        assert "minutes" in description and "·" in description


def test_long_lines_are_folded_and_text_escaped(db: Database) -> None:
    from practice.services.clients import create_client
    from practice.services.sessions import plan_session

    client = create_client(db, first_name="Ana, María;", last_name="Ødegård-Łukasiewicz " * 4)
    plan_session(
        db,
        client_id=client.id,
        starts_at=datetime(2030, 7, 1, 9, 0, tzinfo=UTC),
        duration_minutes=45,
        kind="session",
        mode="video",
    )
    text, count = calendar_text(db, zone=LONDON)
    assert count == 1
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    event = events(text)[0]
    assert str(event["SUMMARY"]).startswith("Session with Ana, María; Ødegård")
    assert event["DTSTART"].dt.hour == 10  # 09:00 UTC is 10:00 in London in July


def test_cli_calendar(sample: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sample.close()
    out = tmp_path / "sessions.ics"
    args = ["--database", str(sample.path), "calendar", "--output", str(out)]
    assert cli([*args, "--no-names", "--from", "2000-01-01"]) == 0
    assert events(out.read_text(encoding="utf-8"))
    assert cli(args) == 1  # the file is there: not replaced unasked
    assert "already exists" in capsys.readouterr().err
    assert cli([*args, "--from", "2020-02-30"]) == 1
    assert "real date" in capsys.readouterr().err


def _plan(db: Database, starts_at: datetime) -> int:
    from practice.services.clients import create_client
    from practice.services.sessions import plan_session

    client = create_client(db, first_name="Ana", last_name="Lima")
    return plan_session(
        db,
        client_id=client.id,
        starts_at=starts_at,
        duration_minutes=60,
        kind="session",
        mode="video",
    ).id


def test_a_session_in_the_repeated_autumn_hour_keeps_its_moment(db: Database) -> None:
    # 25 Oct 2026: London's clocks go back at 02:00 BST, so 01:30 happens twice. The
    # second 01:30 (GMT) is 01:30 UTC; written as a London wall time it would be read as
    # the first (00:30 UTC), an hour early.
    first = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    second = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    _plan(db, first)
    _plan(db, second)
    text, count = calendar_text(db, zone=LONDON)
    assert count == 2
    starts = sorted(e["DTSTART"].dt.astimezone(UTC) for e in events(text))
    assert starts == [first, second]
    assert "DTSTART;TZID=Europe/London:20261025T013000" in text  # the first one
    assert "DTSTART:20261025T013000Z" in text  # the second, in UTC


def test_a_changed_session_carries_a_higher_sequence(db: Database) -> None:
    from practice.services.sessions import update_session

    ident = _plan(db, datetime(2030, 7, 1, 9, 0, tzinfo=UTC))
    before = int(events(calendar_text(db, zone=LONDON)[0])[0]["SEQUENCE"])
    with db.transaction() as s:  # made a while ago (the clock is not read)
        meeting = s.get(Session, ident)
        assert meeting is not None
        meeting.created_at -= timedelta(hours=1)
        meeting.updated_at -= timedelta(hours=1)
    update_session(db, ident, starts_at=datetime(2030, 7, 2, 9, 0, tzinfo=UTC))
    after = int(events(calendar_text(db, zone=LONDON)[0])[0]["SEQUENCE"])
    assert after > before


def test_no_sessions_no_file(db: Database, tmp_path: Path) -> None:
    from practice.errors import PracticeError
    from practice.transfer.calendar import export_calendar

    _plan(db, datetime(2030, 7, 1, 9, 0, tzinfo=UTC))
    out = tmp_path / "none.ics"
    with pytest.raises(PracticeError, match="no sessions from 2031-01-01 to the last"):
        export_calendar(db, out, start=date(2031, 1, 1))
    assert not out.exists()
