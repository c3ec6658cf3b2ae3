"""Save and Cancel at the foot of a form dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox


def save_cancel_buttons(
    dialog: QDialog, save: Callable[[], object], save_text: str = ""
) -> QDialogButtonBox:
    """Save (labelled ``save_text`` when given) runs ``save``; Cancel rejects ``dialog``."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    if save_text:
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(save_text)
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    return buttons
