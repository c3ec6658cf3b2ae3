"""A client's record as one JSON document (money stays integer minor units)."""

from __future__ import annotations

import base64
import enum
import json
from datetime import date, datetime
from typing import Any

from practice.safekeeping.record import ClientRecord
from practice.timeutil import utcnow

FORMAT = "practice-manager/client-record"
VERSION = 1


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, float):  # no money is ever a float; other floats are kept as text
        return repr(value)
    return value


def record_json(record: ClientRecord) -> str:
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": utcnow().isoformat(),
        "client_id": record.client_id,
        "private_notes_included": record.include_private,
        "tables": {name: _plain(rows) for name, rows in record.tables.items()},
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
