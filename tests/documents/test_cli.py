from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest

from practice.cli.main import main
from practice.db import open_database
from practice.models import AuditEntry
from tests.documents.factories import add_payment, make_enrolment, set_profile
from tests.documents.pdfcheck import all_text


@pytest.fixture
def ids(db_path: Path) -> tuple[int, int]:
    db = open_database(db_path)
    try:
        set_profile(db)
        enrolment_id = make_enrolment(db)
        payment_id = add_payment(db, enrolment_id, 40000, date(2026, 3, 3), instalment_number=1)
    finally:
        db.close()
    return enrolment_id, payment_id


def test_each_command_writes_a_private_pdf_and_notes_the_export(
    db_path: Path, ids: tuple[int, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    enrolment_id, payment_id = ids
    runs = {
        "agreement": ["agreement", str(enrolment_id)],
        "receipt": ["receipt", str(payment_id)],
        "statement": ["statement", str(enrolment_id), "--date", "2026-03-10"],
    }
    for name, argv in runs.items():
        target = tmp_path / f"{name}.pdf"
        assert main(["--database", str(db_path), *argv, "--output", str(target)]) == 0
        assert f"Wrote the {name} to {target}." in capsys.readouterr().out
        data = target.read_bytes()
        assert data.startswith(b"%PDF")
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        assert "Zoë Ødegård" in all_text(data)
    db = open_database(db_path)
    try:
        with db.transaction() as s:
            exports = s.query(AuditEntry).filter_by(action="export").count()
    finally:
        db.close()
    assert exports == 3


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["agreement", "999"], "There is no enrolment with id 999."),
        (["statement", "999"], "There is no enrolment with id 999."),
        (["receipt", "999"], "There is no payment with id 999."),
        (["agreement", "abc"], "ENROLMENT_ID must be a whole number, not “abc”."),
        (["statement", "1", "--date", "soon"], "--date needs a real date written YYYY-MM-DD"),
    ],
)
def test_refusals_are_one_sentence_and_write_nothing(
    db_path: Path,
    ids: tuple[int, int],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    target = tmp_path / "out.pdf"
    assert main(["--database", str(db_path), *argv, "--output", str(target)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(message)
    assert "\n" not in err and "Traceback" not in err
    assert not target.exists()


def test_missing_folder_or_database_is_refused(
    db_path: Path, ids: tuple[int, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    enrolment_id, _ = ids
    missing = tmp_path / "nowhere" / "a.pdf"
    argv = ["--database", str(db_path), "agreement", str(enrolment_id), "--output", str(missing)]
    assert main(argv) == 1
    assert capsys.readouterr().err.strip() == f"The folder {missing.parent} does not exist."
    no_db = tmp_path / "absent.db"
    assert main(["--database", str(no_db), "agreement", "1", "-o", str(tmp_path / "x.pdf")]) == 1
    assert "There is no database at" in capsys.readouterr().err
    assert not no_db.exists()
