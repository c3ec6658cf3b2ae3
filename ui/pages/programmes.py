"""Programmes: the list of offers and the editor, with the planned economics live."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from practice.economics.planned import live
from practice.errors import PracticeError
from practice.models import Programme
from practice.services import profile as profile_service
from practice.services import programmes as programme_service
from ui.context import AppContext
from ui.errors import guarded, show_refusal
from ui.models.programmes import ProgrammeListModel
from ui.widgets.economics_panel import EconomicsPanel
from ui.widgets.page_header import page_title
from ui.widgets.programme_form import ProgrammeForm

#: Below this page width the list and the economics panel narrow for the editor.
NARROW_PAGE = 1000
NARROW_LIST = 190
NARROW_ECONOMICS = 230
ECONOMICS_WIDTH = 250  # the economics panel's least width on a wider page
WIDEST = 16777215  # Qt's QWIDGETSIZE_MAX


class ProgrammesPage(QWidget):
    key = "programmes"
    title = "Programmes"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current_id: int | None = None
        self.dirty = False
        self.currency = "GBP"
        self.practice_locale = "en_GB"

        self.model = ProgrammeListModel()
        self.view = QTableView()
        self.view.setObjectName("programmeList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        # A programme's whole name, on two lines if it needs them, never cut short.
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

        self.new_button = QPushButton("New programme")
        self.duplicate_button = QPushButton("Duplicate")
        self.archive_button = QPushButton("&Archive")
        self.show_archived = QCheckBox("Show archived")
        self.new_button.clicked.connect(self.new_item)
        self.duplicate_button.clicked.connect(self.duplicate)
        self.archive_button.clicked.connect(self.archive)
        self.show_archived.toggled.connect(self.refresh)

        self.form = ProgrammeForm()
        self.form.edited.connect(self._edited)
        self.economics = EconomicsPanel()
        self.economics.setMinimumWidth(ECONOMICS_WIDTH)
        self.heading = QLabel()
        self.heading.setObjectName("editorHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.save_button = QPushButton("&Save programme")
        self.save_button.setDefault(True)
        self.revert_button = QPushButton("Revert")
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)

        self._build_layout()
        self._show_in_editor(None)

    def _build_layout(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.list_buttons = buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.duplicate_button)
        buttons.addWidget(self.archive_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.show_archived)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)

        side = QVBoxLayout()
        side.addWidget(self.economics, 1)
        header = QHBoxLayout()
        header.addWidget(self.heading, 1)
        header.addWidget(self.revert_button)
        header.addWidget(self.save_button)

        editor_body = QHBoxLayout()
        editor_body.addWidget(scroll, 1)
        editor_body.addLayout(side)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(header)
        right_layout.addLayout(editor_body, 1)

        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        self._narrow: bool | None = None
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([390, 900])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(
            page_title(
                "Programmes",
                "What you offer: the terms of each programme and what it pays you per hour of all the work it takes.",
            )
        )
        layout.addWidget(splitter, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        """On a small screen (1024 wide) the list and the economics give way, so the
        editor's captions and fields are seen whole, not scrolled sideways."""
        super().resizeEvent(event)
        narrow = self.width() < NARROW_PAGE
        if narrow == self._narrow:
            return  # only on crossing: a width the person dragged is kept
        self._narrow = narrow
        # its least width gives way too (a maximum under the minimum does nothing)
        self.economics.setMinimumWidth(NARROW_ECONOMICS if narrow else ECONOMICS_WIDTH)
        self.economics.setMaximumWidth(NARROW_ECONOMICS if narrow else WIDEST)
        self.list_buttons.setDirection(
            QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        )
        QTimer.singleShot(0, self, self._share_width)  # once the splitter has its new width

    def _share_width(self) -> None:
        total = sum(self.splitter.sizes()) or self.width()
        left = NARROW_LIST if self._narrow else total * 390 // 1290
        self.splitter.setSizes([left, total - left])

    # -- the page contract -----------------------------------------------
    @guarded
    def refresh(self) -> None:
        profile = profile_service.get_profile(self.ctx.db)
        self.currency, self.practice_locale = profile.currency, profile.locale
        self.model.locale = self.economics.practice_locale = self.practice_locale
        self.form.currency, self.form.practice_locale = self.currency, self.practice_locale
        rows = programme_service.list_programmes(
            self.ctx.db, include_archived=self.show_archived.isChecked()
        )
        self.view.blockSignals(True)
        self.model.set_rows(rows)
        self.view.blockSignals(False)
        self._select_row(self.current_id)
        if self.current_id is None and not self.dirty:
            self.form.load(None, currency=self.currency)
            self._update_economics()
        self._sync_buttons()

    def open_item(self, payload: object) -> None:
        if isinstance(payload, int) and (payload == self.current_id or self._may_leave()):
            self.refresh()
            if payload != self.current_id:
                self._load(payload)

    def can_close(self) -> bool:
        """Asked by the main window before it closes: offer to save edits first."""
        return self._may_leave()

    def focus_search(self) -> None:
        self.view.setFocus()

    @guarded
    def new_item(self) -> None:
        if not self._may_leave():
            return
        self.view.clearSelection()
        self._show_in_editor(None)
        self.form.name.setFocus()

    # -- editing ---------------------------------------------------------
    def _show_in_editor(self, programme: Programme | None) -> None:
        self.current_id = programme.id if programme is not None else None
        #: The version shown: a save refuses a newer one (someone else's save).
        self.shown_version = programme.version if programme is not None else None
        self.form.load(programme, currency=self.currency)
        self.heading.setText(programme.name if programme is not None else "New programme")
        self.dirty = False
        self._update_economics()
        self._sync_buttons()

    def _load(self, programme_id: int) -> None:
        programme = programme_service.get_programme(self.ctx.db, programme_id)
        self._show_in_editor(programme)
        self._select_row(programme_id)

    def _select_row(self, programme_id: int | None) -> None:
        row = self.model.row_of(programme_id) if programme_id is not None else -1
        blocker = self.view.selectionModel().blockSignals(True)
        if row >= 0:
            self.view.selectRow(row)
        else:
            self.view.clearSelection()
        self.view.selectionModel().blockSignals(blocker)

    @guarded
    def _selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        programme_id = self.model.row_at(rows[0].row()).id
        if programme_id == self.current_id:
            return
        if not self._may_leave():
            self._select_row(self.current_id)
            return
        self._load(programme_id)

    def _may_leave(self) -> bool:
        """With unsaved changes, ask whether to save them, drop them or stay."""
        if not self.dirty:
            return True
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            "This programme has changes that are not saved yet. Save them?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self._save()
        return answer == QMessageBox.StandardButton.Discard

    def _edited(self) -> None:
        self.dirty = True
        self._update_economics()
        self._sync_buttons()

    def _update_economics(self) -> None:
        inputs, price_known = self.form.live_inputs()
        self.economics.show_plan(live(**inputs), price_known=price_known)

    def _sync_buttons(self) -> None:
        saved = self.current_id is not None
        self.duplicate_button.setEnabled(saved)
        archived = self._current_archived()
        self.archive_button.setEnabled(saved)
        self.archive_button.setText("Rest&ore" if archived else "&Archive")
        self.revert_button.setEnabled(self.dirty)

    def _current_archived(self) -> bool:
        row = self.model.row_of(self.current_id)
        return row >= 0 and self.model.row_at(row).archived_at is not None

    @guarded
    def save(self) -> None:
        self._save()

    def _save(self) -> bool:
        self.form.errors.clear()
        try:
            values = self.form.values()
            if self.current_id is None:
                programme = programme_service.create_programme(self.ctx.db, **values)
            else:
                programme = programme_service.update_programme(
                    self.ctx.db, self.current_id, expected_version=self.shown_version, **values
                )
        except PracticeError as error:
            self.form.errors.refuse(error, lambda e: show_refusal(self, e))
            return False
        self.current_id = programme.id
        self.dirty = False
        self.ctx.changed("programmes")
        self.refresh()
        self._load(programme.id)
        return True

    @guarded
    def revert(self) -> None:
        if self.current_id is None:
            self._show_in_editor(None)
        else:
            self._load(self.current_id)

    @guarded
    def duplicate(self) -> None:
        if self.current_id is None or not self._may_leave():
            return
        copy = programme_service.duplicate_programme(self.ctx.db, self.current_id)
        self.ctx.changed("programmes")
        self.current_id = copy.id
        self.refresh()
        self._load(copy.id)
        self.form.name.setFocus()
        self.form.name.selectAll()

    @guarded
    def archive(self) -> None:
        """Archive the programme shown, or put an archived one back on offer."""
        if self.current_id is None:
            return
        if self._current_archived():
            programme_service.restore_programme(self.ctx.db, self.current_id)
            self.ctx.changed("programmes")
            self.refresh()
            self._load(self.current_id)
            return
        name = self.heading.text()
        answer = QMessageBox.question(
            self,
            "Archive programme",
            f"Archive “{name}”? It will no longer be offered for new enrolments; "
            "clients already enrolled keep their agreed terms.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            programme_service.archive_programme(self.ctx.db, self.current_id)
        except PracticeError as error:
            show_refusal(self, error)
            return
        self.ctx.changed("programmes")
        self.current_id = None
        self.dirty = False
        self.refresh()
        self._show_in_editor(None)
