"""Who was given a resource (the Directory page's "Given to" list): ``recipients_of``."""

from __future__ import annotations

from datetime import date

from practice.db import Database
from practice.models import ResourceKind
from practice.services.clients import create_client
from practice.services.enquiries import point_to_resource, record_enquiry
from practice.services.resources import add_resource, recipients_of, share_resource


def test_recipients_are_clients_and_enquirers_newest_first(db: Database) -> None:
    guide = add_resource(db, title="Sleep guide", kind=ResourceKind.WORKSHEET)
    other = add_resource(db, title="Body scan", kind=ResourceKind.AUDIO)
    client = create_client(db, first_name="Zoë", last_name="Ødegård")
    first_only = create_client(db, first_name="Kai")
    enquiry = record_enquiry(db, name="Ана Смирнова", received_on=date(2026, 1, 5))
    share_resource(db, resource_id=guide.id, client_id=client.id, shared_on=date(2026, 1, 2))
    point_to_resource(db, enquiry.id, guide.id, date(2026, 1, 9), note="Free guide")
    share_resource(db, resource_id=guide.id, client_id=first_only.id, shared_on=date(2026, 1, 9))
    share_resource(db, resource_id=other.id, client_id=client.id, shared_on=date(2026, 1, 10))

    rows = recipients_of(db, guide.id)

    assert [(r.person_name, r.shared_on, r.note) for r in rows] == [
        ("Kai", date(2026, 1, 9), ""),
        ("Ана Смирнова", date(2026, 1, 9), "Free guide"),
        ("Zoë Ødegård", date(2026, 1, 2), ""),
    ]
    assert [(r.client_id, r.enquiry_id) for r in rows] == [
        (first_only.id, None),
        (None, enquiry.id),
        (client.id, None),
    ]
    assert {r.resource_id for r in rows} == {guide.id}
    assert [r.person_name for r in recipients_of(db, other.id)] == ["Zoë Ødegård"]


def test_a_resource_never_given_has_no_recipients(db: Database) -> None:
    unused = add_resource(db, title="Values card sort", kind=ResourceKind.WORKSHEET)
    assert recipients_of(db, unused.id) == []
    assert recipients_of(db, unused.id + 100) == []
