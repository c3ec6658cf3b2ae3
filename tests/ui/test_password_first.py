"""An encrypted practice's password box is drawn before the heavy part of start-up is
loaded, and that part is loaded while the box waits (ui.warm_up; issue 14)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ui.warm_up import STEPS

PASSWORD = "correct horse battery"

HEAVY = ("sqlalchemy", "practice.models", "ui.main_window", "reportlab", "alembic")


def _encrypted_practice(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A practice with a client in it (an empty one is first offered the sample)."""
    from practice.db import open_database
    from practice.services.clients import create_client
    from tests.ui.conftest import fresh_home

    database = tmp_path / "practice.db"
    db = open_database(database, PASSWORD)
    create_client(db, first_name="Zoë", last_name="Ødegård")
    db.close()
    assert not database.read_bytes().startswith(b"SQLite format 3")
    _home, env = fresh_home(tmp_path)
    return database, env


def _run(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )


def test_the_password_box_is_drawn_before_the_heavy_imports(tmp_path: Path) -> None:
    database, env = _encrypted_practice(tmp_path)
    done = _run(
        "import sys\n"
        "from ui.app import main\n"
        f"code = main(['--database', {str(database)!r}, '--exit-at-first-paint'])\n"
        "from ui.safekeeping.unlock_dialog import UnlockDialog\n"
        f"print('CODE', code, 'HEAVY', [m for m in {HEAVY!r} if m in sys.modules])\n",
        env,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "CODE 0 HEAVY []" in done.stdout, done.stdout + done.stderr[-2000:]


def test_the_window_is_loaded_while_the_password_is_typed_then_opens(tmp_path: Path) -> None:
    """The practitioner waits at the box; by the time they press Enter the main window's
    code is loaded, and the practice opens with the password."""
    database, env = _encrypted_practice(tmp_path)
    done = _run(
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from ui.safekeeping import unlock_dialog\n"
        "real_exec = unlock_dialog.UnlockDialog.exec\n"
        "loaded = []\n"
        "def exec_(self):\n"
        "    def type_when_loaded():\n"
        "        if 'ui.pages.today' not in sys.modules:\n"
        "            QTimer.singleShot(20, type_when_loaded)\n"
        "            return\n"
        f"        loaded.extend(m for m in {STEPS!r} if m in sys.modules)\n"
        f"        self.password.setText({PASSWORD!r})\n"
        "        self.accept()\n"
        "    QTimer.singleShot(0, type_when_loaded)\n"
        "    result = real_exec(self)\n"
        "    print('UNLOCKED', self.db is not None)\n"
        "    return result\n"
        "unlock_dialog.UnlockDialog.exec = exec_\n"
        "from ui.app import main\n"
        f"code = main(['--database', {str(database)!r}, '--exit-when-shown'])\n"
        "print('CODE', code, 'LOADED', loaded)\n",
        env,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "UNLOCKED True" in done.stdout, done.stdout + done.stderr[-2000:]
    assert f"CODE 0 LOADED {list(STEPS)!r}" in done.stdout, done.stdout


def test_a_step_that_cannot_load_is_logged_and_left_to_where_it_is_used(
    qapp: object, caplog: pytest.LogCaptureFixture
) -> None:
    """A failure ahead of time is only logged (the module is loaded, and its error shown,
    where it is used); the box stays usable and nothing after it is loaded early."""
    from PySide6.QtWidgets import QApplication, QWidget

    from ui.warm_up import load_after_first_paint

    app = QApplication.instance()
    assert app is not None
    assert "tabnanny" not in sys.modules
    load_after_first_paint(app, ("colorsys", "no_such_module_for_warm_up", "tabnanny"))
    widget = QWidget()
    widget.show()
    for _ in range(20):
        app.processEvents()
    assert "colorsys" in sys.modules
    assert "could not load no_such_module_for_warm_up ahead of time" in caplog.text
    assert "tabnanny" not in sys.modules
    widget.close()


def test_closing_after_a_verified_backup_spares_the_next_opening_its_full_check(
    tmp_path: Path,
) -> None:
    """The practitioner unlocks, adds a client, closes: the closing backup's copy passes
    its checks, so the file as closed is recorded (practice.db.checked) and the next
    opening does not read every page again."""
    from practice.db import checked

    database, env = _encrypted_practice(tmp_path)
    done = _run(
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from ui.safekeeping import unlock_dialog\n"
        "real_exec = unlock_dialog.UnlockDialog.exec\n"
        "def close_window():\n"
        "    from practice.services.clients import create_client\n"
        "    for widget in QApplication.topLevelWidgets():\n"
        "        if type(widget).__name__ == 'MainWindow':\n"
        "            create_client(widget.ctx.db, first_name='Added today')\n"
        "            widget.close()\n"
        "def exec_(self):\n"
        "    def enter():\n"
        "        from ui.first_paint import OnFirstPaint\n"
        "        OnFirstPaint(QApplication.instance(), close_window)\n"
        f"        self.password.setText({PASSWORD!r})\n"
        "        self.accept()\n"
        "    QTimer.singleShot(0, enter)\n"
        "    return real_exec(self)\n"
        "unlock_dialog.UnlockDialog.exec = exec_\n"
        "from ui.app import main\n"
        f"print('CODE', main(['--database', {str(database)!r}]))\n",
        env,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "CODE 0" in done.stdout, done.stdout + done.stderr[-2000:]
    backups = [p for p in database.parent.rglob("*.db") if p != database]
    assert backups, "no closing backup was made"
    assert checked.unchanged_since_checked(database)
    from practice.db import open_database
    from practice.services.clients import list_clients

    db = open_database(database, PASSWORD, create=False)
    assert "Added today" in [c.first_name for c in list_clients(db)]
    db.close()
