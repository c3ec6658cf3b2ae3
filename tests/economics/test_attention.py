"""The Today page's lists on the hand-made practice (today: Sunday 15 March 2026)."""

from __future__ import annotations

from datetime import UTC, date, timedelta
from zoneinfo import ZoneInfo

from practice.db import Database
from practice.economics import (
    InstalmentState,
    action_items_due,
    instalment_rows,
    instalments_due,
    overdue_instalments,
    quiet_clients,
)
from practice.models import Attendance, EnrolmentStatus

from . import factories as f
from .practice_fixture import TODAY, Ids

Practice = tuple[Database, Ids]
LONDON = ZoneInfo("Europe/London")


def test_overdue_instalments(practice: Practice) -> None:
    db, ids = practice
    rows = overdue_instalments(db, today=TODAY)
    # Only Ana's third instalment (due 5 Mar, nothing paid). Ben's E2 is paid; E3's
    # instalments before today are paid; E5 is cancelled; E4 owes nothing.
    assert [(r.enrolment_id, r.number, r.left, r.days_overdue) for r in rows] == [
        (ids.e1, 3, 40000, 10)
    ]
    row = rows[0]
    assert (row.client_name, row.programme_name, row.currency) == (
        "Ani Silva",
        "Three months of change",
        "GBP",
    )
    assert (row.amount, row.paid, row.state) == (40000, 0, InstalmentState.OVERDUE)
    # The day it falls due it is not yet overdue.
    assert overdue_instalments(db, today=date(2026, 3, 5)) == []


def test_instalments_due_within_a_week(practice: Practice) -> None:
    db, ids = practice
    rows = instalments_due(db, today=TODAY)
    # 15–22 Mar: Ben's E3 inst 2 due 20 Mar, 5000 of 40000 paid. Zoë's E5 inst 1 (16 Mar)
    # belongs to a cancelled enrolment.
    assert [(r.enrolment_id, r.number, r.paid, r.left, r.state) for r in rows] == [
        (ids.e3, 2, 5000, 35000, InstalmentState.PART_PAID)
    ]
    assert rows[0].days_overdue == 0
    assert instalments_due(db, today=TODAY, within_days=4) == []
    # A month ahead: E1 has nothing further; E3 inst 3 (20 Apr) is already paid.
    later = instalments_due(db, today=TODAY, within_days=40)
    assert [(r.enrolment_id, r.number) for r in later] == [(ids.e3, 2)]


def test_quiet_clients(practice: Practice) -> None:
    db, ids = practice
    # Active: Ana (last attended 19 Feb → 24 days), Ben (support call 3 Mar → 12 days),
    # Zoë (17 Feb → 26 days). Longest quiet first.
    rows = quiet_clients(db, today=TODAY, quiet_after_days=21, tz=LONDON)
    assert [(r.client_id, r.last_contact, r.days_quiet) for r in rows] == [
        (ids.zoe, date(2026, 2, 17), 26),
        (ids.ana, date(2026, 2, 19), 24),
    ]
    assert rows[1].client_name == "Ani Silva"
    assert rows[1].active_since == date(2026, 1, 5)
    # Exactly N days is quiet; N + 1 is not yet.
    assert [
        r.client_id for r in quiet_clients(db, today=TODAY, quiet_after_days=26, tz=LONDON)
    ] == [ids.zoe]
    assert quiet_clients(db, today=TODAY, quiet_after_days=27, tz=LONDON) == []
    assert {
        r.client_id for r in quiet_clients(db, today=TODAY, quiet_after_days=12, tz=LONDON)
    } == {
        ids.zoe,
        ids.ana,
        ids.ben,
    }


def test_a_client_who_just_started_is_not_quiet(db: Database) -> None:
    with db.transaction() as s:
        new = f.client(s, "Noor")
        f.enrolment(
            s, new, start=TODAY - timedelta(days=5), end=TODAY + timedelta(days=80), instalments=[]
        )
        old = f.client(s, "Kai")
        e = f.enrolment(
            s, old, start=TODAY - timedelta(days=40), end=TODAY + timedelta(days=50), instalments=[]
        )
        # a no-show and a future planned session are not contact
        f.meeting(s, old, f.at(2026, 3, 10), attendance=Attendance.NO_SHOW, enrolment=e)
        f.meeting(s, old, f.at(2026, 3, 20), attendance=Attendance.PLANNED, enrolment=e)
        paused = f.client(s, "Lee")
        f.enrolment(
            s,
            paused,
            start=TODAY - timedelta(days=90),
            end=TODAY - timedelta(days=1),
            status=EnrolmentStatus.COMPLETED,
            instalments=[],
        )
    rows = quiet_clients(db, today=TODAY, quiet_after_days=21, tz=UTC)
    assert [(r.client_name, r.last_contact, r.days_quiet) for r in rows] == [("Kai", None, 40)]


def test_action_items_due(practice: Practice) -> None:
    db, ids = practice
    rows = action_items_due(db, today=TODAY)
    # open and due by 22 Mar: "Write the letter" (10 Mar, overdue) and "Walk…" (20 Mar);
    # the undated item and the one due 25 Mar are not listed; reviewed items are not open.
    assert [(r.description, r.due_date, r.overdue, r.days_overdue) for r in rows] == [
        ("Write the letter", date(2026, 3, 10), True, 5),
        ("Walk three times a week", date(2026, 3, 20), False, 0),
    ]
    assert {r.client_id for r in rows} == {ids.ana}
    assert rows[0].client_name == "Ani Silva"
    assert [r.description for r in action_items_due(db, today=TODAY, within_days=10)][-1] == (
        "Call the GP"
    )


def test_action_items_due_only_for_clients_with_an_active_enrolment(db: Database) -> None:
    due = TODAY - timedelta(days=3)
    with db.transaction() as s:
        current = f.client(s, "Noor")
        e = f.enrolment(
            s,
            current,
            start=TODAY - timedelta(days=60),
            end=TODAY + timedelta(days=30),
            instalments=[],
        )
        # an earlier, completed enrolment does not hide the current one
        f.enrolment(
            s,
            current,
            start=TODAY - timedelta(days=200),
            end=TODAY - timedelta(days=61),
            status=EnrolmentStatus.COMPLETED,
            instalments=[],
        )
        f.action(s, f.meeting(s, current, f.at(2026, 3, 1), enrolment=e), due=due, text="Now")
        former = f.client(s, "Kai")
        for status in (EnrolmentStatus.COMPLETED, EnrolmentStatus.ENDED_EARLY):
            old = f.enrolment(
                s,
                former,
                start=date(2024, 1, 5),
                end=date(2024, 4, 5),
                status=status,
                instalments=[],
            )
            f.action(s, f.meeting(s, former, f.at(2024, 3, 1), enrolment=old), due=due)
        proposed = f.client(s, "Lee")
        p = f.enrolment(
            s,
            proposed,
            start=TODAY + timedelta(days=10),
            end=TODAY + timedelta(days=100),
            status=EnrolmentStatus.PROPOSED,
            instalments=[],
        )
        f.action(s, f.meeting(s, proposed, f.at(2026, 3, 2), enrolment=p), due=due)
        never = f.client(s, "Mo")  # a one-off session, never enrolled
        f.action(s, f.meeting(s, never, f.at(2026, 3, 3)), due=due)
    rows = action_items_due(db, today=TODAY)
    assert [(r.client_name, r.description, r.days_overdue) for r in rows] == [("Noor", "Now", 3)]


def test_instalment_rows_for_the_money_page(practice: Practice) -> None:
    db, ids = practice
    rows = instalment_rows(db, today=TODAY)
    # E1 ×3, E2 ×1, E3 ×3, E4 ×1 (zero); E5 was cancelled and is not listed
    assert len(rows) == 8
    assert [r.due_date for r in rows] == sorted(r.due_date for r in rows)
    assert {r.enrolment_id for r in rows} == {ids.e1, ids.e2, ids.e3, ids.e4}
    overdue = instalment_rows(db, today=TODAY, states=[InstalmentState.OVERDUE])
    assert overdue == overdue_instalments(db, today=TODAY)
    bens = instalment_rows(db, today=TODAY, client_id=ids.ben, states=["paid"])
    # E2 inst 1, E3 inst 1 and inst 3 (paid in advance)
    assert [(r.enrolment_id, r.number) for r in bens] == [(ids.e2, 1), (ids.e3, 1), (ids.e3, 3)]
    march = instalment_rows(db, today=TODAY, due_from=date(2026, 3, 1), due_to=date(2026, 3, 31))
    assert [(r.enrolment_id, r.number, r.state) for r in march] == [
        (ids.e1, 3, InstalmentState.OVERDUE),
        (ids.e3, 2, InstalmentState.PART_PAID),
    ]
