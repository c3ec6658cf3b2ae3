"""``practice report`` on a tiny practice built through the services, checked by hand."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from practice.db import Database
from practice.models import Attendance, PaymentMethod, PaymentPlan, SessionKind, SessionMode
from practice.services.clients import create_client
from practice.services.enrolments import agree_enrolment, enrol_client
from practice.services.payments import record_payment, record_refund
from practice.services.programmes import PeriodPlan, create_programme
from practice.services.sessions import log_session
from practice.services.worklog import log_work

from .helpers import run_cli


def at(day: int, hour: int = 10, month: int = 3) -> datetime:
    return datetime(2025, month, day, hour, tzinfo=UTC)


def test_report_of_a_tiny_practice(
    capsys: pytest.CaptureFixture[str], db: Database, db_path: Path
) -> None:
    programme = create_programme(
        db,
        name="Three months",
        description="We meet three times in month one, then twice a month.",
        length_value=3,
        length_unit="months",
        session_minutes=60,
        periods=[PeriodPlan(1, 1, 3), PeriodPlan(2, 3, 2)],
        support_mode="count",
        support_call_count=4,
        support_call_minutes=15,
        price=120_000,
        currency="GBP",
        instalment_count=3,
        prep_minutes_per_session=15,
        writeup_minutes_per_session=20,
        supervision_minutes_per_month=60,
    )
    client = create_client(db, first_name="Zoë", last_name="Ødegård")
    enrolment = enrol_client(
        db,
        client_id=client.id,
        programme_id=programme.id,
        start_date=date(2025, 3, 3),
        payment_plan=PaymentPlan.INSTALMENTS,
    )
    enrolment = agree_enrolment(db, enrolment.id, agreed_on=date(2025, 3, 1))
    first, second, _third = enrolment.instalments

    def meeting(when: datetime, minutes: int, kind: SessionKind, attendance: Attendance) -> None:
        log_session(
            db,
            client_id=client.id,
            enrolment_id=enrolment.id,
            starts_at=when,
            duration_minutes=minutes,
            kind=kind,
            mode=SessionMode.VIDEO,
            attendance=attendance,
        )

    meeting(at(4), 60, SessionKind.SESSION, Attendance.ATTENDED)
    meeting(at(10), 15, SessionKind.SUPPORT_CALL, Attendance.ATTENDED)
    meeting(at(18), 60, SessionKind.SESSION, Attendance.ATTENDED)
    meeting(at(25), 60, SessionKind.SESSION, Attendance.CANCELLED_LATE)  # used, not contact
    meeting(at(2, month=4), 60, SessionKind.SESSION, Attendance.ATTENDED)  # after the period
    log_work(db, work_date=date(2025, 3, 4), minutes=15, category="prep", client_id=client.id)
    log_work(db, work_date=date(2025, 3, 5), minutes=30, category="admin")
    log_work(db, work_date=date(2025, 4, 1), minutes=45, category="admin")  # after the period
    record_payment(
        db,
        enrolment_id=enrolment.id,
        amount=first.amount,
        received_on=date(2025, 3, 3),
        method=PaymentMethod.CARD,
        instalment_id=first.id,
    )
    record_refund(
        db,
        enrolment_id=enrolment.id,
        amount=5_000,
        received_on=date(2025, 3, 28),
        method=PaymentMethod.BANK_TRANSFER,
    )
    record_payment(
        db,
        enrolment_id=enrolment.id,
        amount=second.amount,
        received_on=date(2025, 4, 3),
        method=PaymentMethod.CARD,
        instalment_id=second.id,
    )
    db.close()

    result = run_cli(
        capsys,
        "--database",
        db_path,
        "report",
        "--from",
        "2025-03-01",
        "--to",
        "2025-03-31",
        "--json",
    )
    assert result.code == 0, result.err
    data = json.loads(result.out)
    # By hand: contact 60 + 15 + 60 = 135 min (the late cancellation is not contact time);
    # unseen 15 prep + 30 admin = 45 min; 180 min in all = 3 h.
    # One programme agreed in the period, at 1,200.00.
    # Received 400.00 - 50.00 = 350.00 (cash). Earned: the refund lowered the price to
    # 1,150.00; three of the seven planned sessions were used in March (4, 18, and the
    # late cancellation on 25), 115000 × 3/7 = 49285.71 → 49286; over 3 h = 16428.67 → 16429.
    assert data["contact_minutes"] == 135
    assert data["unseen_minutes"] == 45
    assert data["unseen_minutes_by_category"]["prep"] == 15
    assert data["unseen_minutes_by_category"]["admin"] == 30
    assert data["unseen_minutes_by_category"]["supervision"] == 0
    assert data["total_minutes"] == 180
    assert data["income_received"] == 35_000
    assert data["earned_income"] == 49_286
    assert data["effective_hourly_rate"] == 16_429
    assert data["sessions"] == 2
    assert data["active_clients"] == 1
    assert data["average_programme_value"] == 120_000
    assert data["currency"] == "GBP"

    table = run_cli(
        capsys, "--database", db_path, "report", "--from", "2025-03-01", "--to", "2025-03-31"
    )
    assert "£492.86" in table.out and "£350.00" in table.out
    assert "£164.29 an hour (earned ÷ hours worked)" in table.out
    assert "2 h 15 min" in table.out.replace("  ", " ")
