"""The practice's lists as CSV files for any spreadsheet: clients, enrolments, sessions
(notes optional), work log, payments and instalments.

Plain and predictable, like the report CSVs: UTF-8 with a byte-order mark (so
spreadsheet programs read names in any script), comma-separated, one heading row; dates
``YYYY-MM-DD``, session times in the practice's time zone (named in the heading), money
in major units with a dot (``1200.00``) beside a currency column, durations in minutes,
closed sets by their labels. Paid, outstanding and instalment states come from
:mod:`practice.economics`, as on the app's pages. Private process notes are never written
to a CSV (the whole-practice JSON export has everything).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import aliased

from practice.csv_cells import formula_safe
from practice.db import Database
from practice.economics import enrolment_rows, instalment_rows
from practice.errors import ValidationError
from practice.models import (
    Client,
    Enrolment,
    Instalment,
    NoteAddendum,
    Session,
    SessionNote,
    WorkLogEntry,
    label,
)
from practice.money import to_decimal
from practice.services import audit
from practice.services.payments import list_payments
from practice.transfer.files import write_private_bytes
from practice.zone import PracticeZone, practice_zone

Table = tuple[list[str], list[list[Any]]]


@dataclass(frozen=True)
class ListOptions:
    today: date
    zone: PracticeZone
    with_notes: bool = False


@dataclass(frozen=True)
class CsvList:
    key: str
    title: str
    build: Callable[[Database, DbSession, ListOptions], Table]

    @property
    def file_name(self) -> str:
        return f"{self.key}.csv"


def _money(amount: int | None, currency: str) -> str:
    return "" if amount is None else str(to_decimal(amount, currency))


def _name(first: str, last: str) -> str:
    return f"{first} {last}".strip()


def _clients(_db: Database, s: DbSession, _options: ListOptions) -> Table:
    heading = [
        "Id",
        "First name",
        "Last name",
        "Preferred name",
        "Pronouns",
        "Email",
        "Phone",
        "Address",
        "Date of birth",
        "Status",
        "How they found the practice",
        "Emergency contact",
        "Emergency contact phone",
        "Consent to contact",
        "Consent to records",
        "Consent recorded on",
        "Notes",
        "Added on",
    ]
    rows = [
        [
            c.id,
            c.first_name,
            c.last_name,
            c.preferred_name,
            c.pronouns,
            c.email,
            c.phone,
            c.address,
            c.date_of_birth,
            label(c.status),
            c.source,
            c.emergency_contact_name,
            c.emergency_contact_phone,
            "yes" if c.consent_to_contact else "no",
            "yes" if c.consent_to_records else "no",
            c.consent_recorded_on,
            c.notes,
            _options.zone.day(c.created_at),
        ]
        for c in s.scalars(select(Client).order_by(Client.sort_name, Client.id))
    ]
    return heading, rows


def _enrolments(db: Database, _s: DbSession, options: ListOptions) -> Table:
    heading = [
        "Id",
        "Client id",
        "Client",
        "Programme",
        "Start",
        "End",
        "Status",
        "Currency",
        "Agreed price",
        "Paid",
        "Outstanding",
        "Overdue",
        "Sessions used",
        "Sessions attended",
        "Sessions missed",
        "Sessions planned",
    ]
    rows = [
        [
            r.id,
            r.client_id,
            r.client_name,
            r.programme_name,
            r.start_date,
            r.end_date,
            label(r.status),
            r.currency,
            _money(r.agreed_price, r.currency),
            _money(r.paid, r.currency),
            _money(r.outstanding, r.currency),
            _money(r.overdue, r.currency),
            r.sessions_used,
            r.sessions_attended,
            r.sessions_missed,
            r.sessions_planned,
        ]
        for r in sorted(enrolment_rows(db, today=options.today), key=lambda r: r.id)
    ]
    return heading, rows


def _sessions(_db: Database, s: DbSession, options: ListOptions) -> Table:
    zone = options.zone.name or "UTC offset of this computer"
    heading = [
        "Id",
        "Client id",
        "Client",
        "Enrolment id",
        "Programme",
        "Date",
        f"Start ({zone})",
        "Minutes",
        "Kind",
        "Mode",
        "Attendance",
    ]
    if options.with_notes:
        heading += ["Note", "Note signed on", "Addenda"]
    query = (
        select(
            Session.id,
            Session.client_id,
            Session.enrolment_id,
            Session.starts_at,
            Session.duration_minutes,
            Session.kind,
            Session.mode,
            Session.attendance,
            Client.first_name,
            Client.last_name,
            Enrolment.programme_name,
        )
        .join(Client, Client.id == Session.client_id)
        .outerjoin(Enrolment, Enrolment.id == Session.enrolment_id)
        .order_by(Session.starts_at, Session.id)
    )
    notes: dict[int, tuple[str, Any]] = {}
    addenda: dict[int, list[str]] = {}
    if options.with_notes:
        for session_id, body, locked_at in s.execute(
            select(SessionNote.session_id, SessionNote.body, SessionNote.locked_at)
        ):
            notes[session_id] = (body, locked_at)
        for session_id, body, created_at in s.execute(
            select(SessionNote.session_id, NoteAddendum.body, NoteAddendum.created_at)
            .join(SessionNote, SessionNote.id == NoteAddendum.note_id)
            .order_by(NoteAddendum.id)
        ):
            day = options.zone.day(created_at).isoformat()
            addenda.setdefault(session_id, []).append(f"{day}: {body}")
    rows = []
    for meeting in s.execute(query):
        local = options.zone.local(meeting.starts_at)
        row: list[Any] = [
            meeting.id,
            meeting.client_id,
            _name(meeting.first_name, meeting.last_name),
            meeting.enrolment_id,
            meeting.programme_name or "",
            local.date(),
            local.strftime("%H:%M"),
            meeting.duration_minutes,
            label(meeting.kind),
            label(meeting.mode),
            label(meeting.attendance),
        ]
        if options.with_notes:
            body, locked_at = notes.get(meeting.id, ("", None))
            signed = options.zone.day(locked_at) if locked_at is not None else ""
            row += [body, signed, "\n\n".join(addenda.get(meeting.id, []))]
        rows.append(row)
    return heading, rows


def _work(_db: Database, s: DbSession, _options: ListOptions) -> Table:
    heading = [
        "Id",
        "Date",
        "Minutes",
        "Category",
        "Client id",
        "Client",
        "Enrolment id",
        "Session id",
        "Note",
    ]
    query = (
        select(
            WorkLogEntry.id,
            WorkLogEntry.work_date,
            WorkLogEntry.minutes,
            WorkLogEntry.category,
            WorkLogEntry.client_id,
            WorkLogEntry.enrolment_id,
            WorkLogEntry.session_id,
            WorkLogEntry.note,
            Client.first_name,
            Client.last_name,
        )
        .outerjoin(Client, Client.id == WorkLogEntry.client_id)
        .order_by(WorkLogEntry.work_date, WorkLogEntry.id)
    )
    rows = [
        [
            e.id,
            e.work_date,
            e.minutes,
            label(e.category),
            e.client_id,
            _name(e.first_name or "", e.last_name or ""),
            e.enrolment_id,
            e.session_id,
            e.note,
        ]
        for e in s.execute(query)
    ]
    return heading, rows


def _payments(db: Database, _s: DbSession, _options: ListOptions) -> Table:
    heading = [
        "Id",
        "Received on",
        "Kind",
        "Currency",
        "Amount",
        "Method",
        "Reference",
        "Client id",
        "Client",
        "Enrolment id",
        "Programme",
        "Instalment",
        "Note",
    ]
    rows = [
        [
            p.id,
            p.received_on,
            label(p.kind),
            p.currency,
            _money(p.signed_amount, p.currency),
            label(p.method),
            p.reference,
            p.client_id,
            p.client_name,
            p.enrolment_id,
            p.programme_name,
            p.instalment_number,
            p.note,
        ]
        for p in sorted(list_payments(db), key=lambda p: (p.received_on, p.id))
    ]
    return heading, rows


def _instalments(db: Database, s: DbSession, options: ListOptions) -> Table:
    heading = [
        "Id",
        "Enrolment id",
        "Client id",
        "Client",
        "Programme",
        "Enrolment status",
        "Number",
        "Due on",
        "Currency",
        "Amount",
        "Paid",
        "Left to pay",
        "State",
    ]
    states = {row.instalment_id: row for row in instalment_rows(db, today=options.today)}
    owner = aliased(Client)
    query = (
        select(
            Instalment.id,
            Instalment.number,
            Instalment.due_date,
            Instalment.amount,
            Enrolment.id.label("enrolment_id"),
            Enrolment.client_id,
            Enrolment.programme_name,
            Enrolment.status,
            Enrolment.currency,
            owner.first_name,
            owner.last_name,
        )
        .join(Enrolment, Enrolment.id == Instalment.enrolment_id)
        .join(owner, owner.id == Enrolment.client_id)
        .order_by(Instalment.due_date, Instalment.enrolment_id, Instalment.number)
    )
    rows = []
    for item in s.execute(query):
        state = states.get(item.id)
        rows.append(
            [
                item.id,
                item.enrolment_id,
                item.client_id,
                _name(item.first_name, item.last_name),
                item.programme_name,
                label(item.status),
                item.number,
                item.due_date,
                item.currency,
                _money(item.amount, item.currency),
                _money(state.paid if state else None, item.currency),
                _money(state.left if state else None, item.currency),
                state.state.label if state else "Not agreed",
            ]
        )
    return heading, rows


LISTS: dict[str, CsvList] = {
    item.key: item
    for item in (
        CsvList("clients", "Clients", _clients),
        CsvList("enrolments", "Enrolments", _enrolments),
        CsvList("sessions", "Sessions", _sessions),
        CsvList("work-log", "Work log", _work),
        CsvList("payments", "Payments", _payments),
        CsvList("instalments", "Instalments", _instalments),
    )
}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return formula_safe(str(value))


def csv_bytes(heading: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(heading)
    for row in rows:
        writer.writerow(_cell(value) for value in row)
    return out.getvalue().encode("utf-8-sig")


def _check_key(key: str) -> CsvList:
    if key not in LISTS:
        raise ValidationError("list", f"“{key}” is not one of: {', '.join(LISTS)}.")
    return LISTS[key]


def list_table(db: Database, key: str, *, today: date, with_notes: bool = False) -> Table:
    """The heading and rows of one list, as they go into its CSV file."""
    item = _check_key(key)
    options = ListOptions(today=today, zone=practice_zone(db), with_notes=with_notes)
    with db.reading() as s:
        return item.build(db, s, options)


def export_list_csv(
    db: Database,
    key: str,
    output: Path,
    *,
    today: date,
    with_notes: bool = False,
    replace: bool = False,
) -> Path:
    """Write one list to ``output`` (owner-only); the export is audited."""
    heading, rows = list_table(db, key, today=today, with_notes=with_notes)
    path = write_private_bytes(output, csv_bytes(heading, rows), replace=replace)
    _audit(db, [key], with_notes)
    return path


def export_lists_csv(
    db: Database,
    folder: Path,
    *,
    today: date,
    keys: Collection[str] | None = None,
    with_notes: bool = False,
    replace: bool = False,
) -> list[Path]:
    """Write each list (or those in ``keys``) as ``<key>.csv`` into ``folder``.

    Refused before anything is written if the folder is missing or a file would be
    replaced without ``replace``.
    """
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise ValidationError("folder", f"{folder} is not a folder.")
    chosen = [_check_key(key) for key in (keys if keys is not None else LISTS)]
    if not replace:
        for item in chosen:
            if (folder / item.file_name).exists():
                raise ValidationError(
                    "folder",
                    f"{folder / item.file_name} already exists; choose another folder "
                    "(nothing was written).",
                )
    written = []
    for item in chosen:
        heading, rows = list_table(db, item.key, today=today, with_notes=with_notes)
        written.append(
            write_private_bytes(folder / item.file_name, csv_bytes(heading, rows), replace=replace)
        )
    _audit(db, [item.key for item in chosen], with_notes)
    return written


def _audit(db: Database, keys: list[str], with_notes: bool) -> None:
    notes = "; session notes included" if with_notes and "sessions" in keys else ""
    with db.transaction() as s:
        audit.record(s, "export", "lists", None, f"CSV: {', '.join(keys)}{notes}")
