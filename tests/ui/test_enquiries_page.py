"""The Enquiries page: record an enquiry, answer it (refer, point to a resource, set an
outcome, make a client) and see what the enquirer was offered, on a real database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any, TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from practice.db import Database
from practice.models import EnquiryOutcome, ResourceKind
from practice.services import enquiries, referrals, resources
from practice.services.clients import get_client
from practice.timeutil import today
from ui import format as fmt
from ui.context import AppContext
from ui.dialogs.enquiry_form import EnquiryFormDialog, OutcomeDialog
from ui.dialogs.refer import ReferDialog
from ui.dialogs.share_resource import ShareResourceDialog
from ui.main_window import PAGES
from ui.models.enquiries import (
    EnquiryListModel,
    EnquiryReferralsModel,
    EnquirySearch,
    EnquirySharesModel,
)
from ui.pages.enquiries import EnquiriesPage

D = TypeVar("D", bound=QDialog)


def when_dialog_opens(kind: type[D], act: Callable[[D], None]) -> list[D]:
    """Run ``act`` on the next modal dialog (of ``kind``) once it is shown; a dialog
    still open afterwards is cancelled, so a failing step cannot hang the test."""
    seen: list[D] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, kind), f"expected {kind.__name__}, got {dialog!r}"
            seen.append(dialog)
            act(dialog)
        finally:
            if isinstance(dialog, QDialog) and dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, run)
    return seen


def open_page(ctx: AppContext, qtbot: QtBot) -> EnquiriesPage:
    page = EnquiriesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    # What the main window does: refresh the page shown after anything is saved.
    ctx.data_changed.connect(lambda _area: page.refresh())
    page.refresh()
    return page


def enquiry(db: Database, name: str, days_ago: int = 3, **values: Any) -> int:
    received = today() - timedelta(days=days_ago)
    return enquiries.record_enquiry(db, name=name, received_on=received, **values).id


def shown_texts(model: Any, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_models_pass_the_model_tester(db: Database, qtmodeltester: Any) -> None:
    waiting = enquiry(db, "Ana López", request="Low mood\nsince the spring", email="ana@ex.org")
    referred = enquiry(db, "Ben Ode", days_ago=9)
    provider = referrals.add_provider(db, name="Dr Ruth Abernethy", speciality="Couples")
    enquiries.refer_enquirer(db, referred, provider.id, "Couples work suits them", today())
    resource = resources.add_resource(db, title="Sleep guide", kind=ResourceKind.WORKSHEET)
    enquiries.point_to_resource(db, waiting, resource.id, today(), note="Free guide")

    model = EnquiryListModel()
    model.set_rows(enquiries.list_enquiries(db))
    search = EnquirySearch(model)
    search.set_search("ana")
    offered = EnquiryReferralsModel()
    offered.set_rows(referrals.referrals_for(db, enquiry_id=referred))
    given = EnquirySharesModel()
    given.set_rows(resources.shares_for(db, enquiry_id=waiting))
    for checked in (model, search, offered, given):
        qtmodeltester.check(checked)
    assert shown_texts(model, 1) == ["Ana López", "Ben Ode"]
    assert model.index(0, 2).data() == "Low mood since the spring"
    assert model.index(0, 3).data() == "Pointed to a resource"
    assert search.rowCount() == 1
    assert [offered.index(0, c).data() for c in range(3)] == [
        fmt.day(today()),
        "Dr Ruth Abernethy",
        "Couples work suits them",
    ]
    tooltip = Qt.ItemDataRole.ToolTipRole
    assert offered.index(0, 1).data(tooltip) == "Dr Ruth Abernethy — Couples"
    assert [given.index(0, c).data() for c in range(3)] == [
        fmt.day(today()),
        "Sleep guide",
        "Free guide",
    ]
    assert given.index(0, 1).data(tooltip) == "Sleep guide · Worksheet"


def test_record_an_enquiry_refer_it_and_see_the_referral(ctx: AppContext, qtbot: QtBot) -> None:
    provider = referrals.add_provider(ctx.db, name="Harbour Service", speciality="Eating disorders")
    page = open_page(ctx, qtbot)
    assert page.empty.isVisible() and not page.table.isVisible()

    def fill(dialog: EnquiryFormDialog) -> None:
        qtbot.keyClicks(dialog.name, "Maren Haugen")
        qtbot.keyClicks(dialog.email, "maren@example.org")
        qtbot.keyClicks(dialog.source, "GP")
        dialog.request.setPlainText("Struggling with eating since the autumn.")
        dialog.save_button.click()

    when_dialog_opens(EnquiryFormDialog, fill)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)

    [saved] = enquiries.list_enquiries(ctx.db)
    assert (saved.name, saved.email, saved.source) == ("Maren Haugen", "maren@example.org", "GP")
    assert saved.outcome is EnquiryOutcome.WAITING
    assert page.current is not None and page.current.id == saved.id
    detail = page.detail
    assert detail.name.text() == "Maren Haugen"
    assert detail.details.text_of("Outcome") == "Waiting"
    assert detail.details.text_of("Asking for") == "Struggling with eating since the autumn."
    assert detail.referrals.empty.isVisible()

    def refer(dialog: ReferDialog) -> None:
        assert dialog.provider.currentData() == provider.id
        dialog.reason.setPlainText("They specialise in eating disorders.")
        dialog.save_button.click()

    when_dialog_opens(ReferDialog, refer)
    qtbot.mouseClick(detail.refer_button, Qt.MouseButton.LeftButton)

    assert enquiries.get_enquiry(ctx.db, saved.id).outcome is EnquiryOutcome.REFERRED
    assert page.current is not None and page.current.id == saved.id
    assert detail.details.text_of("Outcome") == f"Referred, {fmt.day(today())}"
    assert detail.referrals.table.isVisible()
    assert [detail.referrals_model.index(0, c).data() for c in range(3)] == [
        fmt.day(today()),
        "Harbour Service",
        "They specialise in eating disorders.",
    ]
    assert page.model.index(0, 3).data() == "Referred"


def test_point_an_enquirer_to_a_resource(ctx: AppContext, qtbot: QtBot) -> None:
    enquiry_id = enquiry(ctx.db, "Rohan Nair", days_ago=5)
    resources.add_resource(ctx.db, title="Career workbook", kind=ResourceKind.LINK)
    page = open_page(ctx, qtbot)
    yesterday = today() - timedelta(days=1)

    def share(dialog: ShareResourceDialog) -> None:
        assert dialog.windowTitle() == "Point to a resource"
        dialog.shared_on.setDate(dialog.shared_on.date().addDays(-1))
        qtbot.keyClicks(dialog.note, "Free to download")
        dialog.save()

    when_dialog_opens(ShareResourceDialog, share)
    page.detail.resource_button.click()

    assert enquiries.get_enquiry(ctx.db, enquiry_id).outcome is EnquiryOutcome.RESOURCE
    model = page.detail.shares_model
    assert [model.index(0, c).data() for c in range(3)] == [
        fmt.day(yesterday),
        "Career workbook",
        "Free to download",
    ]
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == "Career workbook · Link"
    assert page.detail.details.text_of("Outcome") == f"Pointed to a resource, {fmt.day(yesterday)}"


def test_a_problem_is_shown_beside_the_field_and_nothing_is_saved(
    ctx: AppContext, qtbot: QtBot
) -> None:
    page = open_page(ctx, qtbot)
    messages: list[tuple[str, str]] = []

    def fill(dialog: EnquiryFormDialog) -> None:
        qtbot.keyClicks(dialog.email, "not an address")
        dialog.save_button.click()
        messages.append(("name", dialog.errors.message_for("name")))
        qtbot.keyClicks(dialog.name, "Liam Rowe")
        dialog.save_button.click()
        messages.append(("email", dialog.errors.message_for("email")))
        assert dialog.isVisible()

    when_dialog_opens(EnquiryFormDialog, fill)
    page.new_item()

    assert messages == [
        ("name", "is required."),
        ("email", "“not an address” does not look like an email address."),
    ]
    assert enquiries.list_enquiries(ctx.db) == []


def test_waiting_first_search_and_outcome_filter(ctx: AppContext, qtbot: QtBot) -> None:
    enquiry(ctx.db, "Old Waiting", days_ago=20, request="anxiety at work")
    declined = enquiry(ctx.db, "New Declined", days_ago=1, request="a report for court")
    enquiries.set_enquiry_outcome(ctx.db, declined, EnquiryOutcome.DECLINED, note="Not my work")
    enquiry(ctx.db, "Mid Waiting", days_ago=10, request="Sleep and ANXIETY", phone="07700 900123")
    page = open_page(ctx, qtbot)

    assert shown_texts(page.proxy, 1) == ["Mid Waiting", "Old Waiting", "New Declined"]
    assert page.count_label.text() == "3 enquiries · 2 waiting for an answer"

    qtbot.keyClicks(page.search, "anxiety")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 2)
    assert shown_texts(page.proxy, 1) == ["Mid Waiting", "Old Waiting"]
    page.search.clear()
    qtbot.keyClicks(page.search, "900123")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1)
    assert page.count_label.text().startswith("1 enquiry of 3")
    page.search.clear()
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 3)

    page.outcome_filter.setCurrentText("Declined")
    assert shown_texts(page.proxy, 1) == ["New Declined"]
    assert page.detail.details.text_of("Note") == "Not my work"
    page.outcome_filter.setCurrentText("Waiting for an answer")
    assert shown_texts(page.proxy, 1) == ["Mid Waiting", "Old Waiting"]


def test_set_the_outcome(ctx: AppContext, qtbot: QtBot) -> None:
    enquiry_id = enquiry(ctx.db, "Rosie Hughes", days_ago=4)
    page = open_page(ctx, qtbot)
    page.outcome_filter.setCurrentText("Waiting for an answer")

    def decline(dialog: OutcomeDialog) -> None:
        assert not dialog.closed_on.isEnabled()
        dialog.outcome.setCurrentIndex(dialog.outcome.findData(EnquiryOutcome.DECLINED.value))
        assert dialog.closed_on.isEnabled()
        dialog.note.setPlainText("Asked for a court report; not something I do.")
        dialog.save_button.click()

    when_dialog_opens(OutcomeDialog, decline)
    page.detail.outcome_button.click()

    saved = enquiries.get_enquiry(ctx.db, enquiry_id)
    assert (saved.outcome, saved.closed_on) == (EnquiryOutcome.DECLINED, today())
    assert saved.outcome_note == "Asked for a court report; not something I do."
    assert page.proxy.rowCount() == 0 and page.empty.isVisible()
    assert page.right.currentWidget() is page.nothing


def test_refer_needs_a_provider_in_the_directory(ctx: AppContext, qtbot: QtBot) -> None:
    enquiry_id = enquiry(ctx.db, "Kai Moss")
    dialog = ReferDialog(ctx, enquiry_id)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()
    assert "add providers on the Directory page first" in dialog.notice.text()


def test_make_client_opens_the_client_page(window: Any, qtbot: QtBot) -> None:
    order = [spec.key for spec in PAGES]
    assert order.index("enquiries") == order.index("money") + 1
    assert order.index("directory") == order.index("enquiries") + 1
    assert order.index("directory") < order.index("settings")
    assert {"enquiries", "directory"} <= set(window.page_keys)
    db = window.ctx.db
    enquiry_id = enquiry(db, "Anna van der Berg", email="anna@example.org")
    window.show_page("enquiries")
    page = window.page("enquiries")
    assert page.detail.client_button.text() == "&Make client"

    page.detail.client_button.click()

    client_id = enquiries.get_enquiry(db, enquiry_id).client_id
    assert client_id is not None
    client = get_client(db, client_id)
    assert (client.first_name, client.last_name, client.email) == (
        "Anna",
        "van der Berg",
        "anna@example.org",
    )
    assert window.current_key() == "clients"
    window.show_page("enquiries")
    assert page.detail.client_button.text() == "Open &client"
    page.detail.client_button.click()
    assert window.current_key() == "clients"
    assert len([e for e in enquiries.list_enquiries(db) if e.client_id == client_id]) == 1


def test_return_on_the_list_edits_the_enquiry(ctx: AppContext, qtbot: QtBot) -> None:
    enquiry_id = enquiry(ctx.db, "Siobhán Ní Bhriain", request="Starting my own business")
    page = open_page(ctx, qtbot)

    def edit(dialog: EnquiryFormDialog) -> None:
        assert dialog.name.text() == "Siobhán Ní Bhriain"
        dialog.request.setPlainText("Starting my own business and need some structure.")
        dialog.save_button.click()

    when_dialog_opens(EnquiryFormDialog, edit)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)

    saved = enquiries.get_enquiry(ctx.db, enquiry_id)
    assert saved.request == "Starting my own business and need some structure."
    assert page.detail.details.text_of("Asking for") == saved.request
