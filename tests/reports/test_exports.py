"""CSV files and the PDF report of February 2026 in the hand-built practice of
``tests/economics/test_reports.py`` (its docstring has the practice; the figures here
are the ones worked out by hand there)."""

from __future__ import annotations

import csv
import io
import stat
from collections.abc import Iterator
from datetime import UTC, date
from fractions import Fraction
from pathlib import Path

import pytest
from sqlalchemy import select

from practice.db import Database, open_database
from practice.economics.reports import PracticeReport, practice_report
from practice.models import AuditEntry
from practice.reports.csv_export import csv_text, export_csv, one_decimal
from practice.reports.pdf_report import export_report_pdf, report_pdf, span_text
from practice.reports.tables import TABLES, report_tables
from tests.documents.pdfcheck import all_text, embedded, fonts, reader
from tests.economics.test_reports import FEB, TODAY, build


@pytest.fixture(scope="module")
def practice(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, PracticeReport]]:
    db = open_database(tmp_path_factory.mktemp("exports") / "practice.db")
    try:
        with db.transaction() as s:
            build(s)
        yield db, practice_report(db, *FEB, today=TODAY, quiet_after_days=10, tz=UTC)
    finally:
        db.close()


def read_csv(path: Path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_one_csv_per_report_owner_only(
    practice: tuple[Database, PracticeReport], tmp_path: Path
) -> None:
    db, report = practice
    paths = export_csv(db, report, tmp_path)
    assert [p.name for p in paths] == [
        f"report-2026-02-01-to-2026-02-28-{key.replace('_', '-')}.csv" for key in TABLES
    ]
    for path in paths:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # spreadsheets read UTF-8
    with db.transaction() as s:
        notes = s.scalars(select(AuditEntry.detail).where(AuditEntry.entity == "report")).all()
    assert any("report CSV 2026-02-01 to 2026-02-28" in n for n in notes)


def test_time_csv(practice: tuple[Database, PracticeReport], tmp_path: Path) -> None:
    db, report = practice
    (path,) = export_csv(db, report, tmp_path, keys=["time"])
    header, *rows = read_csv(path)
    # only the categories with time in February: prep, write-up, supervision, admin
    assert header == [
        "From",
        "To",
        "Sessions (minutes)",
        "Support calls (minutes)",
        "Preparation (minutes)",
        "Write-up (minutes)",
        "Supervision (minutes)",
        "Admin (minutes)",
        "Seen (minutes)",
        "Unseen (minutes)",
        "All time (minutes)",
    ]
    # 2–8 Feb: sessions 120, prep 10, write-up 20 → 150 in all
    assert rows[1] == [
        "2026-02-02",
        "2026-02-08",
        "120",
        "0",
        "10",
        "20",
        "0",
        "0",
        "120",
        "30",
        "150",
    ]
    assert len(rows) == 5


def test_rates_and_income_csv(practice: tuple[Database, PracticeReport]) -> None:
    _, report = practice
    tables = {t.key: t for t in report_tables(report)}
    rates = list(csv.reader(io.StringIO(csv_text(tables["rates"], "GBP"))))
    assert rates[0][2:7] == [
        "Earned (GBP)",
        "Received (GBP)",
        "All time (minutes)",
        "Effective hourly rate (GBP)",
        "Nominal per-session rate (GBP)",
    ]
    # 16–22 Feb: E1's last session on 18 Feb earns 110000 − 94286 = 15714 over 90 min →
    # 10476 (£104.76/h), while the cash was a −£100 refund; nominal 13333 → 133.33
    assert rates[4] == [
        "2026-02-16",
        "2026-02-22",
        "157.14",
        "-100.00",
        "90",
        "104.76",
        "133.33",
        "9",
    ]
    income = list(csv.reader(io.StringIO(csv_text(tables["income"], "GBP"))))
    # February: agreed 800, received 700 (1,200 − 500 refunds), nothing outstanding
    assert income[1] == [
        "2026-02-01",
        "2026-02-28",
        "800.00",
        "700.00",
        "1200.00",
        "500.00",
        "0.00",
        "0.00",
        "4",
    ]


def test_programmes_follow_through_and_practice_csv(
    practice: tuple[Database, PracticeReport],
) -> None:
    _, report = practice
    tables = {t.key: t for t in report_tables(report)}
    programmes = list(csv.reader(io.StringIO(csv_text(tables["programmes"], "GBP"))))
    # P1: E1 and E4 ran in February (E5 starts 1 Mar), both finished; planned 9931 →
    # 99.31 (the clients' planned time, supervision beside it), actual 18387 → 183.87; avg 7 and 5 sessions, 1 missed (a no-show, a late cancellation); 50% completed and renewed;
    # 13 unseen minutes per session. The taster: none finished.
    assert programmes[1] == [
        "Three months",
        "2",
        "2",
        "99.31",
        "183.87",
        "7",
        "5",
        "1",
        "50",
        "50",
        "13",
    ]
    assert programmes[2] == ["Free taster", "2", "0", "", "", "", "", "", "", "", ""]
    follow = list(csv.reader(io.StringIO(csv_text(tables["follow_through"], "GBP"))))
    assert follow[0][4] == "Follow-through (%)"
    assert follow[1:] == [
        ["Ana Silva", "1", "1", "1", "50", "1"],
        ["Ben Okafor", "1", "0", "0", "100", "0"],
    ]
    figures = dict(csv.reader(io.StringIO(csv_text(tables["practice"], "GBP"))))
    assert figures["Active clients"] == "3"
    assert figures["Average programme value"] == "380.00"
    assert figures["Renewal rate"] == "50"
    assert (figures["Earned"], figures["Received, less refunds"]) == ("885.72", "700.00")
    assert figures["Effective hourly rate"] == "136.26"
    assert figures["Enquiries: pointed to a resource"] == "1"
    quiet = list(csv.reader(io.StringIO(csv_text(tables["quiet_clients"], "GBP"))))
    # as of 28 Feb, from the enrolments' dates (Cat's and Ana's have completed since)
    assert quiet[1:] == [
        ["Cat", "2026-02-03", "2026-02-02", "25"],
        ["Ben Okafor", "2026-01-22", "2026-02-10", "18"],
        ["Ana Silva", "2026-02-18", "2025-12-01", "10"],
    ]


def test_pdf_report(practice: tuple[Database, PracticeReport], tmp_path: Path) -> None:
    db, report = practice
    output = tmp_path / "report.pdf"
    export_report_pdf(db, report, output)
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    text = all_text(output.read_bytes())
    assert "Practice report" in text
    assert "1 February 2026 to 28 February 2026" in text
    # key figures: 195 min seen = 3.3 h, 195 unseen, £885.72 earned, £700 received,
    # 88572 × 60 / 390 = £136.26/h (earned, as the economics tests work out by hand)
    assert "3.3 h" in text and "£885.72" in text and "£700.00" in text and "£136.26" in text
    for title in TABLES.values():
        assert title in text
    assert "2–8 Feb" in text and "16–22 Feb" in text
    assert "−£100.00" in text or "-£100.00" in text  # the refund week
    assert "£183.87" in text and "Ana Silva" in text
    assert all(embedded(font) for _name, font in fonts(output.read_bytes()))


def test_pdf_with_a_chart_and_an_empty_period(
    practice: tuple[Database, PracticeReport], tmp_path: Path
) -> None:
    db, _ = practice
    july = practice_report(db, date(2026, 7, 1), date(2026, 7, 31), today=TODAY, tz=UTC)
    data = report_pdf(db, july, charts={"time": _tiny_png(), "rates": b"not an image"})
    assert "Nothing in this period." in all_text(data)  # programmes, clients, quiet clients
    # the chart is printed; the broken image is left out and its table still printed
    assert sum(len(page.images) for page in reader(data).pages) == 1
    assert "Effective hourly rate" in all_text(data)


def _tiny_png() -> bytes:
    """A 2×1 PNG made by hand (zlib), so the test needs no image library."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00\x00\x00\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def test_small_formats() -> None:
    assert [one_decimal(Fraction(n, 60)) for n in (0, 30, 195, 1)] == ["0", "0.5", "3.3", "0"]
    assert one_decimal(Fraction(-11, 2)) == "-5.5"
    assert span_text(date(2026, 2, 4), date(2026, 2, 4), "en_GB") == "4 Feb"
    assert span_text(date(2026, 2, 2), date(2026, 2, 8), "en_GB") == "2–8 Feb"
    assert span_text(date(2026, 1, 26), date(2026, 2, 1), "en_GB") == "26 Jan – 1 Feb"
    assert span_text(date(2026, 2, 1), date(2026, 2, 28), "en_GB") == "Feb 2026"
    assert span_text(date(2026, 12, 1), date(2026, 12, 31), "en_GB") == "Dec 2026"
