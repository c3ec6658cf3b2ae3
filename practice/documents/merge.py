"""Merge fields: ``{client_name}`` and friends in programme descriptions and agreement terms.

A template is plain text in which ``{name}`` is replaced by the enrolment's value when a
document is made. ``{{`` and ``}}`` print a literal brace. Templates are checked when they
are saved (:func:`validate_template`), so a misspelt field is caught while the
practitioner is still typing, not when a client's agreement is printed.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping

from practice.errors import ValidationError

#: Every merge field, with what it prints (shown in the programme and terms editors).
MERGE_FIELDS: dict[str, str] = {
    "client_name": "The client's full name, e.g. Zoë Ødegård",
    "client_first_name": "The client's first (or preferred) name, e.g. Zoë",
    "programme_name": "The programme's name as agreed",
    "start_date": "The first day of the programme, e.g. 3 March 2026",
    "end_date": "The last day of the programme, e.g. 2 June 2026",
    "length": "How long the programme runs, e.g. 3 months",
    "minimum_term": "The minimum term, e.g. 2 months (or “no minimum term”)",
    "sessions": "How many sessions are planned in total, e.g. 7",
    "session_length": "How long each session lasts, e.g. 60 minutes",
    "total": "The overall cost agreed, e.g. £1,200.00",
    "instalments": "How many payments the cost is split into, e.g. 3",
    "instalment_amount": "The amount of a regular instalment, e.g. £400.00",
    "practitioner_name": "Your name, from the practice profile",
    "business_name": "Your business name, from the practice profile",
    "payment_details": "How to pay you: bank details or other ways, from Settings",
    "professional_body": "The professional body you belong to, from Settings",
    "complaints_route": "How a client can raise a complaint with you, from Settings",
    "data_protection_number": "Your registration with the data-protection authority",
    "retention_period": "How long you keep records, e.g. 7 years (from Settings)",
    "client_address": "The client's postal address, on one line",
}

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


def _scan(text: str, field: str) -> Iterator[tuple[int, int, str | None]]:
    """Yield (start, end, field name or None for an escaped brace) for every brace token."""
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if token in ("{{", "}}"):
            yield match.start(), match.end(), None
        elif token == "{":
            raise ValidationError(
                field,
                f"has a “{{” with no matching “}}” near “{_context(text, match.start())}”; "
                "write {{ for a literal brace.",
            )
        elif token == "}":
            raise ValidationError(
                field,
                f"has a “}}” with no matching “{{” near “{_context(text, match.start())}”; "
                "write }} for a literal brace.",
            )
        else:
            yield match.start(), match.end(), match.group(1)


def _context(text: str, at: int) -> str:
    return text[max(0, at - 15) : at + 15].replace("\n", " ").strip()


def _check_name(name: str, field: str) -> None:
    if name in MERGE_FIELDS:
        return
    shown = "{" + name + "}"
    if not name.strip():
        raise ValidationError(field, "has an empty merge field {}; write {{ for a literal brace.")
    guess = difflib.get_close_matches(name.strip().lower(), MERGE_FIELDS, n=1, cutoff=0.6)
    if guess:
        raise ValidationError(field, f"unknown merge field {shown} — did you mean {{{guess[0]}}}?")
    raise ValidationError(
        field,
        f"unknown merge field {shown}; the fields you can use are "
        + ", ".join("{" + known + "}" for known in MERGE_FIELDS)
        + ".",
    )


def validate_template(text: str, field: str) -> None:
    """Check every ``{field}`` is known and every brace is balanced; raise ValidationError."""
    for _start, _end, name in _scan(text or "", field):
        if name is not None:
            _check_name(name, field)


def fields_used(text: str) -> list[str]:
    """The merge fields a (valid) template uses, in order of first use."""
    seen: list[str] = []
    for _start, _end, name in _scan(text or "", "text"):
        if name is not None and name not in seen:
            seen.append(name)
    return seen


def fill(text: str, values: Mapping[str, str], *, strict: bool = True) -> str:
    """Replace every merge field with its value; ``{{``/``}}`` become single braces.

    Strict (the default) raises ValidationError (field ``text``) for an unknown field or
    unbalanced braces. Documents fill leniently (``strict=False``): text saved before a
    check existed still prints, with anything that is not a known field left as typed.
    A known field missing from ``values`` prints as an empty string.
    """
    text = text or ""
    if not strict:
        return _LENIENT.sub(lambda m: _lenient_value(m, values), text)
    out: list[str] = []
    position = 0
    for start, end, name in _scan(text, "text"):
        out.append(text[position:start])
        if name is None:
            out.append(text[start])
        else:
            _check_name(name, "text")
            out.append(values.get(name, ""))
        position = end
    out.append(text[position:])
    return "".join(out)


_LENIENT = re.compile(r"\{\{|\}\}|\{(\w+)\}")


def _lenient_value(match: re.Match[str], values: Mapping[str, str]) -> str:
    token = match.group(0)
    if token in ("{{", "}}"):
        return token[0]
    name = match.group(1)
    return values.get(name, "") if name in MERGE_FIELDS else token
