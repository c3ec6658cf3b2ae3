"""Nothing in a spreadsheet is silently changed or dropped on import: rows whose values
would land under the wrong headings are refused, second emails and phones, middle names
and year-less birthdays are kept, a long cell refuses only its row, an undecidable date
order must be confirmed, and lists the app exports come back as typed."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from practice.cli.main import main as cli
from practice.csv_cells import formula_safe, from_spreadsheet
from practice.db import Database, open_database
from practice.services.clients import create_client, get_client, list_clients
from practice.transfer.csv_lists import export_list_csv
from practice.transfer.spreadsheet import (
    ImportField,
    default_settings,
    guess_mapping,
    import_clients,
    plan_import,
    read_sheet,
    undecided_date_order,
)

DAY = date(2026, 12, 3)


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def plan_of(db: Database, path: Path):  # type: ignore[no-untyped-def]
    sheet = read_sheet(path)
    return plan_import(db, sheet, default_settings(db, sheet))


def test_a_row_with_more_values_than_headings_is_refused_not_shifted(
    db: Database, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "c.csv",
        "First name,Last name,Email,Phone\n"
        "Ana,Lima,ana@example.org,0777\n"
        "Bo,Diaz, Jr,bo@example.org,0788\n"  # an unquoted comma: every value moves right
        "Cy,Ray,cy@example.org\n"  # the last cell left out: read as empty
        "Dee,Ng,dee@example.org,0799,,\n",  # trailing empty cells are harmless
    )
    plan = plan_of(db, path)
    assert [r.line for r in plan.ready] == [2, 4, 5]
    [bad] = plan.refused
    assert bad.line == 3 and "5 values but the heading has 4 columns" in bad.reason
    import_clients(db, plan)
    assert {c.full_name for c in list_clients(db)} == {"Ana Lima", "Cy Ray", "Dee Ng"}
    assert not any("Jr" in (get_client(db, c.id).email or "") for c in list_clients(db))


def test_second_emails_and_phones_middle_names_and_year_less_birthdays_are_kept(
    db: Database, tmp_path: Path
) -> None:
    # Google Contacts' own headings, with two values in one cell (" ::: ").
    path = write(
        tmp_path / "google.csv",
        "Given Name,Additional Name,Family Name,Birthday,E-mail 1 - Value,"
        "E-mail 2 - Value,Phone 1 - Value,Notes\n"
        "Ana,María,Lima,--05-17,ana@example.org ::: ana.work@example.org,"
        "ana@home.example.org,+44 7700 900123 ::: 020 7946 0000,Met at the fair\n"
        "Bo,,Diaz,1980-02-29,bo@example.org,BO@example.org,,\n",
    )
    sheet = read_sheet(path)
    assert guess_mapping(sheet.headers)[:3] == [
        ImportField.FIRST_NAME,
        ImportField.MIDDLE_NAME,
        ImportField.LAST_NAME,
    ]
    result = import_clients(db, plan_of(db, path))
    assert result.imported == 2
    ana, bo = (get_client(db, i) for i in result.client_ids)
    assert (ana.first_name, ana.last_name) == ("Ana María", "Lima")
    assert ana.email == "ana@example.org" and ana.phone == "+44 7700 900123"
    assert ana.date_of_birth is None
    assert ana.notes.splitlines() == [
        "Met at the fair",
        "Also in the imported file:",
        "Email: ana.work@example.org",
        "Email: ana@home.example.org",
        "Phone: 020 7946 0000",
        "Birthday: 17 May (no year given)",
    ]
    # The same address in another case is one address, not a second one.
    assert bo.email == "bo@example.org" and bo.notes == ""
    assert bo.date_of_birth == date(1980, 2, 29)


def test_an_impossible_year_less_birthday_is_refused(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path / "g.csv", "Name,Birthday\nAna Lima,--02-30\n")
    [bad] = plan_of(db, path).refused
    assert bad.reason == "Date of birth: “--02-30” is not a real date."


def test_a_cell_too_long_refuses_its_row_only(db: Database, tmp_path: Path) -> None:
    long_note = "word " * 40_000  # 200,000 characters: past Python's csv cell limit
    path = write(tmp_path / "long.csv", f'Name,Notes\nAna Lima,"{long_note}"\nBo Diaz,short\n')
    plan = plan_of(db, path)
    assert [r.line for r in plan.ready] == [3]
    [bad] = plan.refused
    assert bad.line == 2 and "notes" in bad.reason.casefold() and "too long" in bad.reason


def test_an_undecidable_date_order_must_be_confirmed_on_the_command_line(
    db_path: Path, db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db.close()
    path = write(tmp_path / "c.csv", "Name,DOB\nAna Lima,03/04/1980\nBo Diaz,05/05/1990\n")
    base = ["--database", str(db_path), "import-clients", str(path)]
    assert cli(base) == 1
    err = capsys.readouterr().err
    assert "“03/04/1980”" in err and "--date-order" in err
    assert cli([*base, "--date-order", "mdy"]) == 0
    capsys.readouterr()
    reopened = open_database(db_path)
    try:
        born = {
            c.full_name: get_client(reopened, c.id).date_of_birth for c in list_clients(reopened)
        }
    finally:
        reopened.close()
    assert born == {"Ana Lima": date(1980, 3, 4), "Bo Diaz": date(1990, 5, 5)}
    # A file whose dates show the order needs no confirmation.
    shown = write(tmp_path / "d.csv", "Name,DOB\nCy Ray,31/01/1970\nDee Ng,03/04/1980\n")
    assert (
        undecided_date_order(read_sheet(shown), (ImportField.FULL_NAME, ImportField.DATE_OF_BIRTH))
        is None
    )
    assert cli(["--database", str(db_path), "import-clients", str(shown)]) == 0


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ('=HYPERLINK("http://x","click")', '\'=HYPERLINK("http://x","click")'),
        ("+44 7700 900123", "'+44 7700 900123"),
        ("@sum(A1)", "'@sum(A1)"),
        ("-- see notes", "'-- see notes"),
        ("-40.00", "-40.00"),
        ("+3", "+3"),
        ("Ana", "Ana"),
        ("'=already", "'=already"),
    ],
)
def test_cells_that_a_spreadsheet_would_run_are_written_as_text(typed: str, written: str) -> None:
    assert formula_safe(typed) == written
    if written != typed:
        assert from_spreadsheet(written) == typed


def test_a_client_list_exported_and_imported_again_comes_back_as_typed(
    db: Database, tmp_path: Path
) -> None:
    create_client(
        db,
        first_name="=cmd|' /C calc'!A0",
        last_name="@Lima",
        phone="+44 7700 900123",
        email="ana@example.org",
    )
    out = export_list_csv(db, "clients", tmp_path / "clients.csv", today=DAY)
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    cells = dict(zip(rows[0], rows[1], strict=True))
    assert cells["First name"] == "'=cmd|' /C calc'!A0"
    assert cells["Phone"] == "'+44 7700 900123"
    other_db = open_database(tmp_path / "other.db")
    try:
        result = import_clients(other_db, plan_of(other_db, out))
        [again] = [get_client(other_db, i) for i in result.client_ids]
    finally:
        other_db.close()
    assert (again.first_name, again.last_name, again.phone) == (
        "=cmd|' /C calc'!A0",
        "@Lima",
        "+44 7700 900123",
    )


def test_a_file_of_utf8_with_some_windows_lines_reads_every_name_right(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        "Name,Email\nZoë Ødegård,zoe@example.org\n".encode()
        + "Émile Côté,emile@example.org\n".encode("cp1252")
        + b"Ana Lima,ana@example.org\n"
    )
    sheet = read_sheet(path)
    assert sheet.describe() == "UTF-8, some lines Windows-1252, separated by commas"
    assert sheet.notes == (
        "Line 3 of the file is not UTF-8 like the rest and was read as Windows-1252: "
        "check its names in the preview.",
    )
    plan = plan_import(db, sheet, default_settings(db, sheet))
    assert [r.values["first_name"] for r in plan.ready] == ["Zoë", "Émile", "Ana"]
    assert [r.values["last_name"] for r in plan.ready] == ["Ødegård", "Côté", "Lima"]
    # A file wholly in Windows-1252 is still read as that.
    old = tmp_path / "old.csv"
    old.write_bytes("Name\nÉmile Côté\nZoë Ødegård\n".encode("cp1252"))
    assert read_sheet(old).encoding == "cp1252" and read_sheet(old).notes == ()
