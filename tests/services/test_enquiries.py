"""Enquiries: recording, outcomes, referring or pointing to a resource, converting."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from practice.db import Database
from practice.errors import NotFoundError, ValidationError
from practice.models import Client, ClientStatus, EnquiryOutcome, Referral, ResourceShare
from practice.services.enquiries import (
    convert_enquiry_to_client,
    get_enquiry,
    list_enquiries,
    point_to_resource,
    record_enquiry,
    refer_enquirer,
    set_enquiry_outcome,
    split_name,
    update_enquiry,
)
from practice.services.referrals import add_provider, archive_provider, referrals_for
from practice.services.resources import add_resource, shares_for
from practice.timeutil import today

DAY = date(2026, 3, 2)


def test_record_and_update(db: Database) -> None:
    enquiry = record_enquiry(
        db,
        name=" Zoë Ødegård ",
        received_on=DAY,
        email="zoe@example.org",
        request="Anxiety at work — 焦虑",
        source="Google",
    )
    assert (enquiry.name, enquiry.outcome, enquiry.closed_on) == (
        "Zoë Ødegård",
        EnquiryOutcome.WAITING,
        None,
    )
    changed = update_enquiry(db, enquiry.id, phone="07700 900123", source="A friend")
    assert (changed.phone, changed.source, changed.email) == (
        "07700 900123",
        "A friend",
        "zoe@example.org",
    )
    cases: list[tuple[dict[str, Any], str]] = [
        ({"name": " "}, "name"),
        ({"name": "n" * 201}, "name"),
        ({"email": "zoe@"}, "email"),
        ({"phone": "ring"}, "phone"),
        ({"received_on": date.today() + timedelta(days=1)}, "received_on"),
        ({"received_on": "2026-03-02"}, "received_on"),
        ({"request": "r" * 10_001}, "request"),
        ({"outcome": "enrolled"}, "outcome"),
    ]
    for kwargs, field in cases:
        with pytest.raises(ValidationError) as info:
            update_enquiry(db, enquiry.id, **kwargs)
        assert info.value.field == field
    with pytest.raises(ValidationError):
        record_enquiry(db, name="", received_on=DAY)
    with pytest.raises(NotFoundError):
        get_enquiry(db, 999)
    assert get_enquiry(db, enquiry.id).source == "A friend"


def test_outcome_closes_and_waiting_reopens(db: Database) -> None:
    enquiry = record_enquiry(db, name="Ana", received_on=DAY)
    declined = set_enquiry_outcome(db, enquiry.id, "declined", note="Outside my scope")
    assert (declined.outcome, declined.closed_on, declined.outcome_note) == (
        EnquiryOutcome.DECLINED,
        today(),
        "Outside my scope",
    )
    dated = set_enquiry_outcome(
        db, enquiry.id, EnquiryOutcome.DECLINED, closed_on=DAY + timedelta(days=1)
    )
    assert dated.closed_on == DAY + timedelta(days=1)
    reopened = set_enquiry_outcome(db, enquiry.id, "waiting")
    assert (reopened.outcome, reopened.closed_on) == (EnquiryOutcome.WAITING, None)
    cases: list[tuple[tuple[str], dict[str, Any], str]] = [
        (("maybe",), {}, "outcome"),
        (("declined",), {"closed_on": DAY - timedelta(days=1)}, "closed_on"),
        (("declined",), {"closed_on": date.today() + timedelta(days=1)}, "closed_on"),
        (("waiting",), {"closed_on": DAY}, "closed_on"),
    ]
    for args, kwargs, field in cases:
        with pytest.raises(ValidationError) as info:
            set_enquiry_outcome(db, enquiry.id, *args, **kwargs)
        assert info.value.field == field
    set_enquiry_outcome(db, enquiry.id, "declined", closed_on=DAY + timedelta(days=2))
    with pytest.raises(ValidationError) as info:
        update_enquiry(db, enquiry.id, received_on=DAY + timedelta(days=3))
    assert info.value.field == "received_on"
    assert get_enquiry(db, enquiry.id).received_on == DAY


def test_refer_enquirer_in_one_transaction(db: Database) -> None:
    enquiry = record_enquiry(db, name="Ana", received_on=DAY)
    ivan = add_provider(db, name="Ivan", speciality="Eating disorders")
    referral = refer_enquirer(db, enquiry.id, ivan.id, "Specialist care", DAY + timedelta(days=1))
    assert (referral.enquiry_id, referral.reason) == (enquiry.id, "Specialist care")
    after = get_enquiry(db, enquiry.id)
    assert (after.outcome, after.closed_on) == (EnquiryOutcome.REFERRED, DAY + timedelta(days=1))
    assert [r.provider_name for r in referrals_for(db, enquiry_id=enquiry.id)] == ["Ivan"]

    other = record_enquiry(db, name="Ben", received_on=DAY)
    archive_provider(db, ivan.id)
    with pytest.raises(ValidationError):
        refer_enquirer(db, other.id, ivan.id, "x", DAY)
    with pytest.raises(ValidationError):
        refer_enquirer(db, other.id, ivan.id, "x", DAY - timedelta(days=1))
    with pytest.raises(NotFoundError):
        refer_enquirer(db, 999, ivan.id, "x", DAY)
    assert get_enquiry(db, other.id).outcome is EnquiryOutcome.WAITING
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Referral)) == 1


def test_point_to_resource(db: Database) -> None:
    enquiry = record_enquiry(db, name="Ana", received_on=DAY)
    course = add_resource(
        db, title="Self-compassion course", kind="course", location="https://example.org"
    )
    share = point_to_resource(db, enquiry.id, course.id, DAY, note="Free online")
    assert share.enquiry_id == enquiry.id
    after = get_enquiry(db, enquiry.id)
    assert (after.outcome, after.closed_on) == (EnquiryOutcome.RESOURCE, DAY)
    assert [(r.title, r.note) for r in shares_for(db, enquiry_id=enquiry.id)] == [
        ("Self-compassion course", "Free online")
    ]
    other = record_enquiry(db, name="Ben", received_on=DAY)
    with pytest.raises(NotFoundError):
        point_to_resource(db, other.id, 999, DAY)
    with pytest.raises(ValidationError):
        point_to_resource(db, other.id, course.id, date.today() + timedelta(days=1))
    assert get_enquiry(db, other.id).outcome is EnquiryOutcome.WAITING
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(ResourceShare)) == 1


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Zoë", ("Zoë", "")),
        ("Ana María López", ("Ana María", "López")),
        ("Anna van der Berg", ("Anna", "van der Berg")),
        ("López, Ana", ("Ana", "López")),
        ("  Иван   Петров ", ("Иван", "Петров")),
        ("van Morrison", ("van", "Morrison")),
        ("Madonna,", ("Madonna", "")),
    ],
)
def test_split_name(name: str, expected: tuple[str, str]) -> None:
    assert split_name(name) == expected


@given(
    st.lists(st.text(alphabet=st.characters(categories=["L"]), min_size=1), min_size=1, max_size=5)
)
def test_split_name_keeps_every_word_in_order(words: list[str]) -> None:
    first, last = split_name(" ".join(words))
    assert first
    assert " ".join(part for part in (first, last) if part) == " ".join(words)
    assert (last == "") == (len(words) == 1)


def test_convert_enquiry_to_client(db: Database) -> None:
    enquiry = record_enquiry(
        db,
        name="Zoë van der Berg",
        received_on=DAY,
        email="zoe@example.org",
        phone="+31 20 123 4567",
        source="Instagram",
    )
    client_id = convert_enquiry_to_client(db, enquiry.id)
    assert convert_enquiry_to_client(db, enquiry.id) == client_id
    with db.transaction() as s:
        client = s.get(Client, client_id)
        assert client is not None
        assert (client.first_name, client.last_name, client.email, client.phone, client.source) == (
            "Zoë",
            "van der Berg",
            "zoe@example.org",
            "+31 20 123 4567",
            "Instagram",
        )
        assert client.status is ClientStatus.ENQUIRY
        assert client.sort_name == "van der berg zoe"
        assert "zoe" in client.search_text and "berg" in client.search_text
        assert s.scalar(select(func.count()).select_from(Client)) == 1
    after = get_enquiry(db, enquiry.id)
    assert (after.client_id, after.outcome) == (client_id, EnquiryOutcome.WAITING)
    with pytest.raises(NotFoundError):
        convert_enquiry_to_client(db, 999)


def test_list_enquiries(db: Database) -> None:
    a = record_enquiry(db, name="A", received_on=DAY - timedelta(days=10))
    b = record_enquiry(db, name="B", received_on=DAY)
    c = record_enquiry(db, name="C", received_on=DAY)
    set_enquiry_outcome(db, b.id, "declined")
    ids = lambda rows: [e.id for e in rows]  # noqa: E731
    assert ids(list_enquiries(db)) == [c.id, b.id, a.id]
    assert ids(list_enquiries(db, since=DAY)) == [c.id, b.id]
    assert ids(list_enquiries(db, outcomes="waiting")) == [c.id, a.id]
    assert ids(list_enquiries(db, outcomes=[EnquiryOutcome.DECLINED, "referred"])) == [b.id]
    with pytest.raises(ValidationError):
        list_enquiries(db, outcomes=["lost"])
