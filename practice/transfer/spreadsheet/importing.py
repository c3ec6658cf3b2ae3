"""Importing clients from a spreadsheet: check every row, show what will be saved, then
save the good rows in one transaction, and give the refused ones back as a CSV.

A row is refused when it has no name, a date that cannot be read or does not exist, a
value the clients service refuses (the same rules as adding a client by hand:
:func:`practice.services.clients.validated_client`), or when it is the same person as an
existing client or an earlier row of the file: the same email, or the same name and date
of birth. Duplicates are listed apart from other refusals. Every refusal names the line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from practice.csv_cells import formula_safe
from practice.db import Database
from practice.errors import ValidationError
from practice.models import Client, ClientStatus
from practice.services.clients import add_client_in, validated_client
from practice.services.profile import get_profile
from practice.services.validation import fold
from practice.transfer.files import write_private_bytes
from practice.transfer.spreadsheet.columns import ImportField, check_mapping, guess_mapping
from practice.transfer.spreadsheet.reading import Cell, Sheet
from practice.transfer.spreadsheet.values import (
    DateOrder,
    RowProblem,
    client_values,
    default_date_order,
    guess_date_order,
    undecided_date,
)

REASON_HEADING = "Not imported because"


@dataclass(frozen=True)
class ImportSettings:
    mapping: tuple[ImportField, ...]
    date_order: DateOrder
    default_status: ClientStatus = ClientStatus.ACTIVE


@dataclass(frozen=True)
class ReadyRow:
    line: int
    values: dict[str, Any]


@dataclass(frozen=True)
class RefusedRow:
    line: int
    reason: str
    cells: tuple[Cell, ...]
    duplicate: bool = False
    #: The existing client this row repeats, or the earlier line of the file.
    client_id: int | None = None
    same_as_line: int | None = None

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"line": self.line, "reason": self.reason}
        if self.duplicate:
            data["client_id"] = self.client_id
            data["same_as_line"] = self.same_as_line
        return data


@dataclass
class ImportPlan:
    sheet: Sheet
    settings: ImportSettings
    ready: list[ReadyRow]
    refused: list[RefusedRow]

    @property
    def duplicates(self) -> list[RefusedRow]:
        return [row for row in self.refused if row.duplicate]

    @property
    def problems(self) -> list[RefusedRow]:
        return [row for row in self.refused if not row.duplicate]


@dataclass
class ImportResult:
    imported: int
    client_ids: list[int]
    refused: list[RefusedRow] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "refused": [r.as_json() for r in self.refused if not r.duplicate],
            "duplicates": [r.as_json() for r in self.refused if r.duplicate],
        }


def date_cells(sheet: Sheet, mapping: Sequence[ImportField]) -> list[Cell]:
    columns = [i for i, f in enumerate(mapping) if f is ImportField.DATE_OF_BIRTH]
    return [row.cells[i] for row in sheet.rows for i in columns if i < len(row.cells)]


def undecided_date_order(sheet: Sheet, mapping: Sequence[ImportField]) -> str | None:
    """A date of birth in the file that the chosen order decides (“03/04/1980”), when no
    date of the file shows whether the day or the month comes first: the person must
    confirm the order, since a wrong guess saves every such date wrongly."""
    return undecided_date(date_cells(sheet, mapping))


def default_settings(db: Database, sheet: Sheet) -> ImportSettings:
    """The guessed mapping, the date order the file seems to use, status “active”."""
    mapping = tuple(guess_mapping(sheet.headers))
    cells = date_cells(sheet, mapping)
    order = guess_date_order(cells, default_date_order(get_profile(db).locale))
    return ImportSettings(mapping, order)


def _name_key(first: str, last: str) -> str:
    return " ".join(fold(f"{first} {last}").split())


@dataclass
class _Known:
    """Emails and name + date of birth already taken, by a client or an earlier row."""

    emails: dict[str, tuple[int | None, int | None, str]] = field(default_factory=dict)
    people: dict[tuple[str, date], tuple[int | None, int | None, str]] = field(default_factory=dict)

    @classmethod
    def of_clients(cls, s: DbSession) -> _Known:
        known = cls()
        rows = s.execute(
            select(
                Client.id, Client.first_name, Client.last_name, Client.email, Client.date_of_birth
            )
        )
        for client_id, first, last, email, born in rows:
            who = (client_id, None, f"{first} {last}".strip())
            if email:
                known.emails.setdefault(fold(email), who)
            if born is not None:
                known.people.setdefault((_name_key(first, last), born), who)
        return known

    def clash(self, values: dict[str, Any]) -> tuple[str, int | None, int | None] | None:
        email = fold(values["email"])
        born = values["date_of_birth"]
        found = self.emails.get(email) if email else None
        what = "email"
        if found is None and born is not None:
            found = self.people.get((_name_key(values["first_name"], values["last_name"]), born))
            what = "name and date of birth"
        if found is None:
            return None
        client_id, line, name = found
        if client_id is not None:
            return f"Same {what} as {name}, already a client", client_id, None
        return f"Same {what} as line {line} of this file", None, line

    def add(self, values: dict[str, Any], line: int) -> None:
        who = (None, line, "")
        if values["email"]:
            self.emails.setdefault(fold(values["email"]), who)
        if values["date_of_birth"] is not None:
            key = (_name_key(values["first_name"], values["last_name"]), values["date_of_birth"])
            self.people.setdefault(key, who)


def _ragged(sheet: Sheet, cells: Sequence[Cell]) -> str | None:
    """Why a CSV row cannot be trusted to hold its values under the right headings.

    A row with more values than the heading has columns has had a value split, most often
    by a comma inside an unquoted value, so every value after it sits under the wrong
    heading: it is refused rather than saved shifted. A shorter row is read as it is, its
    missing last cells empty (some spreadsheet programs leave out trailing empty cells).
    """
    width = len(sheet.headers)
    if not sheet.is_csv or len(cells) <= width:
        return None
    if not any(isinstance(c, date) or c.strip() for c in cells[width:]):
        return None
    return (
        f"The row has {len(cells)} values but the heading has {width} columns, so its "
        "values would land under the wrong headings (a separator inside a value that is "
        "not in quotes?). Correct the row and import it again."
    )


def plan_import(db: Database, sheet: Sheet, settings: ImportSettings) -> ImportPlan:
    """Check every row of ``sheet`` (nothing is saved)."""
    if len(settings.mapping) != len(sheet.headers):
        raise ValidationError("mapping", "needs one choice for every column.")
    problem = check_mapping(settings.mapping)
    if problem:
        raise ValidationError("mapping", problem)
    with db.transaction() as s:
        known = _Known.of_clients(s)
    ready: list[ReadyRow] = []
    refused: list[RefusedRow] = []
    for row in sheet.rows:
        ragged = _ragged(sheet, row.cells)
        if ragged:
            refused.append(RefusedRow(row.line, ragged, row.cells))
            continue
        try:
            values = validated_client(
                client_values(
                    row.cells,
                    settings.mapping,
                    date_order=settings.date_order,
                    default_status=settings.default_status,
                )
            )
        except (RowProblem, ValidationError) as exc:
            refused.append(RefusedRow(row.line, str(exc).rstrip(".") + ".", row.cells))
            continue
        clash = known.clash(values)
        if clash is not None:
            reason, client_id, line = clash
            refused.append(RefusedRow(row.line, reason + ".", row.cells, True, client_id, line))
            continue
        known.add(values, row.line)
        ready.append(ReadyRow(row.line, values))
    return ImportPlan(sheet, settings, ready, refused)


def import_clients(db: Database, plan: ImportPlan) -> ImportResult:
    """Save every ready row of ``plan`` in one transaction: all of them or none.

    Clients added since the plan was made are checked again; a row that now repeats one
    is refused as a duplicate instead.
    """
    refused = list(plan.refused)
    ids: list[int] = []
    cells = {row.line: row.cells for row in plan.sheet.rows}
    with db.transaction() as s:
        known = _Known.of_clients(s)
        for row in plan.ready:
            clash = known.clash(row.values)
            if clash is not None:
                reason, client_id, line = clash
                refused.append(
                    RefusedRow(row.line, reason + ".", cells[row.line], True, client_id, line)
                )
                continue
            client = add_client_in(s, row.values, detail="imported from a spreadsheet")
            known.add(row.values, row.line)
            ids.append(client.id)
    refused.sort(key=lambda r: r.line)
    return ImportResult(len(ids), ids, refused)


def refused_csv(sheet: Sheet, refused: Sequence[RefusedRow]) -> bytes:
    """The refused rows as they were in the file, with the reason in a last column, to
    fix and import again (UTF-8 with a byte-order mark, the file's own separator)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sheet.separator or ",", lineterminator="\r\n")
    writer.writerow([*sheet.headers, REASON_HEADING])
    width = len(sheet.headers)
    for row in sorted(refused, key=lambda r: r.line):
        cells = [c.isoformat() if isinstance(c, date) else formula_safe(c) for c in row.cells]
        cells = (cells + [""] * width)[:width] if len(cells) <= width else cells
        writer.writerow([*cells, f"line {row.line}: {row.reason}"])
    return out.getvalue().encode("utf-8-sig")


def refused_path_for(sheet: Sheet) -> Path:
    """``<name>-not-imported.csv`` beside the file (``-2``, ``-3``… if that is taken)."""
    folder, stem = sheet.path.parent, sheet.path.stem
    candidate = folder / f"{stem}-not-imported.csv"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-not-imported-{number}.csv"
        number += 1
    return candidate


def write_refused(
    sheet: Sheet, refused: Sequence[RefusedRow], path: Path, *, replace: bool = False
) -> Path:
    return write_private_bytes(path, refused_csv(sheet, refused), replace=replace)
