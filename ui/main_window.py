"""The main window: a sidebar of pages, the pages in a stack, and the menus.

Pages are listed in :data:`PAGES`, in navigation order; adding a page is one line. A
page module that does not exist yet is left out (no placeholder). The window remembers
its geometry, layout and last page in QSettings.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, cast

from PySide6.QtCore import QByteArray, QEvent, QProcess, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from practice.safekeeping.backup import backup_folder_for
from practice.services.profile import get_profile
from ui.context import AppContext
from ui.dialogs.about import AboutDialog, about_facts, open_folder
from ui.dialogs.first_run import own_practice_command, sample_command, server_command
from ui.dialogs.go_to_client import GoToClientDialog
from ui.dialogs.session_log import SessionLogDialog
from ui.dialogs.shortcuts_dialog import ShortcutsDialog
from ui.dialogs.work_suggestions import offer_work_after_session
from ui.errors import guarded
from ui.icons import has_icon, icon
from ui.shortcuts import window_keys
from ui.transfer.menu import TransferActions
from ui.widgets.sample_banner import SampleBanner
from ui.widgets.screen_fit import fit_to_screen

log = logging.getLogger(__name__)

SP = QStyle.StandardPixmap


@dataclass(frozen=True)
class PageSpec:
    """A page: the page module ``ui/pages/<key>.py``; its sidebar icon is
    ``resources/icons/<key>.svg``, or the standard ``icon`` when there is none."""

    key: str
    title: str  # the sidebar's words, as the page class says (a test holds them equal)
    icon: QStyle.StandardPixmap

    @property
    def module(self) -> str:
        return f"ui.pages.{self.key}"


#: Navigation order. One line per page.
PAGES: tuple[PageSpec, ...] = (
    PageSpec("today", "Today", SP.SP_FileDialogInfoView),
    PageSpec("clients", "Clients", SP.SP_DirHomeIcon),
    PageSpec("programmes", "Programmes", SP.SP_FileDialogDetailedView),
    PageSpec("enrol", "Enrol", SP.SP_FileDialogNewFolder),
    PageSpec("sessions", "Sessions", SP.SP_FileDialogListView),
    PageSpec("worklog", "Work log", SP.SP_BrowserReload),
    PageSpec("money", "Money", SP.SP_DialogSaveButton),
    PageSpec("enquiries", "Enquiries", SP.SP_MessageBoxQuestion),
    PageSpec("directory", "Directory", SP.SP_DirLinkIcon),
    PageSpec("reports", "Reports", SP.SP_FileDialogContentsView),
    PageSpec("settings", "Settings", SP.SP_FileDialogStart),
)
#: Pages built on what admin staff on a practice server may not read (unseen work).
CLINICAL_PAGES = ("worklog", "reports")


class Page(Protocol):
    key: str
    title: str

    def refresh(self) -> None: ...


def load_page_classes(specs: tuple[PageSpec, ...] = PAGES) -> list[tuple[Any, PageSpec]]:
    """Import every page that exists; a page module not written yet is skipped."""
    found: list[tuple[Any, PageSpec]] = []
    for spec in specs:
        try:
            module = importlib.import_module(spec.module)
        except ModuleNotFoundError as exc:
            if exc.name == spec.module:
                continue
            raise
        cls = _page_class(module)
        if cls is None:
            log.warning("%s has no page class; page left out", spec.module)
            continue
        found.append((cls, spec))
    return found


def _page_class(module: object) -> type[QWidget] | None:
    """The ``<Name>Page(QWidget)`` class defined in a page module (with key and title)."""
    for name, value in vars(module).items():
        if (
            name.endswith("Page")
            and isinstance(value, type)
            and issubclass(value, QWidget)
            and value.__module__ == getattr(module, "__name__", None)
            and isinstance(getattr(value, "key", None), str)
            and isinstance(getattr(value, "title", None), str)
        ):
            return value
    return None


class MainWindow(QMainWindow):
    def __init__(
        self, ctx: AppContext, *, sample: bool = False, own_practice_open: bool = False
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.sample = sample
        self.own_practice_open = own_practice_open
        self._stale: set[str] = set()
        self._pages: dict[str, QWidget] = {}
        self.setObjectName("MainWindow")
        self.setWindowTitle(self._title())
        self.setMinimumSize(QSize(960, 620))

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setSpacing(2)
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.nav.setAccessibleName("Pages")
        self.nav.setStyleSheet("QListWidget#navigation::item { padding: 6px 8px; }")
        self.stack = QStackedWidget()

        # A page is built the first time it is shown (or asked for), not at start-up: the
        # first paint needs the sidebar and one page.
        # admin staff on a practice server: no unseen work, no reports (they need the
        # practitioners' work), which the server refuses them
        shown = [p for p in PAGES if ctx.db.reads_clinical or p.key not in CLINICAL_PAGES]
        self._specs: dict[str, PageSpec] = {spec.key: spec for spec in shown}
        for spec in shown:
            item = QListWidgetItem(self._icon(spec), spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
        self.nav.setFixedWidth(self._nav_width())

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        content = QVBoxLayout()
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(0)
        self.sample_banner: SampleBanner | None = None
        if sample:
            self.sample_banner = SampleBanner(
                self.back_to_own_practice, back_closes=own_practice_open
            )
            content.addWidget(self.sample_banner)
        content.addWidget(self.stack, 1)
        layout.addLayout(content, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self.nav.currentRowChanged.connect(self._on_row_changed)
        ctx.data_changed.connect(self._on_data_changed)
        ctx.navigate.connect(self._on_navigate)
        self._restore()

    # ------------------------------------------------------------------ pages

    @property
    def page_keys(self) -> list[str]:
        return list(self._specs)

    def page(self, key: str) -> QWidget:
        """The page ``key``, built now if it has not been yet."""
        built = self._pages.get(key)
        if built is not None:
            return built
        module = importlib.import_module(self._specs[key].module)
        cls: Any = _page_class(module)
        if cls is None:  # pragma: no cover - every page module defines its page
            raise LookupError(f"{module.__name__} has no page class")
        page: QWidget = cls(self.ctx, self)
        self._pages[key] = page
        self.stack.addWidget(page)
        return page

    def built_pages(self) -> dict[str, QWidget]:
        """Every page, each built if it was not yet (for the F1 list of their keys)."""
        return {key: self.page(key) for key in self._specs}

    def current_key(self) -> str:
        item = self.nav.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def current_page(self) -> QWidget | None:
        return self._pages.get(self.current_key())

    def show_page(self, key: str) -> bool:
        """Select the page ``key`` in the sidebar (which shows and refreshes it)."""
        if key not in self._specs:
            return False
        row = list(self._specs).index(key)
        if self.nav.currentRow() == row:
            self._refresh_if_stale(key, force=True)
        else:
            self.nav.setCurrentRow(row)
        return True

    @guarded
    def _on_row_changed(self, row: int) -> None:
        if row < 0:
            return
        key = self.current_key()
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        self._refresh_if_stale(key, force=True)
        self._update_actions()

    def _refresh_if_stale(self, key: str, *, force: bool = False) -> None:
        if force or key in self._stale:
            self._stale.discard(key)
            cast(Page, self.page(key)).refresh()

    @guarded
    def _on_data_changed(self, area: str) -> None:
        if area == "profile":
            self.setWindowTitle(self._title())
        current = self.current_key()
        self._stale.update(k for k in self._pages if k != current)
        if current:
            self._refresh_if_stale(current, force=True)

    @guarded
    def _on_navigate(self, key: str, payload: object) -> None:
        if not self.show_page(key):
            log.warning("navigate to unknown page %r", key)
            return
        if payload is not None:
            opener = getattr(self.page(key), "open_item", None)
            if opener is not None:
                opener(payload)

    def _icon(self, spec: PageSpec) -> QIcon:
        """The page's own icon tinted to the palette, or the platform's standard one."""
        if has_icon(spec.key):
            return icon(spec.key, self.nav.palette(), self.devicePixelRatioF())
        return self.style().standardIcon(spec.icon)

    def changeEvent(self, event: QEvent) -> None:
        """Light or dark appearance changed: tint the sidebar icons again."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "nav"):
            specs = {spec.key: spec for spec in PAGES}
            for row in range(self.nav.count()):
                item = self.nav.item(row)
                item.setIcon(self._icon(specs[str(item.data(Qt.ItemDataRole.UserRole))]))

    def _nav_width(self) -> int:
        metrics = self.nav.fontMetrics()
        widest = max(
            (metrics.horizontalAdvance(self.nav.item(i).text()) for i in range(self.nav.count())),
            default=80,
        )
        return max(168, widest + 20 + 48)

    # ------------------------------------------------------------------ menus

    def _action(
        self,
        text: str,
        slot: object,
        shortcuts: list[QKeySequence] | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts(shortcuts)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.new_action = self._action("&New…", self._new_item, QKeySequence.StandardKey.New)
        self.save_action = self._action("&Save", self._save, QKeySequence.StandardKey.Save)
        self.close_action = self._action(
            "&Close Window", self.close, QKeySequence.StandardKey.Close
        )
        self.quit_action = self._action(
            "&Quit",
            self._quit,
            _unique([QKeySequence(QKeySequence.StandardKey.Quit), QKeySequence("Ctrl+Q")]),
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.log_session_action = self._action(
            "&Log a Session…", self.log_session, [QKeySequence("Ctrl+L")]
        )
        for action in (self.new_action, self.save_action, self.log_session_action):
            file_menu.addAction(action)
        self.transfer = TransferActions(self, self.ctx)  # import, exports, note search
        self.transfer.add_to_file_menu(file_menu)
        file_menu.addSeparator()
        self.connect_action = self._action("Connect to a Practice &Server…", self.connect_server)
        file_menu.addAction(self.connect_action)
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu("&Edit")
        self.find_action = self._action("&Find…", self._find, QKeySequence.StandardKey.Find)
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.transfer.search_action)
        edit_menu.addSeparator()
        self.preferences_action = self._action(
            "&Preferences…",
            lambda: self.show_page("settings"),
            _unique([QKeySequence(QKeySequence.StandardKey.Preferences), QKeySequence("Ctrl+,")]),
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.preferences_action.setEnabled("settings" in self._specs)
        edit_menu.addAction(self.preferences_action)

        go_menu = bar.addMenu("&Go")
        self.page_actions: list[QAction] = []
        for number, key in enumerate(self._specs, start=1):
            title = self._specs[key].title
            shortcut = [QKeySequence(f"Ctrl+{number}")] if number <= 9 else None
            action = self._action(title, lambda _=False, k=key: self.show_page(k), shortcut)
            go_menu.addAction(action)
            self.page_actions.append(action)
        go_menu.addSeparator()
        self.go_to_client_action = self._action(
            "Go to &Client…", self.go_to_client, [QKeySequence("Ctrl+K"), QKeySequence("Ctrl+G")]
        )
        go_menu.addAction(self.go_to_client_action)

        help_menu = bar.addMenu("&Help")
        self.shortcuts_action = self._action(
            "&Keyboard Shortcuts", self._show_shortcuts, [QKeySequence("F1")]
        )
        help_menu.addAction(self.shortcuts_action)
        self.sample_action = self._action("Explore the &Sample Practice…", self.open_sample)
        self.sample_action.setEnabled(not self.sample)
        help_menu.addAction(self.sample_action)
        help_menu.addSeparator()
        self.show_data_action = self._action("Show &Data Folder", self.show_data_folder)
        help_menu.addAction(self.show_data_action)
        self.show_backups_action = self._action("Show &Backups Folder", self.show_backups_folder)
        help_menu.addAction(self.show_backups_action)
        # a practice on a server has no file or backups on this computer
        self.show_data_action.setEnabled(self.ctx.db.path is not None)
        self.show_backups_action.setEnabled(self.ctx.db.path is not None)
        help_menu.addSeparator()
        self.about_action = self._action("&About Practice Manager", self._about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(self.about_action)

    def _update_actions(self) -> None:
        page = self.current_page()
        self.new_action.setEnabled(page is not None and hasattr(page, "new_item"))
        self.save_action.setEnabled(page is not None and hasattr(page, "save"))
        self.find_action.setEnabled(page is not None and hasattr(page, "focus_search"))

    @guarded
    def _new_item(self) -> None:
        page = self.current_page()
        if page is not None and hasattr(page, "new_item"):
            page.new_item()

    @guarded
    def _save(self) -> None:
        page = self.current_page()
        if page is not None and hasattr(page, "save"):
            page.save()

    @guarded
    def _find(self) -> None:
        page = self.current_page()
        if page is not None and hasattr(page, "focus_search"):
            page.focus_search()

    @guarded
    def log_session(self) -> None:
        """Log a session: with the client whose page is open, else choosing the client."""
        clients = self._pages.get("clients")
        client_page = getattr(clients, "client_page", None)
        if (
            self.current_key() == "clients"
            and client_page is not None
            and client_page.isVisible()
            and client_page.client_id is not None
        ):
            client_page.log_session()
            return
        dialog = SessionLogDialog(self.ctx, self)
        if dialog.exec() and dialog.saved_session is not None:
            offer_work_after_session(self.ctx, dialog.saved_session.id, self)

    def go_to_client(self) -> None:
        dialog = GoToClientDialog(self.ctx, self)
        if dialog.exec() and dialog.chosen_id is not None:
            self.ctx.navigate.emit("clients", dialog.chosen_id)

    def shortcut_lines(self) -> list[tuple[str, str]]:
        """(keys, what they do) for every shortcut of the window and its pages."""
        return [(k.keys, k.what) for k in window_keys(self, self.built_pages())]

    def _show_shortcuts(self) -> None:
        self.shortcuts_dialog = ShortcutsDialog(window_keys(self, self.built_pages()), self)
        self.shortcuts_dialog.open()

    @guarded
    def open_sample(self) -> None:
        """Open the sample practice in a second window of its own (a separate file)."""
        program, arguments = sample_command()
        if not QProcess.startDetached(program, arguments)[0]:
            QMessageBox.warning(
                self, "Sample practice", "The sample practice could not be started."
            )

    @guarded
    def connect_server(self) -> None:
        """File › Connect to a Practice Server…: that practice in a window of its own."""
        from ui.dialogs.connect_server import ConnectServerDialog

        dialog = ConnectServerDialog(self.ctx.settings, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.text:
            return
        program, arguments = server_command(dialog.text)
        if not QProcess.startDetached(program, arguments)[0]:
            QMessageBox.warning(
                self, "Practice server", "The practice on that server could not be opened."
            )

    @guarded
    def back_to_own_practice(self) -> None:
        """From the sample: open the practitioner's own practice (unless it is open in
        another window already) and close the sample."""
        if not self.own_practice_open:
            program, arguments = own_practice_command()
            if not QProcess.startDetached(program, arguments)[0]:
                QMessageBox.warning(
                    self, "Your practice", "Your practice could not be opened from here."
                )
                return
        self.close()

    def _quit(self) -> None:
        if self.close():
            app = QApplication.instance()
            if app is not None:
                app.quit()

    @guarded
    def _about(self) -> None:
        self.about_dialog = AboutDialog(about_facts(self.ctx.db), self)
        self.about_dialog.open()

    @guarded
    def show_data_folder(self) -> None:
        """Help › Show Data Folder: the database's folder in the system's file manager."""
        self._show_folder(self.ctx.db.file("show").parent, "data")

    @guarded
    def show_backups_folder(self) -> None:
        """Help › Show Backups Folder: where the backups go (chosen or the default)."""
        self._show_folder(backup_folder_for(self.ctx.db), "backups")

    def _show_folder(self, folder: Path, what: str) -> None:
        if not open_folder(folder):
            QMessageBox.warning(
                self,
                "Practice Manager",
                f"The {what} folder could not be shown. It is {folder}",
            )

    def _title(self) -> str:
        """The window title: "Sample practice", or the practice's name (else the file's)."""
        if self.sample:
            return "Sample practice — Practice Manager"
        profile = get_profile(self.ctx.db)
        name = profile.business_name or profile.practitioner_name or self.ctx.db.name
        return f"{name} — Practice Manager"

    # ------------------------------------------------------------------ state

    def _restore(self) -> None:
        settings = self.ctx.settings
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes) and geometry:
            self.restoreGeometry(QByteArray(geometry))
            if not self.isMaximized():  # a size kept from a bigger screen still fits
                fit_to_screen(self, self.size())
        else:
            fit_to_screen(self, QSize(1280, 800))  # all of it on a 1024×768 screen
        state = settings.value("window/state")
        if isinstance(state, QByteArray | bytes) and state:
            self.restoreState(QByteArray(state))
        last = str(settings.value("window/last_page", "") or "")
        keys = list(self._specs)
        if not keys:
            return
        self.nav.setCurrentRow(keys.index(last) if last in keys else 0)

    def save_state(self) -> None:
        settings = self.ctx.settings
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/last_page", self.current_key())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        for page in self._pages.values():
            closer = getattr(page, "can_close", None)
            if closer is not None and not closer():
                event.ignore()
                return
        self.save_state()
        event.accept()


def _unique(sequences: list[QKeySequence]) -> list[QKeySequence]:
    seen: set[str] = set()
    result: list[QKeySequence] = []
    for seq in sequences:
        text = seq.toString()
        if text and text not in seen:
            seen.add(text)
            result.append(seq)
    return result
