"""Defaults every practice database starts with: the profile row and the standard terms."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from practice.models import AgreementClause, ClauseScope, PracticeProfile
from practice.resources import resource_text
from practice.zone import computer_zone


def default_clauses() -> list[dict[str, str]]:
    """The default agreement terms shipped in resources/, in print order: each has a
    ``key``, ``heading``, ``body`` and ``applies_to`` (a :class:`ClauseScope` value)."""
    data: list[dict[str, str]] = json.loads(resource_text("texts", "default_terms.json"))
    return data


def default_clause(position: int, clause: dict[str, str]) -> AgreementClause:
    return AgreementClause(
        key=clause["key"],
        position=position,
        heading=clause["heading"],
        body=clause["body"],
        applies_to=ClauseScope(clause.get("applies_to", ClauseScope.ALL.value)),
    )


def ensure_defaults(session: DbSession) -> None:
    if session.get(PracticeProfile, 1) is None:
        # a new practice counts its days in this computer's zone, by name, until changed
        session.add(PracticeProfile(id=1, time_zone=computer_zone().name or ""))
    if session.scalar(select(AgreementClause.id).limit(1)) is None:
        for position, clause in enumerate(default_clauses()):
            session.add(default_clause(position, clause))
