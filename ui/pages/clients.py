"""Clients: search-as-you-type list with a status filter; a client opens in its own page.

The search runs in SQL (``list_clients(search=...)``) a moment after typing stops.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from practice.errors import PracticeError
from practice.models import ClientStatus, label
from practice.services.clients import archive_client, list_clients
from ui.context import AppContext
from ui.dialogs.client_form import ClientFormDialog
from ui.errors import guarded
from ui.models.clients import ClientListModel
from ui.pages.client import ClientPage
from ui.transfer.csv_button import CsvExportButton
from ui.widgets.list_table import ListTable, SearchBox, show_list_or_note
from ui.widgets.page_header import page_title

#: The status filter: (label, statuses or None for every client).
FILTERS: tuple[tuple[str, tuple[ClientStatus, ...] | None], ...] = (
    (
        "Current (enquiry, active, paused)",
        (ClientStatus.ENQUIRY, ClientStatus.ACTIVE, ClientStatus.PAUSED),
    ),
    *((label(s), (s,)) for s in ClientStatus),
    ("Everyone", None),
)

SEARCH_DELAY_MS = 200


class ClientsPage(QWidget):
    key = "clients"
    title = "Clients"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stack = QStackedWidget()
        self.list_view = QWidget()
        self.client_page = ClientPage(ctx)
        self.client_page.back_requested.connect(self.show_list)
        self.stack.addWidget(self.list_view)
        self.stack.addWidget(self.client_page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        self.search = SearchBox(
            object_name="client_search",
            placeholder="Search by name or email",
            accessible_name="Search clients",
            delay_ms=SEARCH_DELAY_MS,
        )
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Show")
        for text, _statuses in FILTERS:
            self.status_filter.addItem(text)
        self.new_button = QPushButton("&New client…")
        self.edit_button = QPushButton("Ed&it…")
        self.archive_button = QPushButton("&Archive")
        self.count_label = QLabel()

        self.model = ClientListModel(self)
        self.table = ListTable(self.model, object_name="clients_table", stretch_column=0)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.hide()

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.status_filter, 2)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.archive_button)
        bar.addWidget(CsvExportButton(ctx, ["clients", "enrolments"], self))
        layout = QVBoxLayout(self.list_view)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(page_title("Clients", "Everyone you work with or who has enquired."))
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.count_label)

        self.search.settled.connect(self.run_search)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.run_search())
        self.new_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_selected)
        self.archive_button.clicked.connect(self.archive_selected)
        self.table.row_activated.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self._update_buttons()

    # ------------------------------------------------------------- page API

    def refresh(self) -> None:
        if self.stack.currentWidget() is self.client_page:
            self.client_page.refresh()
        else:
            self.run_search()

    def open_item(self, payload: object) -> None:
        """Open the client page of the client id ``payload``."""
        if isinstance(payload, int):
            self.open_client(payload)

    def new_item(self) -> None:
        self._new_client()

    def focus_search(self) -> None:
        self.show_list()
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # ------------------------------------------------------------- actions

    @guarded
    def run_search(self) -> None:
        self.search.cancel_pending()
        selected = self.selected_id()
        statuses = FILTERS[max(0, self.status_filter.currentIndex())][1]
        rows = list_clients(self.ctx.db, search=self.search.text(), statuses=statuses)
        self.model.set_rows(rows)
        if selected is not None and (row := self.model.row_of(selected)) >= 0:
            self.table.selectRow(row)
        count = len(rows)
        self.count_label.setText(f"{count} client{'s' if count != 1 else ''}")
        show_list_or_note(
            self.table,
            self.empty,
            shown=count,
            searching=bool(self.search.text().strip()),
            no_match="No client matches your search.",
            none_yet="No clients here yet. Press “New client…” to add the first one.",
        )
        self._update_buttons()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    @guarded
    def _new_client(self) -> None:
        dialog = ClientFormDialog(self.ctx, None, self)
        if dialog.exec() and dialog.client is not None:
            self.search.clear()
            self.status_filter.setCurrentIndex(len(FILTERS) - 1)
            self.run_search()
            self.table.selectRow(self.model.row_of(dialog.client.id))
            self.table.setFocus()  # Enter opens the new client's page

    @guarded
    def edit_selected(self) -> None:
        client_id = self.selected_id()
        if client_id is None:
            return
        dialog = ClientFormDialog(self.ctx, client_id, self)
        dialog.exec()

    @guarded
    def archive_selected(self) -> None:
        client_id = self.selected_id()
        if client_id is None:
            return
        name = self.model.row_at(self.model.row_of(client_id)).display_name
        answer = QMessageBox.question(
            self,
            "Archive client",
            f"Archive {name}? Their records are kept, and they leave the everyday lists. "
            "You can bring them back by changing their status.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            archive_client(self.ctx.db, client_id)
        except PracticeError as exc:
            QMessageBox.warning(self, "Not archived", str(exc))
            return
        self.ctx.changed("clients")

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_client(self.model.id_at(index.row()))

    @guarded
    def open_client(self, client_id: int) -> None:
        self.client_page.show_client(client_id)
        self.stack.setCurrentWidget(self.client_page)
        self.client_page.setFocus()

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list_view)
        self.run_search()
        self.table.setFocus()

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        self.edit_button.setEnabled(has)
        self.archive_button.setEnabled(has)
