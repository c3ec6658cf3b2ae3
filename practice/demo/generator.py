"""Fill an empty database with a realistic sample practice, through the services.

Deterministic: only ``random.Random(seed)`` is used and every date is relative to
``today`` (the real today unless one is passed), so the same seed, size and ``today``
always give the same database (same ids, names, dates, amounts and notes). With the
real today the sample is always current: sessions this week, instalments due soon.

Whatever ``today`` is, a sample of nine clients or more holds at least one row of every
kind: every client, enrolment and enquiry status, attendance, session kind and mode,
action-item outcome, work category and payment kind, and resources shared with and
referrals of both clients and enquirers. A smaller sample keeps all of that but the
client statuses its first clients do not reach (see ``plan.FORCED``).
``tests/demo/test_demo_any_day.py`` checks it on awkward days.

A database that already holds clients or programmes is refused: the sample never mixes
with a practitioner's own records. Make it in a new file (``--database``) instead.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import event

from practice.db import Database, dialect
from practice.demo.journeys import Counts, JourneyWriter
from practice.demo.meetings import Tally
from practice.demo.outreach import OutreachTally, write_enquiries, write_practice_work
from practice.demo.paying import PaymentTally
from practice.demo.plan import plan_clients
from practice.demo.setup import write_catalogue
from practice.errors import PracticeError, ValidationError
from practice.services.clients import count_clients
from practice.services.programmes import list_programmes
from practice.timeutil import today as real_today

DEFAULT_CLIENTS = 30
DEFAULT_YEARS = 2
DEFAULT_SEED = 2024
MAX_CLIENTS = 5000
MAX_YEARS = 15

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DemoSummary:
    """What was made, for the command line to report."""

    clients: int
    programmes: int
    enrolments: int
    sessions: int
    action_items: int
    payments: int
    refunds: int
    work_entries: int
    enquiries: int
    referrals: int
    resource_shares: int
    first_day: date
    today: date
    seconds: float


class NotEmptyError(PracticeError):
    """The database already holds a practice; the sample goes into an empty one."""


def generate_demo(
    db: Database,
    *,
    clients: int = DEFAULT_CLIENTS,
    years: int = DEFAULT_YEARS,
    seed: int = DEFAULT_SEED,
    today: date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Make a sample practice of ``clients`` clients over the ``years`` before ``today``."""
    clients, years, today = checked_size(clients, years, today)
    refuse_a_used_database(db)
    started = time.perf_counter()
    rng = random.Random(seed)
    first_day = today - timedelta(days=365 * years)
    counts, tally, money, outreach = Counts(), Tally(), PaymentTally(), OutreachTally()
    with quick_writes(db):
        catalogue = write_catalogue(db)
        plans = plan_clients(rng, clients=clients, years=years, today=today)
        writer = JourneyWriter(db, rng, today, catalogue, counts, tally, money)
        for done, plan in enumerate(plans, 1):
            writer.write(plan)
            if progress is not None:
                progress(done, len(plans))
        write_enquiries(
            db,
            rng,
            count=max(12, clients // 3),
            first_day=first_day,
            today=today,
            catalogue=catalogue,
            tally=outreach,
        )
        write_practice_work(db, rng, first_day=first_day, today=today, tally=outreach)
    return DemoSummary(
        clients=counts.clients,
        programmes=len(catalogue.programmes),
        enrolments=counts.enrolments,
        sessions=tally.sessions,
        action_items=tally.action_items,
        payments=money.payments,
        refunds=money.refunds,
        work_entries=tally.work_entries + outreach.work_entries,
        enquiries=counts.enquiries + outreach.enquiries,
        referrals=counts.referrals + outreach.referrals,
        resource_shares=counts.shares + outreach.shares,
        first_day=first_day,
        today=today,
        seconds=time.perf_counter() - started,
    )


def refuse_a_used_database(db: Database) -> None:
    """The sample never mixes with a practitioner's own records."""
    if count_clients(db) or list_programmes(db, include_archived=True):
        raise NotEmptyError(
            f"{db.where} already has clients or programmes; the sample practice "
            "is only made in a new, empty database (choose one with --database)."
        )


def checked_size(
    clients: int,
    years: int,
    today: date | None,
    *,
    max_clients: int = MAX_CLIENTS,
    years_from: int = 1,
    max_years: int = MAX_YEARS,
) -> tuple[int, int, date]:
    """The sample's size and day, refused with the field named when out of range."""
    if isinstance(clients, bool) or not isinstance(clients, int) or not 1 <= clients <= max_clients:
        raise ValidationError("clients", f"must be a whole number from 1 to {max_clients:,}.")
    if (
        isinstance(years, bool)
        or not isinstance(years, int)
        or not years_from <= years <= max_years
    ):
        raise ValidationError("years", f"must be a whole number from {years_from} to {max_years}.")
    now = real_today()
    if today is None:
        today = now
    elif today > now:
        raise ValidationError("today", "cannot be in the future: sessions before it are logged.")
    return clients, years, today


@contextmanager
def quick_writes(db: Database) -> Iterator[None]:
    """Write the sample without waiting for the disk after every action.

    The sample is made of thousands of small transactions (one per user action, as the
    services do it); with ``synchronous = FULL`` each waits for the disk. While the
    sample is written, connections do not wait (:func:`practice.db.dialect.quick_writes`);
    afterwards they are closed, so every later connection gets the usual settings again. A crash half-way
    leaves a half-made sample, which is simply made again.
    """

    statement = dialect.quick_writes(db.engine.dialect.name)

    def relax(dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
        dbapi_conn.execute(statement)

    event.listen(db.engine, "checkout", relax)
    try:
        yield
    finally:
        event.remove(db.engine, "checkout", relax)
        db.engine.dispose()  # closing a connection writes everything out
