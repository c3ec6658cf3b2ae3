"""The sample practice holds every kind of row it is documented to hold, whatever day it
is made on: tests that read a kind of row from it get one on every date."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from practice.db import Database, open_database
from practice.demo import generate_demo
from practice.demo.plan import FORCED
from practice.economics.attention import quiet_clients
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
    Payment,
    PaymentKind,
    Referral,
    ResourceShare,
    Session,
    SessionKind,
    SessionMode,
    WorkCategory,
    WorkLogEntry,
)

#: Days that have broken date arithmetic somewhere: leap days, month and year ends, the
#: Sundays the clocks change in Europe/London, the first of a year, and ordinary days.
AWKWARD_DAYS = [
    date(2024, 2, 29),
    date(2025, 1, 1),
    date(2025, 3, 30),
    date(2025, 10, 26),
    date(2025, 12, 31),
    date(2026, 1, 31),
    date(2026, 3, 29),
    date(2026, 7, 31),
    date(2026, 10, 25),
    date(2026, 12, 2),
]

ENUMS: list[tuple[Any, Any]] = [
    (Enrolment.status, EnrolmentStatus),
    (Client.status, ClientStatus),
    (Session.attendance, Attendance),
    (Session.kind, SessionKind),
    (Session.mode, SessionMode),
    (ActionItem.status, ActionStatus),
    (WorkLogEntry.category, WorkCategory),
    (Enquiry.outcome, EnquiryOutcome),
    (Payment.kind, PaymentKind),
]

PEOPLE: list[tuple[str, Any, Any]] = [
    ("resource shared with a client", ResourceShare, ResourceShare.client_id),
    ("resource given to an enquirer", ResourceShare, ResourceShare.enquiry_id),
    ("client referred on", Referral, Referral.client_id),
    ("enquirer referred on", Referral, Referral.enquiry_id),
]


def missing_kinds(db: Database) -> list[str]:
    """Every documented kind of row the sample lacks, named."""
    missing: list[str] = []
    with db.transaction() as s:
        for column, enum in ENUMS:
            seen = set(s.scalars(select(column).distinct()))
            missing += [f"{column}={value.value}" for value in set(enum) - seen]
        for name, table, column in PEOPLE:
            if not s.scalar(select(func.count()).select_from(table).where(column.is_not(None))):
                missing.append(name)
    return sorted(missing)


def made_on(path: Path, day: date, clients: int) -> Database:
    db = open_database(path)
    generate_demo(db, clients=clients, years=1, today=day)
    return db


@pytest.mark.parametrize("day", AWKWARD_DAYS, ids=str)
def test_a_nine_client_sample_has_every_kind_of_row_on_any_day(tmp_path: Path, day: date) -> None:
    db = made_on(tmp_path / "sample.db", day, clients=len(FORCED))
    try:
        assert missing_kinds(db) == []
    finally:
        db.close()


@pytest.mark.parametrize("day", AWKWARD_DAYS[::3], ids=str)
def test_a_six_client_sample_lacks_only_the_statuses_of_clients_it_does_not_have(
    tmp_path: Path, day: date
) -> None:
    """The small sample the app's tests use: every kind but the later scenarios' statuses."""
    db = made_on(tmp_path / "sample.db", day, clients=6)
    try:
        assert missing_kinds(db) == ["Client.status=paused"]
        # someone with an enrolment running that day has not been seen for a day or more
        assert quiet_clients(db, today=day, quiet_after_days=1)
    finally:
        db.close()
