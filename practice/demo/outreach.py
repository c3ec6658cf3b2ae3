"""Enquiries that did not become clients: referred on, pointed to a resource, declined,
or still waiting for a reply; and the practice's own unseen work (supervision, admin,
training, resource making, travel) week by week."""

from __future__ import annotations

import random
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


@dataclass
class OutreachTally:
    enquiries: int = 0
    referrals: int = 0
    shares: int = 0
    work_entries: int = 0


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
        enquiry = enquiries.record_enquiry(
            db,
            name=f"{first[0]} {last[0]}",
            received_on=received,
            email=f"{first[1]}.{last[1]}@{rng.choice(EMAIL_DOMAINS)}",
            request=request,
            source=rng.choice(SOURCES),
        )
        tally.enquiries += 1
        answered = min(received + timedelta(days=rng.randint(0, 3)), today)
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
                note="No reply after two follow-up emails.",
                closed_on=received + timedelta(days=WAITING_DAYS),
            )


def write_practice_work(
    db: Database, rng: random.Random, *, first_day: date, today: date, tally: OutreachTally
) -> None:
    """Unseen work not tied to one client: weekly admin, monthly supervision and travel
    to it, resource making every few weeks, training a few times a year."""
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
                worklog.log_work(
                    db,
                    work_date=day,
                    minutes=minutes,
                    category=category,
                    note=rng.choice(texts.WORK_NOTES[category]),
                )
                tally.work_entries += 1
        monday += timedelta(days=7)
        week += 1
