"""Programmes: the reusable offers — create, edit, archive, copy and list them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import selectinload

from practice.db import Database
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
from practice.services import audit, records, validation
from practice.services.conflicts import check_version
from practice.services.programme_rules import (
    PROGRAMME_FIELDS,
    InclusionSpec,
    PeriodPlan,
    validated_inclusions,
    validated_periods,
    validated_terms,
)
from practice.timeutil import utcnow

__all__ = [
    "InclusionSpec",
    "PeriodPlan",
    "archive_programme",
    "create_programme",
    "duplicate_programme",
    "get_programme",
    "list_programmes",
    "restore_programme",
    "update_programme",
]


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


def update_programme(
    db: Database, programme_id: int, *, expected_version: int | None = None, **changes: Any
) -> Programme:
    """Change a programme's terms; ``periods`` / ``inclusions``, when given, replace the old.

    Enrolments already made keep their own snapshot and are not affected.
    ``expected_version`` is the programme's ``version`` the editor showed: if someone
    saved it since, nothing is saved (:class:`~practice.errors.EditConflictError`).
    """
    unknown = sorted(set(changes) - set(PROGRAMME_FIELDS) - {"periods", "inclusions"})
    if unknown:
        raise ValidationError(unknown[0], "is not a term of a programme.")
    with db.transaction() as s:
        programme = _load(s, programme_id)
        check_version(s, programme, expected_version, entity="programme", what="this programme")
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
        audit.record(s, "edit", "programme", programme.id)
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
    with db.reading() as s:
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
    with db.reading() as s:
        return list(s.scalars(stmt))


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
    return records.get_or_raise(s, Programme, programme_id, "programme")


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
