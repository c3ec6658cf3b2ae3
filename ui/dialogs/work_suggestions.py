"""After logging a session: "Add 15 min prep + 20 min write-up?", minutes editable."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from practice.errors import PracticeError
from practice.models import WorkCategory, label
from practice.services import worklog as worklog_service
from practice.services.worklog import WorkSuggestion
from ui import format as fmt
from ui.context import AppContext
from ui.errors import guarded, show_refusal

SHORT = {WorkCategory.PREP: "prep", WorkCategory.WRITE_UP: "write-up"}


def question(suggestions: list[WorkSuggestion]) -> str:
    parts = [
        f"{fmt.duration(s.minutes)} {SHORT.get(s.category, label(s.category).lower())}"
        for s in suggestions
    ]
    return f"Add {' + '.join(parts)}?"


class WorkSuggestionsDialog(QDialog):
    """Confirms the suggested unseen work for a session and logs what is ticked."""

    def __init__(
        self, ctx: AppContext, suggestions: list[WorkSuggestion], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.suggestions = suggestions
        self.setWindowTitle("Unseen time for this session")
        intro = QLabel(
            f"<b>{question(suggestions)}</b><br>"
            "The time around a session counts too. Change the minutes if it took longer "
            "or less, or untick what you did not do."
        )
        intro.setWordWrap(True)
        self.ticks: list[QCheckBox] = []
        self.minutes: list[QSpinBox] = []
        grid = QGridLayout()
        for row, suggestion in enumerate(suggestions):
            tick = QCheckBox(label(suggestion.category))
            tick.setChecked(True)
            spin = QSpinBox()
            spin.setRange(1, 600)
            spin.setSuffix(" min")
            spin.setValue(suggestion.minutes)
            tick.toggled.connect(spin.setEnabled)
            grid.addWidget(tick, row, 0)
            grid.addWidget(spin, row, 1)
            self.ticks.append(tick)
            self.minutes.append(spin)
        grid.setColumnStretch(2, 1)
        buttons = QDialogButtonBox()
        self.add_button = buttons.addButton(
            "&Add to work log", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.skip_button = buttons.addButton("&Not now", QDialogButtonBox.ButtonRole.RejectRole)
        self.add_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def chosen(self) -> list[WorkSuggestion]:
        return [
            replace(suggestion, minutes=spin.value())
            for suggestion, tick, spin in zip(
                self.suggestions, self.ticks, self.minutes, strict=True
            )
            if tick.isChecked()
        ]

    @guarded
    def save(self) -> None:
        chosen = self.chosen()
        if chosen:
            try:
                worklog_service.accept_work_suggestions(self.ctx.db, chosen[0].session_id, chosen)
            except PracticeError as error:
                show_refusal(self, error)
                return
            self.ctx.changed("work")
        self.accept()


def offer_work_after_session(ctx: AppContext, session_id: int, parent: QWidget | None) -> bool:
    """Offer the suggested prep/write-up for a session; True when something was logged."""
    suggestions = worklog_service.suggest_work_after_session(ctx.db, session_id)
    if not suggestions:
        return False
    dialog = WorkSuggestionsDialog(ctx, suggestions, parent)
    return bool(dialog.exec()) and bool(dialog.chosen())
