"""The practice profile (who the practitioner is, defaults, safekeeping settings) and the
agreement clauses printed in every programme agreement."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from babel import Locale, UnknownLocaleError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session as DbSession

from practice.db import Database
from practice.db.seed import default_clause, default_clauses
from practice.documents.merge import validate_template
from practice.errors import NotFoundError, ValidationError
from practice.models import AgreementClause, ClauseScope, PageSize, PracticeProfile
from practice.money import validate_currency
from practice.services import audit, validation
from practice.services.conflicts import check_version
from practice.zone import zone_names

MAX_LOGO_BYTES = 2 * 1024 * 1024
MAX_CLAUSE_BODY = 20_000
MAX_CLAUSES = 100
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"


def _text(max_length: int) -> Callable[[Any, str], str]:
    return lambda value, field: validation.text(value, field, max_length=max_length)


def _number(minimum: int, maximum: int) -> Callable[[Any, str], int]:
    return lambda value, field: validation.whole_number(
        value, field, minimum=minimum, maximum=maximum
    )


def _locale(value: Any, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(field, "is required, for example en_GB.")
    try:
        parsed = Locale.parse(value.strip().replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        raise ValidationError(field, f"“{value}” is not a locale we know, e.g. en_GB.") from None
    return str(parsed)


def _logo(value: Any, field: str) -> bytes | None:
    if value is None or value == b"":
        return None
    if not isinstance(value, bytes | bytearray):
        raise ValidationError(field, "must be an image file's contents.")
    data = bytes(value)
    if not (data.startswith(_PNG) or data.startswith(_JPEG)):
        raise ValidationError(field, "must be a PNG or JPEG image.")
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError(
            field, f"is {len(data) / 1024 / 1024:.1f} MB; please use an image under 2 MB."
        )
    return data


#: Every field of the profile a person can set, with its check.
def _time_zone(value: Any, field: str) -> str:
    name = validation.text(value, field, max_length=64)
    if name and name not in zone_names():
        raise ValidationError(
            field, f"“{name}” is not a time zone; choose one from the list, such as Europe/London."
        )
    return name


_VALIDATORS: dict[str, Callable[[Any, str], Any]] = {
    "practitioner_name": _text(200),
    "business_name": _text(200),
    "qualifications": _text(500),
    "registration": _text(300),
    "email": validation.email,
    "phone": validation.phone,
    "address": _text(500),
    "website": _text(300),
    "logo_png": _logo,
    "currency": validate_currency,
    "locale": _locale,
    "time_zone": _time_zone,
    "page_size": lambda value, field: validation.choice(value, PageSize, field),
    "default_session_minutes": _number(5, 600),
    "default_prep_minutes": _number(0, 480),
    "default_writeup_minutes": _number(0, 480),
    "default_support_call_minutes": _number(5, 240),
    "quiet_after_days": _number(1, 365),
    "retention_years": _number(1, 100),
    "auto_lock_minutes": _number(0, 240),
    "backup_folder": _text(1000),
    "payment_details": _text(1000),
    "professional_body": _text(300),
    "complaints_route": _text(1000),
    "data_protection_number": _text(100),
}

PROFILE_FIELDS = tuple(_VALIDATORS)


def get_profile(db: Database) -> PracticeProfile:
    with db.reading() as s:
        return _profile(s)


def update_profile(
    db: Database, *, expected_version: int | None = None, **changes: Any
) -> PracticeProfile:
    """Change profile fields; every one is checked before anything is saved.
    ``expected_version`` is the profile's ``version`` the form showed: if someone saved
    it since, nothing is saved (:class:`~practice.errors.EditConflictError`)."""
    cleaned: dict[str, Any] = {}
    for name, value in changes.items():
        check = _VALIDATORS.get(name)
        if check is None:
            raise ValidationError(name, "is not a setting of the practice profile.")
        cleaned[name] = check(value, name)
    with db.transaction() as s:
        profile = _profile(s)
        check_version(
            s, profile, expected_version, entity="profile", what="the practice's settings"
        )
        for name, value in cleaned.items():
            setattr(profile, name, value)
        s.flush()
        audit.record(s, "edit", "profile", profile.id, ", ".join(sorted(cleaned)))
        return profile


def list_clauses(db: Database) -> list[AgreementClause]:
    """The agreement clauses in print order."""
    with db.reading() as s:
        return list(s.scalars(_ordered()))


def save_clause(
    db: Database,
    *,
    key: str | None = None,
    heading: str,
    body: str,
    position: int | None = None,
    applies_to: ClauseScope | str | None = None,
    expected_version: int | None = None,
) -> AgreementClause:
    """Add a clause (no ``key``, or a new one) or change the clause with ``key``
    (``expected_version``: the clause's version the editor showed, 0 for a new one; see
    :mod:`practice.services.conflicts`).

    The body may use merge fields (``{client_name}``…); a misspelt one is refused.

    ``position`` (0-based) moves it in the printed order; ``None`` keeps its place, or
    puts a new clause last. Enrolments already made keep the clauses they agreed to.
    """
    heading = validation.text(heading, "heading", max_length=200, required=True)
    body = validation.text(body, "body", max_length=MAX_CLAUSE_BODY, required=True)
    validate_template(body, "body")
    scope = None if applies_to is None else validation.choice(applies_to, ClauseScope, "applies_to")
    if key is not None:
        key = validation.text(key, "key", max_length=40, required=True)
        if not re.fullmatch(r"[a-z0-9_]+", key):
            raise ValidationError("key", "may contain only a-z, 0-9 and _.")
    with db.transaction() as s:
        clauses = list(s.scalars(_ordered()))
        clause = next((c for c in clauses if c.key == key), None)
        check_version(s, clause, expected_version, entity="clause", what="this clause")
        if clause is None:
            if len(clauses) >= MAX_CLAUSES:
                raise ValidationError("heading", f"at most {MAX_CLAUSES} clauses can be kept.")
            clause = AgreementClause(key=key or _new_key(heading, {c.key for c in clauses}))
            s.add(clause)
        else:
            clauses.remove(clause)
            if position is None:
                position = clause.position
        clause.heading, clause.body = heading, body
        if scope is not None:
            clause.applies_to = scope
        elif clause.applies_to is None:
            clause.applies_to = ClauseScope.ALL
        where = len(clauses) if position is None else position
        where = validation.whole_number(where, "position", maximum=10**6)
        clauses.insert(min(where, len(clauses)), clause)
        _renumber(clauses)
        s.flush()
        audit.record(s, "edit", "clause", clause.id, clause.key)
        return clause


def delete_clause(db: Database, key: str) -> None:
    with db.transaction() as s:
        clause = s.scalar(select(AgreementClause).where(AgreementClause.key == key))
        if clause is None:
            raise NotFoundError("agreement clause", key)
        s.delete(clause)
        s.flush()
        _renumber(list(s.scalars(_ordered())))


def reset_clauses_to_default(db: Database) -> list[AgreementClause]:
    """Replace every clause with the standard terms that ship with the app."""
    defaults = default_clauses()
    with db.transaction() as s:
        s.execute(delete(AgreementClause))
        s.flush()
        for position, clause in enumerate(defaults):
            s.add(default_clause(position, clause))
        s.flush()
        return list(s.scalars(_ordered()))


def _ordered() -> Any:
    return select(AgreementClause).order_by(AgreementClause.position, AgreementClause.id)


def _renumber(clauses: list[AgreementClause]) -> None:
    for position, clause in enumerate(clauses):
        clause.position = position


def _new_key(heading: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", validation.fold(heading)).strip("_")[:32] or "clause"
    key, n = base, 2
    while key in taken:
        key = f"{base}_{n}"
        n += 1
    return key


def _profile(s: DbSession) -> PracticeProfile:
    profile = s.get(PracticeProfile, 1)
    if profile is None:  # a database always has one; recreate it if it was removed
        profile = PracticeProfile(id=1)
        s.add(profile)
        s.flush()
    return profile
