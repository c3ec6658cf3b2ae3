"""Export a client's whole record (subject access) as PDF or JSON, and log that it happened."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from practice.db import Database
from practice.errors import NotFoundError, ValidationError
from practice.models import Client, PracticeProfile
from practice.outputs import write_output
from practice.safekeeping.record import collect_record
from practice.safekeeping.record_json import record_json
from practice.services import audit


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: str
    rows: int
    tables: int


def export_format(output: Path) -> str:
    suffix = output.suffix.lower()
    if suffix not in (".pdf", ".json"):
        raise ValidationError("output", "must be a file name ending in .pdf or .json.")
    return suffix[1:]


def export_record(
    db: Database, client_id: int, output: Path, *, include_private: bool = False
) -> ExportResult:
    """Write the client's record to ``output`` (owner-only) and add an audit entry."""
    output = Path(output).expanduser()
    fmt = export_format(output)
    if output.is_dir():
        raise ValidationError("output", f"{output} is a folder; give a file name.")
    if not output.parent.is_dir():
        raise ValidationError("output", f"the folder {output.parent} does not exist.")
    with db.transaction() as s:
        client = s.get(Client, client_id)
        if client is None:
            raise NotFoundError("client", client_id)
        record = collect_record(s, client_id, include_private=include_private)
        if fmt == "json":
            data = record_json(record).encode("utf-8")
        else:
            from practice.safekeeping.record_pdf import record_pdf

            profile = s.get(PracticeProfile, 1)
            assert profile is not None
            data = record_pdf(record, client, profile)
        write_output(output, data)
        audit.record(
            s,
            "export",
            "client",
            client_id,
            f"{fmt}; private notes {'included' if include_private else 'left out'}",
        )
    return ExportResult(output, fmt, record.row_count, len(record.tables))
