"""The helpers services share: validation of dates and choices, loading, archiving."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from practice.db import Database
from practice.errors import NotFoundError, ValidationError
from practice.models import EnquiryOutcome, Provider, ResourceKind
from practice.services import records, validation
from practice.services.referrals import add_provider
from practice.timeutil import today


def test_past_day_takes_a_date_up_to_today() -> None:
    assert validation.past_day(today(), "on") == today()
    assert validation.past_day(date(2020, 2, 3), "on", not_before=date(2020, 2, 3)) == date(
        2020, 2, 3
    )


@pytest.mark.parametrize("value", [datetime(2020, 1, 1, 9, 0), "2020-01-01", None, 3])
def test_past_day_refuses_what_is_not_a_date(value: object) -> None:
    with pytest.raises(ValidationError, match="must be a date") as caught:
        validation.past_day(value, "shared_on")
    assert caught.value.field == "shared_on"


def test_past_day_refuses_tomorrow_and_before_the_floor() -> None:
    with pytest.raises(ValidationError, match="cannot be after"):
        validation.past_day(today() + timedelta(days=1), "on")
    with pytest.raises(ValidationError, match="cannot be before 2020-02-03"):
        validation.past_day(date(2020, 2, 2), "on", not_before=date(2020, 2, 3))


def test_choices_take_one_bare_value_or_several() -> None:
    assert validation.choices("book", ResourceKind, "kind") == [ResourceKind.BOOK]
    assert validation.choices(EnquiryOutcome.WAITING, EnquiryOutcome, "outcome") == [
        EnquiryOutcome.WAITING
    ]
    assert validation.choices(["book", ResourceKind.LINK], ResourceKind, "kind") == [
        ResourceKind.BOOK,
        ResourceKind.LINK,
    ]
    assert validation.choices([], ResourceKind, "kind") == []
    with pytest.raises(ValidationError, match="“novel” is not one of") as caught:
        validation.choices(["book", "novel"], ResourceKind, "kind")
    assert caught.value.field == "kind"


def test_get_or_raise_names_what_is_missing(db: Database) -> None:
    bea = add_provider(db, name="Bea")
    with db.transaction() as s:
        assert records.get_or_raise(s, Provider, bea.id, "provider").name == "Bea"
        with pytest.raises(NotFoundError, match="There is no provider with id 999"):
            records.get_or_raise(s, Provider, 999, "provider")


def test_archive_keeps_the_first_moment_and_restore_clears_it(db: Database) -> None:
    bea = add_provider(db, name="Bea")
    first = records.archive(db, Provider, bea.id, "provider").archived_at
    assert first is not None
    assert records.archive(db, Provider, bea.id, "provider").archived_at == first
    assert records.restore(db, Provider, bea.id, "provider").archived_at is None
    with pytest.raises(NotFoundError):
        records.archive(db, Provider, 999, "provider")


def test_check_one_person_wants_exactly_one() -> None:
    records.check_one_person(1, None)
    records.check_one_person(None, 2)
    for client_id, enquiry_id in ((None, None), (1, 2)):
        with pytest.raises(ValidationError, match="either a client or an enquiry"):
            records.check_one_person(client_id, enquiry_id)


def test_check_changeable_names_the_first_unknown_field() -> None:
    records.check_changeable({"name": "Bea"}, ("name", "notes"), "a provider")
    records.check_changeable([], (), "a provider")
    with pytest.raises(ValidationError, match="cannot be changed on a provider") as caught:
        records.check_changeable(["name", "colour", "size"], ("name",), "a provider")
    assert caught.value.field == "colour"
