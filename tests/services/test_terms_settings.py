"""The terms' own settings: which agreements a clause prints in, and the practice details
the standard terms use (payment, professional body, complaints, data protection)."""

from __future__ import annotations

import pytest

from practice.db import Database
from practice.errors import ValidationError
from practice.models import ClauseScope
from practice.services.profile import (
    get_profile,
    list_clauses,
    reset_clauses_to_default,
    save_clause,
    update_profile,
)


def test_standard_terms_say_where_each_clause_prints(db: Database) -> None:
    scopes = {c.key: c.applies_to for c in reset_clauses_to_default(db)}
    assert scopes["ending_early"] == ClauseScope.PROGRAMMES
    assert scopes["between_sessions"] == ClauseScope.PROGRAMMES
    assert scopes["cooling_off"] == ClauseScope.ALL
    assert len(scopes) == 13


def test_a_clause_can_be_limited_to_single_sessions_and_keeps_its_scope(db: Database) -> None:
    clause = save_clause(db, heading="Your summary", body="I send a summary.", applies_to="single")
    assert clause.applies_to == ClauseScope.SINGLE
    again = save_clause(db, key=clause.key, heading="Your summary", body="Within a week.")
    assert again.applies_to == ClauseScope.SINGLE
    with pytest.raises(ValidationError) as refused:
        save_clause(db, heading="X", body="Y", applies_to="sometimes")
    assert refused.value.field == "applies_to"
    assert [c.key for c in list_clauses(db)].count(clause.key) == 1


def test_terms_details_are_saved_and_checked(db: Database) -> None:
    update_profile(
        db,
        payment_details="Bank transfer\nSort code 00-00-00, account 12345678",
        professional_body="BACP",
        complaints_route="Write to me first",
        data_protection_number="ICO ZA123456",
    )
    profile = get_profile(db)
    assert profile.data_protection_number == "ICO ZA123456"
    assert profile.payment_details.startswith("Bank transfer\n")
    with pytest.raises(ValidationError) as refused:
        update_profile(db, professional_body="x" * 301)
    assert refused.value.field == "professional_body"
    assert get_profile(db).professional_body == "BACP"
