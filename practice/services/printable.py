"""Before a document is printed: which client's which field has characters that no font
shipped with the app can draw (a brand-new emoji, a script no font covers).

Documents never drop such a character: it prints as a box and still reads back as
itself when the PDF's text is copied. But a box in a client's name is worth a word
before printing, so the app asks these and warns, naming the client and the field.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import selectinload

from practice.db import Database
from practice.documents.fonts import undrawable
from practice.errors import NotFoundError
from practice.models import Client, Enrolment, Payment


@dataclass(frozen=True)
class Unprintable:
    """Characters of one field that will print as a box."""

    client_id: int
    client_name: str
    field: str  # as a person reads it: "name", "address", "terms: Complaints"…
    characters: str

    def sentence(self) -> str:
        shown = " ".join(self.characters)
        return f"{self.client_name} — {self.field}: {shown}"


def _client_fields(client: Client) -> list[tuple[str, str]]:
    return [
        ("name", f"{client.first_name} {client.last_name}"),
        ("preferred name", client.preferred_name),
        ("address", client.address),
        ("emergency contact", f"{client.emergency_contact_name} {client.emergency_contact_phone}"),
    ]


def _enrolment_fields(enrolment: Enrolment) -> list[tuple[str, str]]:
    snapshot = dict(enrolment.terms_snapshot or {})
    fields = [
        ("programme name", str(snapshot.get("name") or enrolment.programme_name)),
        ("how it works", str(snapshot.get("description") or "")),
        ("notes on the agreement", enrolment.notes),
    ]
    fields += [
        ("what is included", str(item.get("description", "")))
        for item in snapshot.get("inclusions") or []
    ]
    for clause in snapshot.get("clauses") or []:
        heading = str(clause.get("heading", "")).strip() or "a clause"
        fields.append((f"terms: {heading}", f"{heading} {clause.get('body', '')}"))
    return fields


def _check(client: Client, fields: list[tuple[str, str]]) -> list[Unprintable]:
    problems = []
    for field, text in fields:
        missing = undrawable(text or "")
        if missing:
            problems.append(Unprintable(client.id, client.full_name, field, missing))
    return problems


def unprintable_in_enrolment(db: Database, enrolment_id: int) -> list[Unprintable]:
    """What will print as a box in the agreement or statement of ``enrolment_id``."""
    with db.transaction() as s:
        enrolment = s.get(Enrolment, enrolment_id, options=[selectinload(Enrolment.client)])
        if enrolment is None:
            raise NotFoundError("enrolment", enrolment_id)
        return _check(
            enrolment.client, _client_fields(enrolment.client) + _enrolment_fields(enrolment)
        )


def unprintable_in_payment(db: Database, payment_id: int) -> list[Unprintable]:
    """What will print as a box in the receipt for ``payment_id``."""
    with db.transaction() as s:
        payment = s.get(Payment, payment_id)
        if payment is None:
            raise NotFoundError("payment", payment_id)
        enrolment_id = payment.enrolment_id
        reference = payment.reference
    problems = unprintable_in_enrolment(db, enrolment_id)
    missing = undrawable(reference or "")
    if missing:
        with db.transaction() as s:
            enrolment = s.get(Enrolment, enrolment_id, options=[selectinload(Enrolment.client)])
            if enrolment is not None:
                client = enrolment.client
                problems.append(
                    Unprintable(client.id, client.full_name, "payment reference", missing)
                )
    return problems


def unprintable_in_client(db: Database, client_id: int) -> list[Unprintable]:
    """What will print as a box in the client's record export."""
    with db.transaction() as s:
        client = s.get(Client, client_id)
        if client is None:
            raise NotFoundError("client", client_id)
        return _check(client, _client_fields(client) + [("notes", client.notes)])


def warning(problems: list[Unprintable]) -> str:
    """The warning shown before printing, naming each client and field."""
    lines = "\n".join(f"• {p.sentence()}" for p in problems)
    return (
        "Some characters cannot be printed with the fonts this app has, so they will "
        "show as a small box (the rest of the document prints as usual):\n\n"
        f"{lines}\n\nYou can correct the field first, or print anyway."
    )
