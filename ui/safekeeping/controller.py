"""Safekeeping in the running app: the Safekeeping menu, the lock, automatic backups.

Install once on the main window::

    keeper = SafekeepingController(ctx, window)
    keeper.install()
    ...
    keeper.on_close()   # when the app closes: the closing backup

The database object in ``ctx`` is kept throughout (a restore or a password change
reconnects it), so pages holding it keep working.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QMessageBox

from practice.db.checked import remember_checked
from practice.errors import PracticeError
from practice.safekeeping.autobackup import AutoBackup
from practice.safekeeping.backup import backup_folder_for
from practice.safekeeping.names import Reason
from practice.safekeeping.password import change_password, encrypt_plain_database
from practice.safekeeping.recovery import set_up_recovery
from practice.safekeeping.retention import records_past_retention
from practice.safekeeping.tidy import tidy_interrupted
from practice.services.profile import get_profile
from ui.context import AppContext
from ui.safekeeping.backup_settings import BackupSettingsDialog
from ui.safekeeping.lock_screen import LockController
from ui.safekeeping.password_dialogs import (
    ChangePasswordDialog,
    RecoveryKeyDialog,
    SetPasswordDialog,
)
from ui.safekeeping.record_dialogs import (
    RetentionDialog,
    erase_client_interactive,
    export_client_record,
)
from ui.safekeeping.restore_dialog import RestoreDialog
from ui.threads import collect_here, no_collection_in_this_thread

log = logging.getLogger(__name__)

#: Every area pages listen to; after a restore all of them are stale.
AREAS = (
    "clients",
    "programmes",
    "enrolments",
    "sessions",
    "work",
    "payments",
    "profile",
    "outreach",
)
BACKUP_CHECK_MS = 5 * 60 * 1000


class SafekeepingController(QObject):
    #: (backup path or None, problem) from the worker thread to the GUI thread.
    _backup_done = Signal(object, str)
    #: An automatic backup finished: its path, or "" if it failed.
    periodic_finished = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        window: QMainWindow,
        *,
        clock: Callable[[], float] = time.monotonic,
        lock_poll_ms: int = 5000,
    ) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        minutes = get_profile(ctx.db).auto_lock_minutes
        self.lock = LockController(
            lambda: self.ctx.db, minutes=minutes, clock=clock, poll_ms=lock_poll_ms, parent=self
        )
        #: A practice on a server has no file here: its backups are the server's job.
        self.on_server = ctx.db.server is not None
        self.auto = AutoBackup(ctx.db)
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self.periodic_backup)
        if not self.on_server:
            self.backup_timer.start()
        self.menu: QMenu | None = None
        self._backup_warned = False
        self._backup_running = False
        self._backup_done.connect(self._periodic_finished)
        ctx.data_changed.connect(self._profile_changed)
        self.lock.locked.connect(self.remember_if_backed_up)

    def remember_if_backed_up(self) -> None:
        """Call with every connection closed (locked, or closed after the closing backup):
        when nothing was written since a backup made in this session passed its checks,
        the file holds exactly what was checked, so the next opening or unlock need not
        read every page again (practice.db.checked)."""
        db = self.ctx.db
        if self.on_server or not db.encrypted or db.path is None or self._backup_running:
            return
        if self.auto.last_backup is not None and not self.auto.changed:
            remember_checked(db.path)

    def _profile_changed(self, area: str) -> None:
        """Auto-lock minutes changed on the Settings page: use them at once."""
        if area == "profile":
            self.lock.idle.set_minutes(get_profile(self.ctx.db).auto_lock_minutes)

    # ------------------------------------------------------------------ menu

    def install(self) -> QMenu:
        """Add the Safekeeping menu (before Help) and the Lock shortcut (Ctrl+Shift+L); remove
        what a crash left of an interrupted backup or restore."""
        try:
            removed = tidy_interrupted(self.ctx.db)
        except Exception:  # tidying must never stop the app from starting
            log.exception("could not tidy interrupted backups")
            removed = []
        if removed:
            log.info("removed %d file(s) left by an interrupted backup or restore", len(removed))
        menu = QMenu("Safe&keeping", self.window)
        self.lock_action = self._add(menu, "&Lock", self.lock.lock_now, "Ctrl+Shift+L")
        menu.addSeparator()
        if self.on_server:
            self._add(menu, "&Backups of This Practice…", self.server_backups)
        else:
            self._add(menu, "&Back Up Now", self.backup_now)
            self._add(menu, "&Restore from a Backup…", self.restore)
            self._add(menu, "Backups and &Locking…", self.settings)
            menu.addSeparator()
        self.password_action = self._add(menu, "Change &Password…", self.change_password)
        self.password_action.setVisible(not self.on_server)
        menu.addSeparator()
        self._add(menu, "&Export a Client's Record…", self.export_record)
        self._add(menu, "&Erase a Client…", self.erase_client)
        self._add(menu, "Records Past &Retention…", self.retention)
        bar = self.window.menuBar()
        help_action = next((a for a in bar.actions() if a.text().replace("&", "") == "Help"), None)
        if help_action is not None:
            bar.insertMenu(help_action, menu)
        else:
            bar.addMenu(menu)
        self.menu = menu
        from ui.safekeeping.single_instance import FirstInstance

        if not self.on_server:  # one window per file; a server takes many
            self.first_instance = FirstInstance(self.ctx.db.file("open"), self.window)
        QTimer.singleShot(0, self.remind_retention)
        return menu

    def remind_retention(self) -> str:
        """A quiet reminder in the status bar when records are past the retention period."""
        try:
            count = self.retention_reminder()
        except PracticeError:
            return ""
        if not count:
            return ""
        text = (
            f"{count} client record{'s are' if count != 1 else ' is'} past your retention "
            "period: see Safekeeping ▸ Records Past Retention."
        )
        self.window.statusBar().showMessage(text)
        return text

    def _add(
        self, menu: QMenu, text: str, slot: Callable[[], object], shortcut: str = ""
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: self._guard(slot))
        menu.addAction(action)
        self.window.addAction(action)
        return action

    def _guard(self, slot: Callable[[], object]) -> None:
        try:
            slot()
        except PracticeError as exc:
            QMessageBox.warning(self.window, "That did not work", str(exc))

    # --------------------------------------------------------------- backups

    def server_backups(self) -> None:
        """What a practice on a server has instead of the app's backups."""
        QMessageBox.information(
            self.window,
            "Backups of this practice",
            f"This practice is kept on the server {self.ctx.db.where}. Its backups are the "
            "server's job: whoever runs it makes them (pg_dump every night, or the "
            "server's point-in-time recovery) and restores them, so this computer keeps "
            "no copy of the practice (see the group practice guide, GROUP-PRACTICE.md).",
        )

    def periodic_backup(self) -> bool:
        """Start the hourly backup off the GUI thread if one is due; True if started."""
        if self.on_server or self._backup_running or not self.auto.due():
            return False
        self._backup_running = True

        def work() -> None:
            try:
                with no_collection_in_this_thread():  # see ui.threads
                    made = self.auto.backup(Reason.PERIODIC)
            except PracticeError as exc:
                self._backup_done.emit(None, str(exc))
                return
            self._backup_done.emit(str(made), "")

        collect_here()  # on the GUI thread, not the backup's
        QThreadPool.globalInstance().start(work)
        return True

    def _periodic_finished(self, made: str | None, problem: str) -> None:
        self._backup_running = False
        if made:
            log.info("automatic backup written to %s", made)
            self.periodic_finished.emit(made)
            return
        log.warning("automatic backup failed: %s", problem)
        self.periodic_finished.emit("")
        if not self._backup_warned:
            self._backup_warned = True
            QMessageBox.warning(self.window, "The automatic backup did not work", problem)

    def backup_now(self) -> None:
        made = self.auto.backup(Reason.MANUAL)
        QMessageBox.information(self.window, "Backed up", f"The backup was written to {made}.")

    def on_close(self) -> Path | None:
        """The closing backup (call before the database is closed); its path, if taken."""
        if self.on_server:
            return None
        if self._backup_running:  # let the automatic one finish first
            QThreadPool.globalInstance().waitForDone(60_000)
        try:
            made = self.auto.on_close()
        except PracticeError as exc:
            log.warning("closing backup failed: %s", exc)
            QMessageBox.warning(self.window, "The closing backup did not work", str(exc))
            return None
        if made is not None:
            log.info("closing backup written to %s", made)
        return made

    def restore(self) -> None:
        db = self.ctx.db
        path = db.file("restore")
        folders = [backup_folder_for(db)]
        password = db.password
        db.close()
        dialog = RestoreDialog(path, self.window, folders=folders, password=password)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_ is None:
            db.reconnect(password)  # nothing restored: carry on with the database as it was
            return
        db.reconnect(dialog.used_password)
        for area in AREAS:
            self.ctx.changed(area)
        kept = dialog.result_.safety_backup or dialog.result_.set_aside
        QMessageBox.information(
            self.window,
            "Restored",
            f"The backup was restored. The database as it was is kept in {kept}.",
        )

    def settings(self) -> None:
        dialog = BackupSettingsDialog(self.ctx.db, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.lock.idle.set_minutes(dialog.auto_lock.value())
            self.ctx.changed("profile")

    # -------------------------------------------------------------- password

    def change_password(self) -> None:
        db = self.ctx.db
        if not db.encrypted:
            self._set_first_password()
            return
        dialog = ChangePasswordDialog(
            lambda current, new, repeat: change_password(db, current, new, repeat), self.window
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            QMessageBox.information(
                self.window,
                "Password changed",
                "The password was changed. Backups made before keep the old password.",
            )

    def _set_first_password(self) -> None:
        db = self.ctx.db
        dialog = SetPasswordDialog(self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        path = db.file("encrypt")
        db.close()
        encrypt_plain_database(path, dialog.chosen)
        db.reconnect(dialog.chosen)
        if dialog.want_recovery.isChecked():
            RecoveryKeyDialog(set_up_recovery(path, dialog.chosen), self.window).exec()

    def choose_client(self, title: str) -> int | None:
        """Pick a client with the app's own search (Go to client)."""
        from ui.dialogs.go_to_client import GoToClientDialog

        dialog = GoToClientDialog(self.ctx, self.window)
        dialog.setWindowTitle(title)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen_id

    def export_record(self, client_id: int | None = None) -> Path | None:
        """Export a client's whole record (subject access); the written file's path."""
        if client_id is None:
            client_id = self.choose_client("Export whose record?")
        if client_id is None:
            return None
        result = export_client_record(self.window, self.ctx.db, client_id)
        if result is None:
            return None
        QMessageBox.information(
            self.window, "Record exported", f"The record was written to {result.path}."
        )
        return result.path

    def erase_client(self, client_id: int | None = None) -> bool:
        """Erase a client on request, after the typed confirmation."""
        if client_id is None:
            client_id = self.choose_client("Erase which client?")
        if client_id is None or not erase_client_interactive(self.window, self.ctx.db, client_id):
            return False
        for area in AREAS:
            self.ctx.changed(area)
        return True

    def retention(self) -> None:
        RetentionDialog(self.ctx.db, self.window).exec()

    def retention_reminder(self) -> int:
        """How many records are past the retention period (for a reminder at start)."""
        return len(records_past_retention(self.ctx.db))
