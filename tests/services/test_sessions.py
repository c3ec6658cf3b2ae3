"""Sessions: planning, logging with note, new action items and reviews, listing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import func, select

from practice.db import Database, open_database
from practice.errors import NotFoundError, ValidationError
from practice.models import (
    ActionItem,
    ActionStatus,
    Attendance,
    AuditEntry,
    Client,
    Enrolment,
    PaymentPlan,
    Session,
    SessionKind,
    SessionMode,
    SessionNote,
)
from practice.services.notes import lock_note
from practice.services.sessions import (
    ActionReview,
    NewActionItem,
    delete_session,
    get_session,
    list_sessions,
    log_planned_session,
    log_session,
    plan_session,
    planned_session_on,
    record_attendance,
    update_session,
)
from tests.clock import FromNow, resolve

PAST = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
BERLIN = timezone(timedelta(hours=1))
FUTURE = datetime.now(UTC) + timedelta(days=30)


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One real database for the many refusal cases: each checks it saved nothing."""
    database = open_database(tmp_path_factory.mktemp("shared") / "practice.db")
    yield database
    database.close()


def add_client(db: Database, first: str = "Zoë", last: str = "Ødegård") -> int:
    with db.transaction() as s:
        client = Client(first_name=first, last_name=last)
        s.add(client)
        s.flush()
        return client.id


def add_enrolment(db: Database, client_id: int, snapshot: dict[str, object] | None = None) -> int:
    with db.transaction() as s:
        enrolment = Enrolment(
            client_id=client_id,
            programme_name="Three months",
            start_date=date(2026, 1, 1),
            end_date=date(2026, 3, 31),
            agreed_price=90_000,
            currency="GBP",
            payment_plan=PaymentPlan.FULL,
            terms_snapshot=snapshot or {},
        )
        s.add(enrolment)
        s.flush()
        return enrolment.id


def log(db: Database, client_id: int, starts_at: datetime = PAST, **kw: Any) -> Session:
    args: dict[str, object] = {
        "client_id": client_id,
        "starts_at": starts_at,
        "duration_minutes": 60,
        "kind": "session",
        "mode": "video",
        "attendance": "attended",
    }
    args.update(kw)
    return log_session(db, **args)  # type: ignore[arg-type]


def count(db: Database, model: type) -> int:
    with db.transaction() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_plan_session_stores_utc_and_planned(db: Database) -> None:
    client = add_client(db)
    enrolment = add_enrolment(db, client)
    local = datetime(2030, 5, 4, 9, 30, tzinfo=BERLIN)
    session = plan_session(
        db,
        client_id=client,
        starts_at=local,
        duration_minutes=50,
        kind=SessionKind.SESSION,
        mode="in_person",
        enrolment_id=enrolment,
    )
    again = get_session(db, session.id)
    assert again.starts_at == datetime(2030, 5, 4, 8, 30, tzinfo=UTC)
    assert again.attendance is Attendance.PLANNED
    assert again.mode is SessionMode.IN_PERSON
    assert again.enrolment_id == enrolment
    assert again.client.first_name == "Zoë"
    assert again.note is None and again.action_items == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"starts_at": datetime(2026, 3, 2, 10, 0)}, "starts_at"),
        ({"starts_at": date(2026, 3, 2)}, "starts_at"),
        ({"starts_at": datetime(1850, 1, 1, tzinfo=UTC)}, "starts_at"),
        ({"duration_minutes": 0}, "duration_minutes"),
        ({"duration_minutes": -30}, "duration_minutes"),
        ({"duration_minutes": 4}, "duration_minutes"),
        ({"duration_minutes": 601}, "duration_minutes"),
        ({"duration_minutes": 60.5}, "duration_minutes"),
        ({"duration_minutes": True}, "duration_minutes"),
        ({"kind": "lecture"}, "kind"),
        ({"mode": "carrier pigeon"}, "mode"),
        ({"attendance": "maybe"}, "attendance"),
        ({"starts_at": FUTURE}, "attendance"),
        ({"attendance": "no_show", "starts_at": FUTURE}, "attendance"),
        ({"notes": "x" * 100_001}, "body"),
        ({"notes": "bell \x07"}, "body"),
        ({"new_action_items": [NewActionItem("   ")]}, "description"),
        ({"new_action_items": [NewActionItem("x" * 1001)]}, "description"),
        ({"new_action_items": [NewActionItem("Walk", date(2026, 3, 1))]}, "due_date"),
    ],
)
def test_log_session_refuses_bad_input_and_saves_nothing(
    shared_db: Database, changes: dict[str, Any], field: str
) -> None:
    client = add_client(shared_db)
    with pytest.raises(ValidationError) as info:
        log(shared_db, client, **changes)
    assert info.value.field == field
    assert count(shared_db, Session) == 0
    assert count(shared_db, SessionNote) == 0
    assert count(shared_db, ActionItem) == 0


def test_naive_start_message_names_the_timezone(db: Database) -> None:
    client = add_client(db)
    with pytest.raises(ValidationError, match="start time needs a timezone"):
        log(db, client, starts_at=datetime(2026, 3, 2, 10, 0))


def test_future_session_can_be_cancelled_but_not_attended(db: Database) -> None:
    client = add_client(db)
    future = datetime.now(UTC) + timedelta(days=3)
    session = log(db, client, starts_at=future, attendance="cancelled_early")
    assert session.attendance is Attendance.CANCELLED_EARLY
    with pytest.raises(ValidationError) as info:
        record_attendance(db, session.id, "attended")
    assert info.value.field == "attendance"
    assert get_session(db, session.id).attendance is Attendance.CANCELLED_EARLY


def test_unknown_client_and_foreign_enrolment(db: Database) -> None:
    client = add_client(db)
    other = add_client(db, "Иван", "Петров")
    foreign = add_enrolment(db, other)
    with pytest.raises(NotFoundError):
        log(db, 999)
    with pytest.raises(NotFoundError):
        log(db, client, enrolment_id=999)
    with pytest.raises(ValidationError) as info:
        log(db, client, enrolment_id=foreign)
    assert info.value.field == "enrolment"
    assert count(db, Session) == 0


def test_log_session_saves_note_new_items_and_reviews(db: Database) -> None:
    client = add_client(db)
    first = log(
        db,
        client,
        notes="Talked about sleep. 睡眠",
        private_notes="Hunch: grief",
        new_action_items=[
            NewActionItem("Walk daily", date(2026, 3, 9)),
            NewActionItem("Journal"),
            NewActionItem("Call sister"),
            NewActionItem("Read chapter 2"),
        ],
    )
    assert first.note is not None and first.note.body == "Talked about sleep. 睡眠"
    assert first.note.private_notes == "Hunch: grief"
    walk, journal, call, read = first.action_items
    assert [i.status for i in first.action_items] == [ActionStatus.OPEN] * 4
    assert walk.due_date == date(2026, 3, 9) and journal.due_date is None

    second_start = PAST + timedelta(days=7)
    second = log(
        db,
        client,
        starts_at=second_start,
        reviews=[
            ActionReview(walk.id, "done", "Every day but one"),
            ActionReview(journal.id, ActionStatus.PARTLY),
            ActionReview(call.id, "dropped"),
            ActionReview(read.id, "open", "Next week"),
        ],
    )
    with db.transaction() as s:
        items = {i.id: i for i in s.scalars(select(ActionItem))}
    assert items[walk.id].status is ActionStatus.DONE
    assert items[walk.id].review_note == "Every day but one"
    assert items[journal.id].status is ActionStatus.PARTLY
    assert items[call.id].status is ActionStatus.DROPPED
    assert items[read.id].status is ActionStatus.OPEN
    for item_id in (walk.id, journal.id, call.id, read.id):
        assert items[item_id].reviewed_session_id == second.id
        assert items[item_id].reviewed_on == second_start.astimezone().date()
    assert second.note is None


def test_log_session_is_all_or_nothing_when_a_late_review_fails(db: Database) -> None:
    client = add_client(db)
    other = add_client(db, "Ana", "López")
    first = log(db, client, new_action_items=[NewActionItem("Walk")])
    foreign = log(db, other, new_action_items=[NewActionItem("Not yours")])
    before = (count(db, Session), count(db, SessionNote), count(db, ActionItem))
    with pytest.raises(ValidationError) as info:
        log(
            db,
            client,
            starts_at=PAST + timedelta(days=7),
            notes="A note that must not be saved",
            new_action_items=[NewActionItem("New item that must not be saved")],
            reviews=[
                ActionReview(first.action_items[0].id, "done"),
                ActionReview(foreign.action_items[0].id, "done"),
            ],
        )
    assert info.value.field == "action_item"
    assert (count(db, Session), count(db, SessionNote), count(db, ActionItem)) == before
    with db.transaction() as s:
        walk = s.get(ActionItem, first.action_items[0].id)
        assert walk is not None
        assert walk.status is ActionStatus.OPEN and walk.reviewed_session_id is None
        creates = s.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "session")
        )
    assert creates == 2


def test_review_of_missing_item_or_later_item_fails_whole(db: Database) -> None:
    client = add_client(db)
    later = log(
        db, client, starts_at=PAST + timedelta(days=14), new_action_items=[NewActionItem("X")]
    )
    with pytest.raises(NotFoundError):
        log(db, client, reviews=[ActionReview(12345, "done")])
    with pytest.raises(ValidationError) as info:
        log(db, client, reviews=[ActionReview(later.action_items[0].id, "done")])
    assert info.value.field == "action_item"
    with pytest.raises(ValidationError) as info:
        item = later.action_items[0].id
        log(
            db,
            client,
            starts_at=PAST + timedelta(days=20),
            reviews=[ActionReview(item, "done"), ActionReview(item, "dropped")],
        )
    assert info.value.field == "reviews"
    with pytest.raises(ValidationError) as info:
        log(
            db,
            client,
            starts_at=PAST + timedelta(days=20),
            reviews=[ActionReview(item, "finished")],
        )
    assert info.value.field == "status"
    assert count(db, Session) == 1


def test_update_session_changes_and_validates(db: Database) -> None:
    client = add_client(db)
    enrolment = add_enrolment(db, client)
    session = log(db, client)
    moved = update_session(
        db,
        session.id,
        starts_at=datetime(2026, 3, 3, 15, 0, tzinfo=BERLIN),
        duration_minutes=90,
        kind="review",
        mode=SessionMode.PHONE,
        enrolment_id=enrolment,
    )
    assert moved.starts_at == datetime(2026, 3, 3, 14, 0, tzinfo=UTC)
    assert (moved.duration_minutes, moved.kind, moved.mode) == (
        90,
        SessionKind.REVIEW,
        SessionMode.PHONE,
    )
    assert moved.enrolment_id == enrolment
    assert update_session(db, session.id, enrolment_id=None).enrolment_id is None
    cases: list[tuple[dict[str, Any], str]] = [
        ({"client_id": 2}, "client_id"),
        ({"duration_minutes": 0}, "duration_minutes"),
        ({"starts_at": FUTURE}, "attendance"),
        ({"starts_at": datetime(2026, 3, 3, 15, 0)}, "starts_at"),
    ]
    for changes, field in cases:
        with pytest.raises(ValidationError) as info:
            update_session(db, session.id, **changes)
        assert info.value.field == field
    assert get_session(db, session.id).duration_minutes == 90
    with pytest.raises(NotFoundError):
        update_session(db, 999, duration_minutes=30)


def test_moving_a_session_keeps_reviews_in_order(db: Database) -> None:
    client = add_client(db)
    first = log(db, client, new_action_items=[NewActionItem("Walk")])
    second = log(
        db,
        client,
        starts_at=PAST + timedelta(days=7),
        reviews=[ActionReview(first.action_items[0].id, "done")],
    )
    with pytest.raises(ValidationError) as info:
        update_session(db, second.id, starts_at=PAST - timedelta(days=1))
    assert info.value.field == "starts_at"
    with pytest.raises(ValidationError):
        update_session(db, first.id, starts_at=PAST + timedelta(days=8))
    update_session(db, second.id, starts_at=PAST + timedelta(days=6))
    with db.transaction() as s:
        item = s.get(ActionItem, first.action_items[0].id)
        assert item is not None
        assert item.reviewed_on == (PAST + timedelta(days=6)).astimezone().date()


def test_delete_session_unless_note_locked(db: Database) -> None:
    client = add_client(db)
    plain = log(db, client, notes="draft", new_action_items=[NewActionItem("Walk")])
    locked = log(db, client, starts_at=PAST + timedelta(days=1), notes="signed")
    lock_note(db, locked.id)
    delete_session(db, plain.id)
    with pytest.raises(NotFoundError):
        get_session(db, plain.id)
    assert count(db, ActionItem) == 0
    with pytest.raises(ValidationError, match="locked"):
        delete_session(db, locked.id)
    assert get_session(db, locked.id).note is not None
    with db.transaction() as s:
        deleted = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "delete", AuditEntry.entity == "session")
        ).all()
    assert [(e.entity_id, e.detail) for e in deleted] == [(plain.id, f"client {client}")]


def test_list_sessions_filters_and_sorts_in_sql(db: Database) -> None:
    ana = add_client(db, "Ana")
    ben = add_client(db, "Ben")
    enrolment = add_enrolment(db, ana)
    s3 = log(db, ana, starts_at=PAST + timedelta(days=2), kind="support_call", duration_minutes=15)
    s1 = log(db, ana, starts_at=PAST, enrolment_id=enrolment)
    s2 = log(db, ben, starts_at=PAST + timedelta(days=1), attendance="no_show")
    s4 = plan_session(
        db,
        client_id=ana,
        starts_at=datetime(2031, 1, 1, 9, tzinfo=UTC),
        duration_minutes=60,
        kind="session",
        mode="video",
        enrolment_id=enrolment,
    )
    ids = lambda rows: [r.id for r in rows]  # noqa: E731
    assert ids(list_sessions(db)) == [s1.id, s2.id, s3.id, s4.id]
    assert ids(list_sessions(db, client_id=ana)) == [s1.id, s3.id, s4.id]
    assert ids(list_sessions(db, client_id=ana, newest_first=True)) == [s4.id, s3.id, s1.id]
    assert ids(list_sessions(db, enrolment_id=enrolment)) == [s1.id, s4.id]
    assert ids(list_sessions(db, start=PAST + timedelta(days=1), end=PAST + timedelta(days=2))) == [
        s2.id
    ]
    assert ids(list_sessions(db, kinds=["support_call"])) == [s3.id]
    assert ids(list_sessions(db, kinds=SessionKind.SESSION)) == [s1.id, s2.id, s4.id]
    assert ids(list_sessions(db, attendance=[Attendance.NO_SHOW, "planned"])) == [s2.id, s4.id]
    rows = list_sessions(db, client_id=ben)
    assert rows[0].client.first_name == "Ben" and rows[0].note is None
    with pytest.raises(ValidationError) as info:
        list_sessions(db, start=datetime(2026, 1, 1))
    assert info.value.field == "start"
    with pytest.raises(ValidationError):
        list_sessions(db, kinds=["nap"])


def test_log_planned_session_all_in_one(db: Database) -> None:
    client = add_client(db)
    other = add_client(db, "Ana")
    enrolment = add_enrolment(db, client)
    first = log(db, client, new_action_items=[NewActionItem("Walk")])
    walk = first.action_items[0].id
    foreign = log(db, other, new_action_items=[NewActionItem("Not yours")]).action_items[0].id
    planned = plan_session(
        db,
        client_id=client,
        starts_at=PAST + timedelta(days=7),
        duration_minutes=50,
        kind="session",
        mode="video",
    )
    form: dict[str, Any] = {
        "starts_at": PAST + timedelta(days=7, hours=1),
        "duration_minutes": 55,
        "kind": "session",
        "mode": "phone",
        "attendance": "attended",
        "enrolment_id": enrolment,
        "notes": "Went well",
        "new_action_items": [NewActionItem("Breathe")],
    }
    with pytest.raises(ValidationError):
        log_planned_session(
            db,
            planned.id,
            reviews=[ActionReview(walk, "done"), ActionReview(foreign, "done")],
            **form,
        )
    unchanged = get_session(db, planned.id)
    assert (unchanged.attendance, unchanged.duration_minutes, unchanged.note) == (
        Attendance.PLANNED,
        50,
        None,
    )
    assert unchanged.action_items == [] and count(db, ActionItem) == 2
    logged = log_planned_session(db, planned.id, reviews=[ActionReview(walk, "done")], **form)
    assert (logged.attendance, logged.duration_minutes, logged.mode, logged.enrolment_id) == (
        Attendance.ATTENDED,
        55,
        SessionMode.PHONE,
        enrolment,
    )
    assert logged.note is not None and logged.note.body == "Went well"
    assert [i.description for i in logged.action_items] == ["Breathe"]
    with db.transaction() as s:
        item = s.get(ActionItem, walk)
        assert item is not None
        assert (item.status, item.reviewed_session_id) == (ActionStatus.DONE, planned.id)
    form["notes"] = ""
    form["new_action_items"] = []
    again = log_planned_session(db, planned.id, **form)
    assert again.note is not None and again.note.body == "Went well"
    with pytest.raises(ValidationError) as info:
        log_planned_session(db, planned.id, **(form | {"enrolment_id": add_enrolment(db, other)}))
    assert info.value.field == "enrolment"
    with pytest.raises(NotFoundError):
        log_planned_session(db, 999, **form)


def test_deleting_a_reviewing_session_keeps_the_items(db: Database) -> None:
    client = add_client(db)
    first = log(db, client, new_action_items=[NewActionItem("Walk")])
    second = log(
        db,
        client,
        starts_at=PAST + timedelta(days=7),
        reviews=[ActionReview(first.action_items[0].id, "done")],
    )
    delete_session(db, second.id)
    with db.transaction() as s:
        item = s.get(ActionItem, first.action_items[0].id)
        assert item is not None
        assert (item.status, item.reviewed_session_id) == (ActionStatus.DONE, None)


def test_record_attendance_after_the_fact(db: Database) -> None:
    client = add_client(db)
    planned = plan_session(
        db, client_id=client, starts_at=PAST, duration_minutes=60, kind="session", mode="video"
    )
    assert record_attendance(db, planned.id, "no_show").attendance is Attendance.NO_SHOW
    assert record_attendance(db, planned.id, Attendance.CANCELLED_LATE).attendance is (
        Attendance.CANCELLED_LATE
    )
    with pytest.raises(ValidationError) as info:
        record_attendance(db, planned.id, "late")
    assert info.value.field == "attendance"
    with pytest.raises(NotFoundError):
        record_attendance(db, 999, "attended")
    with db.transaction() as s:
        edits = s.scalars(
            select(AuditEntry.detail).where(
                AuditEntry.action == "edit", AuditEntry.entity == "session"
            )
        ).all()
    assert list(edits) == ["attendance", "attendance"]


def test_the_note_is_saved_now_unless_a_past_time_is_given(db: Database) -> None:
    client = add_client(db)
    before = datetime.now(UTC)
    note = log(db, client, notes="Today's words").note
    assert note is not None and before <= note.updated_at <= datetime.now(UTC)

    written = datetime(2026, 3, 2, 13, 5, tzinfo=BERLIN)  # 12:05 UTC, after the 11:00 end
    note = log(
        db, client, notes="Written that day", note_saved_at=written, allow_same_time=True
    ).note
    assert note is not None and note.updated_at == written
    assert note.updated_at.tzinfo is not None
    assert get_session(db, note.session_id).note.updated_at == written  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("saved_at", "message"),
    [
        (datetime(2026, 3, 2, 12, 0), "time zone"),  # naive
        (FromNow(minutes=5), "future"),
        (PAST - timedelta(minutes=1), "before the session started"),
    ],
)
def test_an_impossible_note_time_is_refused_and_nothing_is_saved(
    db: Database, saved_at: datetime, message: str
) -> None:
    client = add_client(db)
    with pytest.raises(ValidationError, match=message) as info:
        log(db, client, notes="Words", note_saved_at=resolve(saved_at))
    assert info.value.field == "note_saved_at"
    assert count(db, Session) == 0 and count(db, SessionNote) == 0


def test_logging_a_planned_session_can_date_its_note(db: Database) -> None:
    client = add_client(db)
    planned = plan_session(
        db, client_id=client, starts_at=PAST, duration_minutes=60, kind="session", mode="video"
    )
    form: dict[str, Any] = {
        "starts_at": PAST,
        "duration_minutes": 60,
        "kind": "session",
        "mode": "video",
        "attendance": "attended",
    }
    first = PAST + timedelta(hours=2)
    logged = log_planned_session(db, planned.id, notes="First", note_saved_at=first, **form)
    assert logged.note is not None and logged.note.updated_at == first
    # a change cannot be dated before the text it replaces was saved
    with pytest.raises(ValidationError, match="before the note was last saved"):
        log_planned_session(
            db, planned.id, notes="Second", note_saved_at=first - timedelta(minutes=1), **form
        )
    later = first + timedelta(days=1)
    logged = log_planned_session(db, planned.id, notes="Second", note_saved_at=later, **form)
    assert logged.note is not None and logged.note.updated_at == later
    [version] = logged.note.versions
    assert (version.body, version.saved_at, version.replaced_at) == ("First", first, later)


def test_the_planned_session_of_a_day_is_found_to_be_filled_in(db: Database) -> None:
    zoe, ana = add_client(db), add_client(db, "Ana", "Silva")
    day = datetime(2026, 3, 10, tzinfo=UTC)
    later = plan_session(
        db,
        client_id=zoe,
        starts_at=day.replace(hour=15),
        duration_minutes=60,
        kind="session",
        mode="video",
    )
    first = plan_session(
        db,
        client_id=zoe,
        starts_at=day.replace(hour=9),
        duration_minutes=60,
        kind="session",
        mode="video",
    )
    plan_session(  # a support call is not a session to fill in
        db,
        client_id=zoe,
        starts_at=day.replace(hour=8),
        duration_minutes=15,
        kind="support_call",
        mode="phone",
    )
    end = day + timedelta(days=1)
    found = planned_session_on(db, zoe, day, end)
    assert found is not None and found.id == first.id  # the earliest of the day
    assert planned_session_on(db, ana, day, end) is None  # another client's day
    assert planned_session_on(db, zoe, end, end + timedelta(days=1)) is None  # another day
    log(db, zoe, day.replace(hour=9, minute=30))  # logged beside it: still planned
    found = planned_session_on(db, zoe, day, end)
    assert found is not None and found.id == first.id
    assert later.id != first.id


def test_a_second_session_at_the_same_moment_is_logged_only_on_purpose(db: Database) -> None:
    """Saving the same session twice (a second press, a second window) made two."""
    from practice.services.sessions import SameTimeError

    client = add_client(db)
    first = log(db, client)
    with pytest.raises(SameTimeError) as caught:
        log(db, client, notes="again")
    assert caught.value.field == "starts_at" and caught.value.existing_id == first.id
    assert count(db, Session) == 1
    other = add_client(db, "Other")
    log(db, other)  # another client at that time is another session
    log(db, client, allow_same_time=True)  # two at once, on purpose
    assert count(db, Session) == 3
