from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from practice.db import Database, open_database, open_memory_database
from practice.errors import NotFoundError, ValidationError
from practice.models import (
    AuditEntry,
    ClientStatus,
    Enrolment,
    EnrolmentStatus,
    Instalment,
    InstalmentInterval,
    LengthUnit,
    Payment,
    PaymentMethod,
    PaymentPlan,
    SupportMode,
)
from practice.services import scheduling
from practice.services.clients import archive_client, create_client, get_client
from practice.services.enrolments import (
    InstalmentPlan,
    agree_enrolment,
    cancel_enrolment,
    complete_enrolment,
    end_enrolment_early,
    enrol_client,
    get_enrolment,
    list_enrolments,
    preview_enrolment,
    update_enrolment_notes,
)
from practice.services.profile import save_clause
from practice.services.programmes import (
    InclusionSpec,
    PeriodPlan,
    archive_programme,
    create_programme,
    update_programme,
)

START = date(2026, 3, 3)


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One real database for the many refusal cases below: each checks it saved nothing."""
    database = open_database(tmp_path_factory.mktemp("shared") / "practice.db")
    yield database
    database.close()


def _programme(db: Database, **overrides: Any) -> int:
    terms: dict[str, Any] = {
        "name": "Three months of change",
        "description": "We meet 3 times in month one, then twice a month.",
        "length_value": 3,
        "length_unit": LengthUnit.MONTHS,
        "session_minutes": 60,
        "periods": [PeriodPlan(1, 1, 3), PeriodPlan(2, 3, 2)],
        "support_mode": SupportMode.COUNT,
        "support_call_count": 4,
        "support_call_minutes": 15,
        "inclusions": [InclusionSpec("recording", "Relaxation recording")],
        "price": 120_000,
        "currency": "GBP",
        "full_payment_discount": 10_000,
        "instalment_count": 3,
        "instalment_interval": InstalmentInterval.MONTHLY,
        "minimum_term": 2,
        "prep_minutes_per_session": 15,
        "writeup_minutes_per_session": 20,
        "supervision_minutes_per_month": 60,
    }
    terms.update(overrides)
    return create_programme(db, **terms).id


def _client(db: Database, first: str = "Zoë", last: str = "Ødegård") -> int:
    return create_client(db, first_name=first, last_name=last).id


def _count(db: Database, model: type) -> int:
    with db.transaction() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_worked_example_in_three_instalments(db: Database) -> None:
    client_id, programme_id = _client(db), _programme(db)
    enrolment = enrol_client(
        db,
        client_id=client_id,
        programme_id=programme_id,
        start_date=START,
        payment_plan=PaymentPlan.INSTALMENTS,
        notes="Mornings only",
    )
    assert enrolment.status is EnrolmentStatus.PROPOSED
    assert enrolment.end_date == date(2026, 6, 2)
    assert (enrolment.agreed_price, enrolment.discount, enrolment.currency) == (120_000, 0, "GBP")
    assert [(i.number, i.due_date, i.amount) for i in enrolment.instalments] == [
        (1, date(2026, 3, 3), 40_000),
        (2, date(2026, 4, 3), 40_000),
        (3, date(2026, 5, 3), 40_000),
    ]
    assert enrolment.client.full_name == "Zoë Ødegård"
    assert enrolment.notes == "Mornings only"
    snap = enrolment.terms_snapshot
    assert snap["name"] == "Three months of change"
    assert snap["length_value"] == 3 and snap["length_unit"] == "months"
    assert snap["session_minutes"] == 60
    assert snap["periods"] == [
        {"first_period": 1, "last_period": 1, "sessions_per_period": 3},
        {"first_period": 2, "last_period": 3, "sessions_per_period": 2},
    ]
    assert snap["planned_sessions"] == 7
    assert snap["support_mode"] == "count"
    assert (snap["support_call_count"], snap["support_call_minutes"]) == (4, 15)
    assert snap["inclusions"] == [
        {"kind": "recording", "description": "Relaxation recording", "resource_id": None}
    ]
    assert (snap["price"], snap["full_payment_discount"], snap["currency"]) == (
        120_000,
        10_000,
        "GBP",
    )
    assert (snap["instalment_count"], snap["instalment_interval"]) == (3, "monthly")
    assert snap["minimum_term"] == 2
    assert (
        snap["prep_minutes_per_session"],
        snap["writeup_minutes_per_session"],
        snap["supervision_minutes_per_month"],
    ) == (15, 20, 60)
    assert snap["agreed_price"] == 120_000
    assert [c["key"] for c in snap["clauses"]][:3] == [
        "cooling_off",
        "cancellation",
        "missed_sessions",
    ]
    assert snap["clauses"][2]["applies_to"] == "programmes"
    assert all(c["heading"] and c["body"] for c in snap["clauses"])
    assert snap["instalments"][2] == {"number": 3, "due_date": "2026-05-03", "amount": 40_000}


def test_snapshot_is_read_by_the_economics_and_documents_modules(db: Database) -> None:
    economics = pytest.importorskip("practice.economics.planned")
    terms_module = pytest.importorskip("practice.documents.terms")
    enrolment = enrol_client(
        db,
        client_id=_client(db),
        programme_id=_programme(db),
        start_date=START,
        payment_plan="instalments",
    )
    plan = economics.ProgrammeTerms.from_snapshot(enrolment.terms_snapshot)
    assert plan.price == 120_000 and plan.instalment_count == 3
    assert len(plan.periods) == 2
    agreed = terms_module.AgreedTerms.from_snapshot(enrolment.terms_snapshot)
    assert agreed.name == "Three months of change"
    assert agreed.clauses and agreed.clauses[1].heading == "Cancelling and rescheduling"


def test_pay_in_full_takes_the_discount_and_is_due_on_the_start_date(db: Database) -> None:
    enrolment = enrol_client(
        db,
        client_id=_client(db),
        programme_id=_programme(db),
        start_date=START,
        payment_plan="full",
    )
    assert (enrolment.agreed_price, enrolment.discount) == (110_000, 10_000)
    assert [(i.number, i.due_date, i.amount) for i in enrolment.instalments] == [
        (1, START, 110_000)
    ]
    assert enrolment.terms_snapshot["discount"] == 10_000


def test_agreed_price_override_and_remainder_placement(db: Database) -> None:
    client_id, programme_id = _client(db), _programme(db)
    first = enrol_client(
        db,
        client_id=client_id,
        programme_id=programme_id,
        start_date=START,
        payment_plan="instalments",
        agreed_price=100_001,
    )
    assert [i.amount for i in first.instalments] == [33_335, 33_333, 33_333]
    last = enrol_client(
        db,
        client_id=client_id,
        programme_id=programme_id,
        start_date=START,
        payment_plan="instalments",
        agreed_price=100_001,
        remainder_on="last",
        allow_overlap=True,  # a deliberate second enrolment over the same dates
    )
    assert [i.amount for i in last.instalments] == [33_333, 33_333, 33_335]
    small = enrol_client(
        db,
        client_id=client_id,
        programme_id=programme_id,
        start_date=START,
        payment_plan="full",
        agreed_price=5_000,
        allow_overlap=True,
    )
    assert (small.agreed_price, small.discount) == (0, 5_000)


@pytest.mark.parametrize(
    ("interval", "expected"),
    [
        ("weekly", [date(2026, 1, 31), date(2026, 2, 7), date(2026, 2, 14)]),
        ("fortnightly", [date(2026, 1, 31), date(2026, 2, 14), date(2026, 2, 28)]),
        ("monthly", [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31)]),
    ],
)
def test_instalment_intervals(db: Database, interval: str, expected: list[date]) -> None:
    programme_id = _programme(db, instalment_interval=interval)
    preview = preview_enrolment(
        db,
        client_id=_client(db),
        programme_id=programme_id,
        start_date=date(2026, 1, 31),
        payment_plan="instalments",
    )
    assert [i.due_date for i in preview.instalments] == expected
    assert preview.end_date == date(2026, 4, 29)  # 31 Jan + 3 months is 30 Apr, less a day


def test_weeks_programme_end_date(db: Database) -> None:
    programme_id = _programme(
        db, length_value=6, length_unit="weeks", minimum_term=0, periods=[PeriodPlan(1, 6, 1)]
    )
    preview = preview_enrolment(
        db,
        client_id=_client(db),
        programme_id=programme_id,
        start_date=date(2026, 12, 28),
        payment_plan="full",
    )
    assert preview.end_date == date(2027, 2, 7)
    assert preview.planned_sessions == 6
    assert preview.length_unit is LengthUnit.WEEKS


def test_preview_writes_nothing_and_matches_enrolment(db: Database) -> None:
    client_id, programme_id = _client(db), _programme(db)
    before = _count(db, AuditEntry)
    preview = preview_enrolment(
        db,
        client_id=client_id,
        programme_id=programme_id,
        start_date=START,
        payment_plan="instalments",
    )
    assert _count(db, Enrolment) == 0 and _count(db, AuditEntry) == before
    assert preview.programme_name == "Three months of change"
    assert preview.planned_sessions == 7
    assert (preview.list_price, preview.discount, preview.agreed_price) == (120_000, 0, 120_000)
    assert preview.instalments[0] == InstalmentPlan(1, START, 40_000)
    enrolment = enrol_client(
        db,
        client_id=client_id,
        programme_id=programme_id,
        start_date=START,
        payment_plan="instalments",
    )
    assert [(i.number, i.due_date, i.amount) for i in enrolment.instalments] == [
        (i.number, i.due_date, i.amount) for i in preview.instalments
    ]
    assert enrolment.end_date == preview.end_date


def test_snapshot_does_not_change_when_programme_or_clauses_change(db: Database) -> None:
    programme_id = _programme(db)
    enrolment = enrol_client(
        db,
        client_id=_client(db),
        programme_id=programme_id,
        start_date=START,
        payment_plan="instalments",
    )
    before = dict(enrolment.terms_snapshot)
    update_programme(
        db,
        programme_id,
        name="Renamed",
        price=200_000,
        periods=[PeriodPlan(1, 3, 1)],
        inclusions=[],
        description="Changed",
    )
    save_clause(db, key="cancellation", heading="New heading", body="New body")
    stored = get_enrolment(db, enrolment.id)
    assert stored.terms_snapshot == before
    assert stored.programme_name == "Three months of change"
    kept = {c["key"]: c for c in stored.terms_snapshot["clauses"]}
    assert kept["cancellation"]["heading"] == "Cancelling and rescheduling"
    assert [i.amount for i in stored.instalments] == [40_000] * 3


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"start_date": None}, "start_date"),
        ({"start_date": date(1800, 1, 1)}, "start_date"),
        ({"start_date": "2026-03-03"}, "start_date"),
        ({"payment_plan": "barter"}, "payment_plan"),
        ({"agreed_price": -1}, "agreed_price"),
        ({"agreed_price": 10**12}, "agreed_price"),
        ({"remainder_on": "middle"}, "remainder_on"),
        ({"notes": "x" * 20_001}, "notes"),
    ],
)
def test_enrol_validation_saves_nothing(
    shared_db: Database, overrides: dict[str, Any], field: str
) -> None:
    kwargs: dict[str, Any] = {
        "client_id": _client(shared_db),
        "programme_id": _programme(shared_db),
        "start_date": START,
        "payment_plan": "instalments",
        **overrides,
    }
    with pytest.raises(ValidationError) as caught:
        enrol_client(shared_db, **kwargs)
    assert caught.value.field == field
    assert (_count(shared_db, Enrolment), _count(shared_db, Instalment)) == (0, 0)


def test_enrol_refuses_archived_client_or_programme_and_missing_ones(db: Database) -> None:
    client_id, programme_id = _client(db), _programme(db)
    with pytest.raises(NotFoundError):
        enrol_client(
            db, client_id=999, programme_id=programme_id, start_date=START, payment_plan="full"
        )
    with pytest.raises(NotFoundError):
        enrol_client(
            db, client_id=client_id, programme_id=999, start_date=START, payment_plan="full"
        )
    archive_programme(db, programme_id)
    with pytest.raises(ValidationError) as programme_error:
        enrol_client(
            db,
            client_id=client_id,
            programme_id=programme_id,
            start_date=START,
            payment_plan="full",
        )
    assert programme_error.value.field == "programme_id"
    archive_client(db, client_id)
    with pytest.raises(ValidationError) as client_error:
        enrol_client(
            db,
            client_id=client_id,
            programme_id=_programme(db),
            start_date=START,
            payment_plan="full",
        )
    assert client_error.value.field == "client_id"
    assert "Zoë Ødegård is archived" in str(client_error.value)
    assert _count(db, Enrolment) == 0


def test_renewal_must_be_an_earlier_enrolment_of_the_same_client(db: Database) -> None:
    zoe, andrei, programme_id = _client(db), _client(db, "Андрей", "Смирнов"), _programme(db)
    first = enrol_client(
        db, client_id=zoe, programme_id=programme_id, start_date=START, payment_plan="full"
    )
    renewal = enrol_client(
        db,
        client_id=zoe,
        programme_id=programme_id,
        start_date=date(2026, 6, 3),
        payment_plan="full",
        renewal_of_id=first.id,
    )
    assert renewal.renewal_of_id == first.id
    for client_id, start, renewal_of in [
        (andrei, date(2026, 7, 1), first.id),
        (zoe, START, first.id),
        (zoe, date(2026, 1, 1), first.id),
        (zoe, date(2026, 9, 1), 999),
    ]:
        with pytest.raises(ValidationError) as caught:
            enrol_client(
                db,
                client_id=client_id,
                programme_id=programme_id,
                start_date=start,
                payment_plan="full",
                renewal_of_id=renewal_of,
            )
        assert caught.value.field == "renewal_of_id"
    cancel_enrolment(db, renewal.id)
    with pytest.raises(ValidationError):
        enrol_client(
            db,
            client_id=zoe,
            programme_id=programme_id,
            start_date=date(2026, 9, 1),
            payment_plan="full",
            renewal_of_id=renewal.id,
        )
    assert _count(db, Enrolment) == 2


def test_agree_activates_enrolment_and_client(db: Database) -> None:
    client_id = _client(db)
    enrolment = enrol_client(
        db, client_id=client_id, programme_id=_programme(db), start_date=START, payment_plan="full"
    )
    with pytest.raises(ValidationError) as future:
        agree_enrolment(db, enrolment.id, date.today() + timedelta(days=1))
    assert future.value.field == "agreed_on"
    assert get_enrolment(db, enrolment.id).status is EnrolmentStatus.PROPOSED
    agreed = agree_enrolment(db, enrolment.id, date(2026, 2, 20))
    assert agreed.status is EnrolmentStatus.ACTIVE
    assert agreed.agreed_on == date(2026, 2, 20)
    assert get_client(db, client_id).status is ClientStatus.ACTIVE
    with pytest.raises(ValidationError) as again:
        agree_enrolment(db, enrolment.id)
    assert "this enrolment is active; only a proposed enrolment can be agreed" in str(again.value)


def test_enrol_and_agree_in_one_step(db: Database) -> None:
    client_id = _client(db)
    enrolment = enrol_client(
        db,
        client_id=client_id,
        programme_id=_programme(db),
        start_date=START,
        payment_plan="full",
        agree=True,
    )
    assert enrolment.status is EnrolmentStatus.ACTIVE
    assert enrolment.agreed_on == date.today()
    assert get_client(db, client_id).status is ClientStatus.ACTIVE


def test_complete_and_end_early_move_the_client_on(db: Database) -> None:
    client_id, programme_id = _client(db), _programme(db)
    first = enrol_client(
        db,
        client_id=client_id,
        programme_id=programme_id,
        start_date=START,
        payment_plan="full",
        agree=True,
    )
    second = enrol_client(
        db,
        client_id=client_id,
        programme_id=programme_id,
        start_date=date(2026, 4, 1),
        payment_plan="full",
        agree=True,
        allow_overlap=True,  # a second programme of the same kind, on purpose
    )
    with pytest.raises(ValidationError) as before_start:
        complete_enrolment(db, first.id, date(2026, 3, 1))
    assert before_start.value.field == "completed_on"
    done = complete_enrolment(db, first.id, date(2026, 6, 2))
    assert (done.status, done.ended_on) == (EnrolmentStatus.COMPLETED, date(2026, 6, 2))
    assert get_client(db, client_id).status is ClientStatus.ACTIVE  # second still running
    for bad_on, reason in [(date(2026, 3, 1), "moved away"), (date(2026, 7, 1), "moved away")]:
        with pytest.raises(ValidationError) as caught:
            end_enrolment_early(db, second.id, bad_on, reason)
        assert caught.value.field == "ended_on"
    with pytest.raises(ValidationError) as no_reason:
        end_enrolment_early(db, second.id, date(2026, 5, 1), "  ")
    assert no_reason.value.field == "reason"
    assert get_enrolment(db, second.id).status is EnrolmentStatus.ACTIVE
    ended = end_enrolment_early(db, second.id, date(2026, 5, 1), "Moved abroad")
    assert (ended.status, ended.ended_on, ended.end_reason) == (
        EnrolmentStatus.ENDED_EARLY,
        date(2026, 5, 1),
        "Moved abroad",
    )
    assert get_client(db, client_id).status is ClientStatus.COMPLETED
    with pytest.raises(ValidationError):
        complete_enrolment(db, second.id)
    with pytest.raises(ValidationError):
        cancel_enrolment(db, first.id)


def test_cancel_proposed_or_unpaid_active_but_not_paid(db: Database) -> None:
    client_id, programme_id = _client(db), _programme(db)
    proposed = enrol_client(
        db, client_id=client_id, programme_id=programme_id, start_date=START, payment_plan="full"
    )
    cancelled = cancel_enrolment(db, proposed.id, "Changed their mind")
    assert (cancelled.status, cancelled.end_reason) == (
        EnrolmentStatus.CANCELLED,
        "Changed their mind",
    )
    assert get_client(db, client_id).status is ClientStatus.ENQUIRY
    active = enrol_client(
        db,
        client_id=client_id,
        programme_id=programme_id,
        start_date=START,
        payment_plan="full",
        agree=True,
    )
    with db.transaction() as s:
        s.add(
            Payment(
                enrolment_id=active.id,
                received_on=START,
                amount=100,
                currency="GBP",
                method=PaymentMethod.CASH,
            )
        )
    with pytest.raises(ValidationError) as caught:
        cancel_enrolment(db, active.id)
    assert "end it early instead" in str(caught.value)
    assert get_enrolment(db, active.id).status is EnrolmentStatus.ACTIVE
    with pytest.raises(ValidationError):
        agree_enrolment(db, cancelled.id)


def test_notes_list_and_not_found(db: Database) -> None:
    zoe, eleni, programme_id = _client(db), _client(db, "Ελένη", "Παπαδοπούλου"), _programme(db)
    a = enrol_client(
        db, client_id=zoe, programme_id=programme_id, start_date=START, payment_plan="full"
    )
    b = enrol_client(
        db,
        client_id=eleni,
        programme_id=programme_id,
        start_date=date(2026, 5, 1),
        payment_plan="full",
        agree=True,
    )
    assert (
        update_enrolment_notes(db, a.id, "  Extra session agreed ").notes == "Extra session agreed"
    )
    with pytest.raises(ValidationError):
        update_enrolment_notes(db, a.id, "x" * 20_001)
    assert [e.id for e in list_enrolments(db)] == [b.id, a.id]
    assert [e.id for e in list_enrolments(db, client_id=zoe)] == [a.id]
    assert [e.id for e in list_enrolments(db, statuses=EnrolmentStatus.PROPOSED)] == [a.id]
    rows = list_enrolments(db, statuses=["active"])
    assert [e.id for e in rows] == [b.id]
    assert rows[0].client.first_name == "Ελένη"
    assert len(rows[0].instalments) == 1
    with pytest.raises(ValidationError):
        list_enrolments(db, statuses=["paused"])
    for call in (get_enrolment, agree_enrolment, complete_enrolment, cancel_enrolment):
        with pytest.raises(NotFoundError):
            call(db, 999)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    price=st.integers(min_value=0, max_value=1_000_000_000),
    count=st.integers(min_value=1, max_value=60),
    interval=st.sampled_from(list(InstalmentInterval)),
    remainder=st.sampled_from(["first", "last"]),
    start=st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
)
def test_instalments_always_add_up_exactly(
    memory_db: Database,
    price: int,
    count: int,
    interval: InstalmentInterval,
    remainder: str,
    start: date,
) -> None:
    programme_id = _programme(
        memory_db,
        price=price,
        full_payment_discount=0,
        instalment_count=count,
        instalment_interval=interval,
    )
    preview = preview_enrolment(
        memory_db,
        client_id=_client(memory_db),
        programme_id=programme_id,
        start_date=start,
        payment_plan="instalments",
        remainder_on=remainder,
    )
    amounts = [i.amount for i in preview.instalments]
    assert sum(amounts) == price == preview.agreed_price
    assert len(amounts) == count
    assert max(amounts) - min(amounts) < count
    regular = amounts[1:] if remainder == "first" else amounts[:-1]
    assert len(set(regular)) <= 1
    dates = [i.due_date for i in preview.instalments]
    assert dates[0] == start
    assert dates == sorted(dates)
    assert [i.number for i in preview.instalments] == list(range(1, count + 1))


@pytest.fixture(scope="module")
def memory_db() -> Any:
    database = open_memory_database()
    yield database
    database.close()


@pytest.mark.parametrize(
    ("start", "length", "unit", "expected"),
    [
        (date(2026, 3, 3), 3, "months", date(2026, 6, 2)),
        (date(2026, 1, 1), 12, "months", date(2026, 12, 31)),
        (date(2024, 2, 29), 12, "months", date(2025, 2, 27)),
        (date(2026, 11, 15), 2, "months", date(2027, 1, 14)),
        (date(2026, 3, 2), 1, "weeks", date(2026, 3, 8)),
        (date(2026, 12, 28), 6, "weeks", date(2027, 2, 7)),
    ],
)
def test_end_dates(start: date, length: int, unit: str, expected: date) -> None:
    assert scheduling.end_date(start, length, unit) == expected


def test_period_starts_and_due_dates() -> None:
    assert scheduling.period_start(date(2026, 1, 31), 2, "months") == date(2026, 2, 28)
    assert scheduling.period_start(date(2026, 1, 31), 3, "weeks") == date(2026, 2, 14)
    assert scheduling.period_start(date(2026, 1, 31), 1, LengthUnit.MONTHS) == date(2026, 1, 31)
    assert scheduling.due_dates(date(2026, 11, 30), 4, "monthly") == [
        date(2026, 11, 30),
        date(2026, 12, 30),
        date(2027, 1, 30),
        date(2027, 2, 28),
    ]
    assert scheduling.due_dates(date(2026, 1, 1), 1, "weekly") == [date(2026, 1, 1)]
    assert scheduling.planned_sessions([PeriodPlan(1, 1, 3), PeriodPlan(2, 3, 2)]) == 7


def test_a_second_enrolment_over_the_same_dates_is_refused_unless_meant(db: Database) -> None:
    from practice.services.enrolments import OverlapError

    client_id, programme_id = _client(db), _programme(db)
    kwargs = dict(client_id=client_id, programme_id=programme_id, payment_plan="instalments")
    first = enrol_client(db, start_date=START, agree=True, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(OverlapError) as refused:
        enrol_client(db, start_date=START, agree=True, **kwargs)  # type: ignore[arg-type]
    assert refused.value.existing_id == first.id
    assert f"(enrolment {first.id})" in str(refused.value) and str(refused.value).startswith(
        "Programme id: this client already has an active"
    )
    # A start inside the first one's dates overlaps too; one after its end does not.
    with pytest.raises(OverlapError):
        enrol_client(db, start_date=first.end_date, **kwargs)  # type: ignore[arg-type]
    after = enrol_client(db, start_date=first.end_date + timedelta(days=1), **kwargs)  # type: ignore[arg-type]
    assert after.id != first.id
    # A renewal, or a second one confirmed on purpose, is made.
    renewal = enrol_client(
        db,
        start_date=START + timedelta(days=7),
        renewal_of_id=first.id,
        **kwargs,  # type: ignore[arg-type]
    )
    assert renewal.renewal_of_id == first.id
    assert enrol_client(db, start_date=START, allow_overlap=True, **kwargs)  # type: ignore[arg-type]
    # A cancelled enrolment is no obstacle.
    other = _client(db, "Bo")
    again = dict(kwargs, client_id=other)
    gone = enrol_client(db, start_date=START, **again)  # type: ignore[arg-type]
    cancel_enrolment(db, gone.id, cancelled_on=START)
    assert enrol_client(db, start_date=START, **again)  # type: ignore[arg-type]
