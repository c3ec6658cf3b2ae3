"""Opening the practice at start: one instance, first-run password, unlock, and the
offers to restore a backup or use the recovery key when the file does not open.

Only what the password boxes need is loaded here: an encrypted practice's box is drawn
before SQLAlchemy, the models and the main window are loaded (:mod:`ui.warm_up` loads
them while the practitioner types)."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from practice.db.connect import is_plain_file
from practice.errors import DatabaseRefusedError, PracticeError
from practice.gc_pause import collector_paused
from practice.safekeeping.instance_lock import AlreadyOpenError, InstanceLock
from practice.safekeeping.recovery import has_recovery, recover_password, set_up_recovery
from ui.safekeeping.password_dialogs import RecoveryKeyDialog, SetPasswordDialog
from ui.safekeeping.unlock_dialog import RecoveryKeyEntryDialog, UnlockDialog

if TYPE_CHECKING:
    from practice.db import Database

log = logging.getLogger(__name__)


@dataclass
class OpenedPractice:
    db: Database
    lock: InstanceLock

    def close(self) -> None:
        self.db.close()
        self.lock.release()


def owner_only_files() -> None:
    """Every file and folder this process creates from now on (logs, settings, exports)
    is readable by the owner only (POSIX; Windows user folders are private already)."""
    if os.name == "posix":
        os.umask(0o077)


def open_practice_interactive(path: Path, parent: QWidget | None = None) -> OpenedPractice | None:
    """Open (or create) the practitioner's database, asking what is needed; None if they quit."""
    lock = InstanceLock(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        lock.acquire()
    except AlreadyOpenError as exc:
        from ui.safekeeping.single_instance import bring_first_forward

        if not bring_first_forward(path):
            QMessageBox.information(parent, "Practice Manager is already open", str(exc))
        return None
    if lock.recovered_stale:
        log.info("took over the lock left by an earlier session that ended unexpectedly")
    try:
        db = _open(path, parent)
    except BaseException:
        lock.release()
        raise
    if db is None:
        lock.release()
        return None
    return OpenedPractice(db, lock)


def create_with_password(path: Path, parent: QWidget | None) -> Database | None:
    dialog = SetPasswordDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
        return None
    db = _open_database(path, dialog.chosen, make_parents=True)
    if dialog.want_recovery.isChecked():
        RecoveryKeyDialog(set_up_recovery(path, dialog.chosen), parent).exec()
    return db


def _open_database(
    path: Path, password: str | None, *, create: bool = True, make_parents: bool = False
) -> Database:
    """:func:`practice.db.open_database`, loaded when a practice is first opened."""
    with collector_paused():  # see practice.gc_pause
        from practice.db import open_database

    return open_database(path, password, create=create, make_parents=make_parents)


def _open(path: Path, parent: QWidget | None) -> Database | None:
    if not path.exists():
        return create_with_password(path, parent)
    if is_plain_file(path):  # the sample practice, or a database from before encryption
        try:
            return _open_database(path, None, create=False)
        except DatabaseRefusedError as exc:
            return _offer_restore(path, parent, str(exc))
    message: str | None = None
    while True:
        dialog = UnlockDialog(
            path, lambda pw: _open_database(path, pw, create=False), parent, message=message
        )
        dialog.recover_button.setEnabled(has_recovery(path))
        dialog.exec()
        if dialog.db is not None:
            return dialog.db
        if dialog.choice == "restore":
            from ui.safekeeping.restore_dialog import RestoreDialog

            restore = RestoreDialog(path, parent)
            if restore.exec() == QDialog.DialogCode.Accepted:
                message = "The backup was restored. Enter the password it was made with."
            continue
        if dialog.choice == "recover":
            db = _recover(path, parent)
            if db is not None:
                return db
            continue
        return None


def _offer_restore(path: Path, parent: QWidget | None, reason: str) -> Database | None:
    answer = QMessageBox.question(
        parent,
        "The database cannot be opened",
        f"{reason}\n\nIt was left untouched. Restore a backup now?",
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    from ui.safekeeping.restore_dialog import RestoreDialog

    restore = RestoreDialog(path, parent)
    if restore.exec() != QDialog.DialogCode.Accepted:
        return None
    return _open_database(path, restore.used_password, create=False)


def _recover(path: Path, parent: QWidget | None) -> Database | None:
    entry = RecoveryKeyEntryDialog(lambda key: recover_password(path, key), parent)
    if entry.exec() != QDialog.DialogCode.Accepted or entry.password is None:
        return None
    old = entry.password
    from practice.safekeeping.password import change_password

    db = _open_database(path, old, create=False)
    chooser = SetPasswordDialog(parent)
    chooser.setWindowTitle("Choose a new password")
    chooser.want_recovery.setChecked(False)
    chooser.want_recovery.setText("Make a new recovery key (the one you used keeps working)")
    if chooser.exec() == QDialog.DialogCode.Accepted and chooser.chosen is not None:
        try:
            change_password(db, old, chooser.chosen)
        except PracticeError as exc:
            QMessageBox.warning(parent, "The password was not changed", str(exc))
            return db
        if chooser.want_recovery.isChecked():
            RecoveryKeyDialog(set_up_recovery(path, chooser.chosen), parent).exec()
    return db
