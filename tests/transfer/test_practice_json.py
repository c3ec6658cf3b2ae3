"""The whole practice as one JSON document, and back into an empty database."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from practice.cli.main import main as cli
from practice.db import Database, open_database
from practice.errors import PracticeError
from practice.models import Base, Client, Session
from practice.search import search_notes
from practice.services.clients import create_client, list_clients
from practice.services.profile import get_profile
from practice.transfer.practice_json import (
    FORMAT_VERSION,
    ImportRefused,
    export_practice,
    exported_tables,
    import_practice,
)

DOC = Path(__file__).resolve().parents[2] / "docs" / "export-format.md"


def test_round_trip_of_the_sample_practice_is_byte_for_byte(
    sample: Database, tmp_path: Path
) -> None:
    first = export_practice(sample, tmp_path / "first.json")
    restored = open_database(tmp_path / "restored.db")
    try:
        import_practice(restored, first.path)
        second = export_practice(restored, tmp_path / "second.json")
        # The restored practice works: its notes are searchable (the triggers ran).
        with restored.transaction() as s:
            note = s.scalar(select(func.count()).select_from(Session))
        assert note
    finally:
        restored.close()
    assert first.rows > 500
    assert first.path.read_bytes() == second.path.read_bytes()


def test_every_table_is_a_key_with_ids_money_and_instants_as_documented(
    sample: Database, tmp_path: Path
) -> None:
    path = export_practice(sample, tmp_path / "practice.json").path
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format_version"] == FORMAT_VERSION
    assert document["format"] == "practice-manager/practice"
    for table in Base.metadata.sorted_tables:  # a new table cannot be forgotten
        assert table.name in document, table.name
        rows = document[table.name]
        if rows:
            assert set(rows[0]) == {column.name for column in table.columns}
    assert len(exported_tables()) == len(Base.metadata.tables)
    payment = document["payments"][0]
    assert isinstance(payment["amount"], int) and re.fullmatch(r"[A-Z]{3}", payment["currency"])
    session = document["sessions"][0]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z", session["starts_at"])
    assert isinstance(document["enrolments"][0]["terms_snapshot"], dict)
    ids = [row["id"] for row in document["clients"]]
    assert ids == sorted(ids)
    assert path.stat().st_mode & 0o077 == 0


def test_the_format_document_names_every_table_and_column() -> None:
    text = DOC.read_text(encoding="utf-8")
    listed = dict(re.findall(r"^\| `(\w+)` \| (.*) \|$", text, re.MULTILINE))
    for table in Base.metadata.sorted_tables:
        assert table.name in listed, f"docs/export-format.md does not describe {table.name}"
        columns = re.findall(r"`(\w+)`", listed[table.name])
        assert columns == [c.name for c in table.columns], (
            f"docs/export-format.md lists other columns for {table.name}"
        )
    assert f"`format_version`: {FORMAT_VERSION}" in text


def test_import_refuses_a_database_that_holds_a_practice(
    sample: Database, tmp_path: Path, db: Database
) -> None:
    path = export_practice(sample, tmp_path / "practice.json").path
    create_client(db, first_name="Already")
    with pytest.raises(ImportRefused, match="not empty"):
        import_practice(db, path)
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Client)) == 1


def test_a_bad_row_late_in_the_file_imports_nothing(
    sample: Database, tmp_path: Path, db: Database
) -> None:
    document = json.loads(export_practice(sample, tmp_path / "p.json").path.read_text("utf-8"))
    document["work_log_entries"][-1]["minutes"] = "forty"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ImportRefused, match="work_log_entries, row .*minutes must be a whole"):
        import_practice(db, broken)
    document["work_log_entries"][-1]["minutes"] = 40
    document["payments"][0]["enrolment_id"] = 99999  # a link to nothing
    broken.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ImportRefused, match="payments"):
        import_practice(db, broken)
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Client)) == 0
        assert s.scalar(select(func.count()).select_from(Session)) == 0
    assert search_notes(db, "session") == []


def test_an_export_made_before_newer_columns_and_tables_still_imports(
    sample: Database, tmp_path: Path, db: Database
) -> None:
    """A file from before the time zone and voided payments: their plain defaults fill in."""
    document = json.loads(export_practice(sample, tmp_path / "p.json").path.read_text("utf-8"))
    for row in document["practice_profile"]:
        del row["time_zone"]
    document.pop("voided_payments", None)
    document.pop("price_reductions", None)
    older = tmp_path / "older.json"
    older.write_text(json.dumps(document), encoding="utf-8")
    import_practice(db, older)
    assert get_profile(db).time_zone == ""
    assert len(list_clients(db)) == len(list_clients(sample))
    # a column with no plain default is still required
    del document["clients"][0]["first_name"]
    older.write_text(json.dumps(document), encoding="utf-8")
    again = open_database(tmp_path / "again.db")
    try:
        with pytest.raises(ImportRefused, match="first_name"):
            import_practice(again, older)
    finally:
        again.close()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "not a JSON file"),
        ('{"format": "other"}', "not a whole-practice export"),
        ('{"format": "practice-manager/practice", "format_version": 99}', "newer version"),
        (
            '{"format": "practice-manager/practice", "format_version": 1, "spaceships": []}',
            "not a table",
        ),
    ],
)
def test_files_that_are_not_exports_are_refused(
    db: Database, tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportRefused, match=message):
        import_practice(db, path)


def test_a_failed_export_leaves_no_file_and_never_replaces_one_unasked(
    sample: Database, tmp_path: Path
) -> None:
    target = tmp_path / "practice.json"

    def stop(done: int, total: int) -> None:
        raise RuntimeError("killed half-way")

    with pytest.raises(RuntimeError):
        export_practice(sample, target, progress=stop)
    assert list(tmp_path.iterdir()) == []
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(PracticeError, match="already exists"):
        export_practice(sample, target)
    assert target.read_text(encoding="utf-8") == "mine"
    export_practice(sample, target, replace=True)
    assert json.loads(target.read_text(encoding="utf-8"))["clients"]


def test_cli_export_then_import_into_a_new_database(
    sample: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sample.close()
    source, out = str(sample.path), tmp_path / "p.json"
    assert cli(["--database", source, "export", "--output", str(out)]) == 0
    new = tmp_path / "new.db"
    assert cli(["--database", str(new), "import", str(out)]) == 0
    assert "Imported" in capsys.readouterr().out
    assert cli(["--database", str(new), "import", str(out)]) == 1
    assert "not empty" in capsys.readouterr().err
    again = tmp_path / "again.json"
    assert cli(["--database", str(new), "export", "--output", str(again)]) == 0
    assert out.read_bytes() == again.read_bytes()


@pytest.mark.parametrize(
    ("table", "column", "value", "reason"),
    [
        ("clients", "first_name", "Ana\ud800", "first_name holds a broken character"),
        ("clients", "date_of_birth", "0001-01-01", "outside the years 1900–2199"),
        ("sessions", "starts_at", "9999-12-31T10:00:00Z", "outside the years 1900–2199"),
        ("payments", "amount", 2**70, "too large a number"),
        ("clients", "email", "not an email", "Email:"),
        ("clients", "phone", "0" * 41, "phone is too long"),
        ("clients", "last_name", "Lima\x00", "NUL"),
    ],
)
def test_import_refuses_values_the_app_would_never_save(
    sample: Database, tmp_path: Path, db: Database, table: str, column: str, value: Any, reason: str
) -> None:
    path = export_practice(sample, tmp_path / "practice.json").path
    document = json.loads(path.read_text(encoding="utf-8"))
    document[table][0][column] = value
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        import_practice(db, edited)
    assert f"{table}, row 1:" in str(refused.value) and reason in str(refused.value)
    assert list_clients(db) == []


def test_credit_notes_go_out_and_come_back_with_the_practice(db: Database, tmp_path: Path) -> None:
    """A withdrawn credit note and one in force both survive export and import."""
    from datetime import date

    from practice.economics.enrolment import enrolment_figures
    from practice.services.price_reductions import (
        list_price_reductions,
        lower_price,
        withdraw_price_reduction,
    )
    from tests.services.test_payments import _enrolment

    e = _enrolment(db)
    kept = lower_price(db, enrolment_id=e.id, amount=5000, made_on=date(2026, 3, 9), reason="Ill")
    wrong = lower_price(db, enrolment_id=e.id, amount=900, made_on=date(2026, 3, 9), reason="Typo")
    withdraw_price_reduction(db, wrong.id, "Wrong amount")
    exported = export_practice(db, tmp_path / "p.json")
    restored = open_database(tmp_path / "restored.db")
    try:
        import_practice(restored, exported.path)
        notes = list_price_reductions(restored, enrolment_id=e.id)
        assert [(n.id, n.amount, n.reason, n.withdrawn_reason) for n in notes] == [
            (kept.id, 5000, "Ill", ""),
            (wrong.id, 900, "Typo", "Wrong amount"),
        ]
        day = date(2026, 4, 10)
        assert enrolment_figures(restored, e.id, today=day).price_due == 115000
        assert enrolment_figures(db, e.id, today=day).price_due == 115000
    finally:
        restored.close()
