"""Importing clients from spreadsheets: encodings, separators, guessed columns, refusals."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from practice.cli.main import main as cli
from practice.db import Database
from practice.errors import ValidationError
from practice.models import ClientStatus
from practice.services.clients import create_client, get_client, list_clients
from practice.transfer.spreadsheet import (
    DateOrder,
    ImportField,
    ImportPlan,
    ImportSettings,
    Sheet,
    default_settings,
    guess_mapping,
    import_clients,
    plan_import,
    read_sheet,
    refused_path_for,
    write_refused,
)
from practice.transfer.spreadsheet import importing as importing_module

MIXED = (
    "First Name;Last Name;E-mail;Date of birth;Notes;Status\r\n"
    'Zoë;Ødegård;zoe@example.org;31/12/1980;"Prefers mornings;\r\nfirst contact by phone";Active\r\n'
    ";;nobody@example.org;;;\r\n"
    "Ana;Lima;ZOE@example.org;01/02/1990;;\r\n"
    "Bea;Quist;bea@example.org;30/02/1985;;\r\n"
    "Cy;Ray;;1/1/1970;;Inactive\r\n"
    "\r\n"
    "Dee;Ray;dee@example.org;someday;;\r\n"
    "Émile;Côté;emile@example.org;05/06/1975;;prospective\r\n"
)


def write(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def run(db: Database, path: Path, **changes: Any) -> tuple[Sheet, ImportPlan]:
    sheet = read_sheet(path)
    settings = default_settings(db, sheet)
    if changes:
        from dataclasses import replace

        settings = replace(settings, **changes)
    plan = plan_import(db, sheet, settings)
    return sheet, plan


@pytest.mark.parametrize(
    ("encoding", "shown"),
    [
        ("utf-8-sig", "UTF-8 (with byte-order mark)"),
        ("utf-8", "UTF-8"),
        ("utf-16", "UTF-16 (with byte-order mark)"),
        ("cp1252", "Windows-1252 (Western European)"),
    ],
)
def test_good_rows_go_in_and_bad_ones_are_reported_with_their_lines(
    db: Database, tmp_path: Path, encoding: str, shown: str
) -> None:
    path = write(tmp_path / "clients.csv", MIXED, encoding)
    sheet = read_sheet(path)
    assert sheet.describe() == f"{shown}, separated by semicolons"
    plan = plan_import(db, sheet, default_settings(db, sheet))
    assert [row.line for row in plan.ready] == [2, 7, 10]
    reasons = {row.line: row.reason for row in plan.refused}
    assert reasons == {
        4: "No name: the name columns are empty.",
        5: "Same email as line 2 of this file.",
        6: "Date of birth: “30/02/1985” is not a real date.",
        9: "Date of birth: “someday” is not a date.",
    }
    assert [row.line for row in plan.duplicates] == [5]
    result = import_clients(db, plan)
    assert result.imported == 3
    clients = {c.full_name: get_client(db, c.id) for c in list_clients(db)}
    zoe = clients["Zoë Ødegård"]
    assert zoe.notes == "Prefers mornings;\nfirst contact by phone"
    assert zoe.date_of_birth == date(1980, 12, 31) and zoe.status is ClientStatus.ACTIVE
    assert clients["Cy Ray"].status is ClientStatus.COMPLETED
    assert clients["Émile Côté"].status is ClientStatus.ENQUIRY


def test_separators_comma_and_tab_and_xlsx(db: Database, tmp_path: Path) -> None:
    comma = write(tmp_path / "a.csv", 'Name,Email\r\n"Lima, Ana",ana@example.org\r\n', "utf-8")
    tab = write(tmp_path / "b.tsv", "Given Name\tFamily Name\nBo\tDiaz\n", "utf-8")
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["First Name", "Last Name", "Birthday", "Phone"])
    sheet.append(["Cai", "Wen", date(1991, 4, 5), 7700900123])
    sheet.append([None, None, None, None])
    sheet.append(["Dov", None, "31/02/1990", None])
    xlsx = tmp_path / "c.xlsx"
    book.save(xlsx)
    assert read_sheet(comma).separator == ","
    assert read_sheet(tab).separator == "\t"
    _sheet, plan = run(db, xlsx)
    assert [r.values["date_of_birth"] for r in plan.ready] == [date(1991, 4, 5)]
    assert plan.ready[0].values["phone"] == "7700900123"
    assert [(r.line, r.reason) for r in plan.refused] == [
        (4, "Date of birth: “31/02/1990” is not a real date.")
    ]
    _sheet, plan = run(db, comma)
    assert plan.ready[0].values["first_name"] == "Ana"
    assert plan.ready[0].values["last_name"] == "Lima"


def test_duplicates_of_existing_clients_by_email_or_name_and_birth_date(
    db: Database, tmp_path: Path
) -> None:
    existing = create_client(db, first_name="Ana", last_name="Lima", email="ana@example.org")
    create_client(db, first_name="Bo", last_name="Diaz", date_of_birth=date(1980, 3, 1))
    path = write(
        tmp_path / "c.csv",
        "First,Last,Email,DOB\nAnna,Other,ANA@example.org,\nbo,DIAZ,,1980-03-01\n"
        "Bo,Diaz,,1981-03-01\n",
        "utf-8",
    )
    _sheet, plan = run(db, path)
    duplicates = {r.line: (r.reason, r.client_id) for r in plan.duplicates}
    assert duplicates[2] == ("Same email as Ana Lima, already a client.", existing.id)
    assert duplicates[3][0] == "Same name and date of birth as Bo Diaz, already a client."
    assert [r.line for r in plan.ready] == [4]


def test_the_services_rules_apply_and_name_the_field(db: Database, tmp_path: Path) -> None:
    path = write(
        tmp_path / "c.csv",
        "Name,Email,Phone,DOB\nAna Lima,not-an-email,,\nBo Diaz,,call me,\nCy Ray,,,2999-01-01\n",
        "utf-8",
    )
    _sheet, plan = run(db, path, date_order=DateOrder.YMD)
    reasons = [r.reason for r in plan.refused]
    assert reasons[0] == "Email: “not-an-email” does not look like an email address."
    assert reasons[1].startswith("Phone: may contain only digits")
    assert reasons[2].startswith("Date of birth:")


def test_headers_of_other_tools_are_guessed() -> None:
    simple_practice = ["Client", "Legal first name", "Legal last name", "What name do they go by?"]
    assert guess_mapping(simple_practice)[1:] == [
        ImportField.FIRST_NAME,
        ImportField.LAST_NAME,
        ImportField.PREFERRED_NAME,
    ]
    google = ["Name", "Given Name", "Family Name", "Birthday", "E-mail 1 - Type",
              "E-mail 1 - Value", "Phone 1 - Value", "Address 1 - Formatted",
              "Address 1 - Street", "Notes"]  # fmt: skip
    assert guess_mapping(google) == [
        ImportField.IGNORE,
        ImportField.FIRST_NAME,
        ImportField.LAST_NAME,
        ImportField.DATE_OF_BIRTH,
        ImportField.IGNORE,
        ImportField.EMAIL,
        ImportField.PHONE,
        ImportField.ADDRESS,
        ImportField.IGNORE,
        ImportField.NOTES,
    ]
    jane = ["Mobile Phone", "Birth Date", "Referred By", "Emergency Contact Phone",
            "City", "Postal", "Pronouns", "Patient ID"]  # fmt: skip
    assert guess_mapping(jane) == [
        ImportField.PHONE,
        ImportField.DATE_OF_BIRTH,
        ImportField.SOURCE,
        ImportField.EMERGENCY_CONTACT_PHONE,
        ImportField.ADDRESS,
        ImportField.ADDRESS,
        ImportField.PRONOUNS,
        ImportField.IGNORE,
    ]
    practice_better = ["First Name", "Last Name", "Email", "Status", "Referral Source"]
    assert guess_mapping(practice_better)[3:] == [ImportField.STATUS, ImportField.SOURCE]


def test_the_refused_rows_come_back_as_a_csv_to_fix_and_import_again(
    db: Database, tmp_path: Path
) -> None:
    path = write(tmp_path / "clients.csv", MIXED, "cp1252")
    sheet, plan = run(db, path)
    result = import_clients(db, plan)
    target = refused_path_for(sheet)
    assert target.name == "clients-not-imported.csv"
    write_refused(sheet, result.refused, target)
    text = target.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines(), delimiter=";"))
    assert rows[0][-1] == "Not imported because"
    assert [r[-1].split(":")[0] for r in rows[1:]] == ["line 4", "line 5", "line 6", "line 9"]
    fixed = text.replace("30/02/1985", "28/02/1985").replace("someday", "")
    target.write_text(fixed, encoding="utf-8-sig")
    _sheet, again = run(db, target)
    assert {r.values["first_name"] for r in again.ready} == {"Bea", "Dee"}
    assert refused_path_for(sheet).name == "clients-not-imported-2.csv"


def test_nothing_is_half_imported(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "c.csv", "Name\nAna Lima\nBo Diaz\nCy Ray\n", "utf-8")
    _sheet, plan = run(db, path)
    real = importing_module.add_client_in
    calls = []

    def failing(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 3:
            raise OSError("the disk went away")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importing_module, "add_client_in", failing)
    with pytest.raises(OSError):
        import_clients(db, plan)
    assert list_clients(db) == []


def test_a_mapping_without_a_name_is_refused(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path / "c.csv", "Email\nana@example.org\n", "utf-8")
    sheet = read_sheet(path)
    with pytest.raises(ValidationError) as err:
        plan_import(db, sheet, ImportSettings((ImportField.EMAIL,), DateOrder.DMY))
    assert err.value.field == "mapping"


def test_date_order_is_guessed_from_the_file_and_the_locale(db: Database, tmp_path: Path) -> None:
    us = write(tmp_path / "us.csv", "Name,DOB\nAna Lima,12/31/1980\nBo Diaz,01/02/1990\n", "utf-8")
    sheet = read_sheet(us)
    settings = default_settings(db, sheet)
    assert settings.date_order is DateOrder.MDY
    plan = plan_import(db, sheet, settings)
    assert [r.values["date_of_birth"] for r in plan.ready] == [date(1980, 12, 31), date(1990, 1, 2)]


def test_cli_import_clients_json_and_dry_run(
    db_path: Path, db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db.close()
    path = write(tmp_path / "clients.csv", MIXED, "utf-8-sig")
    base = ["--database", str(db_path), "import-clients", str(path), "--json"]
    assert cli([*base, "--dry-run"]) == 0
    dry = json.loads(capsys.readouterr().out)
    assert dry["imported"] == 0 and dry["would_import"] == 3 and dry["refused_file"] is None
    assert not (tmp_path / "clients-not-imported.csv").exists()
    assert cli(base) == 0
    done = json.loads(capsys.readouterr().out)
    assert done["imported"] == 3
    assert [r["line"] for r in done["refused"]] == [4, 6, 9]
    assert [(d["line"], d["same_as_line"]) for d in done["duplicates"]] == [(5, 2)]
    assert Path(done["refused_file"]).exists()
    assert cli(base) == 0  # a second run: every good row is now a duplicate
    again = json.loads(capsys.readouterr().out)
    assert again["imported"] == 0 and len(again["duplicates"]) == 4
    assert (
        cli(["--database", str(db_path), "import-clients", str(path), "--column", "Nope=email"])
        == 1
    )
    assert "--column needs" in capsys.readouterr().err
