"""Read what a document needs from the database in one transaction, into plain values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from practice.db import Database
from practice.documents.common import PracticeHeader
from practice.documents.terms import AgreedTerms
from practice.economics import snapshot_plan
from practice.errors import NotFoundError
from practice.models import (
    Enrolment,
    EnrolmentStatus,
    PageSize,
    Payment,
    PaymentKind,
    PaymentMethod,
    PaymentPlan,
    PracticeProfile,
    PriceReduction,
    SupportMode,
)


@dataclass(frozen=True)
class InstalmentRow:
    id: int
    number: int
    due_date: date
    amount: int


@dataclass(frozen=True)
class EnrolmentRecord:
    """One enrolment as documents print it: agreed terms, client, money, practice."""

    enrolment_id: int
    client_id: int
    client_name: str
    client_first_name: str
    client_address: str
    emergency_contact_name: str
    emergency_contact_phone: str
    terms: AgreedTerms
    sessions_planned: int
    start_date: date
    end_date: date
    agreed_on: date | None
    ended_on: date | None  # the day it completed, ended early or was cancelled
    status: EnrolmentStatus
    agreed_price: int
    discount: int
    currency: str
    payment_plan: PaymentPlan
    instalment_interval: str
    remainder_on: str
    instalments: tuple[InstalmentRow, ...]
    notes: str
    practice: PracticeHeader
    locale: str
    page_size: PageSize

    @property
    def single_session(self) -> bool:
        """A one-off consultation: one session planned and no support between sessions."""
        return self.sessions_planned == 1 and self.terms.support_mode == SupportMode.NONE

    @property
    def full_price(self) -> int:
        """The price before the pay-in-full discount (the enrolment stores both parts)."""
        return self.agreed_price + self.discount


def load_enrolment(db: Database, enrolment_id: int) -> EnrolmentRecord:
    """Everything the agreement and statement print about ``enrolment_id``."""
    with db.reading() as s:
        enrolment = s.get(
            Enrolment,
            enrolment_id,
            options=[selectinload(Enrolment.client), selectinload(Enrolment.instalments)],
        )
        if enrolment is None:
            raise NotFoundError("enrolment", enrolment_id)
        profile = s.get(PracticeProfile, 1)
        if profile is None:
            raise NotFoundError("practice profile", 1)
        snapshot = dict(enrolment.terms_snapshot or {})
        snapshot.setdefault("currency", enrolment.currency)
        client = enrolment.client
        return EnrolmentRecord(
            enrolment_id=enrolment.id,
            client_id=client.id,
            client_name=client.full_name,
            client_first_name=client.preferred_name or client.first_name,
            client_address=client.address,
            emergency_contact_name=client.emergency_contact_name,
            emergency_contact_phone=client.emergency_contact_phone,
            terms=AgreedTerms.from_snapshot(snapshot, fallback_name=enrolment.programme_name),
            sessions_planned=snapshot_plan(snapshot).sessions,
            start_date=enrolment.start_date,
            end_date=enrolment.end_date,
            agreed_on=enrolment.agreed_on,
            ended_on=enrolment.ended_on,
            status=EnrolmentStatus(enrolment.status),
            agreed_price=enrolment.agreed_price,
            discount=enrolment.discount,
            currency=enrolment.currency,
            payment_plan=PaymentPlan(enrolment.payment_plan),
            instalment_interval=str(snapshot.get("instalment_interval") or ""),
            remainder_on=enrolment.remainder_on,
            instalments=tuple(
                InstalmentRow(i.id, i.number, i.due_date, i.amount) for i in enrolment.instalments
            ),
            notes=enrolment.notes,
            practice=PracticeHeader.from_profile(profile),
            locale=profile.locale,
            page_size=PageSize(profile.page_size),
        )


@dataclass(frozen=True)
class PaymentRow:
    """A payment or refund as statements and receipts print it."""

    id: int
    kind: PaymentKind
    received_on: date
    amount: int
    currency: str
    method: PaymentMethod
    reference: str
    instalment_id: int | None


def load_payments(db: Database, enrolment_id: int) -> tuple[PaymentRow, ...]:
    """The enrolment's payments and refunds, in the order they were received."""
    with db.reading() as s:
        rows = s.scalars(
            select(Payment)
            .where(Payment.enrolment_id == enrolment_id)
            .order_by(Payment.received_on, Payment.id)
        ).all()
        return tuple(_payment_row(p) for p in rows)


@dataclass(frozen=True, slots=True)
class CreditNoteRow:
    """A price reduction in force, as a statement lists it."""

    number: str
    made_on: date
    amount: int
    reason: str


def load_credit_notes(db: Database, enrolment_id: int) -> tuple[CreditNoteRow, ...]:
    """The enrolment's price reductions not withdrawn, oldest first."""
    with db.reading() as s:
        rows = s.scalars(
            select(PriceReduction)
            .where(
                PriceReduction.enrolment_id == enrolment_id,
                PriceReduction.withdrawn_at.is_(None),
            )
            .order_by(PriceReduction.made_on, PriceReduction.id)
        ).all()
        return tuple(CreditNoteRow(r.number, r.made_on, r.amount, r.reason) for r in rows)


def load_payment(db: Database, payment_id: int) -> tuple[PaymentRow, int]:
    """A payment (raises NotFoundError) and the id of its enrolment."""
    with db.reading() as s:
        payment = s.get(Payment, payment_id)
        if payment is None:
            raise NotFoundError("payment", payment_id)
        return _payment_row(payment), payment.enrolment_id


def _payment_row(p: Payment) -> PaymentRow:
    return PaymentRow(
        id=p.id,
        kind=PaymentKind(p.kind),
        received_on=p.received_on,
        amount=p.amount,
        currency=p.currency,
        method=PaymentMethod(p.method),
        reference=p.reference,
        instalment_id=p.instalment_id,
    )
