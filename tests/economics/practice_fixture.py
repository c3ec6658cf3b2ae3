"""A small hand-made practice. Every figure the tests expect is worked out by hand in
the test modules' comments from what is written here.

Today is Sunday 15 March 2026. All instants are UTC, in winter (UK time = UTC).

Clients: Ana Silva ("Ani"), Ben Okafor, Zoë Ødegård.
Programmes: "Three months of change" (the worked example, £1,200, 7 sessions) and
"Free taster" (1 month, 1 session, price 0).

E1 Ana, three months, active, 5 Jan – 4 Apr 2026, agreed 2 Jan, £400 on 5 Jan/5 Feb/5 Mar.
   Paid £400 on 5 Jan (inst 1, on time), £400 on 20 Feb (inst 2, late), inst 3 missing.
   Meetings: 8 Jan attended, 15 Jan attended, 22 Jan cancelled early, 29 Jan no-show,
   5 Feb attended, 10 Feb 18:00 support call 15 min attended, 19 Feb attended,
   20 Mar planned. All 60 min.
   Work: 8 Jan prep 15 (E1), 8 Jan write-up 20 (E1), 31 Jan supervision 60 (Ana, no
   enrolment), 5 Feb write-up 20 (E1), 20 Dec 2025 admin 30 (Ana, no enrolment, before
   E1), 28 Feb resource making 45 (nobody).
   Action items: from 8 Jan: done + partly (reviewed 15 Jan); from 15 Jan: dropped
   (reviewed 5 Feb); from 5 Feb: open due 10 Mar, open due 20 Mar, open undated;
   from 19 Feb: open due 25 Mar.
E2 Ben, three months paid in full with £60 off (£1,140), completed, 3 Nov 2025 – 2 Feb
   2026, agreed 30 Oct 2025. One instalment due 3 Nov 2025, paid 31 Oct (early, inst 1);
   refund £100 on 10 Jan 2026 (goodwill).
   Meetings: 5 Nov 2025 60 attended, 14 Jan 50 attended, 28 Jan 60 cancelled late.
   Work: 14 Jan write-up 25 (E2), 20 Jan supervision 30 (Ben, no enrolment).
E3 Ben, renewal of E2, active, 20 Feb – 19 May 2026, agreed 16 Feb, £400 on 20 Feb /
   20 Mar / 20 Apr. Paid £350 on 20 Feb (no instalment) and £500 on 12 Mar against
   inst 3. Meetings: 23 Feb attended, 2 Mar cancelled early, 3 Mar 18:00 support call
   20 min attended.
E4 Zoë, free taster (price 0), active, 16 Feb – 15 Mar 2026, one instalment of 0.
   Meeting 17 Feb attended. Work: 17 Feb prep 10 (E4).
E5 Zoë, three months, cancelled, 16 Mar – 15 Jun 2026, agreed 1 Mar; £400 paid 2 Mar
   against inst 1 and refunded in full on 10 Mar.
Enquiries: 20 Jan declined; 3 Feb enrolled; 10 Feb referred; 25 Feb waiting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session as DbSession

from practice.models import (
    ActionStatus,
    Attendance,
    EnquiryOutcome,
    EnrolmentStatus,
    SessionKind,
    WorkCategory,
)

from . import factories as f

TODAY = date(2026, 3, 15)


@dataclass(frozen=True)
class Ids:
    ana: int
    ben: int
    zoe: int
    e1: int
    e2: int
    e3: int
    e4: int
    e5: int


def build(s: DbSession) -> Ids:
    A = Attendance
    ana = f.client(s, "Ana", "Silva", preferred="Ani")
    ben = f.client(s, "Ben", "Okafor")
    zoe = f.client(s, "Zoë", "Ødegård")
    f.programme(s)
    taster = f.terms(
        name="Free taster",
        length_value=1,
        periods=[{"first_period": 1, "last_period": 1, "sessions_per_period": 1}],
        price=0,
        support_mode="none",
        support_call_count=0,
        instalment_count=1,
        supervision_minutes_per_month=0,
    )
    f.programme(s, **taster)

    # E1
    e1 = f.enrolment(
        s,
        ana,
        start=date(2026, 1, 5),
        end=date(2026, 4, 4),
        agreed_on=date(2026, 1, 2),
        instalments=[
            (date(2026, 1, 5), 40000),
            (date(2026, 2, 5), 40000),
            (date(2026, 3, 5), 40000),
        ],
    )
    f.pay(s, e1, date(2026, 1, 5), 40000, instalment=1)
    f.pay(s, e1, date(2026, 2, 20), 40000, instalment=2)
    s1 = f.meeting(s, ana, f.at(2026, 1, 8), enrolment=e1)
    s2 = f.meeting(s, ana, f.at(2026, 1, 15), enrolment=e1)
    f.meeting(s, ana, f.at(2026, 1, 22), attendance=A.CANCELLED_EARLY, enrolment=e1)
    f.meeting(s, ana, f.at(2026, 1, 29), attendance=A.NO_SHOW, enrolment=e1)
    s5 = f.meeting(s, ana, f.at(2026, 2, 5), enrolment=e1)
    f.meeting(
        s, ana, f.at(2026, 2, 10, 18), minutes=15, kind=SessionKind.SUPPORT_CALL, enrolment=e1
    )
    s6 = f.meeting(s, ana, f.at(2026, 2, 19), enrolment=e1)
    f.meeting(s, ana, f.at(2026, 3, 20), attendance=A.PLANNED, enrolment=e1)
    f.work(s, date(2026, 1, 8), 15, WorkCategory.PREP, who=ana, enrolment=e1)
    f.work(s, date(2026, 1, 8), 20, WorkCategory.WRITE_UP, who=ana, enrolment=e1)
    f.work(s, date(2026, 1, 31), 60, WorkCategory.SUPERVISION, who=ana)
    f.work(s, date(2026, 2, 5), 20, WorkCategory.WRITE_UP, who=ana, enrolment=e1)
    f.work(s, date(2025, 12, 20), 30, WorkCategory.ADMIN, who=ana)
    f.work(s, date(2026, 2, 28), 45, WorkCategory.RESOURCE_MAKING)
    done = ActionStatus.DONE
    f.action(s, s1, done, reviewed_at=s2, reviewed_on=date(2026, 1, 15))
    f.action(s, s1, ActionStatus.PARTLY, reviewed_at=s2, reviewed_on=date(2026, 1, 15))
    f.action(s, s2, ActionStatus.DROPPED, reviewed_at=s5, reviewed_on=date(2026, 2, 5))
    f.action(s, s5, due=date(2026, 3, 10), text="Write the letter")
    f.action(s, s5, due=date(2026, 3, 20), text="Walk three times a week")
    f.action(s, s5, text="Keep the diary")
    f.action(s, s6, due=date(2026, 3, 25), text="Call the GP")

    # E2
    e2 = f.enrolment(
        s,
        ben,
        snapshot=f.terms(full_payment_discount=6000, instalment_count=1),
        price=114000,
        start=date(2025, 11, 3),
        end=date(2026, 2, 2),
        agreed_on=date(2025, 10, 30),
        status=EnrolmentStatus.COMPLETED,
        instalments=[(date(2025, 11, 3), 114000)],
    )
    f.pay(s, e2, date(2025, 10, 31), 114000, instalment=1)
    f.pay(s, e2, date(2026, 1, 10), 10000, refund=True)
    f.meeting(s, ben, f.at(2025, 11, 5), enrolment=e2)
    f.meeting(s, ben, f.at(2026, 1, 14), minutes=50, enrolment=e2)
    f.meeting(s, ben, f.at(2026, 1, 28), attendance=A.CANCELLED_LATE, enrolment=e2)
    f.work(s, date(2026, 1, 14), 25, WorkCategory.WRITE_UP, who=ben, enrolment=e2)
    f.work(s, date(2026, 1, 20), 30, WorkCategory.SUPERVISION, who=ben)

    # E3
    e3 = f.enrolment(
        s,
        ben,
        start=date(2026, 2, 20),
        end=date(2026, 5, 19),
        agreed_on=date(2026, 2, 16),
        renewal_of=e2,
        instalments=[
            (date(2026, 2, 20), 40000),
            (date(2026, 3, 20), 40000),
            (date(2026, 4, 20), 40000),
        ],
    )
    f.pay(s, e3, date(2026, 2, 20), 35000)
    f.pay(s, e3, date(2026, 3, 12), 50000, instalment=3)
    f.meeting(s, ben, f.at(2026, 2, 23), enrolment=e3)
    f.meeting(s, ben, f.at(2026, 3, 2), attendance=A.CANCELLED_EARLY, enrolment=e3)
    f.meeting(s, ben, f.at(2026, 3, 3, 18), minutes=20, kind=SessionKind.SUPPORT_CALL, enrolment=e3)

    # E4
    e4 = f.enrolment(
        s,
        zoe,
        snapshot=taster,
        start=date(2026, 2, 16),
        end=date(2026, 3, 15),
        instalments=[(date(2026, 2, 16), 0)],
    )
    f.meeting(s, zoe, f.at(2026, 2, 17), enrolment=e4)
    f.work(s, date(2026, 2, 17), 10, WorkCategory.PREP, who=zoe, enrolment=e4)

    # E5
    e5 = f.enrolment(
        s,
        zoe,
        start=date(2026, 3, 16),
        end=date(2026, 6, 15),
        agreed_on=date(2026, 3, 1),
        status=EnrolmentStatus.CANCELLED,
        instalments=[
            (date(2026, 3, 16), 40000),
            (date(2026, 4, 16), 40000),
            (date(2026, 5, 16), 40000),
        ],
    )
    f.pay(s, e5, date(2026, 3, 2), 40000, instalment=1)
    f.pay(s, e5, date(2026, 3, 10), 40000, refund=True)

    f.enquiry(s, "Sam", date(2026, 1, 20), EnquiryOutcome.DECLINED)
    f.enquiry(s, "Zoë Ødegård", date(2026, 2, 3), EnquiryOutcome.ENROLLED)
    f.enquiry(s, "Kai", date(2026, 2, 10), EnquiryOutcome.REFERRED)
    f.enquiry(s, "Noor", date(2026, 2, 25), EnquiryOutcome.WAITING)
    return Ids(ana.id, ben.id, zoe.id, e1.id, e2.id, e3.id, e4.id, e5.id)
