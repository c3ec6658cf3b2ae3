"""One-line fields (names, phone, email, pronouns, source) refuse a pasted line break
with the field named, in the service that every form and import goes through."""

from __future__ import annotations

import pytest

from practice.errors import ValidationError


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("first_name", "Ana\nMaria"),
        ("last_name", "Li\r\nma"),
        ("phone", "07700\n900123"),
        ("email", "ana@example.org\tx"),
        ("pronouns", "she\u2028her"),
        ("source", "a friend\nat work"),
    ],
)
def test_one_line_fields_refuse_a_pasted_line_break(field: str, value: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from practice.db import open_database
    from practice.services.clients import create_client, list_clients

    db = open_database(tmp_path / "p.db")
    try:
        fields = {"first_name": "Ana", field: value}
        with pytest.raises(ValidationError) as refused:
            create_client(db, **fields)
        assert refused.value.field == field and "must be on one line" in str(refused.value)
        assert list_clients(db) == []
        # A line break at the very end (as a copied cell brings) is only trimmed.
        assert create_client(db, first_name="Ana\n", phone="07700 900123\n").phone == "07700 900123"
    finally:
        db.close()
