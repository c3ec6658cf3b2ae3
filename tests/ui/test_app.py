"""The app's entry point: the log file, calm errors, refusing a bad database, first run."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from practice.db import Database
from practice.errors import ValidationError
from practice.services.clients import count_clients, create_client
from ui import app, errors
from ui.dialogs import first_run
from ui.dialogs.first_run import SampleOfferDialog, should_offer_sample

#: The real handler, kept before the autouse fixture swaps in one that fails the test.
REAL_REPORT = errors.report_exception


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    before = list(root.handlers)
    path = app.setup_logging(tmp_path / "logs")
    yield path
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


def test_log_file_is_made_in_the_log_folder(log_file: Path) -> None:
    logging.getLogger("ui").info("hello from the test")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert log_file.name == app.LOG_FILE
    assert "hello from the test" in log_file.read_text(encoding="utf-8")


def test_an_unexpected_error_in_a_slot_is_logged_and_shown_calmly(
    log_file: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    monkeypatch.setattr(errors, "report_exception", REAL_REPORT)
    shown: list[str] = []
    monkeypatch.setattr(errors, "show_unexpected", lambda parent=None: shown.append("calm"))

    class Broken(QWidget):
        @errors.guarded
        def slot(self, _checked: bool = False) -> None:
            raise KeyError("a bug")

    widget = Broken()
    qtbot.addWidget(widget)
    widget.slot(True, "extra signal argument is dropped")  # type: ignore[call-arg]
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert shown == ["calm"]
    text = log_file.read_text(encoding="utf-8")
    assert "unexpected error" in text and "KeyError: 'a bug'" in text


def test_a_refusal_is_shown_in_its_own_plain_words(
    monkeypatch: pytest.MonkeyPatch, message_boxes: Any, qtbot: QtBot
) -> None:
    monkeypatch.setattr(errors, "report_exception", REAL_REPORT)

    @errors.guarded
    def save() -> None:
        raise ValidationError("price", "cannot be negative.")

    save()
    assert message_boxes.texts() == ["Price: cannot be negative."]


def test_excepthook_logs_instead_of_printing_a_traceback(
    log_file: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(errors, "show_unexpected", lambda parent=None: shown.append("calm"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    errors.install_excepthook()
    try:
        raise RuntimeError("escaped")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert shown == ["calm"]
    assert "RuntimeError: escaped" in log_file.read_text(encoding="utf-8")


def test_command_line_takes_a_database_path_or_a_server(tmp_path: Path) -> None:
    assert app.parse_args(["--database", str(tmp_path / "p.db")]).database == str(tmp_path / "p.db")
    server = "postgresql://kai@db.practice.example/practice"
    assert app.parse_args(["--database", server]).database == server
    assert app.parse_args([]).database is None


def test_sample_is_offered_once_and_only_to_an_empty_practice(
    db: Database, settings: QSettings, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    assert should_offer_sample(db, settings)
    monkeypatch.setattr(SampleOfferDialog, "exec", lambda self: 0)  # "Start my own practice"
    assert first_run.open_sample_practice(settings) is None
    assert settings.value(first_run.CHOICE_KEY) == "own"
    assert not should_offer_sample(db, settings)
    fresh = QSettings(
        str(Path(settings.fileName()).with_name("other.ini")), QSettings.Format.IniFormat
    )
    create_client(db, first_name="Ana")
    assert not should_offer_sample(db, fresh)


def test_the_sample_practice_is_a_separate_filled_database(
    db: Database,
    settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    sample_path = tmp_path / "sample" / "sample-practice.db"
    monkeypatch.setattr(first_run, "demo_database_path", lambda: sample_path)

    def choose_sample(dialog: SampleOfferDialog) -> int:
        dialog.sample_button.click()
        return int(dialog.result())

    monkeypatch.setattr(SampleOfferDialog, "exec", choose_sample)
    sample = first_run.open_sample_practice(settings)
    assert sample is not None
    try:
        assert sample.path == sample_path
        assert count_clients(sample) > 0
        assert count_clients(db) == 0  # the practitioner's own practice is untouched
    finally:
        sample.close()
    assert settings.value(first_run.CHOICE_KEY) == "sample"


def test_sample_window_is_labelled(ctx: Any, qtbot: QtBot) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(ctx, sample=True)
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle().startswith("Sample practice")
    banner = window.sample_banner
    assert banner is not None
    for key in window.page_keys:  # the band is above every page
        window.show_page(key)
        assert banner.isVisible() and "Sample practice" in banner.text.text()
    own = MainWindow(ctx)
    qtbot.addWidget(own)
    assert own.sample_banner is None


@pytest.mark.parametrize("own_practice_open", [False, True])
def test_the_sample_banner_leads_back_to_the_own_practice(
    ctx: Any, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, own_practice_open: bool
) -> None:
    from PySide6.QtCore import QProcess

    from ui.main_window import MainWindow

    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(
        QProcess,
        "startDetached",
        staticmethod(lambda program, arguments: started.append((program, arguments)) or (True, 1)),
    )
    window = MainWindow(ctx, sample=True, own_practice_open=own_practice_open)
    qtbot.addWidget(window)
    window.show()
    assert window.sample_banner is not None
    button = window.sample_banner.back
    assert button.text() == ("Back to &My Practice" if own_practice_open else "Open &My Practice")
    button.click()
    assert not window.isVisible()
    assert started == ([] if own_practice_open else [(sys.executable, ["-m", "ui.app"])])


def test_sample_flag_opens_the_sample_practice_labelled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    sample_path = tmp_path / "sample" / "sample-practice.db"
    monkeypatch.setattr(first_run, "demo_database_path", lambda: sample_path)
    monkeypatch.setattr(app, "setup_logging", lambda folder=None: tmp_path / "x.log")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    seen: list[tuple[Path, bool, bool, int]] = []

    def fake_run(
        _app: Any,
        db: Database,
        _settings: QSettings,
        *,
        sample: bool = False,
        own_practice_open: bool = False,
    ) -> int:
        seen.append((db.path, sample, own_practice_open, count_clients(db)))
        db.close()
        return 0

    from ui import app_window

    monkeypatch.setattr(app_window, "run", fake_run)  # what run_sample calls
    assert app.main(["--sample"]) == 0
    [(path, sample, own_open, clients)] = seen
    assert path == sample_path and sample and not own_open and clients > 0
    assert app.main(["--sample", "--from-practice"]) == 0
    assert seen[-1][2]  # started from the own practice's Help menu: it is open beside


def test_help_menu_starts_the_sample_in_its_own_window(
    ctx: Any, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QProcess

    from ui.main_window import MainWindow

    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(
        QProcess,
        "startDetached",
        staticmethod(lambda program, arguments: started.append((program, arguments)) or (True, 1)),
    )
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.sample_action.trigger()
    assert started == [(sys.executable, ["-m", "ui.app", "--sample", "--from-practice"])]
    sample_window = MainWindow(ctx, sample=True)
    qtbot.addWidget(sample_window)
    assert not sample_window.sample_action.isEnabled()


def _fresh_start(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """A practice database and a fresh HOME (every user folder inside it), offscreen."""
    from practice.db import open_database
    from tests.ui.conftest import fresh_home

    database = tmp_path / "practice.db"
    open_database(database).close()
    home, env = fresh_home(tmp_path)
    return database, home, env


def test_exit_when_shown_quits_after_the_first_paint(tmp_path: Path) -> None:
    """``practice-manager --exit-when-shown`` (for timing start-up) opens the practice,
    draws the window once and quits by itself, with exit code 0 and no closing backup."""
    import subprocess
    import sys

    database, home, env = _fresh_start(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "ui.app", "--database", str(database), "--exit-when-shown"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    backups = [p for p in home.rglob("*") if "backup" in p.name.lower() and p.is_file()]
    assert backups == []


def test_the_first_paint_loads_no_documents_demo_or_migrations(tmp_path: Path) -> None:
    """Start-up imports only what the first window needs: the PDF machinery (reportlab,
    HarfBuzz), the sample generator and Alembic load when first used (issue 14)."""
    import re
    import subprocess
    import sys

    database, home, env = _fresh_start(tmp_path)
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "ui.app", "--database", str(database)]
        + ["--exit-when-shown"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = set(re.findall(r"\|\s+([\w.]+)\s*$", done.stderr, re.MULTILINE))
    assert "ui.main_window" in loaded  # the import log was read
    heavy = {"reportlab", "uharfbuzz", "practice.demo", "alembic"}
    assert loaded & heavy == set()


EARLY_CHECK_WATCH = """
import sys
from practice.db import early_check
started, taken = [], []
real_start, real_take = early_check.start, early_check.take
def start(path):
    started.append([m for m in ("PySide6", "sqlalchemy") if m in sys.modules])
    real_start(path)
def take(path):
    rows = real_take(path)
    taken.append(rows)
    return rows
early_check.start, early_check.take = start, take
"""


@pytest.mark.parametrize("program", ["cli", "app"])
def test_the_integrity_check_starts_before_the_heavy_imports_and_is_used(
    tmp_path: Path, program: str
) -> None:
    """The app and the command line start the opening's integrity check before loading
    Qt and SQLAlchemy (practice.db.early_check), and the opening uses its verdict."""
    database, _home, env = _fresh_start(tmp_path)
    if program == "cli":
        run = f"from practice.cli.main import main\nmain(['--database', {str(database)!r}, 'clients'])\n"
    else:
        run = (
            "from ui.app import main\n"
            f"main(['--database', {str(database)!r}, '--exit-when-shown'])\n"
        )
    code = EARLY_CHECK_WATCH + run + "print('STARTED', started, 'TAKEN', taken)\n"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "STARTED [[]] TAKEN [[('ok',)]]" in done.stdout
