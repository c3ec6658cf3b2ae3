"""Small hand-built practices for document tests: rows inserted directly, snapshot included."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from practice.db import Database
from practice.db.seed import default_clauses
from practice.models import (
    Client,
    Enrolment,
    EnrolmentStatus,
    Instalment,
    PageSize,
    Payment,
    PaymentKind,
    PaymentMethod,
    PaymentPlan,
    PracticeProfile,
)
from practice.money import split_amount
from practice.timeutil import add_months

DESCRIPTION = (
    "We work together over {length}, meeting more often in the first month while we find "
    "our footing, {client_first_name}.\n\nBetween sessions you can book short support calls "
    "if something comes up. The whole programme costs {total}, paid in {instalments} "
    "instalments of {instalment_amount}."
)


def set_profile(db: Database, **changes: Any) -> None:
    values: dict[str, Any] = {
        "practitioner_name": "Mira Kovač",
        "business_name": "Quiet Harbour Therapy",
        "qualifications": "MSc Counselling Psychology, Dip. Supervision",
        "registration": "BACP registered member 0123456",
        "email": "mira@quietharbour.example",
        "phone": "+44 20 7946 0000",
        "address": "12 Harbour Lane\nBristol BS1 4XX",
        "website": "quietharbour.example",
        "locale": "en_GB",
        "currency": "GBP",
        "page_size": PageSize.A4,
    }
    values.update(changes)
    with db.transaction() as s:
        profile = s.get(PracticeProfile, 1)
        assert profile is not None
        for key, value in values.items():
            setattr(profile, key, value)


def snapshot(**changes: Any) -> dict[str, Any]:
    """A terms snapshot in the enrolment service's shape: programme columns + clauses."""
    data: dict[str, Any] = {
        "name": "Three-month reset",
        "summary": "",
        "description": DESCRIPTION,
        "length_value": 3,
        "length_unit": "months",
        "session_minutes": 60,
        "periods": [
            {"first_period": 1, "last_period": 1, "sessions_per_period": 3},
            {"first_period": 2, "last_period": 3, "sessions_per_period": 2},
        ],
        "support_mode": "count",
        "support_call_count": 4,
        "support_call_minutes": 15,
        "support_minutes_estimate": 0,
        "inclusions": [
            {"kind": "recording", "description": "Recordings of our sessions on request"},
            {"kind": "worksheet", "description": "Worksheets for the practice between sessions"},
        ],
        "price": 120000,
        "currency": "GBP",
        "full_payment_discount": 6000,
        "instalment_count": 3,
        "instalment_interval": "monthly",
        "minimum_term": 2,
        "prep_minutes_per_session": 15,
        "writeup_minutes_per_session": 20,
        "supervision_minutes_per_month": 60,
        "clauses": [
            {"key": c["key"], "heading": c["heading"], "body": c["body"]} for c in default_clauses()
        ],
    }
    data.update(changes)
    return data


def make_enrolment(
    db: Database,
    *,
    first_name: str = "Zoë",
    last_name: str = "Ødegård",
    start: date = date(2026, 3, 3),
    plan: PaymentPlan = PaymentPlan.INSTALMENTS,
    price: int = 120000,
    discount: int = 0,
    instalments: int = 3,
    remainder_on: str = "first",
    agreed_on: date | None = date(2026, 2, 24),
    terms: dict[str, Any] | None = None,
    notes: str = "",
) -> int:
    """An enrolment with its instalments; returns its id."""
    terms = terms if terms is not None else snapshot()
    agreed = price - discount
    count = 1 if plan == PaymentPlan.FULL else instalments
    amounts = split_amount(agreed, count, "first" if remainder_on == "first" else "last")
    with db.transaction() as s:
        client = Client(first_name=first_name, last_name=last_name)
        s.add(client)
        s.flush()
        enrolment = Enrolment(
            client_id=client.id,
            programme_name=terms["name"],
            start_date=start,
            end_date=add_months(start, int(terms["length_value"])) - timedelta(days=1),
            agreed_price=agreed,
            discount=discount,
            currency=str(terms.get("currency", "GBP")),
            payment_plan=plan,
            remainder_on=remainder_on,
            status=EnrolmentStatus.ACTIVE if agreed_on else EnrolmentStatus.PROPOSED,
            agreed_on=agreed_on,
            terms_snapshot=terms,
            notes=notes,
        )
        enrolment.instalments = [
            Instalment(number=n + 1, due_date=add_months(start, n), amount=amount)
            for n, amount in enumerate(amounts)
        ]
        s.add(enrolment)
        s.flush()
        return enrolment.id


def add_payment(
    db: Database,
    enrolment_id: int,
    amount: int,
    received_on: date,
    *,
    kind: PaymentKind = PaymentKind.PAYMENT,
    method: PaymentMethod = PaymentMethod.BANK_TRANSFER,
    reference: str = "",
    instalment_number: int | None = None,
) -> int:
    with db.transaction() as s:
        instalment_id = None
        if instalment_number is not None:
            enrolment = s.get(Enrolment, enrolment_id)
            assert enrolment is not None
            instalment_id = next(
                i.id for i in enrolment.instalments if i.number == instalment_number
            )
        payment = Payment(
            enrolment_id=enrolment_id,
            instalment_id=instalment_id,
            kind=kind,
            received_on=received_on,
            amount=amount,
            currency="GBP",
            method=method,
            reference=reference,
        )
        s.add(payment)
        s.flush()
        return payment.id
