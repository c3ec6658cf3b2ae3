"""Directory: where to point someone who is not a fit. Two tabs: the providers others
can be referred to (with the referrals made to each) and the resource library (with who
was given each resource)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.pages.directory.providers import ProvidersTab
from ui.pages.directory.resources import ResourcesTab
from ui.widgets.page_header import page_title

__all__ = ["DirectoryPage", "ProvidersTab", "ResourcesTab"]


class DirectoryPage(QWidget):
    key = "directory"
    title = "Directory"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.providers = ProvidersTab(ctx)
        self.resources = ResourcesTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.providers, "&Providers")
        self.tabs.addTab(self.resources, "&Resources")
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(
            page_title(
                "Directory",
                "Other practitioners and services to refer to, and the library of "
                "resources and courses to point people to.",
            )
        )
        layout.addWidget(self.tabs, 1)

    def current_tab(self) -> ProvidersTab | ResourcesTab:
        return self.resources if self.tabs.currentWidget() is self.resources else self.providers

    def refresh(self) -> None:
        self.current_tab().refresh()

    def new_item(self) -> None:
        self.current_tab().new_item()

    def focus_search(self) -> None:
        search = self.current_tab().search
        search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        search.selectAll()
