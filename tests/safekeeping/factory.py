"""A client with a row in every table that refers to clients, text carrying a marker."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import func, select

from practice.db import Database
from practice.models import (
    ActionItem,
    Client,
    ClientShare,
    Draft,
    Enquiry,
    Enrolment,
    Instalment,
    NoteAddendum,
    NoteVersion,
    Payment,
    PaymentKind,
    PaymentMethod,
    PaymentPlan,
    Practitioner,
    PractitionerRole,
    PriceReduction,
    Provider,
    Referral,
    Resource,
    ResourceKind,
    ResourceShare,
    Session,
    SessionNote,
    VoidedPayment,
    WorkCategory,
    WorkLogEntry,
    WorkTimer,
)
from practice.services import audit

MARKER = "Qwertzuiop"
PRIVATE_MARKER = "Privatissimo"


@dataclass
class Made:
    client_id: int
    session_id: int
    enrolment_id: int


def make_client(
    db: Database,
    marker: str = MARKER,
    *,
    starts_at: datetime | None = None,
    with_timer: bool = True,
) -> Made:
    """One client with linked rows in every client table; free text holds ``marker``."""
    when = starts_at or datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    with db.transaction() as s:
        client = Client(
            first_name=f"Ana{marker}",
            last_name=f"Ødegård{marker}",
            email=f"{marker.lower()}@example.org",
            notes=f"first contact {marker}",
            search_text=f"ana{marker.lower()}",
            sort_name=f"odegard{marker.lower()}",
        )
        s.add(client)
        s.flush()
        enrolment = Enrolment(
            client_id=client.id,
            programme_name="Steady Ground",
            start_date=date(2026, 3, 1),
            end_date=date(2026, 6, 1),
            agreed_price=90000,
            currency="GBP",
            payment_plan=PaymentPlan.INSTALMENTS,
            terms_snapshot={"name": "Steady Ground"},
            notes=f"agreed extra {marker}",
        )
        s.add(enrolment)
        s.flush()
        instalment = Instalment(
            enrolment_id=enrolment.id, number=1, due_date=date(2026, 3, 1), amount=90000
        )
        s.add(instalment)
        s.flush()
        s.add(
            Payment(
                enrolment_id=enrolment.id,
                instalment_id=instalment.id,
                received_on=date(2026, 3, 1),
                amount=90000,
                currency="GBP",
                method=PaymentMethod.CARD,
                note=f"paid {marker}",
            )
        )
        s.add(
            VoidedPayment(
                id=1000 + client.id,
                enrolment_id=enrolment.id,
                kind=PaymentKind.PAYMENT,
                received_on=date(2026, 2, 28),
                amount=9000,
                currency="GBP",
                method=PaymentMethod.CARD,
                recorded_at=when,
                reason=f"typed £90 for £900 {marker}",
            )
        )
        s.add(
            PriceReduction(
                enrolment_id=enrolment.id,
                made_on=date(2026, 3, 20),
                amount=5000,
                currency="GBP",
                reason=f"a session I cancelled {marker}",
            )
        )
        meeting = Session(
            client_id=client.id, enrolment_id=enrolment.id, starts_at=when, duration_minutes=60
        )
        s.add(meeting)
        s.flush()
        note = SessionNote(
            session_id=meeting.id,
            body=f"talked about {marker}",
            private_notes=f"my hunch {PRIVATE_MARKER}{marker}",
        )
        s.add(note)
        s.flush()
        s.add(
            NoteVersion(
                note_id=note.id,
                body=f"earlier {marker}",
                private_notes=f"earlier hunch {PRIVATE_MARKER}{marker}",
                saved_at=when,
            )
        )
        s.add(NoteAddendum(note_id=note.id, body=f"addendum {marker}"))
        s.add(ActionItem(session_id=meeting.id, client_id=client.id, description=f"walk {marker}"))
        # shared with a colleague covering an absence (a practice server's; any table
        # refers to the client is in the record)
        colleague = Practitioner(name="Sam Cover", role=PractitionerRole.PRACTITIONER)
        s.add(colleague)
        s.flush()
        s.add(
            ClientShare(client_id=client.id, practitioner_id=colleague.id, reason=f"cover {marker}")
        )
        s.add(
            WorkLogEntry(
                work_date=date(2026, 3, 2),
                minutes=20,
                category=WorkCategory.WRITE_UP,
                client_id=client.id,
                session_id=meeting.id,
                note=f"write-up {marker}",
            )
        )
        if with_timer:
            s.add(
                WorkTimer(
                    id=s.scalar(select(func.min(Practitioner.id))),  # the practice's one
                    started_at=when,
                    category=WorkCategory.PREP,
                    client_id=client.id,
                    note=f"timer {marker}",
                )
            )
        enquiry = Enquiry(
            name=f"Ana {marker}",
            received_on=date(2026, 2, 1),
            request=f"help with {marker}",
            client_id=client.id,
        )
        s.add(enquiry)
        resource = Resource(title="Breathing audio", kind=ResourceKind.AUDIO)
        provider = Provider(name="Dr Lee")
        s.add_all([resource, provider])
        s.flush()
        s.add(
            ResourceShare(resource_id=resource.id, client_id=client.id, shared_on=date(2026, 3, 3))
        )
        s.add(
            ResourceShare(
                resource_id=resource.id, enquiry_id=enquiry.id, shared_on=date(2026, 2, 2)
            )
        )
        s.add(
            Referral(
                provider_id=provider.id,
                client_id=client.id,
                referred_on=date(2026, 3, 4),
                reason=f"sleep {marker}",
            )
        )
        s.add(Draft(key=f"note:session:{meeting.id}", body=f"typing {marker}", updated_at=when))
        s.add(Draft(key=f"note:new:client:{client.id}", body=f"new {marker}", updated_at=when))
        audit.record(s, "view", "client", client.id, "opened the client page")
        return Made(client.id, meeting.id, enrolment.id)
