"""Fixtures for the app's tests: real widgets over a real temporary database.

QSettings are redirected to a temporary INI file so no test touches the person's own
settings; message boxes are recorded instead of waiting for a click; an unexpected
error inside a slot fails the test instead of showing the calm apology.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from practice.db import Database
from practice.db.paths import APP_AUTHOR, APP_NAME
from ui import errors
from ui.context import AppContext


@pytest.fixture(scope="session", autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every QSettings() of the app goes to a temporary folder, never the real one."""
    folder = tmp_path_factory.mktemp("qsettings")
    QCoreApplication.setOrganizationName(APP_AUTHOR)
    QCoreApplication.setApplicationName(APP_NAME)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))


@dataclass
class MessageBoxes:
    """What the app said in message boxes, and the answer the next question gets."""

    shown: list[tuple[str, str, str]] = field(default_factory=list)
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes

    def texts(self) -> list[str]:
        return [text for _kind, _title, text in self.shown]


@pytest.fixture(autouse=True)
def _no_dialog_left_open() -> Iterator[None]:
    """A dialog a test left open (an agreement preview opened by enrolling) would be the
    active modal window of the next test and take its keys: close them all after each."""
    yield
    from PySide6.QtWidgets import QApplication, QDialog

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.close()


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    boxes = MessageBoxes()

    def recorder(kind: str) -> Any:
        def show(_parent: object, title: str, text: str, *args: object, **kwargs: object) -> Any:
            boxes.shown.append((kind, title, text))
            if kind == "question":
                return boxes.answer
            return QMessageBox.StandardButton.Ok

        return show

    for kind in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(recorder(kind)))
    monkeypatch.setattr(
        QMessageBox,
        "about",
        staticmethod(lambda _p, title, text: boxes.shown.append(("about", title, text))),
    )
    return boxes


@pytest.fixture(autouse=True)
def _unexpected_errors_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug caught by the calm guard must still fail the test that hit it."""

    def fail(exc: BaseException, parent: object = None) -> None:
        if isinstance(exc, errors.PracticeError):
            QMessageBox.warning(None, "That did not work", str(exc))
            return
        raise exc

    monkeypatch.setattr(errors, "report_exception", fail)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """A small sample practice made by the demo generator (read-only use: module-wide)."""
    from practice.db import open_database
    from practice.demo import generate_demo

    database = open_database(tmp_path_factory.mktemp("demo") / "sample.db")
    generate_demo(database, clients=6, years=1)
    try:
        yield database
    finally:
        database.close()


def _press(widget: QWidget, keys: str) -> None:
    window = widget.window()
    handle = window.windowHandle()
    assert handle is not None, "show the window before pressing its shortcuts"
    if not window.isActiveWindow():  # e.g. just after a dialog closed
        window.activateWindow()
        for _ in range(100):
            QCoreApplication.processEvents()
            if window.isActiveWindow():
                break
    QTest.keySequence(handle, QKeySequence(keys))


@pytest.fixture
def press() -> Callable[[QWidget, str], None]:
    """``press(widget, "Ctrl+K")`` types a shortcut into the window of ``widget`` the way
    the keyboard would, so the window's shortcuts see it."""
    return _press


def _worked_example(db: Database, *, started_days_ago: int = 60) -> Any:
    """The brief's worked example, agreed by Zoë Ødegård ``started_days_ago`` days ago:
    3 months at £1,200.00, 3 sessions in month one then 2 a month, paid in 3 instalments."""
    from datetime import timedelta

    from practice.models import LengthUnit, PaymentPlan, SupportMode
    from practice.services.clients import create_client
    from practice.services.enrolments import enrol_client
    from practice.services.programmes import PeriodPlan, create_programme
    from practice.timeutil import today

    client = create_client(db, first_name="Zoë", last_name="Ødegård", status="active")
    programme = create_programme(
        db,
        name="Three months of change",
        description="We meet more often at first, then settle into a rhythm.",
        length_value=3,
        length_unit=LengthUnit.MONTHS,
        session_minutes=60,
        periods=[PeriodPlan(1, 1, 3), PeriodPlan(2, 3, 2)],
        support_mode=SupportMode.COUNT,
        support_call_count=4,
        support_call_minutes=15,
        price=120000,
        currency="GBP",
        instalment_count=3,
        prep_minutes_per_session=15,
        writeup_minutes_per_session=20,
        supervision_minutes_per_month=60,
    )
    return enrol_client(
        db,
        client_id=client.id,
        programme_id=programme.id,
        start_date=today() - timedelta(days=started_days_ago),
        payment_plan=PaymentPlan.INSTALMENTS,
        agree=True,
    )


@pytest.fixture
def worked_example(db: Database) -> Callable[..., Any]:
    """``worked_example(started_days_ago=60)`` makes the brief's worked-example enrolment."""
    return lambda **kwargs: _worked_example(db, **kwargs)


@pytest.fixture
def settings(tmp_path: Path) -> Iterator[QSettings]:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield store
    store.sync()


@pytest.fixture
def ctx(db: Database, settings: QSettings) -> AppContext:
    return AppContext(db, settings)


@pytest.fixture
def window(ctx: AppContext, qtbot: QtBot) -> Any:
    from ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    return win


def fresh_home(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A fresh HOME (every user folder inside it) and the environment of an app process
    started in it, offscreen: for tests that start the whole app as a person would."""
    import os

    home = tmp_path / "home"
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    return home, env
