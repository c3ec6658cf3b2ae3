"""The whole practice as one JSON document, and back into an empty database.

The format is written down in ``docs/export-format.md``. Every table of the schema is a
key of the document, its rows in id order with their ids; the tables come from the
SQLAlchemy metadata (:func:`exported_tables`), so a table or column added later is
exported without anyone remembering to. The writer streams one row a line, so a large
practice needs little memory, and the same database always gives the same bytes:
exporting, importing into a new database and exporting again gives an identical file.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import Table, bindparam, func, insert, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as DbSession

from practice.db import Database, migrate
from practice.errors import PracticeError, ValidationError
from practice.models import Base
from practice.services import audit
from practice.services.clients import CLIENT_FIELDS, validated_client
from practice.transfer.files import write_private
from practice.transfer.values import BadValue, from_plain, stored_to_plain

FORMAT = "practice-manager/practice"
FORMAT_VERSION = 1
HEADER_KEYS = ("format", "format_version", "schema_revision")
#: Tables every new database starts with (the profile, the default terms): an import
#: replaces them, and they do not make a database "not empty".
SEEDED = frozenset({"practice_profile", "agreement_clauses", "practitioners"})
BATCH = 1000

#: Called with (rows done, rows in all).
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class TransferSummary:
    path: Path
    tables: int
    rows: int


def exported_tables() -> list[Table]:
    """Every table of the schema, each before the tables that refer to it."""
    return list(Base.metadata.sorted_tables)


def _order(table: Table) -> list[Any]:
    return list(table.primary_key.columns)


_ENCODER = json.JSONEncoder(ensure_ascii=False)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _write_table(
    s: DbSession,
    table: Table,
    handle: BinaryIO,
    tick: Callable[[], None],
    ids: set[Any] | None = None,
) -> None:
    """The rows of ``table`` in id order (only those with ``ids`` when given), one JSON
    object a line, read raw (see :func:`~practice.transfer.values.stored_to_plain`)."""
    names = [column.name for column in table.columns]
    converters = [stored_to_plain(column) for column in table.columns]
    order = ", ".join(_quoted(column.name) for column in _order(table))
    chosen = ""
    parameters: dict[str, Any] = {}
    if ids is not None:
        chosen = f" WHERE {_quoted(_order(table)[0].name)} IN :ids"
        parameters["ids"] = sorted(ids) or [None]
    query = text(
        f"SELECT {', '.join(_quoted(n) for n in names)} FROM {_quoted(table.name)}"
        f"{chosen} ORDER BY {order}"
    )
    if ids is not None:
        query = query.bindparams(bindparam("ids", expanding=True))
    result = s.connection().execute(query, parameters).yield_per(BATCH)
    first = True
    for raw in result:
        row = {
            name: convert(value)
            for name, convert, value in zip(names, converters, raw, strict=True)
        }
        handle.write(b"\n    " if first else b",\n    ")
        handle.write(_ENCODER.encode(row).encode("utf-8"))
        first = False
        tick()
    handle.write(b"]" if first else b"\n  ]")


def write_practice_json(
    s: DbSession,
    handle: BinaryIO,
    *,
    progress: Progress | None = None,
    only: dict[str, set[Any]] | None = None,
) -> int:
    """Write the document from the open transaction ``s``; return the rows written.
    ``only`` keeps, of each table it names, the rows with those ids (a practitioner's
    own records, :mod:`practice.transfer.own_records`); the other tables go whole."""
    tables = exported_tables()
    only = only or {}
    total = sum(
        len(only[t.name])
        if t.name in only
        else int(s.scalar(select(func.count()).select_from(t)) or 0)
        for t in tables
    )
    header = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_revision": migrate.current_revision(s.connection()),
    }
    handle.write(b"{\n")
    for key, value in header.items():
        handle.write(f"  {json.dumps(key)}: {json.dumps(value)},\n".encode())
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None and done % BATCH == 0:
            progress(done, total)

    for index, table in enumerate(tables):
        handle.write(f"  {json.dumps(table.name)}: [".encode())
        _write_table(s, table, handle, tick, only.get(table.name))
        handle.write(b",\n" if index < len(tables) - 1 else b"\n")
    handle.write(b"}\n")
    if progress is not None:
        progress(done, total)
    return done


def export_practice(
    db: Database,
    output: Path,
    *,
    replace: bool = False,
    progress: Progress | None = None,
    mine: bool = False,
) -> TransferSummary:
    """Write the whole practice to ``output`` (owner-only); the export is audited.

    ``mine`` (a practice on a server): only the connected practitioner's own records
    and what the practice shares (see :mod:`practice.transfer.own_records`), to take
    into a practice file of their own."""
    rows = 0
    what = "whole practice JSON"
    # Read from one snapshot without holding the write lock (saving goes on meanwhile),
    # then note the export in a short transaction of its own.
    with db.reading() as s:
        only = None
        if mine:
            from practice.transfer.own_records import own_rows, practitioner_of_login

            me = practitioner_of_login(s) if db.server is not None else None
            if me is None:
                raise PracticeError(
                    "--mine takes a practitioner's own records from a practice on a server: "
                    "connect as your own login there (a practice file is all yours: "
                    "export it whole)."
                )
            only = own_rows(s, me.id)
            what = f"{me.login}'s own records as JSON"

        def write(handle: BinaryIO) -> None:
            nonlocal rows
            rows = write_practice_json(s, handle, progress=progress, only=only)

        path = write_private(output, write, replace=replace)
    with db.transaction() as s:
        audit.record(s, "export", "practice", None, f"{what}, {rows} rows")
    return TransferSummary(path, len(exported_tables()), rows)


# ---------------------------------------------------------------------- import


class ImportRefused(PracticeError):
    """The file cannot be imported; nothing was changed."""


def read_document(path: Path) -> dict[str, Any]:
    path = Path(path).expanduser()
    try:
        with path.open("rb") as handle:
            document = json.load(handle)
    except OSError as exc:
        raise ImportRefused(f"{path} cannot be read: {exc.strerror or exc}.") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ImportRefused(f"{path} is not a JSON file.") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportRefused(f"{path.name} is not a whole-practice export of Practice Manager.")
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportRefused(f"{path.name} has no valid format_version.")
    if version > FORMAT_VERSION:
        raise ImportRefused(
            f"{path.name} was made by a newer version of Practice Manager (format "
            f"{version}); update the app to import it."
        )
    return document


def _refuse_if_not_empty(s: DbSession, tables: list[Table]) -> None:
    for table in tables:
        if table.name in SEEDED:
            continue
        if s.scalar(select(func.count()).select_from(table)):
            raise ImportRefused(
                "This database is not empty, so nothing was imported. Import a practice "
                "into a new database: practice --database NEW.db import FILE.json"
            )


def checked_tables(
    document: dict[str, Any], tables: list[Table]
) -> list[tuple[Table, list[dict[str, Any]]]]:
    """The rows of each of ``tables`` in ``document`` (see :func:`checked_rows`); a key
    that is no table of this version is refused first."""
    known = {table.name for table in exported_tables()}
    unknown = sorted(set(document) - known - set(HEADER_KEYS))
    if unknown:
        raise ImportRefused(
            f"“{unknown[0]}” in the file is not a table of this version of Practice Manager."
        )
    return [(table, checked_rows(table, document.get(table.name, []))) for table in tables]


def checked_rows(table: Table, raw: Any) -> list[dict[str, Any]]:
    """The file's rows of ``table`` as column values, each checked as the app would check
    it (a client by the client form's rules); refused plainly, naming table, row and
    column, at the first that is not."""
    if not isinstance(raw, list):
        raise ImportRefused(f"“{table.name}” in the file is not a list of rows.")
    columns = {column.name: column for column in table.columns}
    rows = []
    for number, item in enumerate(raw, 1):
        if not isinstance(item, dict):
            raise ImportRefused(f"{table.name}, row {number}: not an object with columns.")
        unknown = sorted(set(item) - set(columns))
        if unknown:
            raise ImportRefused(
                f"{table.name}, row {number}: “{unknown[0]}” is not a column of this "
                "version of Practice Manager."
            )
        row = {}
        for name, column in columns.items():
            if name not in item:
                # a column added since the file was made takes its plain default
                default = column.default
                if default is not None and getattr(default, "is_scalar", False):
                    row[name] = getattr(default, "arg", None)
                    continue
                if default is not None and getattr(default, "is_clause_element", False):
                    continue  # worked out by the database as the row goes in
                raise ImportRefused(f"{table.name}, row {number}: “{name}” is missing.")
            try:
                row[name] = from_plain(column, item[name])
            except BadValue as exc:
                raise ImportRefused(f"{table.name}, row {number}: {name} {exc}.") from None
        if table.name == "clients":
            _check_client(row, number)
        rows.append(row)
    return rows


def _check_client(row: dict[str, Any], number: int) -> None:
    """The rules of the client form, checked (never applied: the row is kept as it is)."""
    try:
        validated_client({name: row[name] for name in CLIENT_FIELDS})
    except ValidationError as exc:
        raise ImportRefused(f"clients, row {number}: {exc}") from None


def import_practice(
    db: Database, source: Path, *, progress: Progress | None = None
) -> TransferSummary:
    """Restore a whole-practice export into ``db``, which must hold no practice yet.

    One transaction: every row goes in, or nothing does. Links between rows are checked
    once all are in (so the order of rows within a table does not matter). The audit log
    is restored as exported and the import adds no entry, so exporting the restored
    practice gives the same file again.
    """
    if db.server is not None:
        raise PracticeError(
            "A practice on a server takes in a solo practice under one of its team: "
            "practice --database ADDRESS team import FILE --as LOGIN "
            "(see the group practice guide, GROUP-PRACTICE.md)."
        )
    document = read_document(source)
    tables = exported_tables()
    prepared = checked_tables(document, tables)
    total = sum(len(rows) for _table, rows in prepared)
    done = 0
    with db.transaction() as s:
        _refuse_if_not_empty(s, tables)
        s.execute(text("PRAGMA defer_foreign_keys = ON"))
        for table in reversed(tables):
            # what the new database made for itself gives way to the file's own (a file
            # made before a table existed keeps what the database made)
            if table.name in SEEDED and table.name in document:
                s.execute(table.delete())
        for table, rows in prepared:
            for start in range(0, len(rows), BATCH):
                batch = rows[start : start + BATCH]
                try:
                    s.execute(insert(table), batch)
                except IntegrityError as exc:
                    raise ImportRefused(
                        f"The rows of {table.name} break a rule of the database "
                        f"({_reason(exc)}); nothing was imported."
                    ) from None
                done += len(batch)
                if progress is not None:
                    progress(done, total)
        broken = s.execute(text("PRAGMA foreign_key_check")).first()
        if broken is not None:
            raise ImportRefused(
                f"A row of {broken[0]} refers to a row of {broken[2]} that is not in the "
                "file; nothing was imported."
            )
    return TransferSummary(Path(source), len(tables), total)


def _reason(exc: IntegrityError) -> str:
    message = str(exc.orig) if exc.orig is not None else "a constraint"
    return message.split("\n")[0]
