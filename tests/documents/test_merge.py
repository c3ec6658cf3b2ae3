from __future__ import annotations

import pytest

from practice.documents.merge import MERGE_FIELDS, fields_used, fill, validate_template
from practice.errors import ValidationError


def test_every_field_the_brief_names_is_offered_with_a_description() -> None:
    for name in (
        "client_name",
        "client_first_name",
        "programme_name",
        "start_date",
        "end_date",
        "total",
        "sessions",
        "instalments",
        "instalment_amount",
        "practitioner_name",
        "business_name",
        "minimum_term",
    ):
        assert MERGE_FIELDS[name].strip()


def test_known_fields_and_escaped_braces_are_valid() -> None:
    validate_template("Dear {client_first_name}, {{not a field}} costs {total}.", "description")
    validate_template("", "description")


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("Hello {client_nmae}", "{client_name}"),
        ("Starts {startdate}", "{start_date}"),
        ("{Programme_Name}", "{programme_name}"),
    ],
)
def test_misspelt_field_names_the_field_and_suggests_the_right_one(
    text: str, suggestion: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_template(text, "description")
    assert caught.value.field == "description"
    assert caught.value.message.startswith("unknown merge field {")
    assert f"did you mean {suggestion}?" in caught.value.message


def test_exact_message_for_the_classic_typo() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_template("Hi {client_nmae}", "body")
    assert caught.value.message == "unknown merge field {client_nmae} — did you mean {client_name}?"
    assert caught.value.field == "body"


def test_unknown_field_with_no_near_match_lists_the_fields() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_template("Bring {umbrella}", "body")
    assert "unknown merge field {umbrella}" in caught.value.message
    assert "{client_name}" in caught.value.message


@pytest.mark.parametrize("text", ["Hello {client_name", "Hello client_name}", "a { b } c {", "{}"])
def test_unbalanced_or_empty_braces_are_refused(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_template(text, "description")
    assert caught.value.field == "description"


def test_fill_replaces_fields_and_unescapes_braces() -> None:
    text = "{client_first_name}, {programme_name} costs {total} {{in total}}."
    values = {"client_first_name": "Ελένη", "programme_name": "Reset", "total": "£1,200.00"}
    assert fill(text, values) == "Ελένη, Reset costs £1,200.00 {in total}."


def test_fill_leaves_plain_text_alone_and_refuses_unknown_fields() -> None:
    assert fill("No fields here.", {}) == "No fields here."
    with pytest.raises(ValidationError):
        fill("{nope}", {})


def test_fields_used_in_order() -> None:
    assert fields_used("{total} then {client_name} then {total}") == ["total", "client_name"]


def test_lenient_fill_prints_what_it_cannot_fill_as_typed() -> None:
    values = {"client_name": "Андрей Смирнов"}
    text = "For {client_name}: {client_nmae} { half} and {{x}}"
    assert fill(text, values, strict=False) == "For Андрей Смирнов: {client_nmae} { half} and {x}"
