"""The agreement terms editor: the list of clauses, one clause's heading and body, and
the merge fields a clause may use."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from practice.documents.merge import MERGE_FIELDS
from practice.errors import PracticeError
from practice.models import AgreementClause, ClauseScope, label
from practice.services.profile import (
    delete_clause,
    list_clauses,
    reset_clauses_to_default,
    save_clause,
)
from ui.context import AppContext
from ui.errors import guarded
from ui.models.clauses import ClauseListModel
from ui.widgets.form_errors import FormErrors


class TermsEditor(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.errors = FormErrors()
        self.editing_key: str | None = None
        #: The version of the clause shown (0: a new one): a save over another's is refused.
        self.shown_version = 0
        #: The clause's values as shown before any typing (None: nothing shown yet).
        self._shown: tuple[str, str, str] | None = None

        self.model = ClauseListModel(self)
        self.list = QListView()
        self.list.setObjectName("clauses")
        self.list.setModel(self.model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setMinimumWidth(240)
        self.list.selectionModel().selectionChanged.connect(self._on_selected)
        self.new_button = QPushButton("New clause")
        self.up_button = QPushButton("Move up")
        self.down_button = QPushButton("Move down")
        self.delete_button = QPushButton("Delete")
        self.reset_button = QPushButton("Restore standard terms…")
        self.new_button.clicked.connect(self.new_clause)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.delete_button.clicked.connect(self.delete_selected)
        self.reset_button.clicked.connect(self.reset)
        moves = QHBoxLayout()
        moves.addWidget(self.new_button)
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        moves.addWidget(self.delete_button)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(moves)
        left.addWidget(self.reset_button)

        self.heading = QLineEdit()
        self.heading.setObjectName("clause_heading")
        self.body = QPlainTextEdit()
        self.body.setObjectName("clause_body")
        self.body.setTabChangesFocus(True)
        self.applies_to = QComboBox()
        self.applies_to.setObjectName("clause_applies_to")
        for scope in ClauseScope:
            self.applies_to.addItem(label(scope), scope.value)
        self.applies_to.setToolTip(
            "A single session (one session, no support calls) gets a shorter agreement: "
            "clauses about a programme's minimum term or support calls belong only in "
            "programme agreements."
        )
        applies_label = QLabel("&Printed in")
        applies_label.setBuddy(self.applies_to)
        heading_label = QLabel("&Heading")
        heading_label.setBuddy(self.heading)
        body_label = QLabel("&Text")
        body_label.setBuddy(self.body)
        self.save_button = QPushButton("&Save clause")
        self.save_button.clicked.connect(self.save_clause)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setEnabled(False)
        fields = ", ".join(f"{{{name}}}" for name in MERGE_FIELDS)
        self.merge_help = QLabel(
            "Merge fields are filled in when an agreement is printed: " + fields + "."
        )
        self.merge_help.setWordWrap(True)
        self.merge_help.setEnabled(False)
        self.merge_help.setToolTip(
            "\n".join(f"{{{name}}} — {text}" for name, text in MERGE_FIELDS.items())
        )
        save_row = QHBoxLayout()
        save_row.addWidget(self.status, 1)
        save_row.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addWidget(heading_label)
        right.addWidget(self.heading)
        right.addWidget(self.errors.add("heading", self.heading))
        right.addWidget(body_label)
        right.addWidget(self.body, 1)
        right.addWidget(self.errors.add("body", self.body))
        applies_row = QHBoxLayout()
        applies_row.addWidget(applies_label)
        applies_row.addWidget(self.applies_to)
        applies_row.addStretch(1)
        right.addLayout(applies_row)
        right.addWidget(self.merge_help)
        right.addLayout(save_row)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        note = (
            "Changes apply to agreements made from now on; "
            "enrolments already agreed keep the terms they were agreed with."
        )
        self.status.setText(note)
        self._note = note

    @guarded
    def refresh(self, select_key: str | None = None) -> None:
        key = select_key if select_key is not None else self.editing_key
        self.model.set_rows(list_clauses(self.ctx.db))
        if self.has_unsaved_changes():  # typed and not saved: kept as it is
            self._reselect(self.editing_key)
            self._update_buttons()
            return
        row = self.model.row_of(key) if key else -1
        if row < 0 and self.model.rowCount():
            row = 0
        self._shown = None
        if row >= 0:
            self._reselect(self.model.row_at(row).key)
            self._show(self.model.row_at(row))
        else:
            self.new_clause()
        self._update_buttons()

    def selected(self) -> AgreementClause | None:
        index = self.list.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _on_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        clause = self.selected()
        if clause is not None and clause.key == self.editing_key and self._shown is not None:
            self._update_buttons()
            return
        if not self.may_leave():
            self._reselect(self.editing_key)
            return
        self.errors.clear()
        if clause is not None:
            self._show(clause)
            self.status.setText(self._note)
        self._update_buttons()

    def _show(self, clause: AgreementClause) -> None:
        self.editing_key = clause.key
        self.shown_version = clause.version
        self.heading.setText(clause.heading)
        self.body.setPlainText(clause.body)
        self.applies_to.setCurrentIndex(self.applies_to.findData(clause.applies_to.value))
        self._shown = self._values()

    def _values(self) -> tuple[str, str, str]:
        return (self.heading.text(), self.body.toPlainText(), str(self.applies_to.currentData()))

    def _reselect(self, key: str | None) -> None:
        """Put the selection back on the clause being edited, without reloading it."""
        row = self.model.row_of(key) if key else -1
        blocker = self.list.selectionModel().blockSignals(True)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))
        else:
            self.list.clearSelection()
            self.list.setCurrentIndex(self.model.index(-1, 0))
        self.list.selectionModel().blockSignals(blocker)

    def has_unsaved_changes(self) -> bool:
        """Typed into the clause shown (or into a new one) and not saved."""
        return self._shown is not None and self._values() != self._shown

    def may_leave(self) -> bool:
        """With unsaved changes to a clause, ask whether to save them, drop them or stay."""
        if not self.has_unsaved_changes():
            return True
        answer = QMessageBox.question(
            self,
            "Unsaved clause",
            "This clause has changes that are not saved yet. Save them?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self._save_quietly()
        if answer == QMessageBox.StandardButton.Discard:
            self._shown = None
            return True
        return False

    def _update_buttons(self) -> None:
        index = self.list.currentIndex()
        has = index.isValid() and self.editing_key is not None
        self.delete_button.setEnabled(has)
        self.up_button.setEnabled(has and index.row() > 0)
        self.down_button.setEnabled(has and index.row() < self.model.rowCount() - 1)

    def new_clause(self) -> None:
        if not self.may_leave():
            return
        self._reselect(None)
        self.editing_key, self.shown_version = None, 0
        self.heading.clear()
        self.body.clear()
        self.applies_to.setCurrentIndex(0)
        self._shown = self._values()
        self.errors.clear()
        self.status.setText("A new clause is added at the end.")
        self.heading.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_buttons()

    @guarded
    def save_clause(self) -> None:
        self._save_quietly()

    def _save_quietly(self) -> bool:
        """Save the clause shown; False (with the refusal shown) when it cannot be."""
        self.errors.clear()
        try:
            clause = save_clause(
                self.ctx.db,
                key=self.editing_key,
                heading=self.heading.text(),
                body=self.body.toPlainText(),
                applies_to=ClauseScope(self.applies_to.currentData()),
                expected_version=self.shown_version,
            )
        except PracticeError as exc:
            self.errors.refuse(exc, lambda e: QMessageBox.warning(self, "Clause not saved", str(e)))
            return False
        self.editing_key = clause.key
        self._shown = None  # saved: what the list reloads is shown as it is now
        self.ctx.changed("profile")  # may refresh the page: select and say "Saved." after it
        self.refresh(clause.key)
        self.status.setText("Saved. " + self._note)
        return True

    @guarded
    def move_selected(self, step: int) -> None:
        clause = self.selected()
        if clause is None:
            return
        target = clause.position + step
        if target < 0 or target >= self.model.rowCount():
            return
        save_clause(
            self.ctx.db,
            key=clause.key,
            heading=clause.heading,
            body=clause.body,
            position=target,
            expected_version=clause.version,
        )
        self.refresh(clause.key)
        self.ctx.changed("profile")

    @guarded
    def delete_selected(self) -> None:
        clause = self.selected()
        if clause is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete clause",
            f"Delete the clause “{clause.heading}”? Agreements already made keep it.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        delete_clause(self.ctx.db, clause.key)
        self.editing_key, self._shown = None, None  # gone, with what was typed into it
        self.refresh()
        self.ctx.changed("profile")

    @guarded
    def reset(self) -> None:
        answer = QMessageBox.question(
            self,
            "Restore standard terms",
            "Replace all your clauses with the standard terms? Your own wording is lost; "
            "agreements already made keep the terms they were agreed with.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        reset_clauses_to_default(self.ctx.db)
        self.editing_key, self._shown = None, None  # replaced, as the question said
        self.refresh()
        self.ctx.changed("profile")
