"""The resource library and what was shared with whom."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from practice.db import Database
from practice.errors import NotFoundError, ValidationError
from practice.models import Client, Enquiry, ResourceKind
from practice.services.resources import (
    add_resource,
    archive_resource,
    list_resources,
    restore_resource,
    share_resource,
    shares_for,
    update_resource,
)

DAY = date(2026, 3, 2)


def add_people(db: Database) -> tuple[int, int]:
    with db.transaction() as s:
        client = Client(first_name="Zoë")
        enquiry = Enquiry(name="Ana López", received_on=DAY)
        s.add_all([client, enquiry])
        s.flush()
        return client.id, enquiry.id


def test_add_update_and_validate(db: Database) -> None:
    scan = add_resource(
        db, title=" Body scan — 身体扫描 ", kind="audio", location="~/Recordings/scan.mp3"
    )
    assert (scan.title, scan.kind, scan.archived_at) == (
        "Body scan — 身体扫描",
        ResourceKind.AUDIO,
        None,
    )
    changed = update_resource(db, scan.id, title="Body scan (20 min)", kind=ResourceKind.VIDEO)
    assert (changed.title, changed.kind, changed.location) == (
        "Body scan (20 min)",
        ResourceKind.VIDEO,
        "~/Recordings/scan.mp3",
    )
    cases: list[tuple[dict[str, Any], str]] = [
        ({"title": "  "}, "title"),
        ({"title": "x" * 301}, "title"),
        ({"kind": "podcast"}, "kind"),
        ({"location": "y" * 1001}, "location"),
        ({"description": "bad\x00"}, "description"),
        ({"colour": "red"}, "colour"),
    ]
    for kwargs, field in cases:
        with pytest.raises(ValidationError) as info:
            update_resource(db, scan.id, **kwargs)
        assert info.value.field == field
    with pytest.raises(ValidationError):
        add_resource(db, title="", kind="book")
    with pytest.raises(NotFoundError):
        update_resource(db, 999, title="x")
    assert [r.title for r in list_resources(db)] == ["Body scan (20 min)"]


def test_list_searches_filters_and_hides_archived(db: Database) -> None:
    add_resource(db, title="body scan", kind="audio", description="Sleep help")
    book = add_resource(db, title="Atlas of the Heart", kind="book", location="Shelf 2")
    add_resource(db, title="Thought record 100%_sure", kind="worksheet")
    names = lambda rows: [r.title for r in rows]  # noqa: E731
    assert names(list_resources(db)) == [
        "Atlas of the Heart",
        "body scan",
        "Thought record 100%_sure",
    ]
    assert names(list_resources(db, search="SLEEP")) == ["body scan"]
    assert names(list_resources(db, search="shelf heart")) == ["Atlas of the Heart"]
    assert names(list_resources(db, search="100%_")) == ["Thought record 100%_sure"]
    assert names(list_resources(db, search="%")) == ["Thought record 100%_sure"]
    assert names(list_resources(db, kinds=["book", ResourceKind.AUDIO])) == [
        "Atlas of the Heart",
        "body scan",
    ]
    assert names(list_resources(db, kinds="worksheet")) == ["Thought record 100%_sure"]
    archived = archive_resource(db, book.id)
    assert archived.archived_at is not None
    assert archive_resource(db, book.id).archived_at == archived.archived_at
    assert book.id not in [r.id for r in list_resources(db)]
    assert book.id in [r.id for r in list_resources(db, include_archived=True)]
    restore_resource(db, book.id)
    assert len(list_resources(db)) == 3


def test_share_with_exactly_one_person(db: Database) -> None:
    client, enquiry = add_people(db)
    scan = add_resource(db, title="Body scan", kind="audio", location="scan.mp3")
    book = add_resource(db, title="Atlas", kind="book")
    first = share_resource(db, resource_id=scan.id, client_id=client, shared_on=DAY, note="Nightly")
    second = share_resource(
        db, resource_id=book.id, client_id=client, shared_on=DAY + timedelta(days=3)
    )
    share_resource(db, resource_id=scan.id, enquiry_id=enquiry, shared_on=DAY)
    rows = shares_for(db, client_id=client)
    assert [(r.id, r.title) for r in rows] == [(second.id, "Atlas"), (first.id, "Body scan")]
    assert (rows[1].kind, rows[1].location, rows[1].note, rows[1].client_id) == (
        ResourceKind.AUDIO,
        "scan.mp3",
        "Nightly",
        client,
    )
    assert [r.enquiry_id for r in shares_for(db, enquiry_id=enquiry)] == [enquiry]
    cases: list[tuple[dict[str, Any], str]] = [
        ({}, "client"),
        ({"client_id": client, "enquiry_id": enquiry}, "client"),
        ({"client_id": client, "shared_on": date.today() + timedelta(days=1)}, "shared_on"),
        ({"enquiry_id": enquiry, "shared_on": DAY - timedelta(days=1)}, "shared_on"),
        ({"client_id": client, "note": "n" * 2001}, "note"),
    ]
    for kwargs, field in cases:
        args: dict[str, object] = {"resource_id": scan.id, "shared_on": DAY}
        args.update(kwargs)
        with pytest.raises(ValidationError) as info:
            share_resource(db, **args)  # type: ignore[arg-type]
        assert info.value.field == field
    with pytest.raises(NotFoundError):
        share_resource(db, resource_id=999, client_id=client, shared_on=DAY)
    with pytest.raises(NotFoundError):
        share_resource(db, resource_id=scan.id, client_id=999, shared_on=DAY)
    archive_resource(db, book.id)
    with pytest.raises(ValidationError) as info:
        share_resource(db, resource_id=book.id, client_id=client, shared_on=DAY)
    assert info.value.field == "resource"
    with pytest.raises(ValidationError):
        shares_for(db)
    assert len(shares_for(db, client_id=client)) == 2
