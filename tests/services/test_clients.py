from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import func, select

from practice.db import Database, open_database
from practice.errors import NotFoundError, ValidationError
from practice.models import AuditEntry, Client, ClientStatus, Enrolment, EnrolmentStatus
from practice.services.clients import (
    archive_client,
    count_clients,
    create_client,
    get_client,
    list_clients,
    set_client_status,
    update_client,
)
from tests.clock import FromNow, resolve
from tests.conftest import reopen


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One real database for the many refusal cases below: each checks it saved nothing."""
    database = open_database(tmp_path_factory.mktemp("shared") / "practice.db")
    yield database
    database.close()


def _count(db: Database, model: type) -> int:
    with db.transaction() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _audit(db: Database, entity_id: int) -> list[tuple[str, str]]:
    with db.transaction() as s:
        rows = s.execute(
            select(AuditEntry.action, AuditEntry.detail)
            .where(AuditEntry.entity == "client", AuditEntry.entity_id == entity_id)
            .order_by(AuditEntry.id)
        )
        return [(a, d) for a, d in rows]


def test_create_client_stores_every_field_and_audits(db: Database) -> None:
    client = create_client(
        db,
        first_name="  Zoë ",
        last_name="Ødegård",
        preferred_name="Zo",
        pronouns="she/her",
        email="zoe@example.org",
        phone="+44 7700 900123",
        address="1 High Street\nLeeds",
        date_of_birth=date(1990, 5, 17),
        emergency_contact_name="Kari Ødegård",
        emergency_contact_phone="0113 496 0000",
        source="Friend",
        status=ClientStatus.ACTIVE,
        consent_to_contact=True,
        consent_to_records=True,
        consent_recorded_on=date(2026, 1, 5),
        notes="Prefers mornings.",
    )
    stored = get_client(db, client.id)
    assert stored.first_name == "Zoë"
    assert stored.last_name == "Ødegård"
    assert stored.display_name == "Zo Ødegård"
    assert stored.full_name == "Zoë Ødegård"
    assert stored.date_of_birth == date(1990, 5, 17)
    assert stored.status is ClientStatus.ACTIVE
    assert stored.consent_to_records is True
    assert stored.search_text == "zoe odegard zo zoe@example.org"
    assert stored.sort_name == "odegard zoe"
    assert _audit(db, client.id) == [("create", "")]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"first_name": "   "}, "first_name"),
        ({"first_name": "x" * 101}, "first_name"),
        ({"last_name": "y" * 101}, "last_name"),
        ({"email": "not-an-email"}, "email"),
        ({"phone": "call me maybe"}, "phone"),
        ({"emergency_contact_phone": "abc"}, "emergency_contact_phone"),
        ({"date_of_birth": FromNow(days=1)}, "date_of_birth"),
        ({"date_of_birth": date(1850, 1, 1)}, "date_of_birth"),
        ({"date_of_birth": date(date.today().year - 130, 1, 1)}, "date_of_birth"),
        ({"date_of_birth": "1990-01-01"}, "date_of_birth"),
        ({"consent_recorded_on": FromNow(days=3)}, "consent_recorded_on"),
        ({"status": "vanished"}, "status"),
        ({"consent_to_contact": "yes"}, "consent_to_contact"),
        ({"notes": "n" * 50_001}, "notes"),
        ({"address": "bad\x00byte"}, "address"),
    ],
)
def test_create_client_rejects_bad_input_and_saves_nothing(
    shared_db: Database, changes: dict[str, object], field: str
) -> None:
    kwargs: dict[str, object] = {"first_name": "Ana", **resolve(changes)}
    with pytest.raises(ValidationError) as caught:
        create_client(shared_db, **kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert _count(shared_db, Client) == 0
    assert _count(shared_db, AuditEntry) == 0


@pytest.mark.parametrize(
    ("first", "last"),
    [("Zoë", "Ødegård"), ("Ελένη", "Παπαδοπούλου"), ("Андрей", "Смирнов"), ("José", "Núñez")],
)
def test_unicode_names_round_trip_and_are_found_ignoring_case_and_accents(
    db: Database, first: str, last: str
) -> None:
    client = create_client(db, first_name=first, last_name=last)
    create_client(db, first_name="Other", last_name="Person")
    reopened = reopen(db)
    try:
        assert get_client(reopened, client.id).full_name == f"{first} {last}"
        for query in (last.upper(), last.lower(), first[:3], f"{first} {last}"):
            rows = list_clients(reopened, search=query)
            assert [r.id for r in rows] == [client.id], query
    finally:
        reopened.close()


def test_search_ignores_accents_typed_or_stored(db: Database) -> None:
    zoe = create_client(db, first_name="Zoë", last_name="Ødegård")
    eleni = create_client(db, first_name="Ελένη", last_name="Παπαδοπούλου")
    andrei = create_client(db, first_name="Андрей", last_name="Смирнов")
    assert [r.id for r in list_clients(db, search="zoe")] == [zoe.id]
    assert [r.id for r in list_clients(db, search="odegard")] == [zoe.id]
    assert [r.id for r in list_clients(db, search="ZOË")] == [zoe.id]
    assert [r.id for r in list_clients(db, search="ελενη")] == [eleni.id]
    assert [r.id for r in list_clients(db, search="ΕΛΈΝΗ παπαδ")] == [eleni.id]
    assert [r.id for r in list_clients(db, search="андрей")] == [andrei.id]
    assert list_clients(db, search="zoe smirnov") == []
    assert count_clients(db, search="zoe") == 1


def test_search_treats_like_wildcards_literally(db: Database) -> None:
    create_client(db, first_name="Ana", last_name="Lee")
    percent = create_client(db, first_name="Ana", email="a_100%@example.org")
    assert [r.id for r in list_clients(db, search="100%")] == [percent.id]
    assert list_clients(db, search="%") == [list_clients(db, search="100%")[0]]
    assert count_clients(db, search="_") == 1


def test_list_sorts_by_surname_then_first_name_and_pages(db: Database) -> None:
    for first, last in [("Cara", "Brown"), ("Ana", "Ávila"), ("Ben", "brown"), ("Dee", "")]:
        create_client(db, first_name=first, last_name=last)
    names = [r.full_name for r in list_clients(db)]
    assert names == ["Ana Ávila", "Ben brown", "Cara Brown", "Dee"]
    page = list_clients(db, limit=2, offset=1)
    assert [r.full_name for r in page] == ["Ben brown", "Cara Brown"]
    assert count_clients(db) == 4
    with pytest.raises(ValidationError):
        list_clients(db, limit=-1)


def test_list_filters_by_status(db: Database) -> None:
    a = create_client(db, first_name="Ana", status=ClientStatus.ACTIVE)
    create_client(db, first_name="Ben")
    c = create_client(db, first_name="Cy", status="paused")
    rows = list_clients(db, statuses=[ClientStatus.ACTIVE, "paused"])
    assert [r.id for r in rows] == [a.id, c.id]
    assert rows[0].status is ClientStatus.ACTIVE
    assert list_clients(db, statuses=[]) == []
    assert count_clients(db, statuses=["enquiry"]) == 1
    assert count_clients(db, statuses="paused") == 1
    with pytest.raises(ValidationError) as caught:
        list_clients(db, statuses=["gone"])
    assert caught.value.field == "statuses"


def test_client_row_names(db: Database) -> None:
    create_client(db, first_name="Katherine", last_name="Ng", preferred_name="Kate")
    row = list_clients(db)[0]
    assert (row.display_name, row.name, row.full_name) == ("Kate Ng", "Kate Ng", "Katherine Ng")


def test_update_client_changes_fields_and_search_columns(db: Database) -> None:
    client = create_client(db, first_name="Ana", last_name="Silva")
    updated = update_client(db, client.id, last_name="Sílva-Øst", email="ana@example.org")
    assert updated.last_name == "Sílva-Øst"
    assert get_client(db, client.id).email == "ana@example.org"
    assert [r.id for r in list_clients(db, search="silva-ost")] == [client.id]
    assert list_clients(db, search="silva ") != []
    assert get_client(db, client.id).sort_name == "silva-ost ana"
    assert _audit(db, client.id)[-1] == ("edit", "fields: last_name, email")


def test_update_client_without_changes_writes_nothing(db: Database) -> None:
    client = create_client(db, first_name="Ana")
    update_client(db, client.id, first_name=" Ana ")
    assert _audit(db, client.id) == [("create", "")]


def test_update_client_validates_and_leaves_client_untouched(db: Database) -> None:
    client = create_client(db, first_name="Ana", email="ana@example.org")
    with pytest.raises(ValidationError) as caught:
        update_client(db, client.id, email="nope", first_name="Anna")
    assert caught.value.field == "email"
    with pytest.raises(ValidationError) as unknown:
        update_client(db, client.id, search_text="hack")
    assert unknown.value.field == "search_text"
    stored = get_client(db, client.id)
    assert (stored.first_name, stored.email) == ("Ana", "ana@example.org")
    assert len(_audit(db, client.id)) == 1


def test_missing_client_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError):
        get_client(db, 999)
    with pytest.raises(NotFoundError):
        update_client(db, 999, first_name="X")
    with pytest.raises(NotFoundError):
        archive_client(db, 999)


def test_set_status_and_archive(db: Database) -> None:
    client = create_client(db, first_name="Ana")
    assert set_client_status(db, client.id, "paused").status is ClientStatus.PAUSED
    archived = archive_client(db, client.id)
    assert archived.status is ClientStatus.ARCHIVED
    assert archived.archived_at is not None
    assert archived.archived_at.tzinfo is not None
    assert list_clients(db, statuses=[s for s in ClientStatus if s != "archived"]) == []
    restored = set_client_status(db, client.id, ClientStatus.ACTIVE)
    assert restored.archived_at is None
    actions = [a for a, _ in _audit(db, client.id)]
    assert actions == ["create", "edit", "archive", "edit"]
    with pytest.raises(ValidationError) as caught:
        set_client_status(db, client.id, "lost")
    assert caught.value.field == "status"


def _add_enrolment(db: Database, client_id: int, status: EnrolmentStatus) -> None:
    with db.transaction() as s:
        s.add(
            Enrolment(
                client_id=client_id,
                programme_name="P",
                start_date=date(2026, 1, 1),
                end_date=date(2026, 3, 31),
                agreed_price=1000,
                currency="GBP",
                payment_plan="full",
                status=status,
                terms_snapshot={},
            )
        )


@pytest.mark.parametrize(
    ("status", "words"),
    [(EnrolmentStatus.ACTIVE, "active enrolment"), (EnrolmentStatus.PROPOSED, "cancel it")],
)
def test_archive_refused_while_an_enrolment_is_open(
    db: Database, status: EnrolmentStatus, words: str
) -> None:
    client = create_client(db, first_name="Ana", last_name="Silva")
    _add_enrolment(db, client.id, status)
    with pytest.raises(ValidationError) as caught:
        archive_client(db, client.id)
    assert words in str(caught.value)
    assert "Ana Silva" in str(caught.value)
    with pytest.raises(ValidationError):
        update_client(db, client.id, status="archived")
    stored = get_client(db, client.id)
    assert stored.status is ClientStatus.ENQUIRY
    assert stored.archived_at is None


def test_archive_allowed_after_enrolment_completed(db: Database) -> None:
    client = create_client(db, first_name="Ana")
    _add_enrolment(db, client.id, EnrolmentStatus.COMPLETED)
    assert archive_client(db, client.id).status is ClientStatus.ARCHIVED


def test_viewing_a_client_record_is_audited_without_content(db: Database) -> None:
    from practice.services.clients import view_client

    client = create_client(db, first_name="Ελένη", last_name="Παπαδοπούλου")
    assert view_client(db, client.id).id == client.id
    with db.transaction() as s:
        entries = s.execute(
            select(AuditEntry.action, AuditEntry.entity_id, AuditEntry.detail).where(
                AuditEntry.action == "view"
            )
        ).all()
    assert [(action, ident) for action, ident, _ in entries] == [("view", client.id)]
    assert all("Ελένη" not in detail for _, _, detail in entries)
    with pytest.raises(NotFoundError):
        view_client(db, client.id + 1000)
