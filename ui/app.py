"""Start the desktop app: ``practice-manager [--database PATH]``.

``practice-manager --smoke-test`` checks a built app headless (:mod:`ui.smoke`) and
``practice-manager --cli ARGS…`` is the ``practice`` command line, for a bundle where
only this executable is at hand.

Opens (or creates) the practice database, writes a rotating log file in the user log
folder, installs the calm error handler, offers a sample practice on first run, and
shows the main window. The platform's native style and light/dark palette are used as
they are.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TYPE_CHECKING, Any

from practice import __version__
from practice.db.paths import LOG_FILE, default_database_path, log_dir
from practice.errors import PracticeError
from practice.gc_pause import collector_paused

if TYPE_CHECKING:
    from ui.app_window import run

log = logging.getLogger("ui")

__all__ = ["LOG_FILE", "main", "parse_args", "run", "setup_logging"]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="practice-manager", description="Practice Manager, the desktop app."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--database",
        metavar="FILE|postgresql://USER@HOST/DATABASE",
        help="the practice database file (default: one in your user data folder), or a "
        "group practice's PostgreSQL server (the password is asked)",
    )
    parser.add_argument(
        "--sample",
        action="store_true",
        help="open the sample practice (made up, kept in its own file) to explore",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="check, headless, that this installation works (a temporary database, "
        "a sample practice, an agreement PDF and a chart); prints one line per step",
    )
    parser.add_argument(
        "--cli",
        action="store_true",
        help="run the practice command line with the arguments that follow "
        "(practice-manager --cli --help)",
    )
    parser.add_argument(
        "--exit-when-shown",
        action="store_true",
        help="quit as soon as the main window has first been drawn (for timing start-up); "
        "no closing backup is made, as nothing was changed",
    )
    # For benchmarks/floors.py: quit once the first window is drawn, whichever it is (the
    # password box of an encrypted practice).
    parser.add_argument("--exit-at-first-paint", action="store_true", help=argparse.SUPPRESS)
    # Given by Help › Explore the Sample Practice: the own practice stays open beside it.
    parser.add_argument("--from-practice", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def setup_logging(folder: Path | None = None) -> Path:
    """Log to a rotating file (1 MB × 3) in the user log folder; return its path."""
    folder = folder if folder is not None else log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def __getattr__(name: str) -> Any:
    """The window's part (:mod:`ui.app_window`), loaded when first used: starting the app
    imports Qt only once the database's integrity check is under way."""
    if name == "configure_application":
        from ui.app_names import configure_application

        return configure_application
    if name in ("run", "run_sample"):
        from ui import app_window

        return getattr(app_window, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["--cli"]:
        from practice.cli.main import main as cli_main

        return cli_main(arguments[1:])
    args = parse_args(arguments)
    if args.smoke_test:
        from ui.smoke import run_smoke_test

        return run_smoke_test()
    with collector_paused():  # the imports below (see practice.gc_pause)
        from practice.db.server import is_server_address

        server = args.database if args.database and is_server_address(args.database) else None
        remembered = None
        path = Path(args.database).expanduser() if args.database else default_database_path()
        if not args.sample and server is None:
            from practice.db import early_check

            early_check.start(path)  # the file is checked beside the imports below
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication, QMessageBox

        from ui.app_names import configure_application
        from ui.errors import install_excepthook
        from ui.safekeeping.startup import owner_only_files

    owner_only_files()  # logs, settings and exports readable by the owner only
    configure_application()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    from ui.app_icon import app_icon

    app.setWindowIcon(app_icon())
    try:
        log_path = setup_logging()
    except OSError as exc:  # a read-only home folder must not stop the app
        log_path = None
        logging.basicConfig(level=logging.INFO)
        log.warning("cannot write the log file: %s", exc)
    install_excepthook()
    log.info("Practice Manager %s starting (log: %s)", __version__, log_path)
    shown_once = args.exit_when_shown or args.exit_at_first_paint  # no closing backup
    if args.exit_at_first_paint:
        from ui.first_paint import exit_at_first_paint

        exit_at_first_paint(app)
    if args.sample:
        from ui.app_window import run_sample

        return run_sample(app, own_practice_open=args.from_practice)
    if server is None and args.database is None and not path.exists():
        # no practice of their own here: the team's server opened before, or the choice
        from ui.dialogs.first_start import OWN, first_start, opened_server

        remembered = opened_server(QSettings())
        server = remembered or first_start(QSettings())
        if server is None:
            return 0
        if server == OWN:
            server = None
    if server is not None:
        return run_on_server(
            app, server, exit_when_shown=shown_once, remembered=server == remembered
        )
    load_the_window(app, path)
    from ui.safekeeping.startup import open_practice_interactive

    try:
        # One instance per database; first run sets the password, later runs unlock.
        opened = open_practice_interactive(path)
        if opened is None:
            return 0
    except PracticeError as exc:
        log.warning("database refused: %s", exc)
        QMessageBox.critical(None, "Practice Manager cannot open the database", str(exc))
        return 1
    except Exception:
        log.exception("database could not be opened")
        QMessageBox.critical(
            None,
            "Practice Manager cannot open the database",
            f"The practice database at {path} could not be opened. "
            "It was not changed. The details are in the log file.",
        )
        return 1
    try:
        with collector_paused():
            from ui.app_window import run
        return run(app, opened.db, QSettings(), exit_when_shown=shown_once)
    finally:
        opened.lock.release()


def load_the_window(app: Any, path: Path) -> None:
    """The main window's code: loaded now beside the file's integrity check when the
    practice opens without a question (an unencrypted file); otherwise while the
    password is typed, once its box is drawn (:mod:`ui.warm_up`)."""
    from practice.db.connect import is_plain_file

    if is_plain_file(path):
        with collector_paused():
            import ui.app_window  # noqa: F401 (loaded for run, below in main)
    else:
        from ui.warm_up import load_after_first_paint

        load_after_first_paint(app)


def run_on_server(
    app: Any, text: str, *, exit_when_shown: bool = False, remembered: bool = False
) -> int:
    """The app on a practice kept on a server (``--database postgresql://…``, or the one
    opened here before: ``remembered``, forgotten if it no longer opens)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from practice.db.server import ServerAddress
    from ui.app_window import run
    from ui.safekeeping.server_login import open_server_interactive

    try:
        db = open_server_interactive(ServerAddress.parse(text))
    except PracticeError as exc:
        log.warning("practice server refused: %s", exc)
        message = str(exc)
        if remembered:  # not stuck on it: the next start asks which practice to open
            from ui.dialogs.first_start import forget_server

            forget_server(QSettings())
            message += " Next time, Practice Manager asks again which practice to open."
        QMessageBox.critical(None, "Practice Manager cannot open the practice", message)
        return 1
    if db is None:
        return 0
    log.info("opened the practice %s", db.where)
    from ui.dialogs.first_start import remember_server

    remember_server(QSettings(), text)  # opened at the next start (no password kept)
    try:
        return run(app, db, QSettings(), exit_when_shown=exit_when_shown)
    finally:
        db.close()


if __name__ == "__main__":
    sys.exit(main())
