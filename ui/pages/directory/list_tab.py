"""What both Directory tabs share: a list searched in SQL a moment after typing stops,
New/Edit/Archive (Restore when archived), and a pane with the selected row's details
and its history (referrals made to a provider, people given a resource)."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from practice.errors import PracticeError
from practice.models import Provider, Resource
from practice.services.profile import get_profile
from ui import format as fmt
from ui.context import AppContext
from ui.errors import guarded, show_refusal
from ui.models.row_table import RowTableModel
from ui.models.rows import RowsModel
from ui.widgets.details_form import DetailsForm
from ui.widgets.list_section import ListSection
from ui.widgets.list_table import ListTable, SearchBox, list_beside_detail, show_list_or_note
from ui.widgets.page_header import heading_font

R = TypeVar("R", bound=Provider | Resource)
SEARCH_DELAY_MS = 200


def _text(muted: bool = False) -> QLabel:
    label_ = QLabel()
    label_.setWordWrap(True)
    label_.setEnabled(not muted)
    label_.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label_.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label_


class DirectoryTab(QWidget, Generic[R]):
    """A searchable list with New/Edit/Archive and a detail pane for the selected row.

    Subclasses say what the list holds (``noun``), fetch rows (``fetch``), fill the
    detail pane (``show_row``) and call the services (``open_form``, ``archive``,
    ``restore``)."""

    noun = ""
    search_hint = ""
    #: What the tab is for, shown beside an empty list.
    about = ""
    #: The column that takes the room left (long text is cut short with "…").
    stretch_column = 0

    def __init__(
        self,
        ctx: AppContext,
        model: RowTableModel[R],
        history_title: str,
        history_empty: str,
        history: RowsModel[Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.practice_locale = fmt.DEFAULT_LOCALE
        self.model = model
        self.history = history
        self.search = SearchBox(
            object_name=f"{self.noun}_search",
            placeholder=self.search_hint,
            accessible_name=f"Search {self.noun}s",
            delay_ms=SEARCH_DELAY_MS,
        )
        self.show_archived = QCheckBox("Show archived")
        self.new_button = QPushButton(f"&New {self.noun}…")
        self.edit_button = QPushButton("Ed&it…")
        self.archive_button = QPushButton("&Archive")
        self.table = ListTable(
            model, object_name=f"{self.noun}s_table", stretch_column=self.stretch_column
        )
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.count_label = _text(muted=True)
        self.empty = _text(muted=True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.name = QLabel()
        self.name.setObjectName(f"{self.noun}_name")
        self.name.setFont(heading_font(self.name.font(), 1.3))
        self.name.setWordWrap(True)
        self.archived_note = _text(muted=True)
        self.archived_note.setText("Archived: kept on record, left out of the lists.")
        self.details = DetailsForm()
        self.history_section = ListSection(
            history_title, history_empty, history, max_rows=8, stretch_column=3
        )
        self.history_section.table.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        self.filters = QHBoxLayout()
        self._layout()

        self.search.settled.connect(self.refresh)
        self.show_archived.toggled.connect(lambda _on: self.refresh())
        self.new_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_selected)
        self.archive_button.clicked.connect(self.archive_selected)
        self.table.row_activated.connect(lambda _i: self.edit_selected())  # double-click or Return
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._show_selected())

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addLayout(self.filters)
        bar.addWidget(self.show_archived)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.archive_button)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.setSpacing(8)
        for widget in (self.name, self.archived_note, self.details):
            detail_layout.addWidget(widget)
        detail_layout.addSpacing(6)
        detail_layout.addWidget(self.history_section)
        detail_layout.addStretch(1)
        self.nothing = _text(muted=True)
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = QStackedWidget()
        self.detail.addWidget(self.nothing)
        self.detail.addWidget(detail)
        splitter = list_beside_detail(
            self.table, self.empty, self.count_label, self.detail, sizes=(560, 480)
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

    # -- what subclasses provide ---------------------------------------------
    def fetch(self) -> list[R]:
        raise NotImplementedError

    def show_row(self, row: R) -> None:
        raise NotImplementedError

    def open_form(self, row: R | None) -> R | None:
        """Run the add/edit dialog; the saved row, or None when cancelled."""
        raise NotImplementedError

    def archive(self, row: R) -> None:
        raise NotImplementedError

    def restore(self, row: R) -> None:
        raise NotImplementedError

    # -- behaviour -----------------------------------------------------------
    @guarded
    def refresh(self) -> None:
        self.search.cancel_pending()
        self.practice_locale = get_profile(self.ctx.db).locale
        keep = self.selected()
        rows = self.fetch()
        self.model.set_rows(rows)
        count = len(rows)
        self.count_label.setText(f"{count} {self.noun}{'' if count == 1 else 's'}")
        self.nothing.setText(f"Choose a {self.noun} to see its details." if rows else self.about)
        show_list_or_note(
            self.table,
            self.empty,
            shown=count,
            searching=bool(self.search.text().strip()),
            no_match=f"No {self.noun} matches your search.",
            none_yet=f"No {self.noun}s yet. Press “New {self.noun}…” to add the first.",
        )
        row = self.model.row_of(keep.id) if keep is not None else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        self._show_selected()

    def select(self, ident: int) -> None:
        row = self.model.row_of(ident)
        if row >= 0:
            self.table.selectRow(row)
            self._show_selected()

    def selected(self) -> R | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    @guarded
    def _show_selected(self) -> None:
        row = self.selected()
        self.edit_button.setEnabled(row is not None)
        self.archive_button.setEnabled(row is not None)
        if row is None:
            self.detail.setCurrentIndex(0)
            return
        archived = row.archived_at is not None
        self.archive_button.setText("&Restore" if archived else "&Archive")
        self.archived_note.setVisible(archived)
        self.show_row(row)
        self.detail.setCurrentIndex(1)

    @guarded
    def new_item(self) -> None:
        saved = self.open_form(None)
        if saved is not None:
            self.search.clear()
            self.refresh()
            self.select(saved.id)

    @guarded
    def edit_selected(self) -> None:
        row = self.selected()
        if row is not None and self.open_form(row) is not None:
            self.refresh()

    @guarded
    def archive_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            if row.archived_at is not None:
                self.restore(row)
            else:
                answer = QMessageBox.question(
                    self,
                    f"Archive {self.noun}",
                    f"Archive “{self.name.text()}”? Everything already referred or given "
                    "stays on record; it leaves the lists you choose from. "
                    "“Show archived” brings it back.",
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return
                self.archive(row)
        except PracticeError as exc:
            show_refusal(self, exc, "Not changed")
            return
        self.ctx.changed("outreach")
        self.refresh()
