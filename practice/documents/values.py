"""The value of every merge field (:data:`practice.documents.merge.MERGE_FIELDS`) for one
enrolment, formatted as the client reads it.

A practice-profile field left empty prints a plain phrase that still reads well in the
standard terms ("by bank transfer to the account I give you in writing"), never a
gap in the middle of a sentence.
"""

from __future__ import annotations

from practice.documents.formatting import Formatter, length, minutes, plural
from practice.documents.loading import EnrolmentRecord
from practice.documents.sessionplan import minimum_term_text

#: What an empty practice-profile field prints as in the terms.
WHEN_EMPTY = {
    "payment_details": "by bank transfer to the account I give you in writing",
    "professional_body": "my professional body",
    "complaints_route": "by email, by phone or in person, whichever you prefer",
    "data_protection_number": "not required",
}


def _one_line(text: str) -> str:
    return ", ".join(line.strip() for line in text.splitlines() if line.strip())


def merge_values(record: EnrolmentRecord, fmt: Formatter) -> dict[str, str]:
    """The value of every merge field for this enrolment."""
    terms = record.terms
    amounts = [i.amount for i in record.instalments]
    regular = amounts[-1 if record.remainder_on == "first" else 0] if amounts else 0
    practice = record.practice
    profile_fields = {
        "payment_details": _one_line(practice.payment_details),
        "professional_body": practice.professional_body.strip(),
        "complaints_route": _one_line(practice.complaints_route),
        "data_protection_number": practice.data_protection_number.strip(),
    }
    return {
        "client_name": record.client_name,
        "client_first_name": record.client_first_name,
        "client_address": _one_line(record.client_address),
        "programme_name": terms.name,
        "start_date": fmt.date(record.start_date),
        "end_date": fmt.date(record.end_date),
        "length": length(terms.length_value, terms.length_unit),
        "minimum_term": minimum_term_text(terms) if terms.minimum_term else "no minimum term",
        "sessions": str(record.sessions_planned),
        "session_length": minutes(terms.session_minutes),
        "total": fmt.money(record.agreed_price, record.currency),
        "instalments": str(len(amounts)),
        "instalment_amount": fmt.money(regular, record.currency),
        "practitioner_name": practice.practitioner_name or practice.name,
        "business_name": practice.business_name or practice.name,
        "retention_period": plural(practice.retention_years, "year"),
        **{name: value or WHEN_EMPTY[name] for name, value in profile_fields.items()},
    }
