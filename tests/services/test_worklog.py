"""Unseen work: the log, suggestions after a session, and the timer across restarts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from practice.db import Database, open_database
from practice.errors import NotFoundError, ValidationError
from practice.models import (
    Attendance,
    Client,
    Enrolment,
    PaymentPlan,
    PracticeProfile,
    Session,
    SessionKind,
    WorkCategory,
    WorkLogEntry,
)
from practice.services.worklog import (
    TimerNeedsMinutesError,
    accept_work_suggestions,
    delete_work,
    discard_timer,
    list_work,
    log_work,
    running_timer,
    start_timer,
    stop_timer,
    suggest_work_after_session,
    total_work_minutes,
    update_work,
)
from practice.timeutil import today
from tests.clock import FromNow, resolve
from tests.conftest import reopen

DAY = date(2026, 3, 2)
START = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One real database for the many refusal cases: each checks it saved nothing."""
    database = open_database(tmp_path_factory.mktemp("shared") / "practice.db")
    yield database
    database.close()


def add_client(db: Database, name: str = "Zoë") -> int:
    with db.transaction() as s:
        client = Client(first_name=name)
        s.add(client)
        s.flush()
        return client.id


def add_enrolment(db: Database, client_id: int, snapshot: dict[str, object]) -> int:
    with db.transaction() as s:
        enrolment = Enrolment(
            client_id=client_id,
            programme_name="Three months",
            start_date=date(2026, 1, 1),
            end_date=date(2026, 3, 31),
            agreed_price=90_000,
            currency="GBP",
            payment_plan=PaymentPlan.FULL,
            terms_snapshot=snapshot,
        )
        s.add(enrolment)
        s.flush()
        return enrolment.id


def add_session(
    db: Database,
    client_id: int,
    *,
    enrolment_id: int | None = None,
    attendance: Attendance = Attendance.ATTENDED,
    kind: SessionKind = SessionKind.SESSION,
) -> int:
    with db.transaction() as s:
        session = Session(
            client_id=client_id,
            enrolment_id=enrolment_id,
            starts_at=START,
            duration_minutes=60,
            attendance=attendance,
            kind=kind,
        )
        s.add(session)
        s.flush()
        return session.id


def test_log_work_and_links(db: Database) -> None:
    zoe = add_client(db)
    enrolment = add_enrolment(db, zoe, {})
    session = add_session(db, zoe, enrolment_id=enrolment)
    supervision = log_work(
        db, work_date=DAY, minutes=90, category="supervision", note="Group — Zoë"
    )
    assert (supervision.minutes, supervision.category, supervision.client_id) == (
        90,
        WorkCategory.SUPERVISION,
        None,
    )
    from_session = log_work(
        db, work_date=DAY, minutes=20, category=WorkCategory.WRITE_UP, session_id=session
    )
    assert (from_session.client_id, from_session.enrolment_id) == (zoe, enrolment)
    from_enrolment = log_work(
        db, work_date=DAY, minutes=10, category="admin", enrolment_id=enrolment
    )
    assert from_enrolment.client_id == zoe


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"minutes": 0}, "minutes"),
        ({"minutes": -15}, "minutes"),
        ({"minutes": 721}, "minutes"),
        ({"minutes": 10_000}, "minutes"),
        ({"minutes": 12.5}, "minutes"),
        ({"work_date": FromNow(days=1)}, "work_date"),
        ({"work_date": date(1800, 1, 1)}, "work_date"),
        ({"work_date": datetime(2026, 3, 2, tzinfo=UTC)}, "work_date"),
        ({"category": "napping"}, "category"),
        ({"note": "x" * 2001}, "note"),
        ({"note": "\x1b[31m"}, "note"),
    ],
)
def test_log_work_refuses_bad_input(
    shared_db: Database, kwargs: dict[str, object], field: str
) -> None:
    args: dict[str, object] = {"work_date": DAY, "minutes": 30, "category": "prep"}
    args.update(resolve(kwargs))
    with pytest.raises(ValidationError) as info:
        log_work(shared_db, **args)  # type: ignore[arg-type]
    assert info.value.field == field
    assert list_work(shared_db) == []


def test_log_work_refuses_mismatched_links(db: Database) -> None:
    zoe = add_client(db)
    ana = add_client(db, "Ana")
    anas_enrolment = add_enrolment(db, ana, {})
    zoes_session = add_session(db, zoe)
    with pytest.raises(ValidationError) as info:
        log_work(
            db,
            work_date=DAY,
            minutes=5,
            category="prep",
            client_id=zoe,
            enrolment_id=anas_enrolment,
        )
    assert info.value.field == "enrolment"
    with pytest.raises(ValidationError) as info:
        log_work(
            db, work_date=DAY, minutes=5, category="prep", client_id=ana, session_id=zoes_session
        )
    assert info.value.field == "session"
    for missing in ({"client_id": 99}, {"enrolment_id": 99}, {"session_id": 99}):
        with pytest.raises(NotFoundError):
            log_work(db, work_date=DAY, minutes=5, category="prep", **missing)  # type: ignore[arg-type]
    assert list_work(db) == []


def test_update_delete_and_list(db: Database) -> None:
    zoe = add_client(db)
    ana = add_client(db, "Ana")
    a = log_work(db, work_date=DAY, minutes=30, category="prep", client_id=zoe)
    b = log_work(db, work_date=DAY - timedelta(days=3), minutes=45, category="supervision")
    c = log_work(
        db, work_date=DAY + timedelta(days=2), minutes=15, category="travel", client_id=ana
    )
    changed = update_work(db, a.id, minutes=35, note="longer", category="write_up")
    assert (changed.minutes, changed.note, changed.category, changed.client_id) == (
        35,
        "longer",
        WorkCategory.WRITE_UP,
        zoe,
    )
    with pytest.raises(ValidationError) as info:
        update_work(db, a.id, minutes=0)
    assert info.value.field == "minutes"
    with pytest.raises(ValidationError) as info:
        update_work(db, a.id, colour="red")
    assert info.value.field == "colour"
    ids = lambda rows: [r.id for r in rows]  # noqa: E731
    assert ids(list_work(db)) == [b.id, a.id, c.id]
    assert ids(list_work(db, newest_first=True)) == [c.id, a.id, b.id]
    assert ids(list_work(db, start=DAY, end=DAY)) == [a.id]
    assert ids(list_work(db, start=DAY)) == [a.id, c.id]
    assert ids(list_work(db, end=DAY - timedelta(days=1))) == [b.id]
    assert ids(list_work(db, categories=["travel", WorkCategory.SUPERVISION])) == [b.id, c.id]
    assert ids(list_work(db, categories="write_up")) == [a.id]
    assert ids(list_work(db, client_id=ana)) == [c.id]
    assert list_work(db, client_id=zoe)[0].minutes == 35
    # The total is the sum of what the same filters list, added up in SQL.
    assert total_work_minutes(db) == 35 + 45 + 15
    assert total_work_minutes(db, start=DAY) == 35 + 15
    assert total_work_minutes(db, categories=["travel", WorkCategory.SUPERVISION]) == 45 + 15
    assert total_work_minutes(db, client_id=ana, end=DAY) == 0
    with pytest.raises(ValidationError) as info:
        total_work_minutes(db, categories="naps")
    assert info.value.field == "category"
    delete_work(db, b.id)
    assert ids(list_work(db)) == [a.id, c.id]
    with pytest.raises(NotFoundError):
        delete_work(db, b.id)


def test_suggestions_use_profile_or_snapshot_and_skip_logged(db: Database) -> None:
    with db.transaction() as s:
        profile = s.get(PracticeProfile, 1)
        assert profile is not None
        profile.default_prep_minutes, profile.default_writeup_minutes = 10, 25
    zoe = add_client(db)
    plain = add_session(db, zoe)
    suggestions = suggest_work_after_session(db, plain)
    assert [(w.category, w.minutes, w.work_date) for w in suggestions] == [
        (WorkCategory.PREP, 10, START.astimezone().date()),
        (WorkCategory.WRITE_UP, 25, START.astimezone().date()),
    ]
    enrolment = add_enrolment(
        db, zoe, {"prep_minutes_per_session": 5, "writeup_minutes_per_session": 40}
    )
    enrolled = add_session(db, zoe, enrolment_id=enrolment)
    assert [(w.category, w.minutes) for w in suggest_work_after_session(db, enrolled)] == [
        (WorkCategory.PREP, 5),
        (WorkCategory.WRITE_UP, 40),
    ]
    log_work(db, work_date=DAY, minutes=12, category="prep", session_id=enrolled)
    remaining = suggest_work_after_session(db, enrolled)
    assert [(w.category, w.minutes, w.enrolment_id) for w in remaining] == [
        (WorkCategory.WRITE_UP, 40, enrolment)
    ]
    no_show = add_session(db, zoe, attendance=Attendance.NO_SHOW)
    assert [w.category for w in suggest_work_after_session(db, no_show)] == [WorkCategory.PREP]
    assert suggest_work_after_session(db, add_session(db, zoe, attendance=Attendance.PLANNED)) == []
    assert suggest_work_after_session(db, add_session(db, zoe, kind=SessionKind.SUPPORT_CALL)) == []
    zero = add_enrolment(
        db, zoe, {"prep_minutes_per_session": 0, "writeup_minutes_per_session": "x"}
    )
    assert [
        (w.category, w.minutes)
        for w in suggest_work_after_session(db, add_session(db, zoe, enrolment_id=zero))
    ] == [(WorkCategory.WRITE_UP, 25)]
    with pytest.raises(NotFoundError):
        suggest_work_after_session(db, 999)


def test_accept_suggestions_all_or_nothing(db: Database) -> None:
    zoe = add_client(db)
    session = add_session(db, zoe)
    prep, writeup = suggest_work_after_session(db, session)
    with pytest.raises(ValidationError) as info:
        accept_work_suggestions(db, session, [prep, replace(writeup, minutes=0)])
    assert info.value.field == "minutes"
    with pytest.raises(ValidationError) as info:
        accept_work_suggestions(db, session, [prep, prep])
    assert info.value.field == "category"
    other = add_session(db, zoe)
    with pytest.raises(ValidationError):
        accept_work_suggestions(db, other, [prep])
    assert list_work(db) == []
    entries = accept_work_suggestions(db, session, [prep, replace(writeup, minutes=35)])
    assert [(e.category, e.minutes, e.session_id, e.client_id) for e in entries] == [
        (WorkCategory.PREP, 15, session, zoe),
        (WorkCategory.WRITE_UP, 35, session, zoe),
    ]
    assert suggest_work_after_session(db, session) == []
    with pytest.raises(ValidationError):
        accept_work_suggestions(db, session, [prep])
    assert len(list_work(db)) == 2


def test_timer_survives_reopening_and_logs_right_minutes(db: Database) -> None:
    zoe = add_client(db)
    started = datetime(2026, 3, 2, 23, 50, tzinfo=UTC)
    start_timer(db, category="resource_making", client_id=zoe, note="Body scan — 录音", now=started)
    with pytest.raises(ValidationError) as info:
        start_timer(db, category="admin")
    assert info.value.field == "timer"
    reopened = reopen(db)
    try:
        timer = running_timer(reopened)
        assert timer is not None
        assert (timer.started_at, timer.category, timer.client_id) == (
            started,
            WorkCategory.RESOURCE_MAKING,
            zoe,
        )
        entry = stop_timer(reopened, now=started + timedelta(minutes=47, seconds=31))
        assert entry is not None
        assert entry.minutes == 48
        assert entry.work_date == started.astimezone().date()
        assert (entry.category, entry.client_id, entry.note) == (
            WorkCategory.RESOURCE_MAKING,
            zoe,
            "Body scan — 录音",
        )
        assert running_timer(reopened) is None
        assert stop_timer(reopened) is None
    finally:
        reopened.close()


def test_timer_rounding_minimum_and_long_runs(db: Database) -> None:
    start_timer(db, category="admin", now=START)
    entry = stop_timer(db, now=START + timedelta(seconds=5))
    assert entry is not None and entry.minutes == 1
    start_timer(db, category="admin", now=START)
    entry = stop_timer(db, now=START + timedelta(minutes=12, seconds=29))
    assert entry is not None and entry.minutes == 12
    start_timer(db, category="admin", now=START)
    with pytest.raises(TimerNeedsMinutesError) as info:
        stop_timer(db, now=START + timedelta(hours=13))
    assert info.value.field == "minutes" and info.value.elapsed_minutes == 780
    assert running_timer(db) is not None  # still running until the time is confirmed
    with pytest.raises(TimerNeedsMinutesError):
        stop_timer(db, now=START - timedelta(minutes=5))
    with pytest.raises(ValidationError):
        stop_timer(db, now=START + timedelta(hours=13), minutes=0)
    entry = stop_timer(db, now=START + timedelta(hours=13), minutes=240)
    assert entry is not None and entry.minutes == 240
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(WorkLogEntry)) == 3


def test_timer_validation_and_discard(db: Database) -> None:
    with pytest.raises(ValidationError) as info:
        start_timer(db, category="dreaming")
    assert info.value.field == "category"
    with pytest.raises(ValidationError) as info:
        start_timer(db, category="admin", now=datetime(2026, 3, 2, 10))
    assert info.value.field == "now"
    with pytest.raises(NotFoundError):
        start_timer(db, category="admin", client_id=42)
    assert running_timer(db) is None
    assert discard_timer(db) is False
    timer = start_timer(db, category="travel")
    assert timer.started_at <= datetime.now(UTC)
    assert discard_timer(db) is True
    assert running_timer(db) is None
    assert list_work(db) == []
    start_timer(db, category="travel")
    entry = stop_timer(db)
    assert entry is not None and entry.minutes == 1 and entry.work_date == today()
