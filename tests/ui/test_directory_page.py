"""The Directory page: providers (with the referrals made to each) and the resource
library (with who was given each), and the way from a new resource to an enquirer."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from practice.db import Database
from practice.models import ResourceKind
from practice.services import enquiries, referrals, resources
from practice.services.clients import create_client
from practice.timeutil import today
from tests.ui.conftest import MessageBoxes
from tests.ui.test_enquiries_page import shown_texts, when_dialog_opens
from ui import format as fmt
from ui.context import AppContext
from ui.dialogs.provider_form import ProviderFormDialog
from ui.dialogs.resource_form import ResourceFormDialog
from ui.dialogs.share_resource import ShareResourceDialog
from ui.models.providers import ProviderListModel, ProviderReferralsModel
from ui.models.resources import ResourceListModel, ResourceRecipientsModel
from ui.pages.directory import DirectoryPage


def open_page(ctx: AppContext, qtbot: QtBot) -> DirectoryPage:
    page = DirectoryPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    ctx.data_changed.connect(lambda _area: page.refresh())  # as the main window does
    page.refresh()
    return page


def test_models_pass_the_model_tester(db: Database, qtmodeltester: Any) -> None:
    ruth = referrals.add_provider(
        db, name="Dr Ruth Abernethy", speciality="Couples", organisation="Abernethy Therapy"
    )
    referrals.add_provider(db, name="Kerry Mbeki", speciality="Young people")
    client = create_client(db, first_name="Imran", last_name="Sharma")
    referrals.refer(db, provider_id=ruth.id, client_id=client.id, referred_on=today())
    enquiry = enquiries.record_enquiry(db, name="Maren Haugen", received_on=today())
    enquiries.refer_enquirer(db, enquiry.id, ruth.id, "Couples work", today())
    guide = resources.add_resource(
        db, title="Sleep guide", kind=ResourceKind.WORKSHEET, location="Shared drive"
    )
    resources.share_resource(db, resource_id=guide.id, client_id=client.id, shared_on=today())

    providers = ProviderListModel()
    providers.set_rows(referrals.list_providers(db))
    made = ProviderReferralsModel()
    made.set_rows(referrals.referrals_for(db, provider_id=ruth.id))
    library = ResourceListModel()
    library.set_rows(resources.list_resources(db))
    given = ResourceRecipientsModel()
    given.set_rows(resources.recipients_of(db, guide.id))
    for model in (providers, made, library, given):
        qtmodeltester.check(model)
    assert shown_texts(providers, 0) == ["Dr Ruth Abernethy", "Kerry Mbeki"]
    assert providers.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == "Abernethy Therapy"
    assert sorted(shown_texts(made, 1)) == ["Imran Sharma", "Maren Haugen"]
    assert sorted(shown_texts(made, 2)) == ["Client", "Enquirer"]
    assert [library.index(0, c).data() for c in range(3)] == [
        "Sleep guide",
        "Worksheet",
        "Shared drive",
    ]
    assert [given.index(0, c).data() for c in range(3)] == [
        fmt.day(today()),
        "Imran Sharma",
        "Client",
    ]


def test_add_edit_search_archive_and_restore_a_provider(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    referrals.add_provider(ctx.db, name="Riverside Health Centre", speciality="General practice")
    page = open_page(ctx, qtbot)
    tab = page.providers

    def fill(dialog: ProviderFormDialog) -> None:
        qtbot.keyClicks(dialog.edits["name"], "Harbour Eating Disorder Service")
        qtbot.keyClicks(dialog.edits["email"], "not-an-email")
        dialog.save_button.click()
        assert dialog.errors.message_for("email").endswith("does not look like an email address.")
        dialog.edits["email"].setText("intake@harbour.example.org")
        qtbot.keyClicks(dialog.edits["speciality"], "Eating disorders")
        dialog.notes.setPlainText("Waiting list about six weeks.")
        dialog.save_button.click()

    when_dialog_opens(ProviderFormDialog, fill)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)

    assert shown_texts(tab.model, 0) == [
        "Harbour Eating Disorder Service",
        "Riverside Health Centre",
    ]
    assert tab.name.text() == "Harbour Eating Disorder Service"
    assert tab.details.text_of("Email") == "intake@harbour.example.org"
    assert tab.details.text_of("Notes") == "Waiting list about six weeks."
    assert tab.details.text_of("Phone") == ""

    def edit(dialog: ProviderFormDialog) -> None:
        assert dialog.edits["speciality"].text() == "Eating disorders"
        dialog.edits["speciality"].setText("Eating disorders (adults)")
        dialog.save_button.click()

    when_dialog_opens(ProviderFormDialog, edit)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)  # Return on the list edits the row
    assert tab.details.text_of("Speciality") == "Eating disorders (adults)"

    qtbot.keyClicks(tab.search, "general")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert tab.name.text() == "Riverside Health Centre"
    tab.search.clear()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)

    tab.select(tab.model.row_at(0).id)
    tab.archive_button.click()
    assert message_boxes.shown[-1][0] == "question"
    assert shown_texts(tab.model, 0) == ["Riverside Health Centre"]
    [harbour] = [
        p for p in referrals.list_providers(ctx.db, include_archived=True) if p.archived_at
    ]
    assert harbour.name == "Harbour Eating Disorder Service"

    tab.show_archived.setChecked(True)
    tab.select(harbour.id)
    assert tab.archive_button.text() == "&Restore"
    assert tab.archived_note.isVisible()
    assert tab.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    tab.archive_button.click()
    tab.show_archived.setChecked(False)
    assert tab.model.rowCount() == 2


def test_resources_filter_by_kind_and_search(ctx: AppContext, qtbot: QtBot) -> None:
    for title, kind in (
        ("Body scan (12 minutes)", ResourceKind.AUDIO),
        ("Evening relaxation", ResourceKind.AUDIO),
        ("Thought record", ResourceKind.WORKSHEET),
    ):
        resources.add_resource(ctx.db, title=title, kind=kind)
    page = open_page(ctx, qtbot)
    page.tabs.setCurrentWidget(page.resources)
    tab = page.resources
    assert tab.count_label.text() == "3 resources"

    tab.kind_filter.setCurrentText("Audio")
    assert shown_texts(tab.model, 0) == ["Body scan (12 minutes)", "Evening relaxation"]
    qtbot.keyClicks(tab.search, "evening")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert tab.details.text_of("Kind") == "Audio"
    tab.kind_filter.setCurrentText("Worksheet")
    assert tab.model.rowCount() == 0
    assert tab.empty.text() == "No resource matches your search."
    assert tab.detail.currentIndex() == 0


def test_add_a_resource_and_point_an_enquirer_to_it(window: Any, qtbot: QtBot) -> None:
    db = window.ctx.db
    received = today() - timedelta(days=2)
    enquiry = enquiries.record_enquiry(db, name="Дмитрий Смирнов", received_on=received)
    window.show_page("directory")
    page = window.page("directory")
    page.tabs.setCurrentWidget(page.resources)

    def fill(dialog: ResourceFormDialog) -> None:
        qtbot.keyClicks(dialog.title_edit, "A gentle guide to better sleep")
        dialog.kind.setCurrentIndex(dialog.kind.findData(ResourceKind.WORKSHEET.value))
        qtbot.keyClicks(dialog.location, "Shared drive: Guides/better-sleep.pdf")
        dialog.save_button.click()

    when_dialog_opens(ResourceFormDialog, fill)
    window.new_action.trigger()  # File > New on the Directory page's Resources tab
    [guide] = resources.list_resources(db)
    assert (guide.title, guide.kind) == ("A gentle guide to better sleep", ResourceKind.WORKSHEET)
    assert page.resources.recipients_model.rowCount() == 0

    window.show_page("enquiries")
    enquiries_page = window.page("enquiries")
    assert enquiries_page.current.id == enquiry.id

    def point(dialog: ShareResourceDialog) -> None:
        assert dialog.resource.currentData() == guide.id
        qtbot.keyClicks(dialog.note, "Sent the free sleep guide")
        dialog.save()

    when_dialog_opens(ShareResourceDialog, point)
    enquiries_page.detail.resource_button.click()
    assert enquiries_page.detail.details.text_of("Outcome").startswith("Pointed to a resource")
    assert shown_texts(enquiries_page.detail.shares_model, 1) == [guide.title]

    window.show_page("directory")
    given = page.resources.recipients_model
    assert [given.index(0, c).data() for c in range(4)] == [
        fmt.day(today()),
        "Дмитрий Смирнов",
        "Enquirer",
        "Sent the free sleep guide",
    ]
