"""Two people saving the same record (issue 15): the second save is refused, told who
saved first and when, and nothing of either is lost. On a practice file (two windows,
or a window and the command line) and on a practice server (two practitioners).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from practice.db import Database, open_database
from practice.db.server import open_server_database
from practice.errors import EditConflictError
from practice.models import Attendance, Client, PractitionerRole, SessionKind, SessionMode
from practice.services.clients import create_client, get_client, update_client
from practice.services.notes import save_and_lock_note, save_note
from practice.services.sessions import get_session, log_session
from practice.services.team import add_practitioner, share_client
from practice.timeutil import use_zone
from tests.postgres import SUPERUSER, PostgresServer

WHEN = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
_names = itertools.count(1)


@pytest.fixture
def two_windows(tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    """The same practice file opened twice, as two windows (or a window and a command)."""
    first = open_database(tmp_path / "practice.db")
    second = open_database(tmp_path / "practice.db")
    try:
        yield first, second
    finally:
        second.close()
        first.close()


def a_session(db: Database, client_id: int) -> int:
    return log_session(
        db,
        client_id=client_id,
        starts_at=WHEN,
        duration_minutes=50,
        kind=SessionKind.SESSION,
        mode=SessionMode.IN_PERSON,
        attendance=Attendance.ATTENDED,
    ).id


def test_the_second_save_of_a_client_is_refused_and_the_first_kept(
    two_windows: tuple[Database, Database],
) -> None:
    first, second = two_windows
    client = create_client(first, first_name="Ines", last_name="Park")
    opened_here = get_client(first, client.id).version  # both forms show version 1
    opened_there = get_client(second, client.id).version
    update_client(first, client.id, expected_version=opened_here, phone="01632 960123")
    with pytest.raises(EditConflictError) as refused:
        update_client(second, client.id, expected_version=opened_there, email="ines@example.org")
    message = str(refused.value)
    assert message.startswith("Someone in another window or the command line saved this client")
    assert "your changes were not saved" in message and "They are still here" in message
    kept = get_client(second, client.id)
    assert (kept.phone, kept.email, kept.version) == ("01632 960123", "", 2)
    # opened again, the second person's change goes in on top of the first
    update_client(second, client.id, expected_version=kept.version, email="ines@example.org")
    assert (get_client(first, client.id).phone, get_client(first, client.id).email) == (
        "01632 960123",
        "ines@example.org",
    )


def test_a_form_that_changed_nothing_is_not_a_conflict(
    two_windows: tuple[Database, Database],
) -> None:
    first, second = two_windows
    client = create_client(first, first_name="Jo")
    update_client(second, client.id, expected_version=1, last_name="Rees")
    # without an expected version (a script that means to write) nothing is checked
    assert update_client(first, client.id, last_name="Rees-Hart").version == 3


def test_the_second_save_of_a_note_is_refused(two_windows: tuple[Database, Database]) -> None:
    first, second = two_windows
    use_zone(UTC)
    try:
        client = create_client(first, first_name="Ola")
        session_id = a_session(first, client.id)
        # both editors opened before there was any note: version 0
        save_note(first, session_id, body="Talked about sleep.", expected_version=0)
        with pytest.raises(EditConflictError, match="saved this note at"):
            save_note(second, session_id, body="Talked about work.", expected_version=0)
        with pytest.raises(EditConflictError):
            save_and_lock_note(second, session_id, body="Talked about work.", expected_version=0)
        note = get_session(second, session_id).note
        assert note is not None and note.body == "Talked about sleep." and note.locked_at is None
        save_note(second, session_id, body="Sleep, then work.", expected_version=note.version)
        assert get_session(first, session_id).note.body == "Sleep, then work."  # type: ignore[union-attr]
    finally:
        use_zone(None)


@pytest.fixture(scope="module")
def server_team(postgres: PostgresServer) -> str:
    name = f"conflicts_{next(_names)}"
    postgres.create_database(name)
    address = f"postgresql://{SUPERUSER}@/{name}?host={postgres.sockets}&port={postgres.port}"
    admin = open_server_database(address)
    try:
        add_practitioner(
            admin, "Rosa Lind", "rosa", PractitionerRole.PRACTITIONER, "long password 1"
        )
        add_practitioner(
            admin, "Tomas Vik", "tomas", PractitionerRole.PRACTITIONER, "long password 2"
        )
    finally:
        admin.close()
    return address


def test_on_a_server_the_refusal_names_who_saved_first(server_team: str) -> None:
    rosa = open_server_database(server_team.replace(f"//{SUPERUSER}@", "//rosa@"))
    tomas = open_server_database(server_team.replace(f"//{SUPERUSER}@", "//tomas@"))
    admin = open_server_database(server_team)
    try:
        client = create_client(rosa, first_name="Uma", last_name="Shah")
        share_client(admin, client.id, "tomas", "co-working")
        seen_by_tomas = get_client(tomas, client.id).version
        update_client(rosa, client.id, expected_version=client.version, phone="020 7946 0000")
        with pytest.raises(EditConflictError) as refused:
            update_client(tomas, client.id, expected_version=seen_by_tomas, phone="020 7946 1111")
        assert str(refused.value).startswith("Rosa Lind (rosa) saved this client's details at ")
        assert get_client(admin, client.id).phone == "020 7946 0000"
    finally:
        for db in (rosa, tomas, admin):
            db.close()


def test_two_saves_at_the_same_moment_are_caught_by_the_database(server_team: str) -> None:
    """The version is part of the UPDATE: a save that read the row before another's
    commit writes nothing, and says so. (In a file the second writer waits for the
    first before it reads, so only a server can meet this.)"""
    first = open_server_database(server_team)
    second = open_server_database(server_team)
    try:
        client = create_client(first, first_name="Pat")
        with (
            pytest.raises(EditConflictError, match="at the same moment"),
            second.transaction() as s,
        ):
            stale = s.get(Client, client.id)
            assert stale is not None and stale.version == 1
            update_client(first, client.id, last_name="First")  # commits in between
            stale.last_name = "Second"
        with first.reading() as s:
            assert s.scalar(select(Client.last_name).where(Client.id == client.id)) == "First"
    finally:
        second.close()
        first.close()


def test_the_practices_own_programmes_and_settings_are_kept_the_same_way(
    two_windows: tuple[Database, Database],
) -> None:
    """A programme and the practice profile are shared by everyone in a team: the
    second save of either is refused too (migration 0014)."""
    from practice.services.profile import get_profile, update_profile
    from practice.services.programmes import create_programme, get_programme, update_programme
    from tests.services.test_programmes import worked_example

    first, second = two_windows
    programme = create_programme(first, **worked_example())
    shown = get_programme(second, programme.id).version
    update_programme(first, programme.id, expected_version=programme.version, price=99000)
    with pytest.raises(EditConflictError, match="saved this programme"):
        update_programme(second, programme.id, expected_version=shown, price=50000)
    assert get_programme(first, programme.id).price == 99000

    settings_shown = get_profile(second).version
    update_profile(first, expected_version=get_profile(first).version, phone="0161 496 0000")
    with pytest.raises(EditConflictError, match="saved the practice's settings"):
        update_profile(second, expected_version=settings_shown, phone="0161 496 9999")
    assert get_profile(first).phone == "0161 496 0000"


# Every other record two people may have open at once (migration 0016): how one is made,
# how a form saves a change to it (given the version it showed), how its saved value
# reads back, and what the refusal calls it.
def _make_session(db: Database) -> int:
    return a_session(db, create_client(db, first_name="Vic").id)


def _make_enrolment(db: Database) -> int:
    from practice.models import PaymentPlan
    from practice.services.enrolments import enrol_client
    from practice.services.programmes import create_programme
    from tests.services.test_programmes import worked_example

    programme = create_programme(db, **worked_example())
    client = create_client(db, first_name="Wyn")
    return enrol_client(
        db,
        client_id=client.id,
        programme_id=programme.id,
        start_date=WHEN.date(),
        payment_plan=PaymentPlan.INSTALMENTS,
    ).id


def _make_action_item(db: Database) -> int:
    from practice.services.action_items import add_action_item

    return add_action_item(db, session_id=_make_session(db), description="Walk daily").id


def _make_work(db: Database) -> int:
    from practice.services.worklog import log_work

    return log_work(db, work_date=WHEN.date(), minutes=30, category="admin").id


def _make_enquiry(db: Database) -> int:
    from practice.services.enquiries import record_enquiry

    return record_enquiry(db, name="Xan Ode", received_on=WHEN.date()).id


def _make_provider(db: Database) -> int:
    from practice.services.referrals import add_provider

    return add_provider(db, name="Yara Lee").id


def _make_resource(db: Database) -> int:
    from practice.services.resources import add_resource

    return add_resource(db, title="Sleep diary", kind="worksheet").id


def _make_clause(db: Database) -> int:
    from practice.services.profile import save_clause

    return save_clause(db, key="parking", heading="Parking", body="Park at the back.").id


def _read(db: Database, model: type, ident: int, column: str) -> tuple[str, int]:
    """The saved value (an enumeration's as saved) and the version, read afresh."""
    with db.reading() as s:
        record = s.get(model, ident)
        value = getattr(record, column)
        return str(getattr(value, "value", value)), record.version  # type: ignore[attr-defined]


def _save(kind: str, db: Database, ident: int, value: str, version: int) -> None:
    from practice.services import (
        action_items,
        enquiries,
        enrolments,
        profile,
        referrals,
        resources,
        sessions,
        worklog,
    )

    if kind == "session":
        sessions.update_session(db, ident, expected_version=version, mode=value)
    elif kind == "enrolment":
        enrolments.update_enrolment_notes(db, ident, value, expected_version=version)
    elif kind == "action item":
        action_items.update_action_item(db, ident, expected_version=version, description=value)
    elif kind == "work entry":
        worklog.update_work(db, ident, expected_version=version, note=value)
    elif kind == "enquiry":
        enquiries.update_enquiry(db, ident, expected_version=version, request=value)
    elif kind == "provider":
        referrals.update_provider(db, ident, expected_version=version, notes=value)
    elif kind == "resource":
        resources.update_resource(db, ident, expected_version=version, description=value)
    else:
        profile.save_clause(
            db, key="parking", heading="Parking", body=value, expected_version=version
        )


RECORDS = {
    # kind: (make, model name, column, two values a form may save)
    "session": (_make_session, "Session", "mode", ("video", "phone")),
    "enrolment": (_make_enrolment, "Enrolment", "notes", ("Mornings", "Evenings")),
    "action item": (_make_action_item, "ActionItem", "description", ("Walk", "Swim")),
    "work entry": (_make_work, "WorkLogEntry", "note", ("Invoices", "Letters")),
    "enquiry": (_make_enquiry, "Enquiry", "request", ("Sleep", "Stress")),
    "provider": (_make_provider, "Provider", "notes", ("Weekdays", "Weekends")),
    "resource": (_make_resource, "Resource", "description", ("One page", "Two pages")),
    "clause": (_make_clause, "AgreementClause", "body", ("At the back.", "In front.")),
}


@pytest.mark.parametrize("kind", list(RECORDS))
def test_every_record_two_people_may_edit_is_kept_the_same_way(
    two_windows: tuple[Database, Database], kind: str
) -> None:
    import practice.models

    make, model_name, column, (theirs, mine) = RECORDS[kind]
    model = getattr(practice.models, model_name)
    first, second = two_windows
    use_zone(UTC)
    try:
        ident = make(first)
        _value, shown_there = _read(second, model, ident, column)  # the second form opens
        _save(kind, first, ident, theirs, shown_there)  # the first saves
        with pytest.raises(EditConflictError) as refused:
            _save(kind, second, ident, mine, shown_there)
        assert f"saved this {kind}" in str(refused.value)
        assert " at " in str(refused.value)  # when, from the audit log
        saved, version = _read(first, model, ident, column)
        assert saved == theirs  # the first save stands
        _save(kind, second, ident, mine, version)  # opened again, it goes in on top
        assert _read(first, model, ident, column) == (mine, version + 1)
    finally:
        use_zone(None)


def test_a_payment_voided_or_corrected_in_another_window_is_not_corrected_twice(
    two_windows: tuple[Database, Database],
) -> None:
    """Payments are never edited, only voided or corrected; two people correcting the
    same one would make two replacements: the second is told who got there first."""
    from practice.services.enrolments import agree_enrolment
    from practice.services.payments import correct_payment, list_payments, record_payment

    first, second = two_windows
    use_zone(UTC)
    try:
        enrolment_id = _make_enrolment(first)
        agree_enrolment(first, enrolment_id, WHEN.date())
        paid = record_payment(
            first, enrolment_id=enrolment_id, amount=40_000, received_on=WHEN.date(),
            method="bank_transfer",
        )  # fmt: skip
        correct_payment(
            first, paid.id, amount=30_000, received_on=WHEN.date(), method="bank_transfer",
            reason="typed 400 for 300",
        )  # fmt: skip
        with pytest.raises(EditConflictError) as refused:
            correct_payment(
                second, paid.id, amount=35_000, received_on=WHEN.date(), method="cash",
                reason="it was cash",
            )  # fmt: skip
        assert str(refused.value).startswith(
            "Someone in another window or the command line voided or corrected this payment at "
        )
        assert [p.amount for p in list_payments(first, enrolment_id=enrolment_id)] == [30_000]
    finally:
        use_zone(None)
