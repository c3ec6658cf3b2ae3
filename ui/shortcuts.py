"""Every keyboard shortcut of the app, gathered where it is made, for the F1 list.

The main window's list is read from the window itself: each action with a shortcut
(named by its menu and its text), each button on a page with a shortcut of its own (not
the Alt+letter of its label), and each ``QShortcut`` (named by its What's This text).
Windows opened on their own (the document preview, note search) declare theirs here and
make them from these declarations, so the list cannot leave one out.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QMainWindow, QMenu, QWidget


@dataclass(frozen=True)
class KeyHelp:
    """A shortcut as the F1 list shows it: where it works, the keys, what it does."""

    where: str
    keys: str
    what: str


#: The document preview's own keys (ui/documents/preview.py makes them from this).
PREVIEW_KEYS: tuple[tuple[QKeySequence.StandardKey, str], ...] = (
    (QKeySequence.StandardKey.Print, "Print the document"),
    (QKeySequence.StandardKey.Save, "Save the document as PDF"),
    (QKeySequence.StandardKey.ZoomIn, "Zoom in"),
    (QKeySequence.StandardKey.ZoomOut, "Zoom out"),
)
#: Keys that work in every list and form.
GENERAL = (
    KeyHelp("Everywhere", "Tab / Shift+Tab", "Next / previous field"),
    KeyHelp("Everywhere", "Alt + underlined letter", "Go to that field or button"),
    KeyHelp("Lists", "Enter", "Open what is selected"),
    KeyHelp("Date fields", "F4 or Alt+Down", "Open the calendar"),
    KeyHelp("Date fields", "10/02/2027", "Type a whole date, in the practice's order"),
    KeyHelp("Log a session", "Ctrl+Enter", "Save the session, from any field"),
    KeyHelp("Log a session", "D, P, N, O", "Review the open item: done, partly, not done, open"),
)


def key_text(sequences: list[QKeySequence]) -> str:
    """“Ctrl+K or Ctrl+G”; dedicated keys of some keyboards (“New”) left out."""
    texts = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences]
    return " or ".join(t for t in texts if t and ("+" in t or re.fullmatch(r"F\d+", t)))


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _menu_titles(window: QMainWindow) -> dict[int, str]:
    """Each action's menu (“File”, “Go”) by the action's identity."""
    titles: dict[int, str] = {}

    def walk(menu: QMenu, title: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, title)
            else:
                titles[id(action)] = title

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, _plain(top.text()))
    return titles


def _is_mnemonic(button: QAbstractButton) -> bool:
    """Whether the button's shortcut is only the Alt+letter of its label."""
    match = re.search(r"&([^&])", button.text())
    if not match:
        return False
    return button.shortcut() == QKeySequence(f"Alt+{match.group(1).upper()}")


def window_keys(window: QMainWindow, pages: dict[str, QWidget]) -> list[KeyHelp]:
    """Every shortcut of the main window and its pages."""
    found: list[KeyHelp] = []
    titles = _menu_titles(window)
    for action in window.actions():
        keys = key_text(action.shortcuts())
        if keys and action.isVisible():
            found.append(KeyHelp(titles.get(id(action), "Window"), keys, _plain(action.text())))
    for shortcut in window.findChildren(QShortcut):
        owner = shortcut.parent()
        if isinstance(owner, QWidget) and owner.window() is not window:
            continue  # a dialog's own keys (kept after it closed), listed with the dialog
        keys = key_text([shortcut.key()])
        if keys:
            found.append(KeyHelp("Window", keys, shortcut.whatsThis()))
    for page in pages.values():
        where = str(getattr(page, "title", "Page"))
        for button in page.findChildren(QAbstractButton):
            keys = key_text([button.shortcut()])
            if keys and not _is_mnemonic(button):
                what = re.sub(r"\s*\([^)]*\)$", "", button.toolTip()) or _plain(button.text())
                found.append(KeyHelp(where, keys, what))
    for standard, what in PREVIEW_KEYS:
        keys = key_text(QKeySequence.keyBindings(standard))
        if keys:
            found.append(KeyHelp("Document preview", keys, what))
    return [*found, *GENERAL]


def register_preview_keys(
    widget: QWidget, slots: dict[str, Callable[[], object]]
) -> list[QShortcut]:
    """Make the document preview's keys on ``widget``; ``slots`` by each key's text."""
    made = []
    for standard, what in PREVIEW_KEYS:
        shortcut = QShortcut(QKeySequence(standard), widget)
        shortcut.setWhatsThis(what)
        shortcut.activated.connect(slots[what])
        made.append(shortcut)
    return made


def shortcuts_html(keys: list[KeyHelp]) -> str:
    """The list in two columns of groups (so it fits a 768-pixel-high screen)."""
    groups: list[tuple[str, list[KeyHelp]]] = []
    for item in keys:
        if not groups or groups[-1][0] != item.where:
            groups.append((item.where, []))
        groups[-1][1].append(item)
    total = sum(len(rows) + 2 for _where, rows in groups)
    columns: list[list[str]] = [[], []]
    filled = 0
    for where, rows in groups:
        column = columns[0] if filled < total / 2 else columns[1]
        filled += len(rows) + 2
        column.append(f"<tr><td colspan=2><b>{html.escape(where)}</b></td></tr>")
        column += [
            f"<tr><td>{html.escape(k.keys)}&nbsp;&nbsp;</td><td>{html.escape(k.what)}</td></tr>"
            for k in rows
        ]
        column.append("<tr><td colspan=2>&nbsp;</td></tr>")
    left, right = (f"<td valign=top><table>{''.join(rows)}</table></td>" for rows in columns)
    return f"<table><tr>{left}<td width=24></td>{right}</tr></table>"
