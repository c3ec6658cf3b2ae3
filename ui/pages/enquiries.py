"""Enquiries: everyone who asked for help, waiting ones first, and what each was offered.

Saying no well: an enquirer who is not a fit is referred to a provider from the
directory or pointed to a resource from the library; the pane on the right shows what
they asked for, the outcome, and every referral and resource they were given.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from practice.errors import PracticeError
from practice.models import Enquiry, EnquiryOutcome, label
from practice.services.enquiries import convert_enquiry_to_client, list_enquiries
from practice.services.profile import get_profile
from practice.services.referrals import referrals_for
from practice.services.resources import shares_for
from ui import format as fmt
from ui.context import AppContext
from ui.dialogs.enquiry_form import EnquiryFormDialog, OutcomeDialog
from ui.dialogs.refer import ReferDialog
from ui.dialogs.share_resource import ShareResourceDialog
from ui.errors import guarded, show_refusal
from ui.models.enquiries import (
    EnquiryListModel,
    EnquiryReferralsModel,
    EnquirySearch,
    EnquirySharesModel,
)
from ui.widgets.details_form import DetailsForm
from ui.widgets.list_section import ListSection
from ui.widgets.list_table import ListTable, SearchBox, list_beside_detail, show_list_or_note
from ui.widgets.page_header import heading_font, page_title

CLOSED = tuple(o for o in EnquiryOutcome if o is not EnquiryOutcome.WAITING)

#: The outcome filter: (label, outcomes, or None for everyone with the waiting ones first).
FILTERS: tuple[tuple[str, tuple[EnquiryOutcome, ...] | None], ...] = (
    ("All, waiting first", None),
    ("Waiting for an answer", (EnquiryOutcome.WAITING,)),
    ("Answered", CLOSED),
    *((label(o), (o,)) for o in CLOSED),
)

SEARCH_DELAY_MS = 150
CHOOSE = "Choose an enquiry to see what they asked for and were offered."
ABOUT = (
    "When someone asks for help, record it here. If your work is not what they need, "
    "refer them to someone in the Directory or point them to a resource, so everyone "
    "leaves with somewhere useful to go."
)


def _muted(text: str = "") -> QLabel:
    label_ = QLabel(text)
    label_.setWordWrap(True)
    label_.setEnabled(False)
    return label_


class EnquiryDetail(QWidget):
    """One enquiry: who, what they asked for, the outcome, and what they were offered."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLabel()
        self.name.setObjectName("enquiry_name")
        self.name.setFont(heading_font(self.name.font(), 1.3))
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = DetailsForm()

        self.edit_button = QPushButton("Ed&it…")
        self.outcome_button = QPushButton("Set &outcome…")
        self.refer_button = QPushButton("&Refer…")
        self.refer_button.setToolTip("Refer them to a provider from the directory")
        self.resource_button = QPushButton("&Point to a resource…")
        self.resource_button.setToolTip("Give them a resource from the library")
        self.client_button = QPushButton("&Make client")

        self.referrals_model = EnquiryReferralsModel(self)
        self.shares_model = EnquirySharesModel(self)
        self.referrals = ListSection(
            "Referred to",
            "Not referred to anyone yet.",
            self.referrals_model,
            max_rows=4,
            stretch_column=2,
        )
        self.shares = ListSection(
            "Resources given",
            "No resource given yet.",
            self.shares_model,
            max_rows=4,
            stretch_column=2,
        )

        for section in (self.referrals, self.shares):
            section.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        top = QHBoxLayout()
        top.addWidget(self.name, 1)
        top.addWidget(self.edit_button)
        top.addWidget(self.outcome_button)
        offer = QHBoxLayout()
        offer.addWidget(self.refer_button)
        offer.addWidget(self.resource_button)
        offer.addWidget(self.client_button)
        offer.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.details)
        layout.addLayout(offer)
        layout.addSpacing(6)
        layout.addWidget(self.referrals)
        layout.addWidget(self.shares)
        layout.addStretch(1)

    def show_enquiry(self, enquiry: Enquiry, locale: str) -> None:
        self.name.setText(enquiry.name)
        outcome = label(enquiry.outcome)
        if enquiry.closed_on is not None:
            outcome += f", {fmt.day(enquiry.closed_on, locale)}"
        self.details.set_details(
            [
                ("Received", fmt.day(enquiry.received_on, locale)),
                ("Found you via", enquiry.source),
                ("Email", enquiry.email),
                ("Phone", enquiry.phone),
                ("Asking for", enquiry.request or "They did not say."),
                ("Outcome", outcome),
                ("Note", enquiry.outcome_note),
            ]
        )
        linked = enquiry.client_id is not None
        self.client_button.setText("Open &client" if linked else "&Make client")
        self.client_button.setToolTip(
            "Show their client page" if linked else "Make a client record from this enquiry"
        )
        self.referrals_model.set_locale(locale)
        self.shares_model.set_locale(locale)


class EnquiriesPage(QWidget):
    key = "enquiries"
    title = "Enquiries"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.practice_locale = fmt.DEFAULT_LOCALE
        self.current: Enquiry | None = None

        self.search = SearchBox(
            object_name="enquiry_search",
            placeholder="Search by name, email or what they asked for",
            accessible_name="Search enquiries",
            delay_ms=SEARCH_DELAY_MS,
        )
        self.outcome_filter = QComboBox()
        self.outcome_filter.setAccessibleName("Show")
        for text, _outcomes in FILTERS:
            self.outcome_filter.addItem(text)
        self.new_button = QPushButton("&New enquiry…")

        self.model = EnquiryListModel(self)
        self.proxy = EnquirySearch(self.model, self)
        self.table = ListTable(self.proxy, object_name="enquiries_table", stretch_column=2)
        self.count_label = _muted()
        self.empty = _muted()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.detail = EnquiryDetail()
        self.nothing = _muted(CHOOSE)
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.right = QStackedWidget()
        self.right.addWidget(self.nothing)
        self.right.addWidget(self.detail)

        self._build_layout()
        self.search.settled.connect(self.apply_search)
        self.outcome_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_button.clicked.connect(self.new_item)
        self.detail.edit_button.clicked.connect(self.edit_current)
        self.detail.outcome_button.clicked.connect(self.set_outcome)
        self.detail.refer_button.clicked.connect(self.refer)
        self.detail.resource_button.clicked.connect(self.point_to_resource)
        self.detail.client_button.clicked.connect(self.make_client)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._show_selected())
        self.table.row_activated.connect(lambda _i: self.edit_current())

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.outcome_filter, 2)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        splitter = list_beside_detail(
            self.table,
            self.empty,
            self.count_label,
            self.right,
            sizes=(560, 500),
            equal_stretch=True,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(
            page_title(
                "Enquiries",
                "People who asked for help, and where each was pointed: "
                "a programme, another provider or a resource.",
            )
        )
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

    # ------------------------------------------------------------- page API

    @guarded
    def refresh(self) -> None:
        self.practice_locale = self.model.locale = get_profile(self.ctx.db).locale
        keep = self.current.id if self.current is not None else None
        outcomes = FILTERS[max(0, self.outcome_filter.currentIndex())][1]
        if outcomes is None:
            rows = list_enquiries(self.ctx.db, outcomes=EnquiryOutcome.WAITING)
            rows += list_enquiries(self.ctx.db, outcomes=CLOSED)
        else:
            rows = list_enquiries(self.ctx.db, outcomes=outcomes)
        self.model.set_rows(rows)
        self._after_rows_changed(keep)

    def open_item(self, payload: object) -> None:
        """Show the enquiry id ``payload`` (the filters are cleared to find it)."""
        if not isinstance(payload, int):
            return
        if self.model.row_of(payload) < 0 or self._proxy_row(payload) < 0:
            self.search.clear()
            self.outcome_filter.setCurrentIndex(0)
            self.refresh()
        self.select(payload)

    def new_item(self) -> None:
        self._new_enquiry()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # ------------------------------------------------------------- the list

    @guarded
    def apply_search(self) -> None:
        self.search.cancel_pending()
        keep = self.current.id if self.current is not None else None
        self.proxy.set_search(self.search.text())
        self._after_rows_changed(keep)

    def _after_rows_changed(self, keep: int | None) -> None:
        shown = self.proxy.rowCount()
        total = self.model.rowCount()
        waiting = sum(1 for e in self.model.rows() if e.outcome is EnquiryOutcome.WAITING)
        text = f"{shown} enquir{'y' if shown == 1 else 'ies'}"
        if shown != total:
            text += f" of {total}"
        if waiting:
            text += f" · {waiting} waiting for an answer"
        self.count_label.setText(text)
        self.nothing.setText(CHOOSE if shown else ABOUT)
        show_list_or_note(
            self.table,
            self.empty,
            shown=shown,
            searching=bool(self.search.text().strip()),
            no_match="No enquiry matches your search.",
            none_yet="No enquiries here. Press “New enquiry…” when someone asks for help.",
        )
        if keep is None or self._proxy_row(keep) < 0:
            keep = (
                self.model.row_at(self.proxy.mapToSource(self.proxy.index(0, 0)).row()).id
                if shown
                else None
            )
        if keep is None:
            self.table.clearSelection()
            self._show_selected()
        else:
            self.select(keep)

    def _proxy_row(self, enquiry_id: int) -> int:
        row = self.model.row_of(enquiry_id)
        if row < 0:
            return -1
        return self.proxy.mapFromSource(self.model.index(row, 0)).row()

    def select(self, enquiry_id: int) -> None:
        row = self._proxy_row(enquiry_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.proxy.index(row, 0))
        self._show_selected()

    def selected(self) -> Enquiry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row())

    @guarded
    def _show_selected(self) -> None:
        self.current = self.selected()
        if self.current is None:
            self.right.setCurrentWidget(self.nothing)
            return
        enquiry_id = self.current.id
        self.detail.show_enquiry(self.current, self.practice_locale)
        self.detail.referrals_model.set_rows(referrals_for(self.ctx.db, enquiry_id=enquiry_id))
        self.detail.shares_model.set_rows(shares_for(self.ctx.db, enquiry_id=enquiry_id))
        self.right.setCurrentWidget(self.detail)

    # ------------------------------------------------------------- actions

    @guarded
    def _new_enquiry(self) -> None:
        dialog = EnquiryFormDialog(self.ctx, None, self)
        if dialog.exec() and dialog.enquiry is not None:
            self.open_item(dialog.enquiry.id)

    @guarded
    def edit_current(self) -> None:
        if self.current is not None:
            EnquiryFormDialog(self.ctx, self.current.id, self).exec()

    @guarded
    def set_outcome(self) -> None:
        if self.current is not None:
            OutcomeDialog(self.ctx, self.current.id, self).exec()

    @guarded
    def refer(self) -> None:
        if self.current is not None:
            ReferDialog(self.ctx, self.current.id, self).exec()

    @guarded
    def point_to_resource(self) -> None:
        if self.current is not None:
            ShareResourceDialog(self.ctx, None, self, enquiry_id=self.current.id).exec()

    @guarded
    def make_client(self) -> None:
        if self.current is None:
            return
        linked = self.current.client_id is not None
        try:
            client_id = convert_enquiry_to_client(self.ctx.db, self.current.id)
        except PracticeError as exc:
            show_refusal(self, exc, "No client made")
            return
        if not linked:
            self.ctx.changed("clients")
        self.ctx.navigate.emit("clients", client_id)
