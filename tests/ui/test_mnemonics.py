"""Every Alt+letter shown in a page's or dialog's captions moves the focus to its field."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from ui.context import AppContext


def dead_mnemonics(root: QWidget) -> list[str]:
    """Captions with an Alt+letter whose buddy cannot take the focus (it does nothing)."""
    dead = []
    for label in root.findChildren(QLabel):
        if not re.search(r"&[^&\s]", label.text()):
            continue
        target = label.buddy()
        while target is not None and target.focusProxy() is not None:
            target = target.focusProxy()
        if target is None or target.focusPolicy() == Qt.FocusPolicy.NoFocus:
            dead.append(label.text())
    return dead


@pytest.mark.parametrize("key", ["programmes", "enrol", "settings", "clients", "sessions"])
def test_every_caption_mnemonic_on_a_page_reaches_a_field(window: Any, key: str) -> None:
    window.show_page(key)
    assert dead_mnemonics(window.page(key)) == []


def test_the_payment_dialog_mnemonics_reach_their_fields(ctx: AppContext, qtbot: QtBot) -> None:
    from tests.ui.test_money_page import enrolment_started_weeks_ago
    from ui.dialogs.payment import PaymentDialog

    dialog = PaymentDialog(
        ctx, enrolment_id=enrolment_started_weeks_ago(ctx.db), currency="GBP", who="Zoë"
    )
    qtbot.addWidget(dialog)
    assert dead_mnemonics(dialog) == []
