"""``practice export-report`` on the hand-built practice of tests/economics/test_reports.py."""

from __future__ import annotations

import csv
import stat
from pathlib import Path

import pytest

from practice.db import Database
from tests.cli.helpers import run_cli
from tests.conftest import database_argument
from tests.documents.pdfcheck import all_text
from tests.economics.test_reports import build


@pytest.fixture
def practice_path(db: Database) -> str:
    with db.transaction() as s:
        build(s)
    return database_argument(db)


def test_export_report_writes_csv_and_pdf(
    capsys: pytest.CaptureFixture[str], practice_path: str, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    pdf = tmp_path / "february.pdf"
    result = run_cli(
        capsys,
        "--database", practice_path, "export-report",
        "--from", "2026-02-01", "--to", "2026-02-28",
        "--csv", folder, "--only", "income", "--only", "practice", "--pdf", pdf,
    )  # fmt: skip
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        f"Wrote 2 CSV files to {folder}.",
        f"Wrote the report to {pdf}.",
    ]
    income = folder / "report-2026-02-01-to-2026-02-28-income.csv"
    rows = list(csv.reader(income.read_text(encoding="utf-8-sig").splitlines()))
    # February: agreed £800, received £700 (see the hand calculation)
    assert rows[1][:4] == ["2026-02-01", "2026-02-28", "800.00", "700.00"]
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    assert "£136.26" in all_text(pdf.read_bytes())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "Say where to write the report"),
        (["--csv", "/no/such/folder"], "The folder /no/such/folder does not exist."),
        (["--pdf", "/no/such/folder/r.pdf"], "is not a file that can be written"),
        (["--csv", ".", "--from", "2026-03-01", "--to", "2026-02-01"], "after it ends"),
    ],
)
def test_export_report_refusals(
    capsys: pytest.CaptureFixture[str], practice_path: str, args: list[str], message: str
) -> None:
    result = run_cli(capsys, "--database", practice_path, "export-report", *args)
    assert result.code != 0
    assert message in result.err
    assert "Traceback" not in result.err
