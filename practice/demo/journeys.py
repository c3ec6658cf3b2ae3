"""One client's story, written through the services: enquiry, client record, enrolments
with their sessions and payments, how each enrolment ended, and the client's status."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from practice.db import Database
from practice.demo import texts
from practice.demo.meetings import Diary, SessionWriter, Tally, schedule
from practice.demo.paying import PaymentTally, PaymentWriter
from practice.demo.plan import ClientPlan, EnrolmentPlan
from practice.demo.setup import Catalogue
from practice.models import ClientStatus, EnquiryOutcome, EnrolmentStatus, SessionKind, SessionMode
from practice.services import clients, enquiries, enrolments, referrals, resources

#: Resources the practitioner shares with clients of each strand.
SHARED = {
    texts.COACHING: ("values", "careers"),
    texts.THERAPY: ("thought_record", "reading", "body_scan"),
    texts.HEALING: ("relaxation", "breathing", "body_scan"),
}


@dataclass
class Counts:
    clients: int = 0
    enquiries: int = 0
    enrolments: int = 0
    referrals: int = 0
    shares: int = 0


class JourneyWriter:
    def __init__(
        self,
        db: Database,
        rng: random.Random,
        today: date,
        catalogue: Catalogue,
        counts: Counts,
        tally: Tally,
        money: PaymentTally,
    ) -> None:
        self.db = db
        self.rng = rng
        self.today = today
        self.catalogue = catalogue
        self.counts = counts
        self.sessions = SessionWriter(db, rng, today, tally)
        self.payments = PaymentWriter(db, rng, today, money)
        #: How many clients have reached :meth:`_extras` so far.
        self._with_extras = 0

    def write(self, plan: ClientPlan) -> int:
        """Write one client's whole story; returns the client's id."""
        client_id, enquiry_id = self._client(plan)
        mode = self.rng.choices(list(SessionMode), weights=[60, 35, 5])[0]
        diary = Diary(client_id=client_id, first_name=plan.identity.first_name, mode=mode)
        previous: int | None = None
        for number, step in enumerate(plan.enrolments):
            enrolment_id = self._enrolment(diary, step, previous)
            if number == 0 and enquiry_id is not None:
                self._close_enquiry(enquiry_id, step)
            previous = enrolment_id
        if plan.enrolments and plan.enrolments[0].agreed_on is not None:
            self._extras(diary, plan.enrolments[0])
        if plan.final_status is ClientStatus.ARCHIVED:
            clients.archive_client(self.db, client_id)
        elif plan.final_status is not ClientStatus.ACTIVE or plan.scenario == "paused":
            clients.set_client_status(self.db, client_id, plan.final_status)
        return client_id

    def _client(self, plan: ClientPlan) -> tuple[int, int | None]:
        """The client record, usually made from their enquiry as in the app."""
        who = plan.identity
        strand = plan.enrolments[0].programme.strand if plan.enrolments else texts.THERAPY
        details: dict[str, Any] = {
            "first_name": who.first_name,
            "last_name": who.last_name,
            "pronouns": who.pronouns,
            "email": who.email,
            "phone": who.phone,
            "date_of_birth": who.date_of_birth,
            "emergency_contact_name": who.emergency_contact_name,
            "emergency_contact_phone": who.emergency_contact_phone,
            "source": who.source,
            "consent_to_contact": self.rng.random() < 0.8,
            "consent_to_records": True,
            "consent_recorded_on": plan.enquiry_on,
            "notes": self.rng.choice(texts.CLIENT_NOTES),
        }
        self.counts.clients += 1
        if self.rng.random() < 0.25 and plan.enrolments:
            made = clients.create_client(self.db, **details)  # phoned, no enquiry form
            return made.id, None
        enquiry = enquiries.record_enquiry(
            self.db,
            name=f"{who.first_name} {who.last_name}",
            received_on=plan.enquiry_on,
            email=who.email,
            phone=who.phone,
            request=self.rng.choice(texts.CLIENT_ENQUIRIES[strand]),
            source=who.source,
        )
        self.counts.enquiries += 1
        client_id = enquiries.convert_enquiry_to_client(self.db, enquiry.id)
        clients.update_client(self.db, client_id, **details)
        return client_id, enquiry.id

    def _close_enquiry(self, enquiry_id: int, first: EnrolmentPlan) -> None:
        if first.agreed_on is not None:
            enquiries.set_enquiry_outcome(
                self.db,
                enquiry_id,
                EnquiryOutcome.ENROLLED,
                note=f"Enrolled on {first.programme.name}.",
                closed_on=first.agreed_on,
            )
        elif first.status is EnrolmentStatus.CANCELLED:
            enquiries.set_enquiry_outcome(
                self.db,
                enquiry_id,
                EnquiryOutcome.DECLINED,
                note="Decided not to go ahead.",
                closed_on=first.start - timedelta(days=3),
            )

    def _enrolment(self, diary: Diary, step: EnrolmentPlan, previous: int | None) -> int:
        db = self.db
        enrolment = enrolments.enrol_client(
            db,
            client_id=diary.client_id,
            programme_id=self.catalogue.programmes[step.programme.key],
            start_date=step.start,
            payment_plan=step.payment_plan,
            renewal_of_id=previous if step.renewal else None,
        )
        self.counts.enrolments += 1
        if step.agreed_on is not None:
            enrolments.agree_enrolment(db, enrolment.id, agreed_on=step.agreed_on)
        status = step.status
        if status is EnrolmentStatus.PROPOSED:
            return enrolment.id
        if status is EnrolmentStatus.CANCELLED:
            on = min(step.start - timedelta(days=self.rng.randint(1, 5)), self.today)
            if step.agreed_on is not None:
                on = max(on, step.agreed_on)
            enrolments.cancel_enrolment(
                db, enrolment.id, self.rng.choice(texts.CANCEL_REASONS), cancelled_on=on
            )
            return enrolment.id
        meetings = schedule(self.rng, step.programme, step.start, step.end)
        last_day = step.ended_on if step.ended_on is not None else step.end
        used = self.sessions.write(
            diary,
            step.programme,
            enrolment.id,
            meetings,
            last_day=last_day,
            book_ahead=status is EnrolmentStatus.ACTIVE,
        )
        paid = self.payments.pay(enrolment, step, until=min(last_day, self.today))
        if status is EnrolmentStatus.COMPLETED:
            enrolments.complete_enrolment(db, enrolment.id, completed_on=step.end)
        elif status is EnrolmentStatus.ENDED_EARLY:
            assert step.ended_on is not None
            planned = sum(1 for m in meetings if m.kind is not SessionKind.SUPPORT_CALL)
            self.payments.refund_unused(enrolment, step, paid, used, planned)
            enrolments.end_enrolment_early(
                db,
                enrolment.id,
                ended_on=step.ended_on,
                reason=self.rng.choice(texts.END_EARLY_REASONS),
            )
        return enrolment.id

    def _extras(self, diary: Diary, first: EnrolmentPlan) -> None:
        """Resources shared with the client, and now and then a referral elsewhere.

        The first client with an agreed enrolment is always given a resource and the
        second is always referred on, so even a small sample made on any day has both
        (the random draws are the same either way, so a seed's sample stays the same).
        """
        rng = self.rng
        on = first.start + timedelta(days=rng.randint(0, 20))
        self._with_extras += 1
        if on >= self.today:
            if self._with_extras > 2:
                return
            on = self.today - timedelta(days=1)
        if rng.random() < 0.35 or self._with_extras == 1:
            strand = SHARED[first.programme.strand]
            key = strand[0] if self._with_extras == 1 else rng.choice(strand)
            resources.share_resource(
                self.db,
                resource_id=self.catalogue.resources[key],
                client_id=diary.client_id,
                shared_on=on,
                note="Shared after a session.",
            )
            self.counts.shares += 1
        if rng.random() < 0.08 or self._with_extras == 2:
            key, reason = texts.CLIENT_REFERRAL_REASONS[0]
            if self._with_extras != 2:
                key, reason = rng.choice(texts.CLIENT_REFERRAL_REASONS)
            referrals.refer(
                self.db,
                provider_id=self.catalogue.providers[key],
                client_id=diary.client_id,
                referred_on=on,
                reason=reason,
            )
            self.counts.referrals += 1
