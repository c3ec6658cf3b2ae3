"""The lists as CSV files."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from practice.cli.main import main as cli
from practice.db import Database
from practice.economics import enrolment_rows
from practice.errors import ValidationError
from practice.services.clients import count_clients
from practice.transfer.csv_lists import LISTS, export_lists_csv, list_table

TODAY = date.today()


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_list_is_written_with_a_bom_and_one_row_per_record(
    sample: Database, tmp_path: Path
) -> None:
    written = export_lists_csv(sample, tmp_path, today=TODAY)
    assert sorted(p.name for p in written) == sorted(f"{key}.csv" for key in LISTS)
    for path in written:
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
        assert path.stat().st_mode & 0o077 == 0
    assert len(read(tmp_path / "clients.csv")) == count_clients(sample)
    enrolments = read(tmp_path / "enrolments.csv")
    figures = {row.id: row for row in enrolment_rows(sample, today=TODAY)}
    for row in enrolments:  # the same figures as the app shows
        mine = figures[int(row["Id"])]
        assert row["Paid"] == f"{mine.paid / 100:.2f}" and row["Currency"] == mine.currency
    assert "Note" not in read(tmp_path / "sessions.csv")[0]


def test_session_notes_only_when_asked_and_never_private_ones(
    sample: Database, tmp_path: Path
) -> None:
    heading, rows = list_table(sample, "sessions", today=TODAY, with_notes=True)
    assert heading[-3:] == ["Note", "Note signed on", "Addenda"]
    assert any(row[-3] for row in rows)
    assert not any("private" in h.lower() for h in heading)


def test_existing_files_are_not_replaced_unasked(sample: Database, tmp_path: Path) -> None:
    (tmp_path / "payments.csv").write_text("mine", encoding="utf-8")
    with pytest.raises(ValidationError, match="already exists"):
        export_lists_csv(sample, tmp_path, today=TODAY)
    assert not (tmp_path / "clients.csv").exists()
    assert (tmp_path / "payments.csv").read_text(encoding="utf-8") == "mine"
    export_lists_csv(sample, tmp_path, today=TODAY, keys=["clients"])
    assert (tmp_path / "clients.csv").exists()


def test_cli_export_csv(sample: Database, tmp_path: Path) -> None:
    sample.close()
    args = ["--database", str(sample.path), "export", "--csv", str(tmp_path)]
    assert cli([*args, "--only", "work-log", "--only", "instalments"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["instalments.csv", "work-log.csv"]
    assert read(tmp_path / "instalments.csv")[0]["State"]
