"""A client's whole record: every row of every table that refers to the client.

The tables are found from the schema's foreign keys (``Base.metadata``), following
them transitively (client → sessions → session notes → note versions, client →
enrolments → payments, …), so a table added later is included without anyone having to
remember it. Drafts (text being typed) whose key names the client or one of their
sessions, and the audit entries about the client, are included too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, or_, select
from sqlalchemy.orm import Session as DbSession

from practice.errors import NotFoundError
from practice.models import AuditEntry, Base, Client, Draft

CLIENT_TABLE = "clients"
DRAFTS_TABLE = "drafts"
AUDIT_TABLE = "audit_log"


def is_private_column(name: str) -> bool:
    """Private process notes: exported only when explicitly chosen."""
    return name.startswith("private")


def client_tables() -> list[Table]:
    """Every table that refers (directly or through others) to a client, parents first."""
    reached = {CLIENT_TABLE}
    changed = True
    while changed:
        changed = False
        for table in Base.metadata.sorted_tables:
            if table.name in reached:
                continue
            if any(fk.column.table.name in reached for fk in table.foreign_keys):
                reached.add(table.name)
                changed = True
    return [t for t in Base.metadata.sorted_tables if t.name in reached]


@dataclass
class ClientRecord:
    client_id: int
    #: table name -> rows (column -> value), in the order of ``client_tables()``.
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    include_private: bool = False

    def ids(self, table: str) -> set[int]:
        return {int(row["id"]) for row in self.tables.get(table, []) if "id" in row}

    @property
    def row_count(self) -> int:
        return sum(len(rows) for rows in self.tables.values())


def collect_record(session: DbSession, client_id: int, *, include_private: bool) -> ClientRecord:
    """Read every row that belongs to the client (in the caller's transaction)."""
    if session.get(Client, client_id) is None:
        raise NotFoundError("client", client_id)
    record = ClientRecord(client_id=client_id, include_private=include_private)
    keys: dict[str, set[Any]] = {CLIENT_TABLE: {client_id}}
    tables = client_tables()
    # Follow the links until no table gains rows (a row can be reached by several paths).
    changed = True
    while changed:
        changed = False
        for table in tables:
            found = _rows_linked(session, table, keys)
            pk = _pk(table)
            new = {row[pk] for row in found} - keys.get(table.name, set())
            if new:
                keys.setdefault(table.name, set()).update(new)
                changed = True
    for table in tables:
        wanted = keys.get(table.name, set())
        if not wanted:
            record.tables[table.name] = []
            continue
        key = table.c[_pk(table)]
        rows = session.execute(select(table).where(key.in_(wanted)).order_by(key)).mappings()
        record.tables[table.name] = [_clean(dict(row), include_private) for row in rows]
    record.tables[DRAFTS_TABLE] = [
        {"key": d.key, "body": d.body, "updated_at": d.updated_at}
        for d in session.scalars(select(Draft).order_by(Draft.key))
        if draft_belongs(d.key, client_id, record.ids("sessions"))
    ]
    record.tables[AUDIT_TABLE] = [
        {
            "at": e.at,
            "actor": e.actor,
            "action": e.action,
            "entity": e.entity,
            "entity_id": e.entity_id,
            "detail": e.detail,
        }
        for e in session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == "client", AuditEntry.entity_id == client_id)
            .order_by(AuditEntry.id)
        )
    ]
    return record


def draft_belongs(key: str, client_id: int, session_ids: set[int]) -> bool:
    """A draft key such as ``note:new:client:7`` or ``note:session:12`` names its owner."""
    if re.search(rf"(^|:)client:{client_id}(:|$)", key):
        return True
    match = re.search(r"(^|:)session:(\d+)(:|$)", key)
    return bool(match and int(match[2]) in session_ids)


def _pk(table: Table) -> str:
    cols = list(table.primary_key.columns)
    return cols[0].name


def _rows_linked(session: DbSession, table: Table, keys: dict[str, set[Any]]) -> list[Any]:
    conditions = []
    for fk in table.foreign_keys:
        parent_ids = keys.get(fk.column.table.name)
        if parent_ids:
            conditions.append(fk.parent.in_(parent_ids))
    if table.name == CLIENT_TABLE:
        conditions.append(table.c.id.in_(keys[CLIENT_TABLE]))
    if not conditions:
        return []
    pk = table.c[_pk(table)]
    return list(session.execute(select(pk).where(or_(*conditions))).mappings())


def _clean(row: dict[str, Any], include_private: bool) -> dict[str, Any]:
    if include_private:
        return row
    return {k: v for k, v in row.items() if not is_private_column(k)}
