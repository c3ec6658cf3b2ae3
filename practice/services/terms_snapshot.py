"""The terms an enrolment agrees to, frozen as a JSON dict when the client enrols.

The snapshot has every :class:`~practice.models.Programme` column under its own name
(so ``economics.planned.ProgrammeTerms.from_snapshot`` and
``documents.terms.AgreedTerms.from_snapshot`` read it directly), plus:

* ``periods`` — ``[{first_period, last_period, sessions_per_period}]``
* ``inclusions`` — ``[{kind, description, resource_id}]``
* ``clauses`` — the practice's agreement clauses as they stood:
  ``[{key, heading, body, applies_to}]``
* ``planned_sessions``, ``programme_id``, ``payment_plan``, ``agreed_price``,
  ``discount``, ``remainder_on`` and ``instalments`` (``[{number, due_date, amount}]``)
  — what was agreed for this client
* ``snapshot_version`` (1) and ``taken_at`` (ISO instant, UTC)

Editing the programme or the clauses later never changes a stored snapshot.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from practice.models import AgreementClause, Programme
from practice.services.programme_rules import PROGRAMME_FIELDS
from practice.services.scheduling import planned_sessions
from practice.timeutil import utcnow

SNAPSHOT_VERSION = 1


def build_snapshot(
    programme: Programme,
    clauses: Sequence[AgreementClause],
    *,
    payment_plan: str,
    agreed_price: int,
    discount: int,
    remainder_on: str,
    instalments: Sequence[tuple[int, date, int]],
) -> dict[str, Any]:
    """A self-contained JSON-able dict of everything the client agrees to."""
    terms: dict[str, Any] = {}
    for name in PROGRAMME_FIELDS:
        value = getattr(programme, name)
        terms[name] = value.value if hasattr(value, "value") else value
    terms["periods"] = [
        {
            "first_period": p.first_period,
            "last_period": p.last_period,
            "sessions_per_period": p.sessions_per_period,
        }
        for p in programme.periods
    ]
    terms["planned_sessions"] = planned_sessions(programme.periods)
    terms["inclusions"] = [
        {"kind": i.kind.value, "description": i.description, "resource_id": i.resource_id}
        for i in programme.inclusions
    ]
    terms["clauses"] = [
        {
            "key": c.key,
            "heading": c.heading,
            "body": c.body,
            "applies_to": str(getattr(c.applies_to, "value", c.applies_to) or "all"),
        }
        for c in clauses
    ]
    terms.update(
        {
            "programme_id": programme.id,
            "payment_plan": payment_plan,
            "agreed_price": agreed_price,
            "discount": discount,
            "remainder_on": remainder_on,
            "instalments": [
                {"number": number, "due_date": due.isoformat(), "amount": amount}
                for number, due, amount in instalments
            ],
            "snapshot_version": SNAPSHOT_VERSION,
            "taken_at": utcnow().isoformat(),
        }
    )
    return terms
