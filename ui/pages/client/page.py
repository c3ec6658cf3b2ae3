"""The client page: a header with the client's name and actions, and one tab per area."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from practice.errors import NotFoundError
from practice.models import label
from practice.services.clients import get_client, view_client
from ui.context import AppContext
from ui.dialogs.client_form import ClientFormDialog
from ui.dialogs.session_log import SessionLogDialog
from ui.dialogs.work_suggestions import offer_work_after_session
from ui.errors import guarded
from ui.pages.client.actions import ActionsTab
from ui.pages.client.base import ClientTab
from ui.pages.client.documents import DocumentsTab
from ui.pages.client.enrolments import EnrolmentsTab
from ui.pages.client.overview import OverviewTab
from ui.pages.client.payments import PaymentsTab
from ui.pages.client.resources import ResourcesTab
from ui.pages.client.sessions import SessionsTab
from ui.pages.client.work import WorkTab
from ui.widgets.page_header import heading_font

#: The tabs, in order. One line per tab.
TABS: tuple[type[ClientTab], ...] = (
    OverviewTab,
    EnrolmentsTab,
    SessionsTab,
    ActionsTab,
    WorkTab,
    PaymentsTab,
    ResourcesTab,
    DocumentsTab,
)
#: Tabs of what admin staff on a practice server never read (action items, unseen work).
CLINICAL_TABS: tuple[type[ClientTab], ...] = (ActionsTab, WorkTab)


class ClientPage(QWidget):
    """Shown by the Clients page; ``back_requested`` returns to the list."""

    back_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.client_id: int | None = None
        self._loaded: set[int] = set()

        self.back_button = QPushButton("← All clients")
        self.back_button.setFlat(True)
        self.back_button.setShortcut("Alt+Left")
        self.back_button.setToolTip("Back to the list of clients (Alt+Left)")
        self.back_button.clicked.connect(self.back_requested)
        self.name = QLabel()
        self.name.setObjectName("client_name")
        self.name.setFont(heading_font(self.name.font(), 1.6))
        self.subtitle = QLabel()
        self.subtitle.setObjectName("client_subtitle")
        self.subtitle.setEnabled(False)
        self.edit_button = QPushButton("Ed&it details…")
        self.edit_button.clicked.connect(self.edit)
        self.enrol_button = QPushButton("Enr&ol…")
        self.enrol_button.clicked.connect(self._enrol)
        self.log_button = QPushButton("&Log a session…")
        self.log_button.clicked.connect(self.log_session)
        self.log_button.setVisible(ctx.db.reads_clinical)  # a log holds notes and reviews

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tab_pages: list[ClientTab] = []
        for tab_class in TABS:
            if not ctx.db.reads_clinical and tab_class in CLINICAL_TABS:
                continue  # admin staff on a practice server: the server keeps these from them
            tab = tab_class(ctx)
            self.tab_pages.append(tab)
            self.tabs.addTab(tab, tab.title)
        self.tabs.currentChanged.connect(self._on_tab)

        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.name)
        titles.addWidget(self.subtitle)
        top = QHBoxLayout()
        top.addLayout(titles, 1)
        top.addWidget(self.log_button, 0, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.enrol_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 10, 24, 18)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    def show_client(self, client_id: int) -> None:
        if client_id != self.client_id:
            self.tabs.setCurrentIndex(0)
        try:
            view_client(self.ctx.db, client_id)  # each opening is noted in the audit log
        except NotFoundError:
            self.back_requested.emit()
            return
        self.client_id = client_id
        self.refresh()

    def show_tab(self, tab_class: type[ClientTab]) -> ClientTab:
        for index, tab in enumerate(self.tab_pages):
            if isinstance(tab, tab_class):
                self.tabs.setCurrentIndex(index)
                return tab
        raise KeyError(tab_class.__name__)

    def refresh(self) -> None:
        """Reload the header and the visible tab; the others reload when shown."""
        if self.client_id is None:
            return
        try:
            client = get_client(self.ctx.db, self.client_id)
        except NotFoundError:
            self.back_requested.emit()
            return
        self.name.setText(client.display_name)
        details = [label(client.status)]
        if client.pronouns:
            details.append(client.pronouns)
        if client.preferred_name and client.preferred_name != client.first_name:
            details.append(f"legal name {client.full_name}")
        self.subtitle.setText(" · ".join(details))
        self._loaded.clear()
        self._load_tab(self.tabs.currentIndex())

    @guarded
    def _on_tab(self, index: int) -> None:
        if index not in self._loaded:
            self._load_tab(index)

    def _load_tab(self, index: int) -> None:
        if self.client_id is None or index < 0:
            return
        self._loaded.add(index)
        self.tab_pages[index].show_client(self.client_id)

    @guarded
    def edit(self) -> None:
        if self.client_id is not None:
            ClientFormDialog(self.ctx, self.client_id, self).exec()

    @guarded
    def log_session(self) -> None:
        """Log a session with this client, then offer the usual prep and write-up time."""
        if self.client_id is None:
            return
        dialog = SessionLogDialog(self.ctx, self, client_id=self.client_id)
        if dialog.exec() and dialog.saved_session is not None:
            offer_work_after_session(self.ctx, dialog.saved_session.id, self)

    def _enrol(self) -> None:
        if self.client_id is not None:
            self.ctx.navigate.emit("enrol", self.client_id)
