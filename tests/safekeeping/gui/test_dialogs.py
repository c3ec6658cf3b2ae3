"""First run, unlock, restore, password change, export, erase, settings, the menu."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMainWindow
from pytestqt.qtbot import QtBot

from practice.db import Database, open_database
from practice.models import Client
from practice.safekeeping.backup import backup_database
from practice.safekeeping.recovery import recover_password
from practice.services.profile import get_profile
from tests.safekeeping.factory import MARKER, PRIVATE_MARKER, make_client
from tests.safekeeping.helpers import PASSWORD
from ui.context import AppContext
from ui.safekeeping import startup
from ui.safekeeping.backup_settings import BackupSettingsDialog
from ui.safekeeping.controller import SafekeepingController
from ui.safekeeping.password_dialogs import (
    ChangePasswordDialog,
    RecoveryKeyDialog,
    SetPasswordDialog,
)
from ui.safekeeping.record_dialogs import EraseClientDialog, ExportRecordDialog, RetentionDialog
from ui.safekeeping.restore_dialog import RestoreDialog
from ui.safekeeping.unlock_dialog import WRONG, UnlockDialog


def _fill_password(dialog: SetPasswordDialog, password: str, repeat: str | None = None) -> int:
    dialog.password.setText(password)
    dialog.repeat.setText(password if repeat is None else repeat)
    dialog.accept()
    return dialog.result()


def test_set_password_explains_and_validates(qtbot: QtBot) -> None:
    dialog = SetPasswordDialog()
    qtbot.addWidget(dialog)
    from PySide6.QtWidgets import QLabel

    warning = dialog.findChild(QLabel, "forgotten_warning")
    assert warning is not None and "can recover a forgotten password" in warning.text()
    assert _fill_password(dialog, "short") != QDialog.DialogCode.Accepted
    assert "at least 8" in dialog.error.text()
    assert _fill_password(dialog, "long enough", "long enougH") != QDialog.DialogCode.Accepted
    assert "does not match" in dialog.error.text()
    assert _fill_password(dialog, "🙂 long 'enough' \\") == QDialog.DialogCode.Accepted
    assert dialog.chosen == "🙂 long 'enough' \\"


def test_first_run_creates_an_encrypted_practice_with_a_recovery_key(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: list[Any]
) -> None:
    path = tmp_path / "new folder" / "practice.db"
    keys: list[str] = []
    monkeypatch.setattr(SetPasswordDialog, "exec", lambda self: _fill_password(self, PASSWORD))

    def show_key(self: RecoveryKeyDialog) -> int:
        keys.append(self.key)
        assert not self.done_button.isEnabled()
        self.write_to(str(tmp_path / "key.txt"))
        assert self.done_button.isEnabled()
        return 1

    monkeypatch.setattr(RecoveryKeyDialog, "exec", show_key)
    opened = startup.open_practice_interactive(path)
    assert opened is not None and opened.db.encrypted
    assert recover_password(path, keys[0]) == PASSWORD
    assert keys[0] in (tmp_path / "key.txt").read_text(encoding="utf-8")
    # A second instance is refused while the first has it open.
    assert startup.open_practice_interactive(path) is None
    assert "already has this database open" in shown[-1][1]
    opened.close()


def test_unlock_says_wrong_password(qtbot: QtBot, enc_path: Path) -> None:
    open_database(enc_path, PASSWORD).close()
    dialog = UnlockDialog(enc_path, lambda pw: open_database(enc_path, pw, create=False))
    qtbot.addWidget(dialog)
    dialog.password.setText("wrong")
    dialog.accept()
    assert dialog.db is None and dialog.error.text() == WRONG
    assert WRONG.startswith("Wrong password") and "recovery key" in WRONG
    dialog.password.setText(PASSWORD)
    dialog.accept()
    assert dialog.db is not None and dialog.result() == QDialog.DialogCode.Accepted
    dialog.db.close()


def test_startup_offers_restore_after_a_wrong_password(
    qtbot: QtBot, enc_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(enc_path, PASSWORD)
    make_client(db)
    backup_database(db)
    db.close()
    enc_path.write_bytes(b"\x00" * 8192)  # destroyed
    answers = iter(["restore", PASSWORD])

    def unlock(self: UnlockDialog) -> int:
        answer = next(answers)
        if answer == "restore":
            self._finish("restore")
            return 0
        assert "backup was restored" in self.error.text()
        self.password.setText(answer)
        self.accept()
        return self.result()

    def restore(self: RestoreDialog) -> int:
        assert self.list.count() == 1
        self.password.setText(PASSWORD)
        self.accept()
        return self.result()

    monkeypatch.setattr(UnlockDialog, "exec", unlock)
    monkeypatch.setattr(RestoreDialog, "exec", restore)
    opened = startup.open_practice_interactive(enc_path)
    assert opened is not None
    with opened.db.transaction() as s:
        assert s.query(Client).count() == 1
    opened.close()
    assert any(p.name.startswith("practice.db.damaged-") for p in enc_path.parent.iterdir())


def test_change_password_dialog(qtbot: QtBot, enc_path: Path) -> None:
    from practice.safekeeping.password import change_password

    db = open_database(enc_path, PASSWORD)
    dialog = ChangePasswordDialog(lambda c, n, r: change_password(db, c, n, r))
    qtbot.addWidget(dialog)
    dialog.current.setText("wrong one")
    dialog.password.setText("brand new password")
    dialog.repeat.setText("brand new password")
    dialog.accept()
    assert "not the database's password" in dialog.error.text()
    dialog.current.setText(PASSWORD)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert db.password == "brand new password"
    db.close()


def test_export_and_erase_dialogs(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    made = make_client(db)
    export = ExportRecordDialog(db, made.client_id, "Ana")
    qtbot.addWidget(export)
    export.path.setText(str(tmp_path / "record.txt"))
    export.accept()
    assert ".pdf or .json" in export.error.text()
    export.path.setText(str(tmp_path / "record.json"))
    export.private.setChecked(True)
    export.accept()
    data = json.loads((tmp_path / "record.json").read_text(encoding="utf-8"))
    assert data["private_notes_included"] and PRIVATE_MARKER in json.dumps(data, ensure_ascii=False)
    erase = EraseClientDialog(db, made.client_id, f"Ana{MARKER} Ødegård{MARKER}")
    qtbot.addWidget(erase)
    erase.confirmation.setText("Ana")
    erase.accept()
    assert not erase.erased and not erase.error.isHidden()
    assert "full name" in erase.error.text()
    erase.confirmation.setText(f"Ana{MARKER} Ødegård{MARKER}")
    erase.accept()
    assert erase.erased
    with db.transaction() as s:
        assert s.get(Client, made.client_id) is None


def test_retention_dialog_lists_without_deleting(qtbot: QtBot, db: Database) -> None:
    from datetime import UTC, datetime

    make_client(db, starts_at=datetime(2001, 1, 1, tzinfo=UTC))
    dialog = RetentionDialog(db)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert "Nothing is deleted" in dialog.intro.text()
    with db.transaction() as s:
        assert s.query(Client).count() == 1


def test_backup_settings_saves_the_profile(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    dialog = BackupSettingsDialog(db)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "missing"))
    dialog.accept()
    assert "does not exist" in dialog.error.text()
    dialog.folder.setText(str(tmp_path))
    dialog.auto_lock.setValue(3)
    dialog.retention.setValue(8)
    dialog.accept()
    profile = get_profile(db)
    assert (profile.backup_folder, profile.auto_lock_minutes, profile.retention_years) == (
        str(tmp_path),
        3,
        8,
    )


def test_controller_menu_backups_and_restore(
    qtbot: QtBot, enc_path: Path, monkeypatch: pytest.MonkeyPatch, shown: list[Any]
) -> None:
    db = open_database(enc_path, PASSWORD)
    window = QMainWindow()
    window.menuBar().addMenu("&File")
    window.menuBar().addMenu("&Help")
    qtbot.addWidget(window)
    ctx = AppContext(db)
    keeper = SafekeepingController(ctx, window, lock_poll_ms=100000)
    keeper.install()
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "Safe&keeping", "&Help"]
    assert keeper.on_close() is not None  # the first backup of this database
    assert keeper.on_close() is None  # nothing changed since
    make_client(db)
    keeper.backup_now()
    assert "backup was written" in shown[-1][1]
    with db.transaction() as s:
        s.add(Client(first_name="After the backup"))
    keeper.on_close()
    assert keeper.auto.last_backup is not None and "close" in keeper.auto.last_backup.name

    def pick_oldest(self: RestoreDialog) -> int:
        rows = [self.list.item(i).toolTip() for i in range(self.list.count())]
        manual = [i for i, path in enumerate(rows) if path.endswith("-manual.db")]
        assert len(manual) == 1, rows
        self.list.setCurrentRow(manual[0])
        self.accept()
        return self.result()

    monkeypatch.setattr(RestoreDialog, "exec", pick_oldest)
    changed: list[str] = []
    ctx.data_changed.connect(changed.append)
    keeper.restore()
    assert "clients" in changed and "backup was restored" in shown[-1][1]
    with db.transaction() as s:  # the same Database object, reconnected
        assert s.query(Client).count() == 1
    keeper.lock.timer.stop()
    keeper.backup_timer.stop()
    db.close()


def test_retention_reminder_in_the_status_bar(qtbot: QtBot, db: Database) -> None:
    from datetime import UTC, datetime

    window = QMainWindow()
    qtbot.addWidget(window)
    keeper = SafekeepingController(AppContext(db), window, lock_poll_ms=100000)
    assert keeper.remind_retention() == ""
    make_client(db, starts_at=datetime(2001, 1, 1, tzinfo=UTC))
    text = keeper.remind_retention()
    assert (
        text.startswith("1 client record is past") and window.statusBar().currentMessage() == text
    )
    keeper.lock.timer.stop()
    keeper.backup_timer.stop()


def test_the_app_writes_owner_only_files(tmp_path: Path) -> None:
    """The umask set at start makes the log (and settings, exports) owner-only."""
    import os
    import subprocess
    import sys

    code = (
        "import sys, pathlib\n"
        "from ui.safekeeping.startup import owner_only_files\n"
        "from ui.app import setup_logging\n"
        "owner_only_files()\n"
        "path = setup_logging(pathlib.Path(sys.argv[1]) / 'logs')\n"
        "import logging; logging.getLogger('ui').warning('started')\n"
        "print(oct(path.stat().st_mode & 0o777), oct(path.parent.stat().st_mode & 0o777))\n"
    )
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(root)),
        cwd=root,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0o600", "0o700"]


def test_a_second_start_brings_the_first_window_forward(
    qtbot: QtBot, enc_path: Path, shown: list[Any]
) -> None:
    from practice.safekeeping.instance_lock import InstanceLock
    from ui.safekeeping.single_instance import FirstInstance

    window = QMainWindow()
    qtbot.addWidget(window)
    first = FirstInstance(enc_path, window)
    assert first.listening
    with InstanceLock(enc_path), qtbot.waitSignal(first.asked_forward, timeout=5000):
        assert startup.open_practice_interactive(enc_path) is None
    assert shown == []  # no refusal box: the first one came forward instead
    first.server.close()
    with InstanceLock(enc_path):  # nobody listening: refused in words
        assert startup.open_practice_interactive(enc_path) is None
    assert "already has this database open" in shown[-1][1]


def test_periodic_backup_runs_off_the_gui_thread(qtbot: QtBot, db: Database) -> None:
    from datetime import timedelta

    window = QMainWindow()
    qtbot.addWidget(window)
    keeper = SafekeepingController(AppContext(db), window, lock_poll_ms=100000)
    keeper.auto.interval = timedelta(0)
    assert not keeper.periodic_backup()  # nothing changed yet
    make_client(db)
    with qtbot.waitSignal(keeper.periodic_finished, timeout=20000) as finished:
        assert keeper.periodic_backup()
        assert not keeper.periodic_backup()  # one at a time
    made = Path(finished.args[0])
    assert made.exists() and "periodic" in made.name
    assert not keeper.auto.changed
    keeper.lock.timer.stop()
    keeper.backup_timer.stop()


def test_refusals_reach_the_log_without_client_text(tmp_path: Path, shown: list[Any]) -> None:
    import logging

    from practice.errors import ValidationError
    from ui.errors import report_exception

    handler = logging.FileHandler(tmp_path / "app.log", encoding="utf-8")
    root = logging.getLogger()
    root.addHandler(handler)
    old_level = root.level
    root.setLevel(logging.INFO)
    try:
        report_exception(
            ValidationError("email", f"“ana@{MARKER}” does not look like an email address.")
        )
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        handler.close()
    logged = (tmp_path / "app.log").read_text(encoding="utf-8")
    assert "refused: ValidationError email" in logged
    assert MARKER not in logged
    assert MARKER in shown[-1][1]  # the practitioner still sees the whole sentence


def test_menu_export_and_erase_pick_a_client(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: list[Any]
) -> None:
    from ui.dialogs.go_to_client import GoToClientDialog

    made = make_client(db)
    window = QMainWindow()
    qtbot.addWidget(window)
    ctx = AppContext(db)
    keeper = SafekeepingController(ctx, window, lock_poll_ms=100000)
    keeper.install()
    texts = [a.text() for a in keeper.menu.actions()] if keeper.menu else []
    assert "&Export a Client's Record…" in texts and "&Erase a Client…" in texts

    def pick(self: GoToClientDialog) -> int:
        self.chosen_id = made.client_id
        return QDialog.DialogCode.Accepted.value

    def export(self: ExportRecordDialog) -> int:
        self.path.setText(str(tmp_path / "record.pdf"))
        self.accept()
        return self.result()

    def erase(self: EraseClientDialog) -> int:
        self.confirmation.setText(f"Ana{MARKER} Ødegård{MARKER}")
        self.accept()
        return self.result()

    monkeypatch.setattr(GoToClientDialog, "exec", pick)
    monkeypatch.setattr(ExportRecordDialog, "exec", export)
    monkeypatch.setattr(EraseClientDialog, "exec", erase)
    assert keeper.export_record() == tmp_path / "record.pdf"
    assert (tmp_path / "record.pdf").read_bytes().startswith(b"%PDF")
    changed: list[str] = []
    ctx.data_changed.connect(changed.append)
    assert keeper.erase_client()
    assert "clients" in changed
    with db.transaction() as s:
        assert s.get(Client, made.client_id) is None
    keeper.lock.timer.stop()
    keeper.backup_timer.stop()
