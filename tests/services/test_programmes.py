from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from practice.db import Database, open_database
from practice.errors import NotFoundError, ValidationError
from practice.models import (
    InclusionKind,
    InstalmentInterval,
    LengthUnit,
    Programme,
    ProgrammeInclusion,
    ProgrammePeriod,
    Resource,
    ResourceKind,
    SupportMode,
)
from practice.services.programmes import (
    InclusionSpec,
    PeriodPlan,
    archive_programme,
    create_programme,
    duplicate_programme,
    get_programme,
    list_programmes,
    restore_programme,
    update_programme,
)
from practice.services.scheduling import planned_sessions


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One real database for the many refusal cases below: each checks it saved nothing."""
    database = open_database(tmp_path_factory.mktemp("shared") / "practice.db")
    yield database
    database.close()


def worked_example(**overrides: Any) -> dict[str, Any]:
    """The issue's example: 3 months, 3 + 2 + 2 sessions, £1,200 in 3 instalments."""
    terms: dict[str, Any] = {
        "name": "Three months of change",
        "summary": "Weekly-ish sessions over three months",
        "description": "We meet 3 times in month one, then twice a month, {client_first_name}.",
        "length_value": 3,
        "length_unit": LengthUnit.MONTHS,
        "session_minutes": 60,
        "periods": [PeriodPlan(1, 1, 3), PeriodPlan(2, 3, 2)],
        "support_mode": SupportMode.COUNT,
        "support_call_count": 4,
        "support_call_minutes": 15,
        "support_minutes_estimate": 0,
        "inclusions": [
            InclusionSpec(InclusionKind.RECORDING, "Relaxation recording"),
            InclusionSpec("worksheet", "Values worksheet"),
        ],
        "price": 120_000,
        "currency": "gbp",
        "full_payment_discount": 10_000,
        "instalment_count": 3,
        "instalment_interval": InstalmentInterval.MONTHLY,
        "minimum_term": 2,
        "prep_minutes_per_session": 15,
        "writeup_minutes_per_session": 20,
        "supervision_minutes_per_month": 60,
    }
    terms.update(overrides)
    return terms


def _counts(db: Database) -> tuple[int, int, int]:
    with db.transaction() as s:
        return tuple(  # type: ignore[return-value]
            int(s.scalar(select(func.count()).select_from(m)) or 0)
            for m in (Programme, ProgrammePeriod, ProgrammeInclusion)
        )


def test_create_worked_example(db: Database) -> None:
    programme = create_programme(db, **worked_example())
    stored = get_programme(db, programme.id)
    assert stored.name == "Three months of change"
    assert stored.currency == "GBP"
    assert stored.price == 120_000
    assert stored.length_unit is LengthUnit.MONTHS
    assert [(p.first_period, p.last_period, p.sessions_per_period) for p in stored.periods] == [
        (1, 1, 3),
        (2, 3, 2),
    ]
    assert planned_sessions(stored.periods) == 7
    assert [(i.kind, i.description, i.position) for i in stored.inclusions] == [
        (InclusionKind.RECORDING, "Relaxation recording", 0),
        (InclusionKind.WORKSHEET, "Values worksheet", 1),
    ]
    assert stored.support_call_count == 4
    assert stored.supervision_minutes_per_month == 60
    assert _counts(db) == (1, 2, 2)


def test_session_plan_lines_may_come_in_any_order(db: Database) -> None:
    programme = create_programme(
        db, **worked_example(periods=[PeriodPlan(2, 3, 2), PeriodPlan(1, 1, 3)])
    )
    assert [p.first_period for p in programme.periods] == [1, 2]


@pytest.mark.parametrize(
    ("periods", "words"),
    [
        ([PeriodPlan(1, 1, 3), PeriodPlan(3, 3, 2)], "month 2 has no line"),
        ([PeriodPlan(1, 2, 3), PeriodPlan(2, 3, 2)], "month 2 is in the plan twice"),
        ([PeriodPlan(1, 4, 3)], "month 4 is after the end of a 3-month programme"),
        ([PeriodPlan(0, 3, 3)], "counted from 1"),
        ([PeriodPlan(3, 1, 3)], "runs backwards"),
        ([PeriodPlan(1, 3, 0)], "at least one session"),
        ([], "month 1 has no line"),
        ([PeriodPlan(1, 3, -1)], "cannot be negative"),
        ([PeriodPlan(1, 3, 61)], "please check"),
        ([PeriodPlan(1, 3, 2.5)], "whole numbers"),  # type: ignore[arg-type]
        ([(1, 3, 2)], "first, last and sessions"),
    ],
)
def test_session_plan_must_cover_every_period_once(
    shared_db: Database, periods: list[PeriodPlan], words: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        create_programme(shared_db, **worked_example(periods=periods))
    assert caught.value.field == "periods"
    assert words in caught.value.message
    assert _counts(shared_db) == (0, 0, 0)


def test_weeks_programme_messages_speak_of_weeks(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        create_programme(
            db,
            **worked_example(
                length_value=6,
                length_unit="weeks",
                minimum_term=0,
                periods=[PeriodPlan(1, 5, 1)],
            ),
        )
    assert caught.value.message == "week 6 has no line in the session plan."


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": "  "}, "name"),
        ({"name": "n" * 201}, "name"),
        ({"summary": "s" * 301}, "summary"),
        ({"description": "d" * 20_001}, "description"),
        ({"description": "Dear {client_nmae}"}, "description"),
        ({"description": "An open { brace"}, "description"),
        ({"length_value": 0}, "length_value"),
        ({"length_value": 37}, "length_value"),
        ({"length_unit": "years"}, "length_unit"),
        ({"session_minutes": 4}, "session_minutes"),
        ({"session_minutes": 601}, "session_minutes"),
        ({"price": -1}, "price"),
        ({"price": 1_000_000_001}, "price"),
        ({"price": 12.5}, "price"),
        ({"currency": "XXY"}, "currency"),
        ({"currency": "pounds"}, "currency"),
        ({"full_payment_discount": 120_001}, "full_payment_discount"),
        ({"full_payment_discount": -5}, "full_payment_discount"),
        ({"instalment_count": 0}, "instalment_count"),
        ({"instalment_count": 61}, "instalment_count"),
        ({"instalment_interval": "yearly"}, "instalment_interval"),
        ({"minimum_term": 4}, "minimum_term"),
        ({"minimum_term": -1}, "minimum_term"),
        ({"support_mode": "sometimes"}, "support_mode"),
        ({"support_call_count": 0}, "support_call_count"),
        ({"support_call_minutes": 2}, "support_call_minutes"),
        ({"support_minutes_estimate": -10}, "support_minutes_estimate"),
        ({"prep_minutes_per_session": 481}, "prep_minutes_per_session"),
        ({"writeup_minutes_per_session": -1}, "writeup_minutes_per_session"),
        ({"supervision_minutes_per_month": 6_001}, "supervision_minutes_per_month"),
        ({"inclusions": [InclusionSpec("gift", "Mug")]}, "inclusions"),
        ({"inclusions": [InclusionSpec("video", "  ")]}, "inclusions"),
        ({"inclusions": [InclusionSpec("video", "v", resource_id=999)]}, "inclusions"),
    ],
)
def test_programme_validation_names_the_field(
    shared_db: Database, overrides: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        create_programme(shared_db, **worked_example(**overrides))
    assert caught.value.field == field
    assert _counts(shared_db) == (0, 0, 0)


def test_unknown_merge_field_message_suggests_the_right_one(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        create_programme(db, **worked_example(description="Hello {client_nmae}"))
    assert "{client_name}" in caught.value.message


def test_support_as_needed_takes_an_estimate(db: Database) -> None:
    programme = create_programme(
        db,
        **worked_example(
            support_mode=SupportMode.AS_NEEDED, support_call_count=0, support_minutes_estimate=90
        ),
    )
    assert programme.support_mode is SupportMode.AS_NEEDED
    assert programme.support_minutes_estimate == 90


def test_free_programme_and_zero_decimal_currency(db: Database) -> None:
    free = create_programme(db, **worked_example(price=0, full_payment_discount=0))
    assert free.price == 0
    yen = create_programme(db, **worked_example(price=150_000, currency="JPY"))
    assert (yen.price, yen.currency) == (150_000, "JPY")
    with pytest.raises(ValidationError):
        create_programme(db, **worked_example(price=10_000_001, currency="JPY"))


def test_inclusion_may_link_a_resource(db: Database) -> None:
    with db.transaction() as s:
        resource = Resource(title="Sleep audio", kind=ResourceKind.AUDIO)
        s.add(resource)
        s.flush()
        resource_id = resource.id
    programme = create_programme(
        db, **worked_example(inclusions=[InclusionSpec("recording", "Sleep", resource_id)])
    )
    assert programme.inclusions[0].resource_id == resource_id


def test_update_replaces_periods_and_inclusions(db: Database) -> None:
    programme = create_programme(db, **worked_example())
    updated = update_programme(
        db,
        programme.id,
        name="Four months",
        length_value=4,
        periods=[PeriodPlan(1, 2, 2), PeriodPlan(3, 4, 1)],
        inclusions=[InclusionSpec("video", "Intro video")],
        price=150_000,
    )
    assert updated.name == "Four months"
    assert [(p.first_period, p.last_period) for p in updated.periods] == [(1, 2), (3, 4)]
    assert [i.description for i in updated.inclusions] == ["Intro video"]
    assert _counts(db) == (1, 2, 1)
    again = update_programme(db, programme.id, session_minutes=50)
    assert len(again.periods) == 2 and len(again.inclusions) == 1
    assert get_programme(db, programme.id).session_minutes == 50


def test_update_checks_the_plan_against_the_new_length(db: Database) -> None:
    programme = create_programme(db, **worked_example())
    with pytest.raises(ValidationError) as caught:
        update_programme(db, programme.id, length_value=4)
    assert caught.value.message == "month 4 has no line in the session plan."
    with pytest.raises(ValidationError) as shorter:
        update_programme(db, programme.id, length_value=2, minimum_term=1)
    assert "month 3 is after the end" in shorter.value.message
    with pytest.raises(ValidationError) as unknown:
        update_programme(db, programme.id, colour="blue")
    assert unknown.value.field == "colour"
    stored = get_programme(db, programme.id)
    assert stored.length_value == 3
    assert len(stored.periods) == 2
    assert _counts(db) == (1, 2, 2)


def test_update_failing_on_inclusions_keeps_old_ones(db: Database) -> None:
    programme = create_programme(db, **worked_example())
    with pytest.raises(ValidationError):
        update_programme(db, programme.id, name="Renamed", inclusions=[InclusionSpec("x", "y")])
    stored = get_programme(db, programme.id)
    assert stored.name == "Three months of change"
    assert len(stored.inclusions) == 2


def test_archive_restore_list_and_duplicate(db: Database) -> None:
    first = create_programme(db, **worked_example(name="b programme"))
    second = create_programme(db, **worked_example(name="A programme"))
    assert [p.name for p in list_programmes(db)] == ["A programme", "b programme"]
    archived = archive_programme(db, second.id)
    assert archived.archived_at is not None
    assert [p.id for p in list_programmes(db)] == [first.id]
    assert [p.id for p in list_programmes(db, include_archived=True)] == [second.id, first.id]
    assert restore_programme(db, second.id).archived_at is None
    copy = duplicate_programme(db, first.id)
    assert copy.id != first.id
    assert copy.name == "b programme (copy)"
    assert [(p.first_period, p.last_period) for p in copy.periods] == [(1, 1), (2, 3)]
    assert len(copy.inclusions) == 2
    assert copy.price == first.price
    named = duplicate_programme(db, first.id, name="Six months")
    assert named.name == "Six months"
    with pytest.raises(ValidationError):
        duplicate_programme(db, first.id, name=" ")
    listed = list_programmes(db)
    assert all(len(p.periods) >= 1 for p in listed)


def test_missing_programme(db: Database) -> None:
    for call in (get_programme, archive_programme, restore_programme, duplicate_programme):
        with pytest.raises(NotFoundError):
            call(db, 404)
    with pytest.raises(NotFoundError):
        update_programme(db, 404, name="x")
