"""The note of a logged session: edit (history kept), lock and sign, then addenda only.

What is typed is kept as a draft (``note:session:<id>``, ``addendum:session:<id>``)
until it is saved, so a crash, a lock or closing the window loses nothing.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from practice.errors import PracticeError
from practice.models import Session, label
from practice.services import notes as note_service
from practice.services import sessions as session_service
from ui import format as fmt
from ui.context import AppContext
from ui.errors import guarded, show_refusal
from ui.widgets.draft_keeper import DraftKeeper, DraftsDialog, draft_key


class SessionNoteDialog(DraftsDialog):
    def __init__(self, ctx: AppContext, session_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session_id = session_id
        self.setWindowTitle("Session note")
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.state = QLabel()
        self.state.setWordWrap(True)

        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)
        self.private_notes = QPlainTextEdit()
        self.private_notes.setTabChangesFocus(True)
        self.private_notes.setMaximumHeight(100)
        self.addendum = QPlainTextEdit()
        self.addendum.setTabChangesFocus(True)
        self.addendum.setPlaceholderText(
            "Add to the signed note: a correction or something learned later"
        )
        self.addendum.setMaximumHeight(90)
        self.addenda = QLabel()
        self.addenda.setWordWrap(True)
        self.history = QListWidget()
        self.history.setObjectName("noteHistory")
        self.history_text = QPlainTextEdit()
        self.history_text.setReadOnly(True)
        self.history.currentRowChanged.connect(self._show_version)

        self.save_button = QPushButton("&Save note")
        self.lock_button = QPushButton("&Lock and sign…")
        self.add_button = QPushButton("&Add addendum")
        self.save_button.clicked.connect(self.save_note)
        self.lock_button.clicked.connect(self.lock)
        self.add_button.clicked.connect(self.add_addendum)

        self.body_draft = DraftKeeper(ctx.db, self.body, draft_key(None, session_id))
        self.private_draft = DraftKeeper(
            ctx.db, self.private_notes, draft_key(None, session_id, True)
        )
        self.addendum_draft = DraftKeeper(ctx.db, self.addendum, f"addendum:session:{session_id}")
        self.draft_notice = QLabel()
        self.draft_notice.setWordWrap(True)
        self.draft_notice.hide()

        self._build_layout()
        self.reload()
        restored = False
        if not self.body.isReadOnly():
            restored |= self.body_draft.restore()
            restored |= self.private_draft.restore()
        restored |= self.addendum_draft.restore()
        if restored:
            self.draft_notice.setText("Restored text you had typed but not saved.")
            self.draft_notice.show()
        self.resize(900, 640)

    def _build_layout(self) -> None:
        note_box = QGroupBox("Note")
        note_layout = QVBoxLayout(note_box)
        note_layout.addWidget(self.state)
        note_layout.addWidget(self.draft_notice)
        note_layout.addWidget(self.body, 1)
        note_layout.addWidget(QLabel("Private process notes:"))
        note_layout.addWidget(self.private_notes)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.lock_button)
        buttons.addStretch(1)
        note_layout.addLayout(buttons)
        self.addendum_box = QGroupBox("Addenda")
        add_layout = QVBoxLayout(self.addendum_box)
        add_layout.addWidget(self.addenda)
        add_layout.addWidget(self.addendum)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        add_layout.addLayout(add_row)
        note_layout.addWidget(self.addendum_box)

        history_box = self.history_box = QGroupBox("Earlier versions")
        history_layout = QVBoxLayout(history_box)
        history_layout.addWidget(self.history)
        history_layout.addWidget(self.history_text, 2)

        splitter = QSplitter()
        splitter.addWidget(note_box)
        splitter.addWidget(history_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)

    def reload(self) -> None:
        session: Session = session_service.get_session(self.ctx.db, self.session_id)
        self.heading.setText(
            f"<b>{session.client.display_name}</b> — {label(session.kind)}, "
            f"{fmt.day_and_time(session.starts_at)}, {fmt.duration(session.duration_minutes)}, "
            f"{label(session.mode).lower()}, {label(session.attendance).lower()}"
        )
        note = session.note
        #: The note's version shown here (0: none yet): a save refuses a newer one.
        self.shown_version = note.version if note is not None else 0
        locked = note is not None and note.locked_at is not None
        self.body_draft.load_text(note.body if note is not None else "")
        self.private_draft.load_text(note.private_notes if note is not None else "")
        for editor in (self.body, self.private_notes):
            editor.setReadOnly(locked)
        self.save_button.setVisible(not locked)
        self.lock_button.setVisible(not locked)
        self.addendum_box.setVisible(locked)
        if locked and note is not None and note.locked_at is not None:
            self.state.setText(
                f"Signed on {fmt.day_and_time(note.locked_at)}. "
                "The note can no longer be changed; add an addendum instead."
            )
            self.addenda.setText(
                "\n\n".join(f"{fmt.day_and_time(a.created_at)}: {a.body}" for a in note.addenda)
                or "No addenda yet."
            )
        elif note is not None:
            self.state.setText(
                f"Last saved {fmt.day_and_time(note.updated_at)}. Every change keeps the earlier text."
            )
        else:
            self.state.setText("No note yet.")
        self.versions = note_service.note_history(self.ctx.db, self.session_id)
        self.history.clear()
        for version in reversed(self.versions):
            self.history.addItem(f"Saved {fmt.day_and_time(version.saved_at)}")
        self.history_box.setVisible(bool(self.versions))
        if self.versions:
            self.history.setCurrentRow(0)

    @guarded
    def _show_version(self, row: int) -> None:
        if 0 <= row < len(self.versions):
            version = list(reversed(self.versions))[row]
            text = version.body
            if version.private_notes:
                text += f"\n\nPrivate process notes:\n{version.private_notes}"
            self.history_text.setPlainText(text)

    @guarded
    def save_note(self) -> None:
        try:
            self._save_typed()
        except PracticeError as error:
            show_refusal(self, error)
            return
        self._note_saved()

    def _save_typed(self) -> None:
        note_service.save_note(
            self.ctx.db,
            self.session_id,
            body=self.body.toPlainText(),
            private_notes=self.private_notes.toPlainText(),
            expected_version=self.shown_version,
        )

    def _note_saved(self) -> None:
        """The typed text is in the note now: its drafts go, and every list hears."""
        self.body_draft.discard()
        self.private_draft.discard()
        self.ctx.changed("sessions")
        self.reload()

    @guarded
    def lock(self) -> None:
        answer = QMessageBox.question(
            self,
            "Lock and sign the note",
            "Sign this note? After that it cannot be changed, only added to with addenda.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            if self.body.isReadOnly():
                note_service.lock_note(self.ctx.db, self.session_id)
            else:  # what is typed is saved and signed together, or neither
                note_service.save_and_lock_note(
                    self.ctx.db,
                    self.session_id,
                    body=self.body.toPlainText(),
                    private_notes=self.private_notes.toPlainText(),
                    expected_version=self.shown_version,
                )
        except PracticeError as error:
            show_refusal(self, error)
            return
        self._note_saved()

    @guarded
    def add_addendum(self) -> None:
        try:
            note_service.add_addendum(self.ctx.db, self.session_id, self.addendum.toPlainText())
        except PracticeError as error:
            show_refusal(self, error)
            return
        self.addendum_draft.discard()
        self.addendum_draft.load_text("")
        self.ctx.changed("sessions")
        self.reload()

    # -- never lose what is typed ----------------------------------------
    def keep_drafts(self) -> None:
        if not self.body.isReadOnly():
            self.body_draft.flush()
            self.private_draft.flush()
        self.addendum_draft.flush()
