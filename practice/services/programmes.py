"""Programmes: the reusable offers — create, edit, archive, copy and list them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import selectinload

from practice.db import Database
from practice.documents.merge import validate_template
from practice.errors import NotFoundError, ValidationError
from practice.models import (
    InclusionKind,
    InstalmentInterval,
    LengthUnit,
    Programme,
    ProgrammeInclusion,
    ProgrammePeriod,
    Resource,
    SupportMode,
)
from practice.money import validate_amount, validate_currency
from practice.services import validation
from practice.timeutil import utcnow

MAX_DESCRIPTION = 20_000
#: The longest programme accepted, per unit: three years.
MAX_LENGTH = {LengthUnit.WEEKS: 156, LengthUnit.MONTHS: 36}
MAX_SESSIONS_PER_PERIOD = {LengthUnit.WEEKS: 14, LengthUnit.MONTHS: 60}
SESSION_MINUTES = (5, 600)
MAX_INSTALMENTS = 60


@dataclass(frozen=True, slots=True)
class PeriodPlan:
    """One line of a session plan: periods ``first..last`` with N sessions each."""

    first_period: int
    last_period: int
    sessions_per_period: int


@dataclass(frozen=True, slots=True)
class InclusionSpec:
    """Something included in the programme, optionally pointing at a resource."""

    kind: InclusionKind | str
    description: str
    resource_id: int | None = None


#: Every column a person sets on a programme (periods and inclusions are separate).
PROGRAMME_FIELDS = (
    "name",
    "summary",
    "description",
    "length_value",
    "length_unit",
    "session_minutes",
    "support_mode",
    "support_call_count",
    "support_call_minutes",
    "support_minutes_estimate",
    "price",
    "currency",
    "full_payment_discount",
    "instalment_count",
    "instalment_interval",
    "minimum_term",
    "prep_minutes_per_session",
    "writeup_minutes_per_session",
    "supervision_minutes_per_month",
)


def create_programme(
    db: Database,
    *,
    name: str,
    description: str,
    length_value: int,
    length_unit: LengthUnit | str,
    session_minutes: int,
    periods: Sequence[PeriodPlan],
    support_mode: SupportMode | str = SupportMode.NONE,
    support_call_count: int = 0,
    support_call_minutes: int = 15,
    support_minutes_estimate: int = 0,
    inclusions: Sequence[InclusionSpec] = (),
    price: int,
    currency: str,
    full_payment_discount: int = 0,
    instalment_count: int = 1,
    instalment_interval: InstalmentInterval | str = InstalmentInterval.MONTHLY,
    minimum_term: int = 0,
    prep_minutes_per_session: int = 0,
    writeup_minutes_per_session: int = 0,
    supervision_minutes_per_month: int = 0,
    summary: str = "",
) -> Programme:
    """Add a programme. Raises :class:`ValidationError` naming the first bad field."""
    raw = {
        "name": name,
        "summary": summary,
        "description": description,
        "length_value": length_value,
        "length_unit": length_unit,
        "session_minutes": session_minutes,
        "support_mode": support_mode,
        "support_call_count": support_call_count,
        "support_call_minutes": support_call_minutes,
        "support_minutes_estimate": support_minutes_estimate,
        "price": price,
        "currency": currency,
        "full_payment_discount": full_payment_discount,
        "instalment_count": instalment_count,
        "instalment_interval": instalment_interval,
        "minimum_term": minimum_term,
        "prep_minutes_per_session": prep_minutes_per_session,
        "writeup_minutes_per_session": writeup_minutes_per_session,
        "supervision_minutes_per_month": supervision_minutes_per_month,
    }
    values = validated_terms(raw)
    plan = validated_periods(periods, values["length_value"], values["length_unit"])
    extras = validated_inclusions(inclusions)
    with db.transaction() as s:
        _check_resources(s, extras)
        programme = Programme(**values)
        _replace_children(programme, plan, extras)
        s.add(programme)
        s.flush()
        return _loaded(s, programme.id)


def update_programme(db: Database, programme_id: int, **changes: Any) -> Programme:
    """Change a programme's terms; ``periods`` / ``inclusions``, when given, replace the old.

    Enrolments already made keep their own snapshot and are not affected.
    """
    unknown = sorted(set(changes) - set(PROGRAMME_FIELDS) - {"periods", "inclusions"})
    if unknown:
        raise ValidationError(unknown[0], "is not a term of a programme.")
    with db.transaction() as s:
        programme = _load(s, programme_id)
        current = {name: getattr(programme, name) for name in PROGRAMME_FIELDS}
        values = validated_terms({**current, **{k: v for k, v in changes.items() if k in current}})
        plan = validated_periods(
            changes.get("periods", _plans(programme)), values["length_value"], values["length_unit"]
        )
        extras = validated_inclusions(changes.get("inclusions", _specs(programme)))
        _check_resources(s, extras)
        for name, value in values.items():
            setattr(programme, name, value)
        if "periods" in changes or "inclusions" in changes:
            _replace_children(
                programme,
                plan if "periods" in changes else None,
                extras if "inclusions" in changes else None,
            )
        s.flush()
        return _loaded(s, programme.id)


def archive_programme(db: Database, programme_id: int) -> Programme:
    """Take a programme off the list of offers; enrolments in it carry on."""
    with db.transaction() as s:
        programme = _load(s, programme_id)
        if programme.archived_at is None:
            programme.archived_at = utcnow()
        return _loaded(s, programme.id)


def restore_programme(db: Database, programme_id: int) -> Programme:
    """Put an archived programme back on the list of offers."""
    with db.transaction() as s:
        programme = _load(s, programme_id)
        programme.archived_at = None
        return _loaded(s, programme.id)


def duplicate_programme(db: Database, programme_id: int, *, name: str | None = None) -> Programme:
    """A copy of a programme (not archived), named ``name`` or "<name> (copy)"."""
    with db.transaction() as s:
        original = _load(s, programme_id)
        new_name = name if name is not None else f"{original.name} (copy)"
        values = {field: getattr(original, field) for field in PROGRAMME_FIELDS}
        values["name"] = validation.text(new_name[:200], "name", max_length=200, required=True)
        copy = Programme(**values)
        _replace_children(copy, _plans(original), _specs(original))
        s.add(copy)
        s.flush()
        return _loaded(s, copy.id)


def get_programme(db: Database, programme_id: int) -> Programme:
    """A programme with its session plan and inclusions loaded."""
    with db.transaction() as s:
        return _loaded(s, programme_id)


def list_programmes(db: Database, include_archived: bool = False) -> list[Programme]:
    """Programmes by name, each with its session plan and inclusions loaded."""
    stmt = (
        select(Programme)
        .options(selectinload(Programme.periods), selectinload(Programme.inclusions))
        .order_by(func.lower(Programme.name), Programme.id)
    )
    if not include_archived:
        stmt = stmt.where(Programme.archived_at.is_(None))
    with db.transaction() as s:
        return list(s.scalars(stmt))


def validated_terms(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Every programme column cleaned, or a :class:`ValidationError` for the first bad one."""
    number = validation.whole_number
    text = validation.text
    unit = validation.choice(raw["length_unit"], LengthUnit, "length_unit")
    length = number(raw["length_value"], "length_value", minimum=1, maximum=MAX_LENGTH[unit])
    currency = validate_currency(raw["currency"], "currency")
    price = validate_amount(raw["price"], "price", currency)
    discount = validate_amount(raw["full_payment_discount"], "full_payment_discount", currency)
    if discount > price:
        raise ValidationError("full_payment_discount", "cannot be more than the price.")
    mode = validation.choice(raw["support_mode"], SupportMode, "support_mode")
    values: dict[str, Any] = {
        "name": text(raw["name"], "name", max_length=200, required=True),
        "summary": text(raw["summary"], "summary", max_length=300),
        "description": text(raw["description"], "description", max_length=MAX_DESCRIPTION),
        "length_value": length,
        "length_unit": unit,
        "session_minutes": number(
            raw["session_minutes"],
            "session_minutes",
            minimum=SESSION_MINUTES[0],
            maximum=SESSION_MINUTES[1],
        ),
        "support_mode": mode,
        "support_call_count": number(
            raw["support_call_count"],
            "support_call_count",
            minimum=1 if mode is SupportMode.COUNT else 0,
            maximum=200,
        ),
        "support_call_minutes": number(
            raw["support_call_minutes"],
            "support_call_minutes",
            minimum=5 if mode is SupportMode.COUNT else 0,
            maximum=240,
        ),
        "support_minutes_estimate": number(
            raw["support_minutes_estimate"], "support_minutes_estimate", maximum=60_000
        ),
        "price": price,
        "currency": currency,
        "full_payment_discount": discount,
        "instalment_count": number(
            raw["instalment_count"], "instalment_count", minimum=1, maximum=MAX_INSTALMENTS
        ),
        "instalment_interval": validation.choice(
            raw["instalment_interval"], InstalmentInterval, "instalment_interval"
        ),
        "minimum_term": number(raw["minimum_term"], "minimum_term", maximum=length),
        "prep_minutes_per_session": number(
            raw["prep_minutes_per_session"], "prep_minutes_per_session", maximum=480
        ),
        "writeup_minutes_per_session": number(
            raw["writeup_minutes_per_session"], "writeup_minutes_per_session", maximum=480
        ),
        "supervision_minutes_per_month": number(
            raw["supervision_minutes_per_month"], "supervision_minutes_per_month", maximum=6_000
        ),
    }
    validate_template(values["description"], "description")
    return values


def validated_periods(
    periods: Iterable[PeriodPlan], length: int, unit: LengthUnit
) -> list[PeriodPlan]:
    """The session plan, checked to cover periods 1..length exactly once, in order."""
    word = "week" if unit is LengthUnit.WEEKS else "month"
    plans: list[PeriodPlan] = []
    for line in periods:
        if not isinstance(line, PeriodPlan):
            raise ValidationError("periods", "each line must give first, last and sessions.")
        first, last, sessions = line.first_period, line.last_period, line.sessions_per_period
        if not all(_is_int(v) for v in (first, last, sessions)):
            raise ValidationError("periods", "every line needs whole numbers.")
        if first < 1:
            raise ValidationError("periods", f"{word}s are counted from 1, not {first}.")
        if last < first:
            raise ValidationError("periods", f"the line {word}s {first}–{last} runs backwards.")
        if last > length:
            raise ValidationError(
                "periods", f"{word} {last} is after the end of a {length}-{word} programme."
            )
        if sessions < 0:
            raise ValidationError("periods", f"sessions in {word} {first} cannot be negative.")
        if sessions > MAX_SESSIONS_PER_PERIOD[unit]:
            raise ValidationError(
                "periods",
                f"{sessions} sessions a {word} is more than "
                f"{MAX_SESSIONS_PER_PERIOD[unit]} — please check it.",
            )
        plans.append(PeriodPlan(first, last, sessions))
    plans.sort(key=lambda p: p.first_period)
    covered: dict[int, PeriodPlan] = {}
    for line in plans:
        for period in range(line.first_period, line.last_period + 1):
            if period in covered:
                raise ValidationError("periods", f"{word} {period} is in the plan twice.")
            covered[period] = line
    for period in range(1, length + 1):
        if period not in covered:
            raise ValidationError("periods", f"{word} {period} has no line in the session plan.")
    if not any(line.sessions_per_period for line in plans):
        raise ValidationError("periods", "the plan needs at least one session.")
    return plans


def validated_inclusions(inclusions: Iterable[InclusionSpec]) -> list[InclusionSpec]:
    specs: list[InclusionSpec] = []
    for spec in inclusions:
        if not isinstance(spec, InclusionSpec):
            raise ValidationError("inclusions", "each inclusion needs a kind and a description.")
        kind = validation.choice(spec.kind, InclusionKind, "inclusions")
        description = validation.text(spec.description, "inclusions", max_length=500, required=True)
        resource_id = spec.resource_id
        if resource_id is not None and not _is_int(resource_id):
            raise ValidationError("inclusions", "the linked resource is not valid.")
        specs.append(InclusionSpec(kind, description, resource_id))
    if len(specs) > 100:
        raise ValidationError("inclusions", "at most 100 inclusions can be listed.")
    return specs


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_resources(s: DbSession, specs: Sequence[InclusionSpec]) -> None:
    for spec in specs:
        if spec.resource_id is not None and s.get(Resource, spec.resource_id) is None:
            raise ValidationError(
                "inclusions", f"“{spec.description}” links to a resource that no longer exists."
            )


def _replace_children(
    programme: Programme,
    plans: Sequence[PeriodPlan] | None,
    specs: Sequence[InclusionSpec] | None,
) -> None:
    if plans is not None:
        programme.periods = [
            ProgrammePeriod(
                first_period=p.first_period,
                last_period=p.last_period,
                sessions_per_period=p.sessions_per_period,
            )
            for p in plans
        ]
    if specs is not None:
        programme.inclusions = [
            ProgrammeInclusion(
                position=position,
                kind=InclusionKind(spec.kind),
                description=spec.description,
                resource_id=spec.resource_id,
            )
            for position, spec in enumerate(specs)
        ]


def _plans(programme: Programme) -> list[PeriodPlan]:
    return [
        PeriodPlan(p.first_period, p.last_period, p.sessions_per_period) for p in programme.periods
    ]


def _specs(programme: Programme) -> list[InclusionSpec]:
    return [InclusionSpec(i.kind, i.description, i.resource_id) for i in programme.inclusions]


def _load(s: DbSession, programme_id: int) -> Programme:
    programme = s.get(Programme, programme_id)
    if programme is None:
        raise NotFoundError("programme", programme_id)
    return programme


def _loaded(s: DbSession, programme_id: int) -> Programme:
    programme = s.scalar(
        select(Programme)
        .where(Programme.id == programme_id)
        .options(selectinload(Programme.periods), selectinload(Programme.inclusions))
        .execution_options(populate_existing=True)
    )
    if programme is None:
        raise NotFoundError("programme", programme_id)
    return programme
