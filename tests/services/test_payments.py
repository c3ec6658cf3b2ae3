from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from practice.db import Database, open_database
from practice.errors import EditConflictError, NotFoundError, ValidationError
from practice.models import AuditEntry, Enrolment, Payment, PaymentKind, PaymentMethod
from practice.services.clients import create_client
from practice.services.enrolments import cancel_enrolment, enrol_client
from practice.services.payments import (
    correct_payment,
    get_payment,
    list_payments,
    list_voided,
    record_payment,
    record_refund,
    void_payment,
)
from practice.services.programmes import PeriodPlan, create_programme
from tests.clock import FromNow, resolve

START = date(2026, 3, 3)


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One real database for the many refusal cases below: each checks it saved nothing."""
    database = open_database(tmp_path_factory.mktemp("shared") / "practice.db")
    yield database
    database.close()


def _enrolment(db: Database, first: str = "Zoë", *, currency: str = "GBP") -> Enrolment:
    client = create_client(db, first_name=first, last_name="Ødegård")
    programme = create_programme(
        db,
        name="Three months",
        description="",
        length_value=3,
        length_unit="months",
        session_minutes=60,
        periods=[PeriodPlan(1, 1, 3), PeriodPlan(2, 3, 2)],
        price=120_000,
        currency=currency,
        instalment_count=3,
    )
    return enrol_client(
        db,
        client_id=client.id,
        programme_id=programme.id,
        start_date=START,
        payment_plan="instalments",
        agree=True,
    )


def _payments(db: Database) -> int:
    with db.transaction() as s:
        return int(s.scalar(select(func.count(Payment.id))) or 0)


def test_record_payments_against_instalments_up_to_the_price(db: Database) -> None:
    enrolment = _enrolment(db)
    first, second, third = enrolment.instalments
    payment = record_payment(
        db,
        enrolment_id=enrolment.id,
        amount=40_000,
        received_on=START,
        method=PaymentMethod.BANK_TRANSFER,
        instalment_id=first.id,
        reference=" INV-1 ",
        note="First instalment",
    )
    assert (payment.amount, payment.currency, payment.kind) == (40_000, "GBP", PaymentKind.PAYMENT)
    assert payment.reference == "INV-1"
    assert get_payment(db, payment.id).instalment_id == first.id
    record_payment(db, enrolment_id=enrolment.id, amount=40_000, received_on=START, method="card")
    last = record_payment(
        db,
        enrolment_id=enrolment.id,
        amount=40_000,
        received_on=date(2026, 5, 3),
        method="cash",
        instalment_id=third.id,
    )
    assert last.method is PaymentMethod.CASH
    with pytest.raises(ValidationError) as over:
        record_payment(db, enrolment_id=enrolment.id, amount=1, received_on=START, method="cash")
    assert over.value.field == "amount"
    assert over.value.message == (
        "would bring the payments received to £1,200.01, which is £0.01 more than the agreed "
        "price of £1,200.00."
    )
    assert _payments(db) == 3


def test_overpayment_message_says_by_how_much(db: Database) -> None:
    enrolment = _enrolment(db)
    record_payment(db, enrolment_id=enrolment.id, amount=100_000, received_on=START, method="card")
    with pytest.raises(ValidationError) as caught:
        record_payment(
            db, enrolment_id=enrolment.id, amount=40_000, received_on=START, method="card"
        )
    assert "£200.00 more than the agreed price of £1,200.00" in caught.value.message


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"amount": 0}, "amount"),
        ({"amount": -100}, "amount"),
        ({"amount": 10.5}, "amount"),
        ({"amount": 10**13}, "amount"),
        ({"received_on": FromNow(days=1)}, "received_on"),
        ({"received_on": date(1850, 1, 1)}, "received_on"),
        ({"received_on": None}, "received_on"),
        ({"method": "bitcoin"}, "method"),
        ({"reference": "r" * 201}, "reference"),
        ({"note": "n" * 2_001}, "note"),
        ({"instalment_id": 999}, "instalment_id"),
    ],
)
def test_record_payment_validation_saves_nothing(
    shared_db: Database, overrides: dict[str, Any], field: str
) -> None:
    enrolment = _enrolment(shared_db)
    audit_before = _audit_count(shared_db)
    kwargs: dict[str, Any] = {
        "enrolment_id": enrolment.id,
        "amount": 40_000,
        "received_on": START,
        "method": "card",
        **resolve(overrides),
    }
    with pytest.raises(ValidationError) as caught:
        record_payment(shared_db, **kwargs)
    assert caught.value.field == field
    assert _payments(shared_db) == 0
    assert _audit_count(shared_db) == audit_before


def _audit_count(db: Database) -> int:
    with db.transaction() as s:
        return int(s.scalar(select(func.count(AuditEntry.id))) or 0)


def test_instalment_of_another_enrolment_is_refused(db: Database) -> None:
    mine, theirs = _enrolment(db), _enrolment(db, "Андрей")
    with pytest.raises(ValidationError) as caught:
        record_payment(
            db,
            enrolment_id=mine.id,
            amount=100,
            received_on=START,
            method="cash",
            instalment_id=theirs.instalments[0].id,
        )
    assert caught.value.field == "instalment_id"


def test_cancelled_or_missing_enrolment(db: Database) -> None:
    with pytest.raises(NotFoundError):
        record_payment(db, enrolment_id=999, amount=1, received_on=START, method="cash")
    with pytest.raises(NotFoundError):
        record_refund(db, enrolment_id=999, amount=1, received_on=START, method="cash")
    enrolment = _enrolment(db)
    cancel_enrolment(db, enrolment.id)
    with pytest.raises(ValidationError) as caught:
        record_payment(db, enrolment_id=enrolment.id, amount=1, received_on=START, method="cash")
    assert caught.value.field == "enrolment_id"


def test_zero_decimal_currency(db: Database) -> None:
    enrolment = _enrolment(db, currency="JPY")
    payment = record_payment(
        db, enrolment_id=enrolment.id, amount=40_000, received_on=START, method="cash"
    )
    assert payment.currency == "JPY"
    with pytest.raises(ValidationError) as caught:
        record_payment(
            db, enrolment_id=enrolment.id, amount=80_001, received_on=START, method="cash"
        )
    assert "¥1 more than" in caught.value.message


def test_refunds_limited_to_what_was_paid(db: Database) -> None:
    enrolment = _enrolment(db)
    with pytest.raises(ValidationError) as nothing_paid:
        record_refund(db, enrolment_id=enrolment.id, amount=1, received_on=START, method="cash")
    assert nothing_paid.value.message == "is more than the £0.00 paid so far, by £0.01."
    record_payment(db, enrolment_id=enrolment.id, amount=50_000, received_on=START, method="card")
    refund = record_refund(
        db,
        enrolment_id=enrolment.id,
        amount=20_000,
        received_on=date(2026, 4, 1),
        method="bank_transfer",
        reference="RF1",
        note="Ended early",
    )
    assert refund.kind is PaymentKind.REFUND
    with pytest.raises(ValidationError) as too_much:
        record_refund(
            db, enrolment_id=enrolment.id, amount=30_001, received_on=START, method="card"
        )
    assert too_much.value.message == "is more than the £300.00 paid so far, by £0.01."
    # The refund lowered what the client pays; it makes no room for paying beyond the
    # price: payments of 50,000 + 90,000 would be 20,000 more than the 120,000 agreed.
    with pytest.raises(ValidationError) as beyond:
        record_payment(
            db, enrolment_id=enrolment.id, amount=90_000, received_on=START, method="card"
        )
    assert beyond.value.message == (
        "would bring the payments received to £1,400.00, which is £200.00 more than the "
        "agreed price of £1,200.00."
    )
    record_payment(db, enrolment_id=enrolment.id, amount=70_000, received_on=START, method="card")
    assert sum(r.signed_amount for r in list_payments(db, enrolment_id=enrolment.id)) == 100_000


def test_void_keeps_the_payment_aside_is_audited_and_keeps_refunds_covered(db: Database) -> None:
    enrolment = _enrolment(db)
    payment = record_payment(
        db, enrolment_id=enrolment.id, amount=50_000, received_on=START, method="card"
    )
    refund = record_refund(
        db, enrolment_id=enrolment.id, amount=10_000, received_on=START, method="card"
    )
    with pytest.raises(ValidationError) as caught:
        void_payment(db, payment.id, "Typed the wrong amount")
    assert "void the refund first" in caught.value.message
    with pytest.raises(ValidationError) as no_reason:
        void_payment(db, refund.id, "  ")
    assert no_reason.value.field == "reason"
    assert _payments(db) == 2
    void_payment(db, refund.id, "Never paid out")
    void_payment(db, payment.id, "Belongs to another client")
    assert _payments(db) == 0
    # both are kept, as they were recorded, with why they were voided
    kept = list_voided(db, enrolment_id=enrolment.id)
    assert [(v.id, v.kind, v.amount, v.reason) for v in kept] == [
        (refund.id, PaymentKind.REFUND, 10_000, "Never paid out"),
        (payment.id, PaymentKind.PAYMENT, 50_000, "Belongs to another client"),
    ]
    assert kept[1].recorded_at == payment.created_at and kept[1].replaced_by_id is None
    with db.transaction() as s:
        voids = s.execute(
            select(AuditEntry.entity, AuditEntry.entity_id, AuditEntry.detail).where(
                AuditEntry.action == "void"
            )
        ).all()
    assert [tuple(d) for d in voids] == [
        ("payment", refund.id, f"refund, enrolment {enrolment.id}"),
        ("payment", payment.id, f"payment, enrolment {enrolment.id}"),
    ]
    with pytest.raises(EditConflictError, match="voided or corrected this payment at "):
        void_payment(db, payment.id, "again")  # as from a window that still showed it
    with pytest.raises(NotFoundError):
        get_payment(db, payment.id)
    # a voided payment's number (its receipt's) is never given to another payment
    later = record_payment(
        db, enrolment_id=enrolment.id, amount=100, received_on=START, method="cash"
    )
    assert later.id > payment.id


def test_correct_replaces_a_wrong_payment_and_keeps_both(db: Database) -> None:
    enrolment = _enrolment(db)
    wrong = record_payment(
        db, enrolment_id=enrolment.id, amount=4_000, received_on=START, method="card"
    )
    refund = record_refund(
        db, enrolment_id=enrolment.id, amount=1_000, received_on=START, method="card"
    )
    right = correct_payment(
        db,
        wrong.id,
        amount=40_000,
        received_on=date(2026, 3, 4),
        method="bank_transfer",
        reference="BACS 17",
        reason="£40 typed for £400",
    )
    assert (right.kind, right.amount, right.received_on, right.method) == (
        PaymentKind.PAYMENT,
        40_000,
        date(2026, 3, 4),
        PaymentMethod.BANK_TRANSFER,
    )
    assert right.id > refund.id
    [kept] = list_voided(db, enrolment_id=enrolment.id)
    assert (kept.id, kept.amount, kept.replaced_by_id) == (wrong.id, 4_000, right.id)
    assert sum(r.signed_amount for r in list_payments(db, enrolment_id=enrolment.id)) == 39_000
    # a correction that breaks a rule changes nothing: past the price, or leaving the
    # refund larger than what was paid
    for amount in (130_001, 500):
        with pytest.raises(ValidationError) as refused:
            correct_payment(
                db, right.id, amount=amount, received_on=START, method="card", reason="x"
            )
        assert refused.value.field == "amount"
    assert [p.id for p in list_payments(db, enrolment_id=enrolment.id)] == sorted(
        [refund.id, right.id]
    )
    assert len(list_voided(db, enrolment_id=enrolment.id)) == 1
    with db.transaction() as s:
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == wrong.id)).all()
    assert "correct" in actions


def test_list_payments_filters_in_sql(db: Database) -> None:
    zoe, andrei = _enrolment(db), _enrolment(db, "Андрей")
    p1 = record_payment(
        db,
        enrolment_id=zoe.id,
        amount=40_000,
        received_on=date(2026, 3, 3),
        method="card",
        instalment_id=zoe.instalments[0].id,
    )
    p2 = record_payment(
        db, enrolment_id=andrei.id, amount=40_000, received_on=date(2026, 3, 10), method="cash"
    )
    r1 = record_refund(
        db, enrolment_id=zoe.id, amount=5_000, received_on=date(2026, 4, 1), method="card"
    )
    rows = list_payments(db)
    assert [r.id for r in rows] == [p1.id, p2.id, r1.id]
    first = rows[0]
    assert (first.client_name, first.programme_name, first.instalment_number) == (
        "Zoë Ødegård",
        "Three months",
        1,
    )
    assert rows[2].signed_amount == -5_000 and rows[1].instalment_number is None
    assert [r.id for r in list_payments(db, enrolment_id=zoe.id)] == [p1.id, r1.id]
    assert [r.id for r in list_payments(db, client_id=andrei.client_id)] == [p2.id]
    assert [r.id for r in list_payments(db, since=date(2026, 3, 10))] == [p2.id, r1.id]
    assert [r.id for r in list_payments(db, until=date(2026, 3, 10))] == [p1.id, p2.id]
    assert [r.id for r in list_payments(db, since=date(2026, 3, 4), until=date(2026, 3, 31))] == [
        p2.id
    ]
    with pytest.raises(ValidationError):
        list_payments(db, since="2026-01-01")  # type: ignore[arg-type]
