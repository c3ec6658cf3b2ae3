"""The rules a programme's terms must meet, shared by creating, editing and copying.

Each ``validated_*`` function returns cleaned values or raises
:class:`~practice.errors.ValidationError` naming the field and saying why in plain words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from practice.documents.merge import validate_template
from practice.errors import ValidationError
from practice.models import InclusionKind, InstalmentInterval, LengthUnit, SupportMode
from practice.money import validate_amount, validate_currency
from practice.services import validation

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
        "name": validation.line(raw["name"], "name", max_length=200, required=True),
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
