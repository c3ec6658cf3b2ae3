"""Hypothesis fuzzing of every form's validation: any input either saves cleanly (and
reads back as saved) or is refused with a ValidationError naming a field in plain
words. Nothing else escapes, and a refusal leaves nothing half-saved."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from practice.db import Database, open_memory_database
from practice.errors import NotFoundError, ValidationError
from practice.models import (
    AuditEntry,
    Client,
    Enquiry,
    PaymentMethod,
    Provider,
    Resource,
    ResourceKind,
    WorkCategory,
    WorkLogEntry,
)
from practice.safekeeping.export import export_format
from practice.safekeeping.password_rules import validate_new_password
from practice.services import clients, drafts, enquiries, referrals, resources, worklog
from practice.services.profile import get_profile, update_profile

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

texts = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=0, max_size=400),
    st.sampled_from(["", "   ", "\x00", "a\x07b", "Zoë", "'; DROP TABLE clients; --", "x" * 1200]),
)
emails = st.one_of(texts, st.emails())
numbers = st.one_of(
    st.integers(min_value=-5, max_value=2000),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.none(),
    st.booleans(),
)
dates = st.one_of(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)), st.none())


def _enum_or_junk(values: list[str]) -> st.SearchStrategy[Any]:
    return st.one_of(st.sampled_from(values), texts)


@pytest.fixture(scope="module")
def mem() -> Iterator[Database]:
    db = open_memory_database()
    yield db
    db.close()


def _count(db: Database, model: type) -> int:
    with db.transaction() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _refused_cleanly(exc: ValidationError, fields: set[str]) -> None:
    assert exc.field in fields, exc.field
    assert exc.message.strip() and exc.message.rstrip().endswith((".", "?", ")"))
    assert "Traceback" not in str(exc)


def _attempt(db: Database, model: type, call: Callable[[], Any], fields: set[str]) -> Any:
    before = _count(db, model)
    try:
        result = call()
    except ValidationError as exc:
        _refused_cleanly(exc, fields)
        assert _count(db, model) == before
        return None
    assert _count(db, model) == before + 1
    return result


@FUZZ
@given(
    first=texts,
    last=texts,
    email=emails,
    phone=texts,
    dob=dates,
    status=_enum_or_junk(["enquiry", "active", "paused", "completed", "archived"]),
    notes=texts,
)
def test_client_form(
    mem: Database,
    first: str,
    last: str,
    email: str,
    phone: str,
    dob: date | None,
    status: Any,
    notes: str,
) -> None:
    fields = {"first_name", "last_name", "email", "phone", "date_of_birth", "status", "notes"}
    client = _attempt(
        mem,
        Client,
        lambda: clients.create_client(
            mem,
            first_name=first,
            last_name=last,
            email=email,
            phone=phone,
            date_of_birth=dob,
            status=status,
            notes=notes,
        ),
        fields,
    )
    if client is not None:
        again = clients.get_client(mem, client.id)
        assert (again.first_name, again.last_name, again.email, again.notes) == (
            client.first_name,
            client.last_name,
            client.email,
            client.notes,
        )
        assert again.first_name.strip() and again.first_name == again.first_name.strip()


@FUZZ
@given(name=texts, received=st.dates(), email=emails, phone=texts, request=texts, source=texts)
def test_enquiry_form(
    mem: Database, name: str, received: date, email: str, phone: str, request: str, source: str
) -> None:
    _attempt(
        mem,
        Enquiry,
        lambda: enquiries.record_enquiry(
            mem,
            name=name,
            received_on=received,
            email=email,
            phone=phone,
            request=request,
            source=source,
        ),
        {"name", "received_on", "email", "phone", "request", "source"},
    )


@FUZZ
@given(name=texts, speciality=texts, email=emails, phone=texts, website=texts, notes=texts)
def test_provider_form(
    mem: Database, name: str, speciality: str, email: str, phone: str, website: str, notes: str
) -> None:
    _attempt(
        mem,
        Provider,
        lambda: referrals.add_provider(
            mem,
            name=name,
            speciality=speciality,
            email=email,
            phone=phone,
            website=website,
            notes=notes,
        ),
        {"name", "speciality", "organisation", "email", "phone", "website", "notes"},
    )


@FUZZ
@given(
    title=texts,
    kind=_enum_or_junk([k.value for k in ResourceKind]),
    location=texts,
    description=texts,
)
def test_resource_form(
    mem: Database, title: str, kind: Any, location: str, description: str
) -> None:
    _attempt(
        mem,
        Resource,
        lambda: resources.add_resource(
            mem, title=title, kind=kind, location=location, description=description
        ),
        {"title", "kind", "location", "description"},
    )


@FUZZ
@given(
    day=st.dates(),
    minutes=numbers,
    category=_enum_or_junk([c.value for c in WorkCategory]),
    note=texts,
)
def test_work_log_form(mem: Database, day: date, minutes: Any, category: Any, note: str) -> None:
    entry = _attempt(
        mem,
        WorkLogEntry,
        lambda: worklog.log_work(mem, work_date=day, minutes=minutes, category=category, note=note),
        {"work_date", "minutes", "category", "note"},
    )
    if entry is not None:
        assert isinstance(entry.minutes, int) and 0 < entry.minutes <= 1440


@FUZZ
@given(
    name=texts,
    email=emails,
    retention=numbers,
    auto_lock=numbers,
    session_minutes=numbers,
    currency=st.one_of(st.sampled_from(["GBP", "EUR", "USD"]), texts),
)
def test_practice_profile_form(
    mem: Database,
    name: str,
    email: str,
    retention: Any,
    auto_lock: Any,
    session_minutes: Any,
    currency: str,
) -> None:
    before = get_profile(mem)
    try:
        after = update_profile(
            mem,
            practitioner_name=name,
            email=email,
            retention_years=retention,
            auto_lock_minutes=auto_lock,
            default_session_minutes=session_minutes,
            currency=currency,
        )
    except ValidationError as exc:
        _refused_cleanly(
            exc,
            {
                "practitioner_name",
                "email",
                "retention_years",
                "auto_lock_minutes",
                "default_session_minutes",
                "currency",
            },
        )
        unchanged = get_profile(mem)
        assert (
            unchanged.practitioner_name,
            unchanged.retention_years,
            unchanged.auto_lock_minutes,
        ) == (
            before.practitioner_name,
            before.retention_years,
            before.auto_lock_minutes,
        )
        return
    assert after.retention_years >= 1 and after.auto_lock_minutes >= 0


@FUZZ
@given(key=texts, body=texts)
@example(key="\uf900", body="0")  # a key NFC changes (豈 → 豈): found under either form
def test_drafts_never_fail_on_text(mem: Database, key: str, body: str) -> None:
    try:
        drafts.save_draft(mem, key, body)
    except ValidationError as exc:
        _refused_cleanly(exc, {"draft"})
        return
    kept = drafts.get_draft(mem, key.strip())
    assert kept == (body if body.strip() else None)


@FUZZ
@given(password=texts, repeat=st.one_of(st.none(), texts))
def test_password_rules(password: str, repeat: str | None) -> None:
    try:
        assert validate_new_password(password, repeat) == password
    except ValidationError as exc:
        _refused_cleanly(exc, {"new_password", "repeat_password"})
        return
    assert len(password) >= 8 and "\x00" not in password and (repeat is None or repeat == password)


@FUZZ
@given(name=texts)
def test_record_output_names(name: str) -> None:
    from pathlib import Path

    try:
        assert export_format(Path(name or "x")) in ("pdf", "json")
    except ValidationError as exc:
        _refused_cleanly(exc, {"output"})
    except ValueError:  # a name that is not a path at all (an embedded NUL)
        assert "\x00" in name


def test_audit_never_copies_form_text(mem: Database) -> None:
    """The audit log says what happened to which record, never what the form said."""
    client = clients.create_client(mem, first_name="Auditmarker", notes="Auditmarker notes")
    clients.update_client(mem, client.id, notes="Auditmarker changed")
    with mem.transaction() as s:
        details = list(
            s.scalars(select(AuditEntry.detail).where(AuditEntry.entity_id == client.id))
        )
    assert len(details) >= 2
    assert all("Auditmarker" not in d for d in details)


def test_unknown_ids_are_not_found(mem: Database) -> None:
    with pytest.raises(NotFoundError):
        clients.get_client(mem, 10**9)
    with pytest.raises((NotFoundError, ValidationError)):
        worklog.log_work(
            mem, work_date=date(2026, 1, 1), minutes=30, category="prep", client_id=10**9
        )


def _refused_plainly(exc: ValidationError) -> None:
    assert isinstance(exc.field, str) and exc.field.replace("_", "").isalnum()
    assert exc.message.strip() and "Traceback" not in str(exc)


@FUZZ
@given(
    name=texts,
    description=texts,
    length=numbers,
    unit=_enum_or_junk(["weeks", "months"]),
    minutes=numbers,
    per_period=st.lists(st.tuples(numbers, numbers, numbers), max_size=3),
    price=numbers,
    currency=st.one_of(st.sampled_from(["GBP", "EUR"]), texts),
    discount=numbers,
    instalments=numbers,
)
def test_programme_form(
    mem: Database,
    name: str,
    description: str,
    length: Any,
    unit: Any,
    minutes: Any,
    per_period: list[tuple[Any, Any, Any]],
    price: Any,
    currency: str,
    discount: Any,
    instalments: Any,
) -> None:
    from practice.models import Programme
    from practice.services.programme_rules import PeriodPlan
    from practice.services.programmes import create_programme

    before = _count(mem, Programme)
    try:
        programme = create_programme(
            mem,
            name=name,
            description=description,
            length_value=length,
            length_unit=unit,
            session_minutes=minutes,
            periods=[PeriodPlan(a, b, c) for a, b, c in per_period],
            price=price,
            currency=currency,
            full_payment_discount=discount,
            instalment_count=instalments,
        )
    except ValidationError as exc:
        _refused_plainly(exc)
        assert _count(mem, Programme) == before
        return
    assert _count(mem, Programme) == before + 1
    assert (
        isinstance(programme.price, int) and 0 <= programme.full_payment_discount <= programme.price
    )


@FUZZ
@given(
    minutes=numbers,
    kind=_enum_or_junk(["session", "support_call", "review"]),
    mode=_enum_or_junk(["in_person", "video", "phone"]),
    attendance=_enum_or_junk(["planned", "attended", "no_show"]),
    body=texts,
    private=texts,
    when=st.datetimes(
        min_value=datetime(1800, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.just(UTC)
    ),
)
def test_session_form(
    mem: Database,
    minutes: Any,
    kind: Any,
    mode: Any,
    attendance: Any,
    body: str,
    private: str,
    when: datetime,
) -> None:
    from practice.models import Session
    from practice.services.sessions import log_session

    client_id = _fuzz_client(mem)
    before = _count(mem, Session)
    try:
        made = log_session(
            mem,
            client_id=client_id,
            starts_at=when,
            duration_minutes=minutes,
            kind=kind,
            mode=mode,
            attendance=attendance,
            notes=body,
            private_notes=private,
        )
    except ValidationError as exc:
        _refused_plainly(exc)
        assert _count(mem, Session) == before
        return
    assert _count(mem, Session) == before + 1
    assert 0 < made.duration_minutes <= 1440


@FUZZ
@given(
    amount=numbers,
    method=_enum_or_junk([m.value for m in PaymentMethod]),
    reference=texts,
    note=texts,
    day=st.dates(),
)
def test_payment_form(
    mem: Database, amount: Any, method: Any, reference: str, note: str, day: date
) -> None:
    from practice.models import Payment
    from practice.services.payments import record_payment

    enrolment_id = _fuzz_enrolment(mem)
    before = _count(mem, Payment)
    try:
        payment = record_payment(
            mem,
            enrolment_id=enrolment_id,
            amount=amount,
            received_on=day,
            method=method,
            reference=reference,
            note=note,
        )
    except ValidationError as exc:
        _refused_plainly(exc)
        assert _count(mem, Payment) == before
        return
    assert _count(mem, Payment) == before + 1
    assert isinstance(payment.amount, int) and payment.amount > 0


def _fuzz_client(db: Database) -> int:
    with db.transaction() as s:
        found = s.scalar(select(Client.id).where(Client.first_name == "Fuzz"))
        if found is not None:
            return int(found)
    return clients.create_client(db, first_name="Fuzz").id


def _fuzz_enrolment(db: Database) -> int:
    from practice.models import Enrolment, PaymentPlan

    client_id = _fuzz_client(db)
    with db.transaction() as s:
        found = s.scalar(select(Enrolment.id).where(Enrolment.client_id == client_id))
        if found is not None:
            return int(found)
        enrolment = Enrolment(
            client_id=client_id,
            programme_name="Fuzzing",
            start_date=date(2026, 1, 1),
            end_date=date(2026, 6, 1),
            agreed_price=10**12,
            currency="GBP",
            payment_plan=PaymentPlan.FULL,
            status="active",
            terms_snapshot={},
        )
        s.add(enrolment)
        s.flush()
        return enrolment.id
