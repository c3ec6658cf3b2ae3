"""Clients: add, edit, change status, archive, find and list the people in the practice."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import Select, false, func, select
from sqlalchemy.orm import Session as DbSession

from practice.db import Database
from practice.errors import ValidationError
from practice.models import Client, ClientStatus, Enrolment, EnrolmentStatus
from practice.services import audit, records, validation
from practice.services.conflicts import check_version
from practice.services.whose import refuse_if_not_theirs
from practice.timeutil import today, utcnow

MAX_NOTES = 50_000

_Query = TypeVar("_Query", bound=Select[*tuple[Any, ...]])

#: Every field a person can set on a client, with its default for a new one.
CLIENT_FIELDS: dict[str, Any] = {
    "first_name": "",
    "last_name": "",
    "preferred_name": "",
    "pronouns": "",
    "email": "",
    "phone": "",
    "address": "",
    "date_of_birth": None,
    "emergency_contact_name": "",
    "emergency_contact_phone": "",
    "source": "",
    "status": ClientStatus.ENQUIRY,
    "consent_to_contact": False,
    "consent_to_records": False,
    "consent_recorded_on": None,
    "notes": "",
}


@dataclass(frozen=True, slots=True)
class ClientRow:
    """One line of the clients list."""

    id: int
    first_name: str
    last_name: str
    preferred_name: str
    pronouns: str
    status: ClientStatus
    email: str
    phone: str
    created_at: datetime
    archived_at: datetime | None

    @property
    def display_name(self) -> str:
        first = self.preferred_name or self.first_name
        return f"{first} {self.last_name}".strip()

    @property
    def name(self) -> str:
        return self.display_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def listed_name(self) -> str:
        """The name in lists: the preferred name, with the legal first name beside it
        when the two differ (“Maggie Okafor (Margaret)”), so a search for either shows
        why the client matched."""
        if self.preferred_name and self.preferred_name != self.first_name:
            return f"{self.display_name} ({self.first_name})"
        return self.display_name


def create_client(
    db: Database,
    *,
    first_name: str,
    last_name: str = "",
    preferred_name: str = "",
    pronouns: str = "",
    email: str = "",
    phone: str = "",
    address: str = "",
    date_of_birth: date | None = None,
    emergency_contact_name: str = "",
    emergency_contact_phone: str = "",
    source: str = "",
    status: ClientStatus | str = ClientStatus.ENQUIRY,
    consent_to_contact: bool = False,
    consent_to_records: bool = False,
    consent_recorded_on: date | None = None,
    notes: str = "",
) -> Client:
    """Add a client. Raises :class:`ValidationError` naming the first bad field."""
    values = _validated(
        {
            "first_name": first_name,
            "last_name": last_name,
            "preferred_name": preferred_name,
            "pronouns": pronouns,
            "email": email,
            "phone": phone,
            "address": address,
            "date_of_birth": date_of_birth,
            "emergency_contact_name": emergency_contact_name,
            "emergency_contact_phone": emergency_contact_phone,
            "source": source,
            "status": status,
            "consent_to_contact": consent_to_contact,
            "consent_to_records": consent_to_records,
            "consent_recorded_on": consent_recorded_on,
            "notes": notes,
        }
    )
    client = Client(**values)
    refresh_search_columns(client)
    if client.status is ClientStatus.ARCHIVED:
        client.archived_at = utcnow()
    with db.transaction() as s:
        s.add(client)
        s.flush()
        audit.record(s, "create", "client", client.id)
    return client


def update_client(
    db: Database, client_id: int, *, expected_version: int | None = None, **changes: Any
) -> Client:
    """Change some of a client's fields; the whole client is validated again.

    Archiving goes through :func:`archive_client` (a status change to archived here is
    checked the same way). ``expected_version`` is the client's ``version`` the form
    showed: if someone saved the client since, nothing is saved
    (:class:`~practice.errors.EditConflictError`, naming who and when).
    """
    unknown = sorted(set(changes) - set(CLIENT_FIELDS))
    if unknown:
        raise ValidationError(unknown[0], "is not a field of a client.")
    with db.transaction() as s:
        client = _load(s, client_id)
        refuse_if_not_theirs(s, client_id)  # a colleague's client, on a practice server
        check_version(s, client, expected_version, entity="client", what="this client's details")
        current = {name: getattr(client, name) for name in CLIENT_FIELDS}
        values = _validated({**current, **changes})
        changed = [name for name in CLIENT_FIELDS if values[name] != current[name]]
        if not changed:
            return client
        if "status" in changed:
            _check_status_change(s, client, values["status"])
        for name in changed:
            setattr(client, name, values[name])
        refresh_search_columns(client)
        audit.record(s, "edit", "client", client.id, "fields: " + ", ".join(changed))
    return client


def set_client_status(db: Database, client_id: int, status: ClientStatus | str) -> Client:
    """Move a client to another status (archiving is refused while work is open)."""
    new_status = validation.choice(status, ClientStatus, "status")
    with db.transaction() as s:
        client = _load(s, client_id)
        if client.status is new_status:
            return client
        _check_status_change(s, client, new_status)
        old = client.status
        client.status = new_status
        action = "archive" if new_status is ClientStatus.ARCHIVED else "edit"
        audit.record(s, action, "client", client.id, f"status: {old.value} → {new_status.value}")
    return client


def archive_client(db: Database, client_id: int) -> Client:
    """Archive a client: kept, but out of the everyday lists."""
    return set_client_status(db, client_id, ClientStatus.ARCHIVED)


def get_client(db: Database, client_id: int) -> Client:
    with db.reading() as s:
        return _load(s, client_id)


def view_client(db: Database, client_id: int) -> Client:
    """Open a client's record for the practitioner to read.

    The audit log notes the viewing (who, when, which record; never the content), as the
    record-keeping duties ask; plain look-ups for lists and forms use :func:`get_client`.
    """
    with db.transaction() as s:
        client = _load(s, client_id)
        audit.record(s, "view", "client", client.id)
        return client


def list_clients(
    db: Database,
    *,
    search: str = "",
    statuses: Iterable[ClientStatus | str] | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[ClientRow]:
    """Clients by sort name; ``search`` matches every word, ignoring case and accents."""
    stmt = _filtered(
        select(
            Client.id,
            Client.first_name,
            Client.last_name,
            Client.preferred_name,
            Client.pronouns,
            Client.status,
            Client.email,
            Client.phone,
            Client.created_at,
            Client.archived_at,
        ),
        search,
        statuses,
    ).order_by(Client.sort_name, Client.id)
    if offset:
        stmt = stmt.offset(validation.whole_number(offset, "offset", maximum=10**9))
    if limit is not None:
        stmt = stmt.limit(validation.whole_number(limit, "limit", maximum=10**9))
    with db.reading() as s:
        return [ClientRow(**row._asdict()) for row in s.execute(stmt)]


def count_clients(
    db: Database,
    *,
    search: str = "",
    statuses: Iterable[ClientStatus | str] | None = None,
) -> int:
    stmt = _filtered(select(func.count(Client.id)), search, statuses)
    with db.reading() as s:
        return int(s.scalar(stmt) or 0)


#: The longest client search taken (a name, an email and a phone fit many times over).
MAX_SEARCH = 200


def search_terms(search: str) -> list[str]:
    """The folded words of a search box, as stored in ``Client.search_text``."""
    search = validation.no_broken_characters(search or "", "search")
    if len(search) > MAX_SEARCH:
        raise ValidationError(
            "search", f"is too long ({len(search):,} characters; at most {MAX_SEARCH})."
        )
    return validation.fold(search).split()


def _filtered(stmt: _Query, search: str, statuses: Iterable[ClientStatus | str] | None) -> _Query:
    for term in search_terms(search):
        stmt = stmt.where(Client.search_text.contains(term, autoescape=True))
    if statuses is not None:
        wanted = validation.choices(statuses, ClientStatus, "statuses")
        stmt = stmt.where(Client.status.in_(wanted)) if wanted else stmt.where(false())
    return stmt


def _load(s: DbSession, client_id: int) -> Client:
    return records.get_or_raise(s, Client, client_id, "client")


def _check_status_change(s: DbSession, client: Client, new_status: ClientStatus) -> None:
    if new_status is ClientStatus.ARCHIVED:
        open_statuses = {
            EnrolmentStatus.ACTIVE: "an active enrolment; complete it or end it early first",
            EnrolmentStatus.PROPOSED: "a proposed enrolment; cancel it first",
        }
        found = s.scalars(
            select(Enrolment.status).where(
                Enrolment.client_id == client.id, Enrolment.status.in_(list(open_statuses))
            )
        ).all()
        for status, why in open_statuses.items():
            if status in found:
                raise ValidationError(
                    "status", f"{client.display_name} cannot be archived: they have {why}."
                )
        client.archived_at = utcnow()
    else:
        client.archived_at = None


def _validated(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Every client field cleaned, or a :class:`ValidationError` for the first bad one."""
    text, line = validation.text, validation.line
    values: dict[str, Any] = {
        "first_name": line(raw["first_name"], "first_name", max_length=100, required=True),
        "last_name": line(raw["last_name"], "last_name", max_length=100),
        "preferred_name": line(raw["preferred_name"], "preferred_name", max_length=100),
        "pronouns": line(raw["pronouns"], "pronouns", max_length=40),
        "email": validation.email(raw["email"], "email"),
        "phone": validation.phone(raw["phone"], "phone"),
        "address": text(raw["address"], "address", max_length=500),
        "date_of_birth": validation.a_date(
            raw["date_of_birth"], "date_of_birth", required=False, not_after=today()
        ),
        "emergency_contact_name": line(
            raw["emergency_contact_name"], "emergency_contact_name", max_length=200
        ),
        "emergency_contact_phone": validation.phone(
            raw["emergency_contact_phone"], "emergency_contact_phone"
        ),
        "source": line(raw["source"], "source", max_length=200),
        "status": validation.choice(raw["status"], ClientStatus, "status"),
        "consent_to_contact": _flag(raw["consent_to_contact"], "consent_to_contact"),
        "consent_to_records": _flag(raw["consent_to_records"], "consent_to_records"),
        "consent_recorded_on": validation.a_date(
            raw["consent_recorded_on"], "consent_recorded_on", required=False, not_after=today()
        ),
        "notes": text(raw["notes"], "notes", max_length=MAX_NOTES),
    }
    dob = values["date_of_birth"]
    if dob is not None and dob.year < today().year - 120:
        raise ValidationError("date_of_birth", f"{dob.isoformat()} is not a plausible birth date.")
    return values


def _flag(value: object, field: str) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(field, "must be yes or no.")
    return value


def refresh_search_columns(client: Client) -> None:
    """Keep the folded ``search_text`` and ``sort_name`` columns in step with the names
    and email; call it whenever a client is made or renamed, by any service."""
    fold = validation.fold
    client.search_text = fold(
        " ".join(
            part
            for part in (client.first_name, client.last_name, client.preferred_name, client.email)
            if part
        )
    )
    client.sort_name = fold(f"{client.last_name} {client.first_name}".strip())


def validated_client(raw: Mapping[str, Any]) -> dict[str, Any]:
    """A new client's fields cleaned by exactly the rules of :func:`create_client` (fields
    not given take their defaults); raises :class:`ValidationError` for the first bad
    one. For importing many clients: check every row first, then :func:`add_client_in`."""
    return _validated({**CLIENT_FIELDS, **raw})


def add_client_in(s: DbSession, values: Mapping[str, Any], *, detail: str = "") -> Client:
    """Add a client from :func:`validated_client`'s values in the caller's transaction,
    as :func:`create_client` does (search columns, archived date, audit entry)."""
    client = Client(**validated_client(values))
    refresh_search_columns(client)
    if client.status is ClientStatus.ARCHIVED:
        client.archived_at = utcnow()
    s.add(client)
    s.flush()
    audit.record(s, "create", "client", client.id, detail)
    return client
