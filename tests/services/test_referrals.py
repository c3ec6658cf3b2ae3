"""The provider directory and referrals."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from practice.db import Database
from practice.errors import NotFoundError, ValidationError
from practice.models import AuditEntry, Client, Enquiry
from practice.services.referrals import (
    add_provider,
    archive_provider,
    list_providers,
    refer,
    referrals_for,
    restore_provider,
    update_provider,
)

DAY = date(2026, 3, 2)


def add_people(db: Database) -> tuple[int, int]:
    with db.transaction() as s:
        client = Client(first_name="Zoë", last_name="Ødegård")
        enquiry = Enquiry(name="Ana López", received_on=DAY)
        s.add_all([client, enquiry])
        s.flush()
        return client.id, enquiry.id


def test_add_update_and_validate(db: Database) -> None:
    provider = add_provider(
        db,
        name=" Dr Иван Петров ",
        speciality="Trauma, EMDR",
        email="ivan@example.org",
        phone="+44 20 7946 0000",
        website="https://example.org",
    )
    assert (provider.name, provider.speciality) == ("Dr Иван Петров", "Trauma, EMDR")
    changed = update_provider(
        db, provider.id, organisation="City Clinic", notes="Waiting list 6 weeks"
    )
    assert (changed.organisation, changed.email) == ("City Clinic", "ivan@example.org")
    cases: list[tuple[dict[str, Any], str]] = [
        ({"name": ""}, "name"),
        ({"name": "n" * 201}, "name"),
        ({"email": "not an email"}, "email"),
        ({"phone": "call me"}, "phone"),
        ({"website": "w" * 501}, "website"),
        ({"fax": "123"}, "fax"),
    ]
    for kwargs, field in cases:
        with pytest.raises(ValidationError) as info:
            update_provider(db, provider.id, **kwargs)
        assert info.value.field == field
    with pytest.raises(NotFoundError):
        update_provider(db, 999, name="x")
    assert [p.organisation for p in list_providers(db)] == ["City Clinic"]


def test_list_search_and_archive(db: Database) -> None:
    bea = add_provider(db, name="bea Nutrition", speciality="Eating")
    add_provider(db, name="Alan Carr", speciality="Couples", organisation="Relate")
    names = lambda rows: [p.name for p in rows]  # noqa: E731
    assert names(list_providers(db)) == ["Alan Carr", "bea Nutrition"]
    assert names(list_providers(db, search="relate")) == ["Alan Carr"]
    assert names(list_providers(db, search="EATING bea")) == ["bea Nutrition"]
    assert names(list_providers(db, search="nobody")) == []
    archive_provider(db, bea.id)
    assert names(list_providers(db)) == ["Alan Carr"]
    assert names(list_providers(db, include_archived=True)) == ["Alan Carr", "bea Nutrition"]
    restore_provider(db, bea.id)
    assert len(list_providers(db)) == 2


def test_refer_client_or_enquirer(db: Database) -> None:
    client, enquiry = add_people(db)
    ivan = add_provider(db, name="Ivan", speciality="Trauma")
    bea = add_provider(db, name="Bea")
    r1 = refer(db, provider_id=ivan.id, client_id=client, referred_on=DAY, reason="EMDR")
    r2 = refer(db, provider_id=bea.id, client_id=client, referred_on=DAY + timedelta(days=1))
    r3 = refer(db, provider_id=ivan.id, enquiry_id=enquiry, referred_on=DAY)
    rows = referrals_for(db, client_id=client)
    assert [(r.id, r.provider_name, r.person_name) for r in rows] == [
        (r2.id, "Bea", "Zoë Ødegård"),
        (r1.id, "Ivan", "Zoë Ødegård"),
    ]
    assert rows[1].reason == "EMDR" and rows[1].speciality == "Trauma"
    to_ivan = referrals_for(db, provider_id=ivan.id)
    assert [(r.id, r.person_name) for r in to_ivan] == [
        (r3.id, "Ana López"),
        (r1.id, "Zoë Ødegård"),
    ]
    assert [r.id for r in referrals_for(db, enquiry_id=enquiry)] == [r3.id]
    with db.transaction() as s:
        audited = s.scalars(
            select(AuditEntry.entity_id)
            .where(AuditEntry.entity == "referral")
            .order_by(AuditEntry.id)
        ).all()
    assert list(audited) == [r1.id, r2.id]


def test_refer_validation(db: Database) -> None:
    client, enquiry = add_people(db)
    ivan = add_provider(db, name="Ivan")
    cases: list[tuple[dict[str, Any], str]] = [
        ({}, "client"),
        ({"client_id": client, "enquiry_id": enquiry}, "client"),
        ({"client_id": client, "referred_on": date.today() + timedelta(days=2)}, "referred_on"),
        ({"enquiry_id": enquiry, "referred_on": DAY - timedelta(days=1)}, "referred_on"),
        ({"client_id": client, "reason": "r" * 5001}, "reason"),
    ]
    for kwargs, field in cases:
        args: dict[str, object] = {"provider_id": ivan.id, "referred_on": DAY}
        args.update(kwargs)
        with pytest.raises(ValidationError) as info:
            refer(db, **args)  # type: ignore[arg-type]
        assert info.value.field == field
    with pytest.raises(NotFoundError):
        refer(db, provider_id=999, client_id=client, referred_on=DAY)
    with pytest.raises(NotFoundError):
        refer(db, provider_id=ivan.id, enquiry_id=999, referred_on=DAY)
    archive_provider(db, ivan.id)
    with pytest.raises(ValidationError) as info:
        refer(db, provider_id=ivan.id, client_id=client, referred_on=DAY)
    assert info.value.field == "provider"
    assert referrals_for(db) == []
