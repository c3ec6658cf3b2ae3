"""Which client field each column of a spreadsheet holds: guessed from its heading, then
corrected by the person.

The guesses know the headings of the exports practitioners come with: SimplePractice
(“Client”, “Legal first name”, “What name do they go by?”), Practice Better, Jane
(“Mobile Phone”, “Birth Date”, “Referred By”), Google Contacts (“Given Name”,
“E-mail 1 - Value”, “Phone 1 - Value”, “Address 1 - Formatted”, “Birthday”) and plain
lists (“Name”, “Surname”, “DOB”, “Postcode”…). Several columns may go to one field: the
parts of an address are joined with commas, notes with line breaks, a middle name follows
the first name; for any other field the first value is used and the others are kept in
the client's notes (“Also: Email b@example.org”), never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum

from practice.services.validation import fold


class ImportField(StrEnum):
    IGNORE = "ignore"
    FULL_NAME = "full_name"
    FIRST_NAME = "first_name"
    MIDDLE_NAME = "middle_name"
    LAST_NAME = "last_name"
    PREFERRED_NAME = "preferred_name"
    PRONOUNS = "pronouns"
    EMAIL = "email"
    PHONE = "phone"
    DATE_OF_BIRTH = "date_of_birth"
    ADDRESS = "address"
    NOTES = "notes"
    STATUS = "status"
    SOURCE = "source"
    EMERGENCY_CONTACT_NAME = "emergency_contact_name"
    EMERGENCY_CONTACT_PHONE = "emergency_contact_phone"

    @property
    def label(self) -> str:
        return FIELD_LABELS[self]


FIELD_LABELS: dict[ImportField, str] = {
    ImportField.IGNORE: "— leave out —",
    ImportField.FULL_NAME: "Full name (first and last)",
    ImportField.FIRST_NAME: "First name",
    ImportField.MIDDLE_NAME: "Middle name (kept with the first name)",
    ImportField.LAST_NAME: "Last name",
    ImportField.PREFERRED_NAME: "Preferred name",
    ImportField.PRONOUNS: "Pronouns",
    ImportField.EMAIL: "Email",
    ImportField.PHONE: "Phone",
    ImportField.DATE_OF_BIRTH: "Date of birth",
    ImportField.ADDRESS: "Address (or part of it)",
    ImportField.NOTES: "Notes",
    ImportField.STATUS: "Status",
    ImportField.SOURCE: "How they found the practice",
    ImportField.EMERGENCY_CONTACT_NAME: "Emergency contact",
    ImportField.EMERGENCY_CONTACT_PHONE: "Emergency contact phone",
}

#: Fields whose columns are joined, with what.
JOINED = {ImportField.ADDRESS: ", ", ImportField.NOTES: "\n"}

F = ImportField
#: (pattern on the folded heading with only letters and digits, field); first match wins.
RULES: tuple[tuple[str, ImportField], ...] = (
    (
        r".*(label|type|id|clinician|insurance|member|payer|gender|sex|age|created|updated|added|balance|tags?|group|organi[sz]ation|company|jobtitle|title|website|photo)",
        F.IGNORE,
    ),
    (r"emergency.*(phone|tel|number|mobile|cell)", F.EMERGENCY_CONTACT_PHONE),
    (r"emergency.*", F.EMERGENCY_CONTACT_NAME),
    (r"(legal)?(middle|additional|second)(given)?names?|middle|middleinitial", F.MIDDLE_NAME),
    (
        r"(legal)?(first|given|fore|christian)name|first|fname|forename|prenom|vorname|nombre",
        F.FIRST_NAME,
    ),
    (
        r"(legal)?(last|family|sur)name|surname|last|lname|nom|nomdefamille|nachname|apellidos?",
        F.LAST_NAME,
    ),
    (
        r"(preferred|nick|known|goesby|whatnamedotheygoby)(first)?name|nickname|knownas|goesby|whatnamedotheygoby|preferred",
        F.PREFERRED_NAME,
    ),
    (r"(preferred)?pronouns?", F.PRONOUNS),
    (r"(client|patient|contact|display|full)?name|client|patient|fullname", F.FULL_NAME),
    (r"(primary|home|work|personal|other)?e?mail(address)?\d*(value)?|courriel|correo.*", F.EMAIL),
    (
        r"(primary|home|work|mobile|cell|main|other)?(phone|telephone|tel|mobile|cell)(number|no)?\d*(value)?|mobile|cellphone|phonenumber|telefon|telefono|handy|portable",
        F.PHONE,
    ),
    (
        r"(date)?ofbirth|dob|birthday|birthdate|dateofbirth.*|born|datedenaissance|geburtsdatum|fechadenacimiento",
        F.DATE_OF_BIRTH,
    ),
    (
        r"(home|street|postal|mailing)?address.*|street.*|addressline\d*|city|town|state|province|region|county|zip(code)?|post(al)?(code)?|postal|country|adresse|direccion|anschrift|ville|ciudad|stadt|plz|codepostal|codigopostal|pays|land",
        F.ADDRESS,
    ),
    (
        r"(client)?notes?|comments?|memo|additionalinformation|about|notizen|remarques|notas",
        F.NOTES,
    ),
    (r"(client|patient|contact)?status|active", F.STATUS),
    (
        r"(referral|lead)?source|referr(al|ed)(by|source)?|howdidyouhear.*|howtheyfound.*|referredby|referrer",
        F.SOURCE,
    ),
)
_COMPILED = tuple((re.compile(pattern), field) for pattern, field in RULES)


def heading_key(heading: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(heading))


def guess_field(heading: str) -> ImportField:
    key = heading_key(heading)
    if not key:
        return ImportField.IGNORE
    for pattern, field in _COMPILED:
        if pattern.fullmatch(key):
            return field
    return ImportField.IGNORE


def guess_mapping(headers: Sequence[str]) -> list[ImportField]:
    """A field for every column (``IGNORE`` where the heading says nothing known).

    A full name is only used when there are no separate first-name columns; Google's
    formatted address replaces its street, city and postcode columns.
    """
    mapping = [guess_field(heading) for heading in headers]
    if ImportField.FIRST_NAME in mapping:
        mapping = [F.IGNORE if f is F.FULL_NAME else f for f in mapping]
    keys = [heading_key(h) for h in headers]
    if any(f is F.ADDRESS and "formatted" in k for f, k in zip(mapping, keys, strict=True)):
        mapping = [
            F.IGNORE if f is F.ADDRESS and "formatted" not in k else f
            for f, k in zip(mapping, keys, strict=True)
        ]
    return mapping


def check_mapping(mapping: Sequence[ImportField]) -> str | None:
    """Why a mapping cannot be used (no name column), or None."""
    names = {F.FULL_NAME, F.FIRST_NAME, F.LAST_NAME, F.PREFERRED_NAME}
    if not names & set(mapping):
        return "Choose the column that holds the clients' names (full name or first name)."
    return None
