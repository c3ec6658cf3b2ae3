"""A lifetime's sample practice in about a minute: the batch path.

``generate_batch(db, clients=2000, years=20)`` makes what a busy practitioner holds
after twenty years — thousands of clients, tens of thousands of sessions with full
notes, the prep, write-up and practice work around them — for the benchmarks, which
could not wait the quarter of an hour the services take. The catalogue (profile,
programmes, resources, providers) is made through the services as in
:func:`practice.demo.generate_demo`; everything after it is computed as rows
(:mod:`practice.demo.batch_story`) and inserted in bulk in one transaction per stage:
the clients' stories, then the enquiries and the practice's own work.

The plans are the sample's own (:func:`practice.demo.plan.plan_clients`), with more
renewals and some long-term clients, as twenty years brings. Deterministic for a seed,
size and ``today``. ``tests/demo/test_batch.py`` holds the result to the services'
rules; the app opens it like any practice.
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import selectinload

from practice.db import Database
from practice.demo.batch_rows import Rows
from practice.demo.batch_story import Practice, Story
from practice.demo.generator import (
    DemoSummary,
    Progress,
    checked_size,
    quick_writes,
    refuse_a_used_database,
)
from practice.demo.outreach import NO_REPLY, WAITING_DAYS, plan_enquiries, practice_work
from practice.demo.plan import plan_clients
from practice.demo.setup import write_catalogue
from practice.models import (
    ActionItem,
    AgreementClause,
    Client,
    Enquiry,
    EnquiryOutcome,
    Enrolment,
    Payment,
    Programme,
    Referral,
    ResourceShare,
    Session,
    WorkLogEntry,
)
from practice.zone import practice_zone

MAX_CLIENTS = 20_000
MAX_YEARS = 40
#: How likely a client who completed a programme takes another, over a lifetime.
RENEW_CHANCE = 0.76
#: Clients per flush: the rows of this many stories are held in memory at once.
CHUNK = 200


def generate_batch(
    db: Database,
    *,
    clients: int = 2000,
    years: int = 20,
    seed: int = 2024,
    today: date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Make a sample practice of ``clients`` clients over ``years`` years, in bulk."""
    clients, years, today = checked_size(
        clients, years, today, max_clients=MAX_CLIENTS, years_from=2, max_years=MAX_YEARS
    )
    refuse_a_used_database(db)
    started = time.perf_counter()
    rng = random.Random(seed)
    first_day = today - timedelta(days=365 * years)
    with quick_writes(db):
        catalogue = write_catalogue(db)
        zone = practice_zone(db).tz
        plans = plan_clients(
            rng,
            clients=clients,
            years=years,
            today=today,
            renew_chance=RENEW_CHANCE,
            long_term=max(1, clients // 80),
            renew_into_today=False,
        )
        with db.transaction() as s:
            rows = Rows(s)
            practice = Practice(
                programmes={key: _programme(s, pid) for key, pid in catalogue.programmes.items()},
                clauses=list(
                    s.scalars(
                        select(AgreementClause).order_by(
                            AgreementClause.position, AgreementClause.id
                        )
                    )
                ),
                resources=catalogue.resources,
                providers=catalogue.providers,
                zone=zone,
            )
            story = Story(rows, rng, today, practice)
            for done, plan in enumerate(plans, 1):
                story.write(plan)
                if done % CHUNK == 0 or done == len(plans):
                    rows.flush(s)
                    if progress is not None:
                        progress(done, len(plans))
        with db.transaction() as s:
            _enquiries(rows, rng, max(12, clients // 3), first_day, today, practice)
            _practice_work(rows, rng, first_day, today)
            rows.flush(s)
    made = rows.written
    return DemoSummary(
        clients=made[Client.__tablename__],
        programmes=len(catalogue.programmes),
        enrolments=made[Enrolment.__tablename__],
        sessions=made[Session.__tablename__],
        action_items=made[ActionItem.__tablename__],
        payments=made[Payment.__tablename__] - story.refunds,
        refunds=story.refunds,
        work_entries=made[WorkLogEntry.__tablename__],
        enquiries=made[Enquiry.__tablename__],
        referrals=made[Referral.__tablename__],
        resource_shares=made[ResourceShare.__tablename__],
        first_day=first_day,
        today=today,
        seconds=time.perf_counter() - started,
    )


def _programme(s: DbSession, programme_id: int) -> Programme:
    found = s.scalar(
        select(Programme)
        .where(Programme.id == programme_id)
        .options(selectinload(Programme.periods), selectinload(Programme.inclusions))
    )
    assert found is not None  # made a moment ago by write_catalogue
    return found


def _enquiries(
    rows: Rows,
    rng: random.Random,
    count: int,
    first_day: date,
    today: date,
    practice: Practice,
) -> None:
    """Enquirers who did not become clients (:func:`plan_enquiries`), as the services
    answer them: referred on, pointed to a resource, declined, or still waiting."""
    for plan in plan_enquiries(rng, count=count, first_day=first_day, today=today):
        outcome, note = plan.outcome, plan.note
        closed: date | None = plan.answered_on
        if outcome is EnquiryOutcome.WAITING:
            if (today - plan.received_on).days > WAITING_DAYS:
                outcome, note = EnquiryOutcome.DECLINED, NO_REPLY
                closed = plan.received_on + timedelta(days=WAITING_DAYS)
            else:
                note, closed = "", None
        enquiry = rows.add(
            Enquiry,
            name=plan.name,
            email=plan.email,
            phone="",
            received_on=plan.received_on,
            request=plan.request,
            source=plan.source,
            outcome=outcome,
            # referring or pointing to a resource keeps the words with what was given
            outcome_note=""
            if outcome in (EnquiryOutcome.REFERRED, EnquiryOutcome.RESOURCE)
            else note,
            closed_on=closed,
            client_id=None,
        )
        if outcome is EnquiryOutcome.REFERRED:
            rows.add(
                Referral,
                provider_id=practice.providers[plan.key],
                client_id=None,
                enquiry_id=enquiry["id"],
                referred_on=plan.answered_on,
                reason=note,
            )
        elif outcome is EnquiryOutcome.RESOURCE:
            rows.add(
                ResourceShare,
                resource_id=practice.resources[plan.key],
                client_id=None,
                enquiry_id=enquiry["id"],
                shared_on=plan.answered_on,
                note=note,
            )


def _practice_work(rows: Rows, rng: random.Random, first_day: date, today: date) -> None:
    for day, category, minutes, note in practice_work(rng, first_day=first_day, today=today):
        rows.add(
            WorkLogEntry,
            work_date=day,
            minutes=minutes,
            category=category,
            client_id=None,
            enrolment_id=None,
            session_id=None,
            note=note,
        )
