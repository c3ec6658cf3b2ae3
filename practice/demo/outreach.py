"""Enquiries that did not become clients: referred on, pointed to a resource, declined,
or still waiting for a reply; and the practice's own unseen work (supervision, admin,
training, resource making, travel) week by week."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from practice.db import Database
from practice.demo import texts
from practice.demo.names import EMAIL_DOMAINS, GROUP_WEIGHTS, GROUPS, SOURCES
from practice.demo.setup import Catalogue
from practice.models import EnquiryOutcome, WorkCategory
from practice.services import enquiries, worklog

#: Enquiries older than this that never got a reply are closed as declined.
WAITING_DAYS = 30
NO_REPLY = "No reply after two follow-up emails."


@dataclass
class OutreachTally:
    enquiries: int = 0
    referrals: int = 0
    shares: int = 0
    work_entries: int = 0


@dataclass(frozen=True)
class EnquiryPlan:
    """One enquirer who did not become a client, and how the practice answered."""

    name: str
    email: str
    received_on: date
    request: str
    source: str
    outcome: EnquiryOutcome
    note: str
    #: The provider (referred) or resource (pointed to) of the answer, by catalogue key.
    key: str
    answered_on: date


def plan_enquiries(
    rng: random.Random, *, count: int, first_day: date, today: date
) -> Iterator[EnquiryPlan]:
    """``count`` enquiries cycling through every outcome, spread over the years."""
    span = max((today - first_day).days, 1)
    for number in range(count):
        request, outcome, note, key = texts.ENQUIRIES[number % len(texts.ENQUIRIES)]
        if outcome is EnquiryOutcome.WAITING and number < len(texts.ENQUIRIES):
            received = today - timedelta(days=rng.randint(1, 14))  # the first ones still wait
        else:
            received = first_day + timedelta(days=rng.randint(0, span - 1))
        group = rng.choices(GROUPS, weights=GROUP_WEIGHTS)[0]
        first = rng.choice(group.women + group.men + group.neutral)
        last = rng.choice(group.family)
        email = f"{first[1]}.{last[1]}@{rng.choice(EMAIL_DOMAINS)}"
        source = rng.choice(SOURCES)
        answered = min(received + timedelta(days=rng.randint(0, 3)), today)
        yield EnquiryPlan(
            f"{first[0]} {last[0]}", email, received, request, source, outcome, note, key, answered
        )


def write_enquiries(
    db: Database,
    rng: random.Random,
    *,
    count: int,
    first_day: date,
    today: date,
    catalogue: Catalogue,
    tally: OutreachTally,
) -> None:
    """The planned enquiries (:func:`plan_enquiries`), through the services."""
    for plan in plan_enquiries(rng, count=count, first_day=first_day, today=today):
        enquiry = enquiries.record_enquiry(
            db,
            name=plan.name,
            received_on=plan.received_on,
            email=plan.email,
            request=plan.request,
            source=plan.source,
        )
        tally.enquiries += 1
        outcome, note, key, answered = plan.outcome, plan.note, plan.key, plan.answered_on
        received = plan.received_on
        if outcome is EnquiryOutcome.REFERRED:
            enquiries.refer_enquirer(db, enquiry.id, catalogue.providers[key], note, answered)
            tally.referrals += 1
        elif outcome is EnquiryOutcome.RESOURCE:
            enquiries.point_to_resource(
                db, enquiry.id, catalogue.resources[key], answered, note=note
            )
            tally.shares += 1
        elif outcome is EnquiryOutcome.DECLINED:
            enquiries.set_enquiry_outcome(db, enquiry.id, outcome, note=note, closed_on=answered)
        elif (today - received).days > WAITING_DAYS:
            enquiries.set_enquiry_outcome(
                db,
                enquiry.id,
                EnquiryOutcome.DECLINED,
                note=NO_REPLY,
                closed_on=received + timedelta(days=WAITING_DAYS),
            )


def practice_work(
    rng: random.Random, *, first_day: date, today: date
) -> Iterator[tuple[date, WorkCategory, int, str]]:
    """Unseen work not tied to one client: weekly admin, monthly supervision and travel
    to it, resource making every few weeks, training a few times a year; each entry as
    (day, category, minutes, note)."""
    monday = first_day - timedelta(days=first_day.weekday())
    week = 0
    while monday < today:
        entries: list[tuple[int, WorkCategory, int]] = [
            (4, WorkCategory.ADMIN, 15 * rng.randint(3, 8))
        ]
        if week % 4 == 1:
            entries.append((1, WorkCategory.SUPERVISION, rng.choice([60, 60, 75, 90])))
            entries.append((1, WorkCategory.TRAVEL, rng.choice([30, 40, 50])))
        if week % 6 == 2 or rng.random() < 0.05:
            entries.append(
                (rng.randint(0, 4), WorkCategory.RESOURCE_MAKING, 30 * rng.randint(2, 6))
            )
        if week % 13 == 3:  # a training day or course each quarter
            entries.append((rng.randint(0, 4), WorkCategory.TRAINING, 60 * rng.randint(3, 7)))
        for offset, category, minutes in entries:
            day = monday + timedelta(days=offset)
            if first_day <= day < today:
                yield day, category, minutes, rng.choice(texts.WORK_NOTES[category])
        monday += timedelta(days=7)
        week += 1


def write_practice_work(
    db: Database, rng: random.Random, *, first_day: date, today: date, tally: OutreachTally
) -> None:
    """The practice's own work (:func:`practice_work`), through the services."""
    for day, category, minutes, note in practice_work(rng, first_day=first_day, today=today):
        worklog.log_work(db, work_date=day, minutes=minutes, category=category, note=note)
        tally.work_entries += 1
