"""The audit trail: who viewed, edited, exported or deleted which client record, when.

Entries never copy the record's content. Call :func:`record` inside the service's own
transaction so the entry and the change commit together.
"""

from __future__ import annotations

from sqlalchemy.orm import Session as DbSession

from practice.models import AuditEntry


def record(
    session: DbSession,
    action: str,
    entity: str,
    entity_id: int | None,
    detail: str = "",
) -> None:
    """Append one audit entry: ``action`` (view, create, edit, lock, export, delete, erase)."""
    session.add(AuditEntry(action=action, entity=entity, entity_id=entity_id, detail=detail))
