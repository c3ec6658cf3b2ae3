"""What a practitioner waits for on a large practice, measured on the real screens.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/screens.py --reuse LIFETIME.db
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/screens.py --tiny --output DIR

In one process, on the real main window over the given practice (``benchmarks/
lifetime.py`` makes the twenty-year one): a keystroke in the client search (the search
that runs when typing settles, the list filled and painted), opening the client nearest
300 sessions (overview shown) and their Sessions tab, the Today page, a year on the
Reports page (figures worked out and shown), a note search, and a backup of the whole
database. Each is timed several times; the median and the worst are reported against
the issue's targets. ``--tiny`` makes a small practice and runs each once (what
``make test`` runs so this cannot rot; no test asserts a time).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from results import HERE, write_block, write_json  # noqa: E402


@dataclass(frozen=True)
class Timing:
    name: str
    median_ms: float
    worst_ms: float
    runs: int
    target_ms: float | None
    note: str = ""

    @property
    def meets(self) -> bool | None:
        return None if self.target_ms is None else self.median_ms <= self.target_ms


def timed(
    name: str,
    action: Callable[[], object],
    *,
    runs: int,
    target_ms: float | None,
    note: str = "",
    before: Callable[[], object] | None = None,
) -> Timing:
    """``action`` once to warm up, then ``runs`` times; ``before`` runs untimed each time."""
    if before is not None:
        before()
    action()
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return Timing(name, statistics.median(times), max(times), runs, target_ms, note)


def measure(database: Path, *, runs: int, home: Path) -> tuple[list[Timing], str]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        os.environ[name] = str(home / name.lower())
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import func, select

    from practice.db import open_database
    from practice.economics.report_period import PeriodKind, period_containing
    from practice.models import Session
    from practice.safekeeping.backup import backup_database
    from practice.search import search_notes
    from practice.timeutil import today
    from ui.context import AppContext
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    db = open_database(database, create=False)
    settings = QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(AppContext(db, settings))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    from ui.threads import keep_what_started

    keep_what_started()  # as the app does after its first paint (ui.app_window.run)

    def settle() -> None:
        app.processEvents()

    with db.reading() as s:
        counts = s.execute(
            select(Session.client_id, func.count().label("n"))
            .group_by(Session.client_id)
            .order_by(func.abs(func.count() - 300))
            .limit(1)
        ).one()
    client_id, sessions = int(counts[0]), int(counts[1])
    timings: list[Timing] = []

    clients = window.page("clients")
    window.show_page("clients")
    settle()
    search = clients.search  # type: ignore[attr-defined]
    letters = iter("smithjonesbrownwilsontaylordaviesevansthomasrobertsjohnson" * 50)

    def keystroke() -> None:
        if len(search.text()) >= 4:
            search.clear()
        QTest.keyClick(search, next(letters))
        clients.run_search()  # type: ignore[attr-defined]  # what typing settles into
        clients.table.viewport().repaint()  # type: ignore[attr-defined]
        settle()

    timings.append(
        timed(
            "client search: one keystroke, the list filled and painted",
            keystroke,
            runs=runs * 4,
            target_ms=16,
            note="after the search box's pause for typing",
        )
    )

    def open_client() -> None:
        clients.open_client(client_id)  # type: ignore[attr-defined]
        clients.client_page.repaint()  # type: ignore[attr-defined]
        settle()

    timings.append(
        timed(
            f"open a client with {sessions:,} sessions (overview)",
            open_client,
            runs=runs,
            target_ms=100,
            before=lambda: (clients.show_list(), settle()),  # type: ignore[attr-defined]
        )
    )
    page = clients.client_page  # type: ignore[attr-defined]

    def sessions_tab() -> None:
        page.tabs.setCurrentIndex(
            next(i for i, t in enumerate(page.tab_pages) if type(t).__name__ == "SessionsTab")
        )
        page.repaint()
        settle()

    timings.append(
        timed(
            f"that client's Sessions tab ({sessions:,} sessions)",
            sessions_tab,
            runs=runs,
            target_ms=100,
            before=lambda: (open_client(), page.tabs.setCurrentIndex(0), settle()),
        )
    )

    today_page = window.page("today")
    window.show_page("today")
    settle()

    def refresh_today() -> None:
        today_page.refresh()  # type: ignore[attr-defined]
        today_page.repaint()
        settle()

    timings.append(timed("Today", refresh_today, runs=runs, target_ms=100))

    reports = window.page("reports")
    window.show_page("reports")
    reports.wait_until_idle()  # type: ignore[attr-defined]
    year = period_containing(PeriodKind.YEAR, today())
    month = period_containing(PeriodKind.MONTH, today())

    def a_year() -> None:
        reports.period_bar.set_period(year)  # type: ignore[attr-defined]
        reports.wait_until_idle()  # type: ignore[attr-defined]
        reports.repaint()
        settle()

    timings.append(
        timed(
            "a year's reports (worked out and shown)",
            a_year,
            runs=runs,
            target_ms=250,
            before=lambda: (
                reports.period_bar.set_period(month),  # type: ignore[attr-defined]
                reports.wait_until_idle(),  # type: ignore[attr-defined]
            ),
        )
    )
    timings.append(
        timed(
            "note search: “breath”",
            lambda: search_notes(db, "breath"),
            runs=runs,
            target_ms=None,
            note="the first page of hits",
        )
    )
    backups = home / "backups"
    size = database.stat().st_size / 2**20
    timings.append(
        timed(
            f"a backup of the whole database ({size:,.0f} MiB)",
            lambda: backup_database(db, folder=backups),
            runs=max(1, runs // 2),
            target_ms=None,
            note="copied page by page, checked and synced to disk",
        )
    )
    window.close()
    db.close()
    return timings, f"the client nearest 300 sessions has {sessions:,}"


def render(timings: list[Timing], about: str) -> str:
    lines = [
        "## On the screens (benchmarks/screens.py)",
        "",
        about,
        "",
        "| what | median ms | worst ms | runs | target | |",
        "|---|---:|---:|---:|---|---|",
    ]
    for t in timings:
        target = f"≤ {t.target_ms:g} ms" if t.target_ms is not None else "—"
        verdict = {True: "meets", False: "**misses**", None: t.note}[t.meets]
        lines.append(
            f"| {t.name} | {t.median_ms:,.1f} | {t.worst_ms:,.1f} | {t.runs} | {target} "
            f"| {verdict} |"
        )
    return "\n".join(lines)


def tiny_practice(folder: Path) -> Path:
    from practice.db import open_database
    from practice.demo.batch import generate_batch

    path = folder / "tiny.db"
    db = open_database(path)
    try:
        generate_batch(db, clients=12, years=2, seed=3, today=date.today())
    finally:
        db.close()
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reuse", type=Path, help="measure this practice database")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--tiny", action="store_true", help="a small practice, 1 run: a check")
    parser.add_argument("--output", type=Path, default=HERE, help="write screens.json here")
    parser.add_argument("--write-results", action="store_true", help="also into RESULTS.md")
    args = parser.parse_args(argv)
    if args.reuse is None and not args.tiny:
        parser.error("give --reuse (a practice from benchmarks/lifetime.py) or --tiny")
    with tempfile.TemporaryDirectory(prefix="screens-") as scratch:
        folder = Path(scratch)
        runs = 1 if args.tiny else args.runs
        database = args.reuse or tiny_practice(folder)
        timings, found = measure(database, runs=runs, home=folder / "home")
    about = (
        f"Measured on {date.today().isoformat()} ({platform.machine()}, {os.cpu_count()} "
        f"cores, Python {platform.python_version()}, offscreen), in one process on the real "
        f"main window over {database.name}; {found}. Medians of each step after one "
        "warm-up run."
    )
    body = render(timings, about)
    print(body)
    write_json(
        args.output / "screens.json",
        {"about": about, "timings": [{**asdict(t), "meets": t.meets} for t in timings]},
    )
    if args.write_results:
        write_block("screens", body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
