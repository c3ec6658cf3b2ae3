"""One client's whole story as rows, by the rules the services keep.

The batch sample (:mod:`practice.demo.batch`) follows the same plans
(:func:`practice.demo.plan.plan_clients`) and the same diary
(:func:`practice.demo.meetings.schedule`) as the sample made through the services, and
computes what each service would have written: the agreed price, discount and
instalments (:func:`practice.money.split_amount`, :func:`scheduling.due_dates`), the
frozen terms (:func:`build_snapshot`), the client's folded search columns, sessions
with their notes, action items and their reviews, the suggested prep and write-up from
the agreed terms, payments as each payer pays and the refund after ending early.
``tests/demo/test_batch.py`` holds the result to those rules.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from practice.demo import texts
from practice.demo.batch_rows import Rows
from practice.demo.journeys import SHARED
from practice.demo.meetings import BOOKED_AHEAD_DAYS, USED, Meeting, schedule, usual_attendance
from practice.demo.paying import LATE, MISSING
from practice.demo.plan import ClientPlan, EnrolmentPlan
from practice.models import (
    ActionItem,
    ActionStatus,
    AgreementClause,
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
    PaymentMethod,
    PaymentPlan,
    Programme,
    Referral,
    ResourceShare,
    Session,
    SessionKind,
    SessionMode,
    SessionNote,
    WorkCategory,
    WorkLogEntry,
)
from practice.money import split_amount
from practice.services.scheduling import due_dates
from practice.services.terms_snapshot import build_snapshot
from practice.services.validation import fold

Row = dict[str, Any]

_METHODS = [PaymentMethod.BANK_TRANSFER, PaymentMethod.CARD, PaymentMethod.CASH]


@dataclass
class Practice:
    """What every story needs from the catalogue: programmes (with their periods and
    inclusions loaded), the agreement clauses, resource and provider ids, the zone."""

    programmes: dict[str, Programme]
    clauses: list[AgreementClause]
    resources: dict[str, int]
    providers: dict[str, int]
    zone: tzinfo


@dataclass
class _Open:
    """An action item not reviewed yet: its row and the day of its session."""

    row: Row
    day: date


@dataclass
class _Diary:
    client_id: int
    first_name: str
    mode: SessionMode
    #: The strand (coaching, therapy, healing) of the enrolment being written.
    strand: str = texts.THERAPY
    open_items: list[_Open] = field(default_factory=list)


class Story:
    def __init__(self, rows: Rows, rng: random.Random, today: date, practice: Practice) -> None:
        self.rows = rows
        self.rng = rng
        self.today = today
        self.practice = practice
        self.midnight = datetime.combine(today, time(0), tzinfo=practice.zone).astimezone(UTC)
        self.booked_until = today + timedelta(days=BOOKED_AHEAD_DAYS)
        self.refunds = 0

    # the client -----------------------------------------------------------------------

    def write(self, plan: ClientPlan) -> None:
        rng = self.rng
        who = plan.identity
        client = self.rows.add(
            Client,
            first_name=who.first_name,
            last_name=who.last_name,
            pronouns=who.pronouns,
            email=who.email,
            phone=who.phone,
            date_of_birth=who.date_of_birth,
            emergency_contact_name=who.emergency_contact_name,
            emergency_contact_phone=who.emergency_contact_phone,
            source=who.source,
            status=plan.final_status,
            consent_to_contact=rng.random() < 0.8,
            consent_to_records=True,
            consent_recorded_on=plan.enquiry_on,
            notes=rng.choice(texts.CLIENT_NOTES),
            search_text=fold(" ".join(p for p in (who.first_name, who.last_name, who.email) if p)),
            sort_name=fold(f"{who.last_name} {who.first_name}".strip()),
            archived_at=self.midnight if plan.final_status is ClientStatus.ARCHIVED else None,
        )
        if not plan.enrolments or rng.random() >= 0.25:
            self._enquiry(plan, client["id"])
        diary = _Diary(
            client["id"], who.first_name, rng.choices(list(SessionMode), weights=[60, 35, 5])[0]
        )
        previous: int | None = None
        for step in plan.enrolments:
            previous = self._enrolment(diary, step, previous if step.renewal else None)
        if plan.enrolments and plan.enrolments[0].agreed_on is not None:
            self._extras(diary.client_id, plan.enrolments[0])

    def _enquiry(self, plan: ClientPlan, client_id: int) -> None:
        who = plan.identity
        first = plan.enrolments[0] if plan.enrolments else None
        strand = first.programme.strand if first else texts.THERAPY
        outcome, note, closed = EnquiryOutcome.WAITING, "", None
        if first is not None and first.agreed_on is not None:
            outcome, closed = EnquiryOutcome.ENROLLED, first.agreed_on
            note = f"Enrolled on {first.programme.name}."
        elif first is not None and first.status is EnrolmentStatus.CANCELLED:
            outcome, note = EnquiryOutcome.DECLINED, "Decided not to go ahead."
            closed = first.start - timedelta(days=3)
        self.rows.add(
            Enquiry,
            name=f"{who.first_name} {who.last_name}",
            email=who.email,
            phone=who.phone,
            received_on=plan.enquiry_on,
            request=self.rng.choice(texts.CLIENT_ENQUIRIES[strand]),
            source=who.source,
            outcome=outcome,
            outcome_note=note,
            closed_on=closed,
            client_id=client_id,
        )

    def _extras(self, client_id: int, first: EnrolmentPlan) -> None:
        rng = self.rng
        on = min(first.start + timedelta(days=rng.randint(0, 20)), self.today - timedelta(days=1))
        if rng.random() < 0.35:
            key = rng.choice(SHARED[first.programme.strand])
            self.rows.add(
                ResourceShare,
                resource_id=self.practice.resources[key],
                client_id=client_id,
                enquiry_id=None,
                shared_on=on,
                note="Shared after a session.",
            )
        if rng.random() < 0.08:
            key, reason = rng.choice(texts.CLIENT_REFERRAL_REASONS)
            self.rows.add(
                Referral,
                provider_id=self.practice.providers[key],
                client_id=client_id,
                enquiry_id=None,
                referred_on=on,
                reason=reason,
            )

    # an enrolment ---------------------------------------------------------------------

    def _enrolment(self, diary: _Diary, step: EnrolmentPlan, renews: int | None) -> int:
        programme = self.practice.programmes[step.programme.key]
        diary.strand = step.programme.strand
        full = step.payment_plan is PaymentPlan.FULL
        discount = min(programme.full_payment_discount, programme.price) if full else 0
        price = programme.price - discount
        count = 1 if full else programme.instalment_count
        instalments = [
            (number, due, amount)
            for number, (due, amount) in enumerate(
                zip(
                    due_dates(step.start, count, programme.instalment_interval),
                    split_amount(price, count, "first"),
                    strict=True,
                ),
                start=1,
            )
        ]
        status, ended_on, reason = step.status, None, ""
        if status is EnrolmentStatus.CANCELLED:
            ended_on = min(step.start - timedelta(days=self.rng.randint(1, 5)), self.today)
            if step.agreed_on is not None:
                ended_on = max(ended_on, step.agreed_on)
            reason = self.rng.choice(texts.CANCEL_REASONS)
        elif status is EnrolmentStatus.COMPLETED:
            ended_on = step.end
        elif status is EnrolmentStatus.ENDED_EARLY:
            ended_on = step.ended_on
            reason = self.rng.choice(texts.END_EARLY_REASONS)
        enrolment = self.rows.add(
            Enrolment,
            client_id=diary.client_id,
            programme_id=programme.id,
            programme_name=programme.name,
            start_date=step.start,
            end_date=step.end,
            agreed_price=price,
            discount=discount,
            currency=programme.currency,
            payment_plan=step.payment_plan,
            remainder_on="first",
            status=status,
            renewal_of_id=renews,
            agreed_on=step.agreed_on,
            ended_on=ended_on,
            end_reason=reason,
            terms_snapshot=build_snapshot(
                programme,
                self.practice.clauses,
                payment_plan=step.payment_plan.value,
                agreed_price=price,
                discount=discount,
                remainder_on="first",
                instalments=instalments,
            ),
        )
        dues = [
            self.rows.add(
                Instalment, enrolment_id=enrolment["id"], number=n, due_date=due, amount=amount
            )
            for n, due, amount in instalments
        ]
        if status in (EnrolmentStatus.PROPOSED, EnrolmentStatus.CANCELLED):
            return int(enrolment["id"])
        meetings = schedule(self.rng, step.programme, step.start, step.end)
        last_day = step.ended_on if step.ended_on is not None else step.end
        used = self._sessions(diary, enrolment, meetings, last_day, status)
        paid = self._pay(enrolment, step, dues, until=min(last_day, self.today))
        if status is EnrolmentStatus.ENDED_EARLY:
            planned = sum(1 for m in meetings if m.kind is not SessionKind.SUPPORT_CALL)
            self._refund(enrolment, step, paid, used, planned)
        return int(enrolment["id"])

    # sessions -------------------------------------------------------------------------

    def _sessions(
        self,
        diary: _Diary,
        enrolment: Row,
        meetings: list[Meeting],
        last_day: date,
        status: EnrolmentStatus,
    ) -> int:
        used = 0
        for meeting in meetings:
            if meeting.day > last_day:
                break
            if meeting.day < self.today:
                attendance = self._log(diary, enrolment, meeting)
                if meeting.kind is not SessionKind.SUPPORT_CALL and attendance in USED:
                    used += 1
            elif status is EnrolmentStatus.ACTIVE and meeting.day <= self.booked_until:
                self._session(diary, enrolment, meeting, Attendance.PLANNED)
        return used

    def _session(
        self, diary: _Diary, enrolment: Row, meeting: Meeting, attendance: Attendance
    ) -> Row:
        rng = self.rng
        support = meeting.kind is SessionKind.SUPPORT_CALL
        hours = [12, 13, 16, 17] if support else [9, 10, 11, 13, 14, 15, 16, 17, 18]
        local = datetime.combine(
            meeting.day, time(rng.choice(hours), rng.choice([0, 0, 30])), tzinfo=self.practice.zone
        )
        terms = enrolment["terms_snapshot"]
        if support:
            mode = rng.choice([SessionMode.PHONE, SessionMode.PHONE, SessionMode.VIDEO])
        elif rng.random() < 0.15:
            mode = rng.choice(list(SessionMode))
        else:
            mode = diary.mode
        return self.rows.add(
            Session,
            client_id=diary.client_id,
            enrolment_id=enrolment["id"],
            starts_at=local.astimezone(UTC),
            duration_minutes=terms["support_call_minutes" if support else "session_minutes"],
            kind=meeting.kind,
            mode=mode,
            attendance=attendance,
        )

    def _attendance(self, meeting: Meeting) -> Attendance:
        if meeting.kind is SessionKind.SUPPORT_CALL:
            return Attendance.ATTENDED
        return usual_attendance(self.rng)

    def _log(self, diary: _Diary, enrolment: Row, meeting: Meeting) -> Attendance:
        rng = self.rng
        attendance = self._attendance(meeting)
        session = self._session(diary, enrolment, meeting, attendance)
        ended = session["starts_at"] + timedelta(minutes=session["duration_minutes"])
        written = min(ended + timedelta(minutes=rng.randint(5, 20)), self.midnight)
        talk = attendance is Attendance.ATTENDED and meeting.kind is not SessionKind.SUPPORT_CALL
        private = ""
        if talk:
            reviewed = self._reviews(diary, session, meeting.day)
            agreed = self._new_items(diary, session, meeting, enrolment)
            body = self._note(diary, enrolment, meeting, reviewed, agreed)
            private = rng.choice(texts.PRIVATE_NOTES).format(name=diary.first_name)
        elif attendance is Attendance.ATTENDED:
            body = rng.choice(texts.SUPPORT_CALL_NOTES).format(name=diary.first_name)
        else:
            body = texts.ATTENDANCE_NOTES[attendance]
        note = self.rows.add(
            SessionNote,
            session_id=session["id"],
            body=body,
            private_notes=private,
            updated_at=written,
            locked_at=None,
        )
        if talk:
            self._note_history(note, ended, meeting.day)
            self._unseen_work(diary, session, enrolment, meeting.day)
        return attendance

    def _note(
        self,
        diary: _Diary,
        enrolment: Row,
        meeting: Meeting,
        reviewed: list[str],
        agreed: list[str],
    ) -> str:
        """A full session note of one to two thousand characters, in paragraphs."""
        rng = self.rng
        strand = diary.strand
        themes = rng.sample(texts.THEMES[strand], rng.randint(7, 8))
        if meeting.kind is SessionKind.REVIEW:
            themes[0] = rng.choice(texts.REVIEW_SESSION_NOTES)
        work = rng.sample(texts.WORK_DONE[strand], rng.randint(4, 5))
        paragraphs = [
            " ".join([rng.choice(texts.OPENINGS), *themes[:3]]),
            " ".join(themes[3:]),
            " ".join(work),
        ]
        if reviewed:
            paragraphs.append("Since last time: " + " ".join(reviewed))
        if agreed:
            paragraphs.append("Agreed for next time: " + "; ".join(agreed) + ".")
        paragraphs.append(rng.choice(texts.CLOSINGS))
        return "\n\n".join(paragraphs).format(name=diary.first_name)

    def _reviews(self, diary: _Diary, session: Row, day: date) -> list[str]:
        """Review the open items from earlier sessions; a few stay open a while longer."""
        said: list[str] = []
        still_open: list[_Open] = []
        for item in diary.open_items:
            status = self.rng.choices(
                [ActionStatus.DONE, ActionStatus.PARTLY, ActionStatus.DROPPED, ActionStatus.OPEN],
                weights=[50, 25, 15, 10],
            )[0]
            if item.day >= day or status is ActionStatus.OPEN:
                still_open.append(item)
                continue
            note = self.rng.choice(texts.REVIEW_NOTES[status])
            item.row.update(
                status=status,
                reviewed_session_id=session["id"],
                reviewed_on=day,
                review_note=note,
            )
            said.append(note)
        diary.open_items = still_open
        return said

    def _new_items(
        self, diary: _Diary, session: Row, meeting: Meeting, enrolment: Row
    ) -> list[str]:
        rng = self.rng
        strand = diary.strand
        agreed = []
        for _ in range(rng.choices([0, 1, 2], weights=[25, 50, 25])[0]):
            description = rng.choice(texts.ACTION_ITEMS[strand])
            row = self.rows.add(
                ActionItem,
                session_id=session["id"],
                client_id=diary.client_id,
                description=description,
                due_date=meeting.day + timedelta(days=rng.randint(6, 14)),
                status=ActionStatus.OPEN,
                reviewed_session_id=None,
                reviewed_on=None,
                review_note="",
            )
            diary.open_items.append(_Open(row, meeting.day))
            agreed.append(description.rstrip("."))
        return agreed

    def _note_history(self, note: Row, ended: datetime, day: date) -> None:
        """Now and then corrected (the earlier text kept), signed, and added to."""
        rng = self.rng
        if rng.random() < 0.5:
            signed = ended + timedelta(minutes=rng.randint(20, 240))
        else:
            local = ended.astimezone(self.practice.zone).date() + timedelta(days=1)
            moment = time(rng.randint(8, 17), rng.choice([0, 15, 30, 45]))
            signed = datetime.combine(local, moment, tzinfo=self.practice.zone).astimezone(UTC)
        if rng.random() < 0.04:
            written = note["updated_at"]
            latest = min(signed, self.midnight)
            span = max(int((latest - written).total_seconds()) // 60, 0)
            corrected = written + timedelta(minutes=rng.randint(0, span))
            self.rows.add(
                NoteVersion,
                note_id=note["id"],
                body=note["body"],
                private_notes=note["private_notes"],
                saved_at=written,
                replaced_at=corrected,
            )
            note["body"] = f"{note['body']} {rng.choice(texts.NOTE_CORRECTIONS)}"
            note["updated_at"] = corrected
        if day < self.today - timedelta(days=14) and rng.random() < 0.5:
            note["locked_at"] = signed
            if rng.random() < 0.05:
                added = signed + timedelta(days=rng.randint(1, 10), hours=rng.randint(0, 6))
                self.rows.add(
                    NoteAddendum,
                    note_id=note["id"],
                    body=rng.choice(texts.ADDENDA),
                    created_at=min(added, self.midnight),
                )

    def _unseen_work(self, diary: _Diary, session: Row, enrolment: Row, day: date) -> None:
        """The suggested prep and write-up, accepted most of the time; now and then
        support between sessions."""
        rng = self.rng
        terms = enrolment["terms_snapshot"]
        local_day = session["starts_at"].astimezone(self.practice.zone).date()
        if rng.random() < 0.85:
            for category, key in (
                (WorkCategory.PREP, "prep_minutes_per_session"),
                (WorkCategory.WRITE_UP, "writeup_minutes_per_session"),
            ):
                if terms[key] > 0:
                    self._work(local_day, terms[key], category, diary, enrolment, session["id"])
        support_day = day + timedelta(days=rng.randint(1, 3))
        if rng.random() < 0.15 and support_day < self.today:
            note = rng.choice(texts.WORK_NOTES[WorkCategory.SUPPORT])
            minutes = rng.choice([10, 15, 20, 25])
            self._work(support_day, minutes, WorkCategory.SUPPORT, diary, enrolment, None, note)

    def _work(
        self,
        day: date,
        minutes: int,
        category: WorkCategory,
        diary: _Diary,
        enrolment: Row,
        session_id: int | None,
        note: str = "",
    ) -> None:
        self.rows.add(
            WorkLogEntry,
            work_date=day,
            minutes=minutes,
            category=category,
            client_id=diary.client_id,
            enrolment_id=enrolment["id"],
            session_id=session_id,
            note=note,
        )

    # money ----------------------------------------------------------------------------

    def _pay(self, enrolment: Row, step: EnrolmentPlan, dues: list[Row], *, until: date) -> int:
        rng = self.rng
        paid = 0
        for due in dues:
            day = due["due_date"]
            if day > until:
                break
            received = day - timedelta(days=rng.randint(0, 3))
            if step.agreed_on is not None:
                received = max(received, step.agreed_on)
            if step.payer == LATE and (due["number"] == 1 or rng.random() < 0.6):
                received = day + timedelta(days=rng.randint(5, 35))
            elif step.payer == MISSING and (self.today - day).days < 75:
                continue
            if received > self.today:
                continue
            self.rows.add(
                Payment,
                enrolment_id=enrolment["id"],
                instalment_id=due["id"],
                kind=PaymentKind.PAYMENT,
                received_on=received,
                amount=due["amount"],
                currency=enrolment["currency"],
                method=rng.choices(_METHODS, weights=[70, 20, 10])[0],
                reference=f"RW-{enrolment['id']:05d}-{due['number']}",
                note="",
            )
            paid += due["amount"]
        return paid

    def _refund(
        self, enrolment: Row, step: EnrolmentPlan, paid: int, used: int, planned: int
    ) -> None:
        """After ending early, a pay-in-full client gets back the unused sessions' share."""
        full = step.payment_plan is PaymentPlan.FULL
        if not full or paid == 0 or planned == 0 or used >= planned or step.ended_on is None:
            return
        amount = paid * (planned - used) // planned // 100 * 100  # whole pounds
        if amount > 0:
            self.refunds += 1
            self.rows.add(
                Payment,
                enrolment_id=enrolment["id"],
                instalment_id=None,
                kind=PaymentKind.REFUND,
                received_on=min(
                    step.ended_on + timedelta(days=self.rng.randint(2, 10)), self.today
                ),
                amount=amount,
                currency=enrolment["currency"],
                method=PaymentMethod.BANK_TRANSFER,
                reference=f"RW-{enrolment['id']:05d}-R",
                note="Unused sessions after ending early",
            )
