"""Keeps what is typed in a text editor as a draft in the database, so it is never lost.

The text is saved a moment after typing stops, and at once when ``flush()`` is called
(on closing or hiding the form). Reopening the form restores it; a successful save
discards it. Drafts go through :mod:`practice.services.drafts`.
"""

from __future__ import annotations

import logging
import weakref

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QCloseEvent, QHideEvent
from PySide6.QtWidgets import QDialog, QPlainTextEdit

from practice.db import Database
from practice.services import drafts

log = logging.getLogger(__name__)

#: How long after the last keystroke the draft is written.
SAVE_AFTER_MS = 1500

#: Every keeper alive, so the app can write all drafts at once before it locks.
_KEEPERS: weakref.WeakSet[DraftKeeper] = weakref.WeakSet()


def draft_key(client_id: int | None, session_id: int | None, private: bool = False) -> str | None:
    """``note:session:12`` for a session's note, ``note:new:client:7`` for a new one."""
    prefix = "private-note" if private else "note"
    if session_id is not None:
        return f"{prefix}:session:{session_id}"
    if client_id is not None:
        return f"{prefix}:new:client:{client_id}"
    return None


def flush_all() -> None:
    """Write every pending draft now (call before locking the app or closing the database)."""
    for keeper in list(_KEEPERS):
        if not shiboken6.isValid(keeper) or not shiboken6.isValid(keeper.timer):
            _KEEPERS.discard(keeper)  # its dialog is gone; what it held was written then
            continue
        keeper.flush()


class DraftKeeper(QObject):
    """Binds a plain-text editor to a draft key."""

    def __init__(self, db: Database, editor: QPlainTextEdit, key: str | None = None) -> None:
        super().__init__(editor)
        self.db = db
        self.editor = editor
        self.key = key
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_AFTER_MS)
        self.timer.timeout.connect(self.flush)
        editor.textChanged.connect(self._typed)
        self._loading = False
        _KEEPERS.add(self)
        #: Typed since the draft was last written (or the text was loaded).
        self.dirty = False

    def _typed(self) -> None:
        if not self._loading:
            self.dirty = True
            if self.key is not None:
                self.timer.start()

    def load_text(self, text: str) -> None:
        """Show saved text (not a draft): it is not written back as one."""
        self._loading = True
        try:
            self.editor.setPlainText(text)
        finally:
            self._loading = False
        self.dirty = False

    def flush(self) -> None:
        """Write the draft now if anything was typed. Never raises: typing must go on."""
        self.timer.stop()
        if self.key is None or not self.dirty:
            return
        try:
            drafts.save_draft(self.db, self.key, self.editor.toPlainText())
            self.dirty = False
        except Exception:  # a draft failing must never interrupt the practitioner
            log.exception("could not keep the draft %s", self.key)

    def restore(self) -> bool:
        """Put the kept draft into the editor; True when there was one."""
        if self.key is None:
            return False
        text = drafts.get_draft(self.db, self.key)
        if not text or text == self.editor.toPlainText():
            return False
        self.load_text(text)
        self.dirty = True  # still only a draft until it is saved
        return True

    def move_to(self, key: str | None) -> bool:
        """Keep the text under a new key (e.g. the client was changed).

        The old draft is dropped. When the editor is empty and the new key has a draft,
        it is restored; returns True in that case.
        """
        if key == self.key:
            return False
        old = self.key
        self.key = key
        if old is not None:
            drafts.discard_draft(self.db, old)
        if not self.editor.toPlainText().strip():
            return self.restore()
        self.dirty = True
        self.flush()
        return False

    def discard(self) -> None:
        self.timer.stop()
        self.dirty = False
        if self.key is not None:
            drafts.discard_draft(self.db, self.key)


class DraftsDialog(QDialog):
    """A dialog that writes what was typed as drafts whenever it is cancelled, closed
    or hidden; subclasses say which drafts in :meth:`keep_drafts`."""

    def keep_drafts(self) -> None:
        raise NotImplementedError

    def reject(self) -> None:
        self.keep_drafts()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.keep_drafts()
        super().closeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.keep_drafts()
        super().hideEvent(event)
