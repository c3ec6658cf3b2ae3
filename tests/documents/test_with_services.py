"""The documents on enrolments made through the real services (snapshot in their shape)."""

from __future__ import annotations

from datetime import date

import pytest

from practice.db import Database
from practice.documents.agreement import agreement_pdf
from practice.errors import ValidationError
from practice.models import InclusionKind, PaymentPlan, SupportMode
from practice.services.clients import create_client
from practice.services.enrolments import agree_enrolment, enrol_client
from practice.services.profile import save_clause
from practice.services.programmes import (
    InclusionSpec,
    PeriodPlan,
    create_programme,
    update_programme,
)
from tests.documents.factories import set_profile
from tests.documents.pdfcheck import all_text

DESCRIPTION = "Over {length} we meet {sessions} times, {client_first_name}."


def _programme(db: Database, description: str = DESCRIPTION) -> int:
    programme = create_programme(
        db,
        name="Steady ground",
        description=description,
        length_value=3,
        length_unit="months",
        session_minutes=60,
        periods=[PeriodPlan(1, 1, 3), PeriodPlan(2, 3, 2)],
        support_mode=SupportMode.AS_NEEDED,
        support_call_minutes=15,
        inclusions=[InclusionSpec(InclusionKind.VIDEO, "Short videos on grounding")],
        price=120000,
        currency="GBP",
        full_payment_discount=6000,
        instalment_count=3,
        minimum_term=1,
    )
    return programme.id


def test_agreement_of_an_enrolment_made_by_the_services(db: Database) -> None:
    set_profile(db)
    client = create_client(db, first_name="Андрей", last_name="Смирнов")
    programme_id = _programme(db)
    enrolment = enrol_client(
        db,
        client_id=client.id,
        programme_id=programme_id,
        start_date=date(2026, 3, 3),
        payment_plan=PaymentPlan.FULL,
    )
    agree_enrolment(db, enrolment.id, agreed_on=date(2026, 3, 1))
    # Later edits to the programme and the clauses never reach the agreement.
    update_programme(db, programme_id, description="Edited afterwards.", name="Renamed")
    save_clause(db, key="cancellation", heading="Changed later", body="Changed later.")
    text = all_text(agreement_pdf(db, enrolment.id))
    assert "Андрей Смирнов" in text
    assert "Over 3 months we meet 7 times, Андрей." in text
    assert "Steady ground" in text and "Renamed" not in text and "Changed later" not in text
    assert "Cancelling and rescheduling" in text
    assert "Short support calls between sessions as needed (about 15 minutes each)" in text
    assert "Video: Short videos on grounding" in text
    assert "Programme price £1,200.00" in text
    assert "Discount for paying in full −£60.00" in text
    assert "Overall cost £1,140.00" in text
    assert f"AGR-{enrolment.id}-2026-03-01" in text


def test_services_refuse_misspelt_merge_fields(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        save_clause(db, heading="Payment", body="Dear {client_nmae}, please pay on time.")
    assert caught.value.field == "body"
    assert "did you mean {client_name}?" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        _programme(db, description="For {client_first_nam}: {sessions sessions.")
    assert caught.value.field == "description"
