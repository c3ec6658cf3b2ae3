"""The sample practice written through the services: every status, outcome and kind of
record the brief lists is there, even in a small sample, and a used database is refused."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from practice.db import Database, open_database
from practice.demo import NotEmptyError, generate_demo
from practice.demo.meetings import practice_timezone
from practice.demo.names import SHOWCASE
from practice.errors import ValidationError
from practice.models import (
    ActionItem,
    ActionStatus,
    Attendance,
    Client,
    ClientStatus,
    Enquiry,
    EnquiryOutcome,
    Enrolment,
    EnrolmentStatus,
    Instalment,
    NoteAddendum,
    NoteVersion,
    Payment,
    PaymentKind,
    PracticeProfile,
    Programme,
    Referral,
    ResourceShare,
    Session,
    SessionKind,
    SessionNote,
    WorkCategory,
    WorkLogEntry,
)
from tests.clock import FromNow, resolve

TODAY = date(2025, 6, 30)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("demo") / "sample.db"
    db = open_database(path)
    generate_demo(db, clients=12, years=2, seed=11, today=TODAY)
    try:
        yield db
    finally:
        db.close()


def values(db: Database, column: Any) -> set[Any]:
    with db.transaction() as s:
        return set(s.scalars(select(column).distinct()))


def count(db: Database, stmt: Any) -> int:
    with db.transaction() as s:
        return int(s.scalar(stmt) or 0)


def test_every_status_outcome_and_category_is_present(sample: Database) -> None:
    assert values(sample, Enrolment.status) == set(EnrolmentStatus)
    assert values(sample, Client.status) == set(ClientStatus)
    assert values(sample, Session.attendance) == set(Attendance)
    assert values(sample, Session.kind) == set(SessionKind)
    assert values(sample, ActionItem.status) == set(ActionStatus)
    assert values(sample, WorkLogEntry.category) == set(WorkCategory)
    assert values(sample, Enquiry.outcome) == set(EnquiryOutcome)
    assert values(sample, Payment.kind) == set(PaymentKind)


def test_renewals_point_to_an_earlier_enrolment_of_the_same_client(sample: Database) -> None:
    with sample.transaction() as s:
        renewals = s.scalars(select(Enrolment).where(Enrolment.renewal_of_id.is_not(None))).all()
        assert renewals
        for renewal in renewals:
            earlier = renewal.renewal_of
            assert earlier is not None and earlier.client_id == renewal.client_id
            assert earlier.start_date < renewal.start_date


def test_enrolments_end_on_their_own_dates(sample: Database) -> None:
    with sample.transaction() as s:
        for e in s.scalars(select(Enrolment)):
            if e.status is EnrolmentStatus.CANCELLED:
                assert e.ended_on is not None and e.ended_on < e.start_date <= TODAY
            elif e.status is EnrolmentStatus.COMPLETED:
                assert e.ended_on == e.end_date < TODAY
            elif e.status is EnrolmentStatus.ENDED_EARLY:
                assert e.ended_on is not None and e.start_date <= e.ended_on < e.end_date
            else:
                assert e.ended_on is None


def test_payments_on_time_late_missing_and_a_refund(sample: Database) -> None:
    paid_on_instalment = (
        select(Payment.received_on, Instalment.due_date)
        .join(Instalment, Payment.instalment_id == Instalment.id)
        .where(Payment.kind == PaymentKind.PAYMENT)
    )
    with sample.transaction() as s:
        pairs = s.execute(paid_on_instalment).all()
        unpaid_due = s.scalar(
            select(func.count(Instalment.id))
            .join(Enrolment, Enrolment.id == Instalment.enrolment_id)
            .where(
                Instalment.due_date <= TODAY,
                Enrolment.status == EnrolmentStatus.ACTIVE,
                ~select(Payment.id).where(Payment.instalment_id == Instalment.id).exists(),
            )
        )
    assert any(received <= due for received, due in pairs), "paid on time"
    assert any(received > due + timedelta(days=4) for received, due in pairs), "paid late"
    assert unpaid_due, "an instalment that is due and not paid"
    assert count(sample, select(func.count()).where(Payment.kind == PaymentKind.REFUND)) >= 1


def test_sessions_have_notes_and_action_items_are_reviewed_later(sample: Database) -> None:
    with sample.transaction() as s:
        attended_without_note = s.scalar(
            select(func.count(Session.id))
            .outerjoin(SessionNote, SessionNote.session_id == Session.id)
            .where(Session.attendance == Attendance.ATTENDED, SessionNote.id.is_(None))
        )
        assert attended_without_note == 0
        reviewed = s.scalars(
            select(ActionItem).where(ActionItem.reviewed_session_id.is_not(None))
        ).all()
        assert reviewed
        for item in reviewed:
            assert item.reviewed_session is not None
            assert item.reviewed_session.starts_at > item.session.starts_at
        assert s.scalar(select(func.count()).where(Session.starts_at.is_(None))) == 0
        latest = s.scalar(select(func.max(Session.starts_at)))
        assert latest is not None and latest.date() > TODAY  # booked ahead


def test_some_notes_are_corrected_signed_and_added_to(sample: Database) -> None:
    with sample.transaction() as s:
        assert s.scalar(select(func.count(NoteVersion.id)))
        assert s.scalar(select(func.count(NoteAddendum.id)))
        locked = s.scalars(select(SessionNote).where(SessionNote.locked_at.is_not(None))).all()
        assert locked
        assert all(note.session.starts_at.date() < TODAY for note in locked)


def test_notes_are_written_soon_after_the_session_not_today(sample: Database) -> None:
    with sample.transaction() as s:
        notes = s.scalars(select(SessionNote)).all()
        assert notes
        for note in notes:
            session = note.session
            ended = session.starts_at + timedelta(minutes=session.duration_minutes)
            history = sorted(note.versions, key=lambda v: v.id)
            # first written 5-20 minutes after the end; corrections later, before signing
            first = history[0].saved_at if history else note.updated_at
            assert ended + timedelta(minutes=5) <= first <= ended + timedelta(minutes=20)
            for version in history:
                assert version.saved_at <= version.replaced_at
            assert first <= note.updated_at
            if note.locked_at is not None:
                assert note.updated_at <= note.locked_at
            if session.starts_at.date() < TODAY - timedelta(days=1):
                assert note.updated_at.date() < TODAY


def test_old_notes_are_signed_soon_after_the_session_not_today(sample: Database) -> None:
    zone = practice_timezone()
    with sample.transaction() as s:
        locked = s.scalars(select(SessionNote).where(SessionNote.locked_at.is_not(None))).all()
        for note in locked:
            assert note.locked_at is not None
            ended = note.session.starts_at + timedelta(minutes=note.session.duration_minutes)
            signed = note.locked_at.astimezone(zone)
            # within four hours of the end, or in working hours the next day
            if note.locked_at <= ended + timedelta(hours=4):
                assert note.locked_at >= ended + timedelta(minutes=20)
            else:
                assert signed.date() == ended.astimezone(zone).date() + timedelta(days=1)
                assert 8 <= signed.hour <= 17
            assert note.locked_at.date() < TODAY
            for addendum in note.addenda:
                added = addendum.created_at.astimezone(zone)
                assert 1 <= (added.date() - signed.date()).days <= 10
                assert 8 <= added.hour <= 17
                assert added.date() < TODAY


def signing_times(path: Path) -> list[tuple[Any, ...]]:
    db = open_database(path)
    try:
        generate_demo(db, clients=3, years=1, seed=5, today=TODAY)
        with db.transaction() as s:
            return [
                (note.session.starts_at, note.locked_at, [a.created_at for a in note.addenda])
                for note in s.scalars(
                    select(SessionNote)
                    .where(SessionNote.locked_at.is_not(None))
                    .order_by(SessionNote.session_id)
                )
            ]
    finally:
        db.close()


def test_the_same_seed_signs_the_same_notes_at_the_same_times(tmp_path: Path) -> None:
    first = signing_times(tmp_path / "one.db")
    assert first and any(addenda for _, _, addenda in first)
    assert signing_times(tmp_path / "two.db") == first


def test_profile_programmes_referrals_and_shares(sample: Database) -> None:
    with sample.transaction() as s:
        profile = s.get(PracticeProfile, 1)
        assert profile is not None
        assert (profile.currency, profile.locale) == ("GBP", "en_GB")
        assert profile.practitioner_name and profile.business_name
        programmes = s.scalars(select(Programme)).all()
        assert {p.length_unit.value for p in programmes} == {"weeks", "months"}
        assert s.scalar(select(func.count()).where(Referral.enquiry_id.is_not(None)))
        assert s.scalar(select(func.count()).where(ResourceShare.enquiry_id.is_not(None)))
        assert s.scalar(select(func.count()).where(ResourceShare.client_id.is_not(None)))
        names = {(r[0], r[1]) for r in s.execute(select(Client.first_name, Client.last_name))}
    assert {(first, last) for first, last, _, _ in SHOWCASE} <= names


def test_a_database_with_clients_is_refused_and_left_as_it_was(sample: Database) -> None:
    before = count(sample, select(func.count(Client.id)))
    with pytest.raises(NotEmptyError, match="already has clients"):
        generate_demo(sample, clients=3, today=TODAY)
    assert count(sample, select(func.count(Client.id))) == before


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"clients": 0}, "clients"),
        ({"clients": 100_000}, "clients"),
        ({"years": 0}, "years"),
        ({"today": FromNow(days=2)}, "today"),
    ],
)
def test_impossible_sizes_and_dates_are_refused(
    tmp_path: Path, options: dict[str, Any], field: str
) -> None:
    db = open_database(tmp_path / "empty.db")
    try:
        with pytest.raises(ValidationError) as caught:
            generate_demo(db, **resolve(options))
        assert caught.value.field == field
        assert count(db, select(func.count(Client.id))) == 0
    finally:
        db.close()
