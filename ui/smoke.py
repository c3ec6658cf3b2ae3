"""``practice-manager --smoke-test``: prove a built app has everything it needs.

It runs the app's real code on a new, temporary, encrypted database: opening and
migrating it, making a small sample practice, writing an agreement PDF and reading it
back (and drawing its first page with Qt PDF), drawing a chart, the icons and the main
window with every page, offscreen. One line per step goes to stdout; the first failure
names its step on stderr and the exit code is non-zero. Nothing outside a temporary
folder is touched. Each step imports what it uses, so a module missing from a bundle
fails the step that needs it, by name.

``make dist`` runs it on the bundle with no Python on ``PATH``, so a missing hidden
import, Qt plugin or data file fails the build instead of a practitioner's first start.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from practice.db import Database

PASSWORD = "smoke-test-password"  # a throwaway database in a temporary folder


class SmokeFailure(Exception):
    """A step found something wrong (the message says what)."""


@dataclass
class SmokeState:
    """What one step hands to the next."""

    folder: Path
    today: date
    db: Database | None = None
    enrolment_id: int = 0
    pdf_path: Path | None = None

    def database(self) -> Database:
        if self.db is None:
            raise SmokeFailure("the database was not opened")
        return self.db


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


def step_version(state: SmokeState) -> str:
    from practice import __version__

    _check(bool(__version__) and __version__[0].isdigit(), f"no version ({__version__!r})")
    return f"Practice Manager {__version__}"


def step_database(state: SmokeState) -> str:
    from practice.db import open_database
    from practice.db.connect import SQLITE_HEADER

    path = state.folder / "smoke.db"
    db = open_database(path, PASSWORD)
    state.db = db
    _check(db.encrypted, "the database was not opened encrypted")
    with path.open("rb") as handle:
        _check(handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER, "the file is not encrypted")
    return f"new encrypted database ({path.stat().st_size:,} bytes)"


def step_migrations(state: SmokeState) -> str:
    from practice.db import migrate

    db = state.database()
    head = migrate.head_revision()
    with db.engine.connect() as conn:
        current = migrate.current_revision(conn)
    _check(current == head, f"schema at {current}, expected {head}")
    return f"schema at revision {head} ({len(migrate.known_revisions())} migrations)"


def step_sample(state: SmokeState) -> str:
    from practice.demo import generate_demo
    from practice.services.enrolments import list_enrolments

    db = state.database()
    summary = generate_demo(db, clients=3, years=1, seed=12, today=state.today)
    enrolments = list_enrolments(db)
    _check(bool(enrolments), "the sample practice has no enrolments")
    state.enrolment_id = enrolments[0].id
    return (
        f"{summary.clients} clients, {summary.enrolments} enrolments, {summary.sessions} sessions"
    )


def step_agreement(state: SmokeState) -> str:
    from practice.documents.agreement import render_agreement

    db = state.database()
    path = state.folder / "agreement.pdf"
    render_agreement(db, state.enrolment_id, path, on=state.today)
    data = path.read_bytes()
    _check(data.startswith(b"%PDF-"), "the agreement is not a PDF")
    _check(b"%%EOF" in data[-1024:], "the agreement PDF is cut short")
    _check(b"/FontFile2" in data, "the agreement PDF has no embedded fonts")
    from reportlab.lib import rl_accel

    _check(not rl_accel._py_funcs, "reportlab's C helpers (rl_accel) are missing")
    state.pdf_path = path
    return f"agreement PDF ({len(data):,} bytes, fonts embedded)"


def step_pdf_view(state: SmokeState) -> str:
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    assert state.pdf_path is not None
    document = QPdfDocument()
    error = document.load(str(state.pdf_path))
    _check(error == QPdfDocument.Error.None_, f"Qt PDF cannot read the agreement ({error})")
    pages = document.pageCount()
    _check(pages >= 1, "Qt PDF finds no pages in the agreement")
    image = document.render(0, QSize(420, 594))
    _check(not image.isNull() and _has_ink(image), "the agreement's first page draws blank")
    document.close()
    return f"agreement read back with Qt PDF ({pages} pages, page 1 drawn)"


def step_chart(state: SmokeState) -> str:
    from PySide6.QtGui import QImage

    from practice.economics.reports import practice_report
    from ui.format import DEFAULT_LOCALE
    from ui.reports.charts import TimeChart

    db = state.database()
    report = practice_report(db, state.today - timedelta(days=365), state.today, today=state.today)
    chart = TimeChart()
    chart.set_report(report, DEFAULT_LOCALE)
    png = chart.png(640, 360)
    chart.deleteLater()
    _check(png is not None, "the chart has nothing to draw")
    assert png is not None
    path = state.folder / "chart.png"
    path.write_bytes(png)
    image = QImage(str(path))
    _check(not image.isNull(), "the chart PNG cannot be read back")
    _check((image.width(), image.height()) == (640, 360), "the chart PNG has the wrong size")
    _check(_has_ink(image), "the chart draws blank")
    return f"time chart drawn and read back ({len(png):,} bytes PNG)"


def step_icons(state: SmokeState) -> str:
    from PySide6.QtGui import QPalette

    from ui.app_icon import app_icon
    from ui.icons import icon

    pixmap = app_icon().pixmap(64, 64)
    _check(not pixmap.isNull() and _has_ink(pixmap.toImage()), "the app icon draws blank")
    page = icon("today", QPalette(), 1.0).pixmap(24, 24)
    _check(not page.isNull(), "the page icons do not draw")
    return "app icon and page icons drawn (SVG)"


def step_window(state: SmokeState) -> str:
    """Every page of the main window loads (they are imported by name: a page missing
    from a bundle would otherwise just not be there) and shows the sample practice."""
    from PySide6.QtCore import QCoreApplication, QEvent, QSettings

    from ui.context import AppContext
    from ui.main_window import PAGES, MainWindow

    db = state.database()
    settings = QSettings(str(state.folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(AppContext(db, settings), sample=True)
    try:
        missing = [spec.key for spec in PAGES if spec.key not in window.page_keys]
        _check(not missing, "pages missing: " + ", ".join(missing))
        for key in window.page_keys:
            window.show_page(key)
            getattr(window.page(key), "wait_until_idle", lambda: None)()
        image = window.grab().toImage()
        _check(_has_ink(image), "the main window draws blank")
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return f"main window with all {len(PAGES)} pages"


def step_close(state: SmokeState) -> str:
    from practice.db import open_database

    db = state.database()
    db.close()
    state.db = None
    again = open_database(state.folder / "smoke.db", PASSWORD, create=False)
    again.close()
    return "closed and opened again with its password"


STEPS: tuple[tuple[str, Callable[[SmokeState], str]], ...] = (
    ("version", step_version),
    ("database", step_database),
    ("migrations", step_migrations),
    ("sample practice", step_sample),
    ("agreement", step_agreement),
    ("agreement preview", step_pdf_view),
    ("chart", step_chart),
    ("icons", step_icons),
    ("main window", step_window),
    ("reopen", step_close),
)


def _has_ink(image: object) -> bool:
    """Whether an image holds more than one colour (something was drawn)."""
    from PySide6.QtGui import QImage

    assert isinstance(image, QImage)
    small = image.scaled(32, 32)
    first = small.pixel(0, 0)
    return any(
        small.pixel(x, y) != first for y in range(small.height()) for x in range(small.width())
    )


def run_smoke_test(
    *,
    today: date | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
    steps: tuple[tuple[str, Callable[[SmokeState], str]], ...] = STEPS,
) -> int:
    """Run every step in order; 0 when all pass, 1 naming the first that failed."""
    from PySide6.QtWidgets import QApplication

    from practice.timeutil import today as todays_date

    # A windowed app on Windows has no console: no stdout; the exit code still tells.
    out = out or sys.stdout or io.StringIO()
    err = err or sys.stderr or io.StringIO()
    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QApplication(sys.argv[:1])
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="practice-smoke-") as folder:
        state = SmokeState(folder=Path(folder), today=today or todays_date())
        try:
            for name, step in steps:
                began = time.perf_counter()
                try:
                    said = step(state)
                except Exception as exc:
                    print(f"FAILED {name}: {type(exc).__name__}: {exc}", file=err, flush=True)
                    return 1
                print(f"ok  {name}: {said} ({time.perf_counter() - began:.1f} s)", file=out)
                out.flush()
        finally:
            if state.db is not None:
                state.db.close()
    print(f"smoke test passed in {time.perf_counter() - started:.1f} s", file=out, flush=True)
    return 0
