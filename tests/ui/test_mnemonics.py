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
    """Captions with an Alt+letter that does nothing. Qt moves the focus only when the
    buddy itself takes the focus (its focus policy is not NoFocus), and then to the end
    of its focus proxies, which must take it too."""
    dead = []
    for label in root.findChildren(QLabel):
        if not re.search(r"&[^&\s]", label.text()) or not label.isVisibleTo(root):
            continue
        buddy = target = label.buddy()
        while target is not None and target.focusProxy() is not None:
            target = target.focusProxy()
        if (
            buddy is None
            or buddy.focusPolicy() == Qt.FocusPolicy.NoFocus
            or target is None
            or target.focusPolicy() == Qt.FocusPolicy.NoFocus
        ):
            dead.append(label.text())
    return dead


@pytest.mark.parametrize("key", ["programmes", "enrol", "settings", "clients", "sessions"])
def test_every_caption_mnemonic_on_a_page_reaches_a_field(window: Any, key: str) -> None:
    window.show()
    window.show_page(key)
    assert dead_mnemonics(window.page(key)) == []


def test_the_payment_dialog_mnemonics_reach_their_fields(ctx: AppContext, qtbot: QtBot) -> None:
    from tests.ui.test_money_page import enrolment_started_weeks_ago
    from ui.dialogs.payment import PaymentDialog

    dialog = PaymentDialog(
        ctx, enrolment_id=enrolment_started_weeks_ago(ctx.db), currency="GBP", who="Zoë"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dead_mnemonics(dialog) == []
    # and pressed for real: each Alt+letter puts the focus in its own field
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    reached = {}
    for label in dialog.findChildren(QLabel):
        found = re.search(r"&([^&\s])", label.text())
        if found is None or not label.isVisible():
            continue
        handle = dialog.windowHandle()
        QTest.keyClick(handle, found.group(1).lower(), Qt.KeyboardModifier.AltModifier)
        reached[label.text()] = QApplication.focusWidget() is label.buddy()
    assert reached and all(reached.values()), reached


def mnemonics(root: QWidget, *, menus: bool = True) -> dict[str, list[str]]:
    """Each Alt+letter shown in ``root`` (visible captions, buttons, tabs, the menu bar)
    → the texts that show it. More than one text for a letter is a clash."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QMainWindow, QTabBar

    found: dict[str, list[str]] = {}

    def add(text: str) -> None:
        match = re.search(r"&([^&\s])", text.replace("&&", ""))
        if match:
            found.setdefault(match.group(1).casefold(), []).append(text)

    for label in root.findChildren(QLabel):
        if label.isVisibleTo(root) and label.buddy() is not None:
            add(label.text())
    for button in root.findChildren(QAbstractButton):
        if button.isVisibleTo(root) and not isinstance(button.parent(), QTabBar):
            add(button.text())
    for box in root.findChildren(QGroupBox):
        if box.isVisibleTo(root):
            add(box.title())
    for bar in root.findChildren(QTabBar):
        if bar.isVisibleTo(root):
            for index in range(bar.count()):
                add(bar.tabText(index))
    if menus and isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            add(action.text())
    return found


def clashes(root: QWidget) -> dict[str, list[str]]:
    return {k: v for k, v in mnemonics(root).items() if len(v) > 1}


@pytest.mark.parametrize(
    "key",
    [
        "today",
        "clients",
        "programmes",
        "enrol",
        "sessions",
        "worklog",
        "money",
        "enquiries",
        "directory",
        "settings",
    ],
)
def test_no_two_mnemonics_clash_in_the_window(
    window: Any, ctx: AppContext, qtbot: QtBot, key: str
) -> None:
    from ui.safekeeping.controller import SafekeepingController

    SafekeepingController(ctx, window).install()  # its menu, as the app has it
    window.resize(1366, 768)
    window.show()
    window.show_page(key)
    assert clashes(window) == {}


def test_no_two_mnemonics_clash_in_the_log_session_dialog(ctx: AppContext, qtbot: QtBot) -> None:
    from ui.dialogs.session_log import SessionLogDialog

    dialog = SessionLogDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert clashes(dialog) == {}


def test_no_two_mnemonics_clash_in_the_money_and_diary_dialogs(
    ctx: AppContext, qtbot: QtBot
) -> None:
    from tests.ui.test_money_page import enrolment_started_weeks_ago
    from ui.dialogs.enquiry_form import EnquiryFormDialog
    from ui.dialogs.payment import PaymentDialog
    from ui.dialogs.plan_session import PlanSessionDialog

    enrolment_id = enrolment_started_weeks_ago(ctx.db)
    dialogs: list[QWidget] = [
        PaymentDialog(ctx, enrolment_id=enrolment_id, currency="GBP", who="Zoë"),
        PaymentDialog(ctx, enrolment_id=enrolment_id, currency="GBP", who="Zoë", refund=True),
        EnquiryFormDialog(ctx),
        PlanSessionDialog(ctx),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        assert clashes(dialog) == {}, type(dialog).__name__


def test_no_two_mnemonics_clash_on_the_reports_page(
    window: Any, ctx: AppContext, qtbot: QtBot
) -> None:
    from ui.safekeeping.controller import SafekeepingController

    SafekeepingController(ctx, window).install()
    window.resize(1366, 768)
    window.show()
    window.show_page("reports")
    page = window.page("reports")
    qtbot.waitUntil(lambda: not page.busy_bar.isVisible())  # its figures are worked out
    assert clashes(window) == {}


def test_no_two_mnemonics_clash_on_a_clients_page(
    window: Any, qtbot: QtBot, worked_example: Any
) -> None:
    from ui.safekeeping.controller import SafekeepingController

    SafekeepingController(window.ctx, window).install()
    enrolment = worked_example()
    window.resize(1366, 768)
    window.show()
    window.ctx.navigate.emit("clients", enrolment.client_id)
    clients = window.page("clients")
    page = clients.client_page
    assert page.isVisible()
    for index in range(len(page.tab_pages)):  # every tab, as each is shown
        page.show_tab(type(page.tab_pages[index]))
        assert clashes(window) == {}, page.tab_pages[index].title
