"""The agreed terms, read from an enrolment's ``terms_snapshot`` — never the live programme.

The snapshot is written once, when the client enrols, and holds every programme term and
the practice's agreement clauses as they stood. This module turns that JSON dict into a
typed object for the documents, tolerating keys an older snapshot may not have.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from practice.models import ClauseScope, InclusionKind, LengthUnit, SupportMode, label

E = TypeVar("E", LengthUnit, SupportMode)


@dataclass(frozen=True)
class Period:
    first: int
    last: int
    sessions: int


@dataclass(frozen=True)
class Inclusion:
    kind: str
    description: str


#: Clauses that only make sense for a programme, in snapshots taken before clauses
#: said which agreements they belong in.
_PROGRAMME_ONLY_KEYS = frozenset({"ending_early", "missed_sessions", "between_sessions"})


@dataclass(frozen=True)
class Clause:
    heading: str
    body: str
    applies_to: ClauseScope = ClauseScope.ALL

    def prints_in(self, single_session: bool) -> bool:
        """Whether this clause belongs in a single-session (or a programme) agreement."""
        if self.applies_to == ClauseScope.ALL:
            return True
        return (self.applies_to == ClauseScope.SINGLE) == single_session


def _scope(clause: dict[str, Any]) -> ClauseScope:
    value = clause.get("applies_to")
    if value is None:
        key = str(clause.get("key", ""))
        return ClauseScope.PROGRAMMES if key in _PROGRAMME_ONLY_KEYS else ClauseScope.ALL
    try:
        return ClauseScope(str(value))
    except ValueError:
        return ClauseScope.ALL


@dataclass(frozen=True)
class AgreedTerms:
    name: str
    description: str
    length_value: int
    length_unit: LengthUnit
    session_minutes: int
    periods: tuple[Period, ...]
    support_mode: SupportMode
    support_call_count: int
    support_call_minutes: int
    inclusions: tuple[Inclusion, ...]
    minimum_term: int
    clauses: tuple[Clause, ...]

    @classmethod
    def from_snapshot(cls, snapshot: dict[str, Any], *, fallback_name: str = "") -> AgreedTerms:
        def number(key: str, default: int = 0) -> int:
            value = snapshot.get(key, default)
            return int(value) if isinstance(value, int | float) else default

        periods = tuple(
            Period(int(p["first_period"]), int(p["last_period"]), int(p["sessions_per_period"]))
            for p in snapshot.get("periods") or []
        )
        inclusions = tuple(
            Inclusion(_inclusion_label(i.get("kind", "")), str(i.get("description", "")))
            for i in snapshot.get("inclusions") or []
            if str(i.get("description", "")).strip()
        )
        clauses = tuple(
            Clause(str(c.get("heading", "")).strip(), str(c.get("body", "")), _scope(c))
            for c in snapshot.get("clauses") or []
            if str(c.get("heading", "")).strip() or str(c.get("body", "")).strip()
        )
        return cls(
            name=str(snapshot.get("name") or fallback_name),
            description=str(snapshot.get("description") or ""),
            length_value=number("length_value"),
            length_unit=_enum(LengthUnit, snapshot.get("length_unit"), LengthUnit.MONTHS),
            session_minutes=number("session_minutes", 60),
            periods=tuple(sorted(periods, key=lambda p: p.first)),
            support_mode=_enum(SupportMode, snapshot.get("support_mode"), SupportMode.NONE),
            support_call_count=number("support_call_count"),
            support_call_minutes=number("support_call_minutes"),
            inclusions=inclusions,
            minimum_term=number("minimum_term"),
            clauses=clauses,
        )


def _enum(kind: type[E], value: object, default: E) -> E:
    try:
        return kind(str(value))
    except ValueError:
        return default


def _inclusion_label(kind: object) -> str:
    try:
        return label(InclusionKind(str(kind)))
    except ValueError:
        return ""
