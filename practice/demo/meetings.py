"""Sessions of the sample practice: when they fall, how they went, what was agreed.

Sessions before ``today`` are logged through :func:`practice.services.sessions.log_session`
with a note, new action items and the review of earlier ones; sessions in the next four
weeks of a running enrolment are planned. After a logged session the practitioner
accepts the suggested prep and write-up time most of the time, as in the app; some notes
are corrected afterwards (keeping their history), and older ones are signed, a few with
an addendum.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from practice.db import Database
from practice.demo import texts
from practice.demo.catalogue import ProgrammeSpec
from practice.models import (
    ActionStatus,
    Attendance,
    Session,
    SessionKind,
    SessionMode,
    SupportMode,
    WorkCategory,
)
from practice.services import scheduling, worklog
from practice.services.notes import add_addendum, lock_note, save_note
from practice.services.sessions import ActionReview, NewActionItem, log_session, plan_session

#: How far ahead running enrolments have sessions in the diary.
BOOKED_AHEAD_DAYS = 28
#: An attendance the sample has not shown yet is used by this many sessions at the latest.
SHOW_WITHIN = 4

#: Attendance that uses up one of the programme's sessions.
USED = frozenset({Attendance.ATTENDED, Attendance.CANCELLED_LATE, Attendance.NO_SHOW})


def practice_timezone() -> tzinfo:
    """Sessions are booked in UK local time (UTC where no time zone data is installed)."""
    try:
        return ZoneInfo("Europe/London")
    except ZoneInfoNotFoundError:  # pragma: no cover - only without tzdata
        from datetime import UTC

        return UTC


@dataclass(frozen=True)
class Meeting:
    day: date
    kind: SessionKind


@dataclass
class Diary:
    """What the generator remembers about one client between sessions."""

    client_id: int
    first_name: str
    mode: SessionMode
    #: Action items not yet reviewed: (id, the session day it came from).
    open_items: list[tuple[int, date]] = field(default_factory=list)


@dataclass
class Tally:
    sessions: int = 0
    action_items: int = 0
    work_entries: int = 0


def usual_attendance(rng: random.Random) -> Attendance:
    """How a planned meeting went, as it usually goes: mostly held, now and then
    cancelled (early or late) or missed."""
    return rng.choices(
        [
            Attendance.ATTENDED,
            Attendance.CANCELLED_EARLY,
            Attendance.CANCELLED_LATE,
            Attendance.NO_SHOW,
        ],
        weights=[86, 6, 4, 4],
    )[0]


def schedule(rng: random.Random, programme: ProgrammeSpec, start: date, end: date) -> list[Meeting]:
    """Every session and support call of an enrolment, in date order, on weekdays."""
    unit = programme.length_unit
    days: list[date] = []
    for first, last, count in programme.periods:
        for period in range(first, last + 1):
            begins = scheduling.period_start(start, period, unit)
            ends = min(scheduling.period_start(start, period + 1, unit), end + timedelta(days=1))
            span = (ends - begins).days
            for n in range(count):
                offset = int(span * n / count + rng.uniform(0, span / count * 0.5))
                days.append(_weekday(begins + timedelta(days=offset), start, end))
    meetings = [Meeting(day, SessionKind.SESSION) for day in sorted(days)]
    if len(meetings) >= 6:
        middle = meetings[len(meetings) // 2]
        meetings[len(meetings) // 2] = Meeting(middle.day, SessionKind.REVIEW)
    if programme.support_mode is SupportMode.COUNT:
        calls = rng.randint(0, programme.support_call_count)
    elif programme.support_mode is SupportMode.AS_NEEDED:
        calls = rng.choice([0, 1, 1, 2, 3])
    else:
        calls = 0
    total = (end - start).days
    for _ in range(calls):
        day = _weekday(start + timedelta(days=rng.randint(1, max(1, total - 1))), start, end)
        meetings.append(Meeting(day, SessionKind.SUPPORT_CALL))
    return sorted(meetings, key=lambda m: (m.day, m.kind != SessionKind.SESSION))


def _weekday(day: date, first: date, last: date) -> date:
    """Move a Saturday to Friday and a Sunday to Monday, staying within the enrolment."""
    if day.weekday() == 5:
        day -= timedelta(days=1)
    elif day.weekday() == 6:
        day += timedelta(days=1)
    return min(max(day, first), last)


class SessionWriter:
    """Logs and plans the sessions of one enrolment through the services."""

    def __init__(self, db: Database, rng: random.Random, today: date, tally: Tally) -> None:
        self.db = db
        self.rng = rng
        self.today = today
        self.tally = tally
        self.zone = practice_timezone()
        #: Kinds the sample has not shown yet: each is used at the next chance, so even
        #: a small sample has every attendance, every review outcome and support work.
        self.unshown_attendance = [
            Attendance.NO_SHOW,
            Attendance.CANCELLED_LATE,
            Attendance.CANCELLED_EARLY,
        ]
        #: Sessions logged since an unshown attendance was last used.
        self.since_unshown = 0
        self.unshown_reviews = [ActionStatus.DROPPED, ActionStatus.PARTLY, ActionStatus.DONE]
        self.support_shown = False
        self.shown_edit = False
        self.shown_lock = False

    def write(
        self,
        diary: Diary,
        programme: ProgrammeSpec,
        enrolment_id: int,
        meetings: list[Meeting],
        *,
        last_day: date,
        book_ahead: bool,
    ) -> int:
        """Log what happened before ``today`` (up to ``last_day``) and book what is next.

        Returns how many sessions were used (held, cancelled late or missed).
        """
        booked_until = self.today + timedelta(days=BOOKED_AHEAD_DAYS)
        used = 0
        for meeting in meetings:
            if meeting.day > last_day:
                break
            if meeting.day < self.today:
                attendance = self._log(diary, programme, enrolment_id, meeting)
                if meeting.kind is not SessionKind.SUPPORT_CALL and attendance in USED:
                    used += 1
            elif book_ahead and meeting.day <= booked_until:
                plan_session(
                    self.db,
                    client_id=diary.client_id,
                    starts_at=self._starts_at(meeting),
                    duration_minutes=self._minutes(programme, meeting),
                    kind=meeting.kind,
                    mode=self._mode(diary, meeting),
                    enrolment_id=enrolment_id,
                )
                self.tally.sessions += 1
        return used

    def _starts_at(self, meeting: Meeting) -> datetime:
        if meeting.kind is SessionKind.SUPPORT_CALL:
            hour = self.rng.choice([12, 13, 16, 17])
        else:
            hour = self.rng.choice([9, 10, 11, 13, 14, 15, 16, 17, 18])
        minute = self.rng.choice([0, 0, 30])
        return datetime.combine(meeting.day, time(hour, minute), tzinfo=self.zone)

    def _minutes(self, programme: ProgrammeSpec, meeting: Meeting) -> int:
        if meeting.kind is SessionKind.SUPPORT_CALL:
            return programme.support_call_minutes
        return programme.session_minutes

    def _mode(self, diary: Diary, meeting: Meeting) -> SessionMode:
        if meeting.kind is SessionKind.SUPPORT_CALL:
            return self.rng.choice([SessionMode.PHONE, SessionMode.PHONE, SessionMode.VIDEO])
        if self.rng.random() < 0.15:
            return self.rng.choice(list(SessionMode))
        return diary.mode

    def _attendance(self, meeting: Meeting) -> Attendance:
        if meeting.kind is SessionKind.SUPPORT_CALL:
            return Attendance.ATTENDED
        if self.unshown_attendance:
            self.since_unshown += 1
            if self.rng.random() < 0.2 or self.since_unshown >= SHOW_WITHIN:
                self.since_unshown = 0
                return self.unshown_attendance.pop()
        return usual_attendance(self.rng)

    def _log(
        self, diary: Diary, programme: ProgrammeSpec, enrolment_id: int, meeting: Meeting
    ) -> Attendance:
        rng = self.rng
        attendance = self._attendance(meeting)
        held = attendance is Attendance.ATTENDED
        talk = held and meeting.kind is not SessionKind.SUPPORT_CALL
        new_items: list[NewActionItem] = []
        reviews: list[ActionReview] = []
        private = ""
        if talk:
            notes = self._note(diary, programme, meeting)
            private = rng.choice(texts.PRIVATE_NOTES).format(name=diary.first_name)
            reviews = self._reviews(diary, meeting.day)
            for _ in range(rng.choices([0, 1, 2], weights=[25, 50, 25])[0]):
                due = meeting.day + timedelta(days=rng.randint(6, 14))
                item = rng.choice(texts.ACTION_ITEMS[programme.strand])
                new_items.append(NewActionItem(description=item, due_date=due))
        elif held:
            notes = rng.choice(texts.SUPPORT_CALL_NOTES).format(name=diary.first_name)
        else:
            notes = texts.ATTENDANCE_NOTES[attendance]
        starts_at = self._starts_at(meeting)
        minutes = self._minutes(programme, meeting)
        session = log_session(
            self.db,
            client_id=diary.client_id,
            starts_at=starts_at,
            duration_minutes=minutes,
            kind=meeting.kind,
            mode=self._mode(diary, meeting),
            note_saved_at=self._written_at(diary.client_id, starts_at, minutes),
            attendance=attendance,
            enrolment_id=enrolment_id,
            notes=notes,
            private_notes=private,
            new_action_items=new_items,
            reviews=reviews,
            allow_same_time=True,  # the made-up diary may put two at one time (kept as made)
        )
        self.tally.sessions += 1
        self.tally.action_items += len(new_items)
        diary.open_items.extend((item.id, meeting.day) for item in session.action_items)
        if talk:
            self._note_history(session, notes, private, meeting.day)
            self._unseen_work(diary, session.id, enrolment_id, meeting.day)
        return attendance

    def _note_history(self, session: Session, notes: str, private: str, day: date) -> None:
        """Now and then a note is corrected (its history kept), signed, and added to.

        A note is signed a little after the session ended (that evening or the next day)
        and an addendum comes days later, so old notes do not look signed today.
        """
        rng = self.rng
        if rng.random() < 0.04 or not self.shown_edit:
            self.shown_edit = True
            extra = rng.choice(texts.NOTE_CORRECTIONS)
            corrected = self._corrected_at(session)
            save_note(
                self.db, session.id, body=f"{notes} {extra}", private_notes=private, at=corrected
            )
        if day < self.today - timedelta(days=14) and (rng.random() < 0.5 or not self.shown_lock):
            signed = self._signed_at(session)
            lock_note(self.db, session.id, at=signed)
            if rng.random() < 0.05 or not self.shown_lock:
                added = self._working_hours(signed, random.Random(f"addendum-{session.id}"))
                add_addendum(self.db, session.id, rng.choice(texts.ADDENDA), at=added)
            self.shown_lock = True

    def _written_at(self, client_id: int, starts_at: datetime, minutes: int) -> datetime:
        """The note is written 5 to 20 minutes after the session ends (before any signing)."""
        # a stream of its own per session, so the rest of the sample stays as it was
        delays = random.Random(f"note-writing-{client_id}-{starts_at.isoformat()}")
        ended = starts_at + timedelta(minutes=minutes)
        return min(ended + timedelta(minutes=delays.randint(5, 20)), self._midnight())

    def _corrected_at(self, session: Session) -> datetime:
        """A correction comes after the note was written and before it is (or would be) signed."""
        assert session.note is not None  # every logged talk has a note
        written = session.note.updated_at
        latest = min(self._signed_at(session), self._midnight())
        if latest <= written:
            return written
        span = int((latest - written).total_seconds()) // 60
        return written + timedelta(
            minutes=random.Random(f"note-correction-{session.id}").randint(0, span)
        )

    def _midnight(self) -> datetime:
        """The start of ``today``: nothing in the sample is written later than that."""
        return datetime.combine(self.today, time(0), tzinfo=self.zone)

    def _signed_at(self, session: Session) -> datetime:
        """Signed within four hours of the end of the session, or during the next day."""
        # a stream of its own per session: the rest of the sample stays as it was
        delays = random.Random(f"note-signing-{session.id}")
        ended = session.starts_at + timedelta(minutes=session.duration_minutes)
        if delays.random() < 0.6:
            return ended + timedelta(minutes=delays.randint(20, 240))
        return self._working_hours(ended, delays, days_later=1)

    def _working_hours(
        self, after: datetime, delays: random.Random, *, days_later: int | None = None
    ) -> datetime:
        """A time between 08:00 and 17:45 local, ``days_later`` (else 1-10) days on."""
        days = days_later if days_later is not None else delays.randint(1, 10)
        day = after.astimezone(self.zone).date() + timedelta(days=days)
        moment = time(delays.randint(8, 17), delays.choice([0, 15, 30, 45]))
        return datetime.combine(day, moment, tzinfo=self.zone)

    def _note(self, diary: Diary, programme: ProgrammeSpec, meeting: Meeting) -> str:
        rng = self.rng
        if meeting.kind is SessionKind.REVIEW:
            middle = rng.choice(texts.REVIEW_SESSION_NOTES)
        else:
            middle = rng.choice(texts.THEMES[programme.strand])
        parts = [
            rng.choice(texts.OPENINGS),
            middle,
            rng.choice(texts.WORK_DONE[programme.strand]),
            rng.choice(texts.CLOSINGS),
        ]
        return " ".join(parts).format(name=diary.first_name)

    def _reviews(self, diary: Diary, day: date) -> list[ActionReview]:
        """Review every open item from earlier sessions; a few stay open a while longer."""
        reviews: list[ActionReview] = []
        still_open: list[tuple[int, date]] = []
        for item_id, from_day in diary.open_items:
            if from_day >= day:
                still_open.append((item_id, from_day))
                continue
            status = self.rng.choices(
                [ActionStatus.DONE, ActionStatus.PARTLY, ActionStatus.DROPPED, ActionStatus.OPEN],
                weights=[50, 25, 15, 10],
            )[0]
            if self.unshown_reviews and status is not ActionStatus.OPEN:
                status = self.unshown_reviews.pop()
            if status is ActionStatus.OPEN:
                still_open.append((item_id, from_day))
                continue
            note = self.rng.choice(texts.REVIEW_NOTES[status])
            reviews.append(ActionReview(action_item_id=item_id, status=status, note=note))
        diary.open_items = still_open
        return reviews

    def _unseen_work(self, diary: Diary, session_id: int, enrolment_id: int, day: date) -> None:
        """Accept the suggested prep and write-up (most of the time), as the app offers."""
        rng = self.rng
        if rng.random() < 0.85:
            suggestions = worklog.suggest_work_after_session(self.db, session_id)
            if suggestions:
                worklog.accept_work_suggestions(self.db, session_id, suggestions)
                self.tally.work_entries += len(suggestions)
        support_day = day + timedelta(days=rng.randint(1, 3))
        if (rng.random() < 0.15 or not self.support_shown) and support_day < self.today:
            self.support_shown = True
            worklog.log_work(
                self.db,
                work_date=support_day,
                minutes=rng.choice([10, 15, 20, 25]),
                category=WorkCategory.SUPPORT,
                client_id=diary.client_id,
                enrolment_id=enrolment_id,
                note=rng.choice(texts.WORK_NOTES[WorkCategory.SUPPORT]),
            )
            self.tally.work_entries += 1
