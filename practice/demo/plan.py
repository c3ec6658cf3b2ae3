"""The shape of the sample practice, decided before anything is written.

:func:`plan_clients` turns a seed, a size and ``today`` into one :class:`ClientPlan` per
client: who they are, how they arrived and every enrolment they take with its outcome.
It uses only the ``random.Random`` it is given, so the same seed, size and ``today``
always give the same plan. All dates are relative to ``today``: the sample practice is
always current (sessions this week, instalments due soon), and passing a fixed
``today`` reproduces it exactly.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from practice.demo.catalogue import PROGRAMMES, ProgrammeSpec
from practice.demo.names import (
    EMAIL_DOMAINS,
    EMERGENCY_RELATIONS,
    GROUP_WEIGHTS,
    GROUPS,
    SHOWCASE,
    SOURCES,
    Name,
)
from practice.models import ClientStatus, EnrolmentStatus, LengthUnit, PaymentPlan
from practice.services import scheduling

#: How a client pays their instalments.
ON_TIME, LATE, MISSING = "on_time", "late", "missing"

#: What happens to a client over the years; the first ones are fixed so even a small
#: sample shows every status and outcome.
ACTIVE, COMPLETED, ENDED_EARLY, CANCELLED = "active", "completed", "ended_early", "cancelled"
PROPOSED, RENEWED, ENQUIRY, ARCHIVED, PAUSED = (
    "proposed",
    "renewed",
    "enquiry",
    "archived",
    "paused",
)
#: A client renewing programme after programme since some point in the years.
LONG_TERM = "long_term"
FORCED: tuple[str, ...] = (
    ACTIVE,
    COMPLETED,
    ENDED_EARLY,
    CANCELLED,
    PROPOSED,
    RENEWED,
    ENQUIRY,
    ARCHIVED,
    PAUSED,
)


@dataclass(frozen=True)
class Identity:
    first_name: str
    last_name: str
    email: str
    phone: str
    pronouns: str
    date_of_birth: date
    emergency_contact_name: str
    emergency_contact_phone: str
    source: str


@dataclass(frozen=True)
class EnrolmentPlan:
    programme: ProgrammeSpec
    start: date
    end: date
    status: EnrolmentStatus
    payment_plan: PaymentPlan
    payer: str
    #: The day it was agreed (None while proposed, or cancelled before agreeing).
    agreed_on: date | None
    #: The last day of work, for an enrolment ended early.
    ended_on: date | None = None
    #: True when this enrolment renews the one before it in the client's list.
    renewal: bool = False


@dataclass(frozen=True)
class ClientPlan:
    number: int
    scenario: str
    identity: Identity
    #: When their enquiry arrived (every client starts as an enquiry).
    enquiry_on: date
    enrolments: tuple[EnrolmentPlan, ...]
    final_status: ClientStatus


def end_date(programme: ProgrammeSpec, start: date) -> date:
    """The programme's last day when it starts on ``start`` (the rule enrolling uses)."""
    return scheduling.end_date(start, programme.length_value, programme.length_unit)


def plan_clients(
    rng: random.Random,
    *,
    clients: int,
    years: int,
    today: date,
    renew_chance: float = 0.3,
    long_term: int = 0,
    renew_into_today: bool = True,
) -> list[ClientPlan]:
    """One plan per client, in the order they are to be written.

    ``renew_chance`` is how likely a client who completed a programme takes another
    straight after; ``long_term`` clients (after the fixed first ones) started at some
    point in the years and have renewed ever since, the practice's longest records.
    With ``renew_into_today`` false, a past client's renewals stop before one would
    still be running today, and clients who renewed did so in years past, so a lifetime
    of renewals does not leave a solo practitioner hundreds of clients at once (the
    current and long-term clients run to today).
    """
    scenarios = _scenarios(rng, clients)
    for number in range(len(FORCED), min(len(FORCED) + long_term, clients)):
        scenarios[number] = LONG_TERM
    identities = _identities(rng, clients)
    planner = _Planner(
        rng,
        today=today,
        first_day=today - timedelta(days=365 * years),
        renew_chance=renew_chance,
        renew_into_today=renew_into_today,
    )
    return [
        planner.client(number, scenario, identity)
        for number, (scenario, identity) in enumerate(zip(scenarios, identities, strict=True), 1)
    ]


def _scenarios(rng: random.Random, clients: int) -> list[str]:
    forced = list(FORCED[:clients])
    rest = clients - len(forced)
    active = min(max(round(clients * 0.22) - 3, 0), 36, rest)
    proposed = min(round(clients * 0.03), rest - active)
    enquiry = min(round(clients * 0.04), rest - active - proposed)
    past = rest - active - proposed - enquiry
    pool = [ACTIVE] * active + [PROPOSED] * proposed + [ENQUIRY] * enquiry
    pool += rng.choices(
        [COMPLETED, ENDED_EARLY, CANCELLED, ARCHIVED, RENEWED, PAUSED],
        weights=[60, 9, 6, 14, 10, 1],
        k=past,
    )
    rng.shuffle(pool)
    return forced + pool


def _identities(rng: random.Random, clients: int) -> list[Identity]:
    seen: set[tuple[str, str]] = set()
    people: list[Identity] = []
    for given, family, email_stem, their_pronouns in SHOWCASE[:clients]:
        seen.add((given, family))
        people.append(_identity(rng, given, family, email_stem, their_pronouns))
    attempts = 0
    while len(people) < clients:
        group = rng.choices(GROUPS, weights=GROUP_WEIGHTS)[0]
        kind = rng.random()
        first: Name
        if group.neutral and kind < 0.08:
            first, pronouns = rng.choice(group.neutral), rng.choice(["they/them", "", "she/her"])
        elif kind < 0.58:
            first, pronouns = rng.choice(group.women), rng.choice(["she/her", "she/her", ""])
        else:
            first, pronouns = rng.choice(group.men), rng.choice(["he/him", "he/him", ""])
        last = rng.choice(group.family)
        attempts += 1
        if (first[0], last[0]) in seen and attempts < clients * 20:
            continue  # the same name twice is confusing in a sample; allow it only when rare
        seen.add((first[0], last[0]))
        stem = f"{first[1]}.{last[1]}"
        people.append(_identity(rng, first[0], last[0], stem, pronouns))
    return people


def _identity(rng: random.Random, first: str, last: str, stem: str, pronouns: str) -> Identity:
    group = rng.choices(GROUPS, weights=GROUP_WEIGHTS)[0]
    contact_first = rng.choice(group.women + group.men)[0]
    relation = rng.choice(EMERGENCY_RELATIONS)
    return Identity(
        first_name=first,
        last_name=last,
        email=f"{stem}{rng.choice(['', '', str(rng.randint(1, 99))])}@{rng.choice(EMAIL_DOMAINS)}",
        phone=_phone(rng),
        pronouns=pronouns,
        date_of_birth=date(rng.randint(1950, 2003), rng.randint(1, 12), rng.randint(1, 28)),
        emergency_contact_name=f"{contact_first} ({relation})",
        emergency_contact_phone=_phone(rng),
        source=rng.choice(SOURCES),
    )


def _phone(rng: random.Random) -> str:
    """A mobile number in the range Ofcom keeps for drama: it rings no one."""
    return f"07700 900{rng.randint(0, 999):03d}"


class _Planner:
    def __init__(
        self,
        rng: random.Random,
        *,
        today: date,
        first_day: date,
        renew_chance: float = 0.3,
        renew_into_today: bool = True,
    ) -> None:
        self.rng = rng
        self.today = today
        self.first_day = first_day
        self.renew_chance = renew_chance
        self.renew_into_today = renew_into_today
        self.showcase = False

    def client(self, number: int, scenario: str, identity: Identity) -> ClientPlan:
        #: The fixed first clients always show a refund (ended early after paying in
        #: full) and a cancellation after agreeing.
        self.showcase = number <= len(FORCED)
        enrolments = self._enrolments(scenario)
        first = enrolments[0] if enrolments else None
        enquiry_on = self.today - timedelta(days=self.rng.randint(1, 20))
        if first is not None:
            before = first.agreed_on or first.start
            enquiry_on = min(before - timedelta(days=self.rng.randint(3, 20)), enquiry_on)
        return ClientPlan(
            number=number,
            scenario=scenario,
            identity=identity,
            enquiry_on=enquiry_on,
            enrolments=tuple(enrolments),
            final_status=self._final_status(scenario, enrolments),
        )

    def _programme(self, *, exclude: str = "") -> ProgrammeSpec:
        choices = [p for p in PROGRAMMES if p.key != exclude]
        return self.rng.choices(choices, weights=[p.weight for p in choices])[0]

    def _payment(
        self, programme: ProgrammeSpec, payer: str | None = None
    ) -> tuple[PaymentPlan, str]:
        if programme.instalment_count == 1 or self.rng.random() < 0.3:
            plan = PaymentPlan.FULL
        else:
            plan = PaymentPlan.INSTALMENTS
        if payer is None:
            payer = self.rng.choices([ON_TIME, LATE, MISSING], weights=[70, 20, 10])[0]
        return plan, payer

    def _past_start(self, programme: ProgrammeSpec, *, room_after: int = 0) -> date:
        """A start date whose programme (plus ``room_after`` days) ends before today."""
        length = (end_date(programme, self.first_day) - self.first_day).days
        latest = self.today - timedelta(days=length + 14 + room_after)
        earliest = min(self.first_day, latest)
        return earliest + timedelta(days=self.rng.randint(0, (latest - earliest).days))

    def _enrolments(self, scenario: str) -> list[EnrolmentPlan]:
        rng = self.rng
        if scenario == ENQUIRY:
            return []
        if scenario == PROPOSED:
            programme = self._programme()
            start = self.today + timedelta(days=rng.randint(3, 24))
            plan, payer = self._payment(programme, ON_TIME)
            return [
                EnrolmentPlan(
                    programme,
                    start,
                    end_date(programme, start),
                    EnrolmentStatus.PROPOSED,
                    plan,
                    payer,
                    None,
                )
            ]
        if scenario in (ACTIVE, PAUSED):
            return self._current(payer=MISSING if scenario == PAUSED else None)
        if scenario == LONG_TERM:
            return self._long_term()
        if scenario == RENEWED and not self.renew_into_today and not self.showcase:
            # over a lifetime, most who renewed did so in years past: only the current
            # and long-term clients run today, as a solo practitioner's diary allows
            return self._past(COMPLETED)
        if scenario == RENEWED:
            current = self._current(payer=ON_TIME)[-1]
            first = self._programme()
            first_end = current.start - timedelta(days=rng.randint(1, 10))
            first_start = self._start_ending_on(first, first_end)
            plan, payer = self._payment(first, LATE)
            before = EnrolmentPlan(
                first,
                first_start,
                end_date(first, first_start),
                EnrolmentStatus.COMPLETED,
                plan,
                payer,
                first_start - timedelta(days=rng.randint(1, 7)),
            )
            renewal = EnrolmentPlan(
                current.programme,
                current.start,
                current.end,
                current.status,
                current.payment_plan,
                current.payer,
                current.agreed_on,
                renewal=True,
            )
            return [before, renewal]
        return self._past(scenario)

    def _start_ending_on(self, programme: ProgrammeSpec, last_day: date) -> date:
        """The start date that makes ``programme`` end on (or just before) ``last_day``."""
        start = last_day
        while end_date(programme, start) > last_day:
            start -= timedelta(days=1 if programme.length_unit is LengthUnit.WEEKS else 7)
        return start

    def _current(self, payer: str | None) -> list[EnrolmentPlan]:
        programme = self._programme(exclude="consultation")
        length = (end_date(programme, self.today) - self.today).days
        start = self.today - timedelta(days=self.rng.randint(1, max(1, length - 3)))
        plan, payer = self._payment(programme, payer)
        agreed = start - timedelta(days=self.rng.randint(1, 7))
        return [
            EnrolmentPlan(
                programme,
                start,
                end_date(programme, start),
                EnrolmentStatus.ACTIVE,
                plan,
                payer,
                agreed,
            )
        ]

    def _past(self, scenario: str) -> list[EnrolmentPlan]:
        rng = self.rng
        programme = self._programme(exclude="consultation" if scenario == ENDED_EARLY else "")
        archived = scenario == ARCHIVED
        start = self._past_start(programme, room_after=300 if archived else 0)
        end = end_date(programme, start)
        if scenario == ENDED_EARLY:
            plan, payer = self._payment(programme, ON_TIME if self.showcase else None)
            if self.showcase or rng.random() < 0.5:
                plan = PaymentPlan.FULL
            ended_on = start + timedelta(days=max(7, (end - start).days // 2))
            agreed = start - timedelta(days=rng.randint(1, 7))
            return [
                EnrolmentPlan(
                    programme,
                    start,
                    end,
                    EnrolmentStatus.ENDED_EARLY,
                    plan,
                    payer,
                    agreed,
                    ended_on=ended_on,
                )
            ]
        if scenario == CANCELLED:
            plan, payer = self._payment(programme, ON_TIME)
            agreed_first: date | None = None
            if self.showcase or rng.random() < 0.7:
                agreed_first = start - timedelta(days=rng.randint(7, 14))
            return [
                EnrolmentPlan(
                    programme,
                    start,
                    end,
                    EnrolmentStatus.CANCELLED,
                    plan,
                    payer,
                    agreed_first,
                )
            ]
        plan, payer = self._payment(programme)
        chain = [
            EnrolmentPlan(
                programme,
                start,
                end,
                EnrolmentStatus.COMPLETED,
                plan,
                payer,
                start - timedelta(days=rng.randint(1, 7)),
            )
        ]
        while not archived and rng.random() < self.renew_chance:
            renewal = self._renewal_of(chain[-1])
            if renewal.status is not EnrolmentStatus.COMPLETED and not self.renew_into_today:
                break
            chain.append(renewal)
            if renewal.status is not EnrolmentStatus.COMPLETED:
                break
        return chain

    def _long_term(self) -> list[EnrolmentPlan]:
        """From a start somewhere in the years (at least two years ago), renewal after
        renewal up to today: the last one running, or proposed to start soon."""
        programme = self._programme(exclude="consultation")
        latest = self.today - timedelta(days=730)
        earliest = min(self.first_day, latest)
        start = earliest + timedelta(days=self.rng.randint(0, (latest - earliest).days))
        plan, payer = self._payment(programme, ON_TIME)
        chain = [
            EnrolmentPlan(
                programme,
                start,
                end_date(programme, start),
                EnrolmentStatus.COMPLETED,
                plan,
                payer,
                start - timedelta(days=self.rng.randint(1, 7)),
            )
        ]
        while chain[-1].status is EnrolmentStatus.COMPLETED:
            chain.append(self._renewal_of(chain[-1]))
        return chain

    def _renewal_of(self, previous: EnrolmentPlan) -> EnrolmentPlan:
        rng = self.rng
        programme = (
            previous.programme if rng.random() < 0.5 else self._programme(exclude="consultation")
        )
        start = previous.end + timedelta(days=rng.randint(1, 14))
        end = end_date(programme, start)
        plan, payer = self._payment(programme, previous.payer)
        if start > self.today:
            return EnrolmentPlan(
                programme, start, end, EnrolmentStatus.PROPOSED, plan, payer, None, renewal=True
            )
        agreed = max(previous.end - timedelta(days=14), start - timedelta(days=rng.randint(1, 7)))
        status = EnrolmentStatus.COMPLETED if end < self.today else EnrolmentStatus.ACTIVE
        return EnrolmentPlan(programme, start, end, status, plan, payer, agreed, renewal=True)

    def _final_status(self, scenario: str, enrolments: list[EnrolmentPlan]) -> ClientStatus:
        if scenario == PAUSED:
            return ClientStatus.PAUSED
        if scenario == ARCHIVED:
            return ClientStatus.ARCHIVED
        if not enrolments:
            return ClientStatus.ENQUIRY
        statuses = {e.status for e in enrolments}
        if EnrolmentStatus.ACTIVE in statuses:
            return ClientStatus.ACTIVE
        if statuses == {EnrolmentStatus.PROPOSED}:
            return ClientStatus.ENQUIRY
        if statuses == {EnrolmentStatus.CANCELLED}:
            return ClientStatus.ARCHIVED
        return ClientStatus.COMPLETED
