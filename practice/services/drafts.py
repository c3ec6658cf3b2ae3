"""Drafts: text being typed, saved every few seconds so nothing typed is ever lost.

Keys name what the draft is for, e.g. ``note:session:12`` or ``note:new:client:7``.
"""

from __future__ import annotations

import unicodedata

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from practice.db import Database
from practice.db.dialect import current_login
from practice.errors import ValidationError
from practice.models import Draft
from practice.services import validation
from practice.timeutil import utcnow

#: Far beyond any note (100,000 characters): a draft keeps whatever was typed, whole.
MAX_DRAFT = 2_000_000


def save_draft(db: Database, key: str, body: str) -> None:
    """Keep ``body`` under ``key``, whole; an empty body removes the draft.

    Never cut short: a text too long to keep (or with a broken character no file can
    hold) is refused with :class:`~practice.errors.ValidationError`, and the editor keeps
    it as typed.
    """
    key = validation.text(key, "draft", max_length=100, required=True)
    if not isinstance(body, str):
        raise ValidationError("draft", "must be text.")
    validation.no_broken_characters(body, "draft")
    if len(body) > MAX_DRAFT:
        raise ValidationError(
            "draft", f"is too long to keep ({len(body):,} characters; at most {MAX_DRAFT:,})."
        )
    with db.transaction() as s:
        draft = _mine(s, key)
        if not body.strip():
            if draft is not None:
                s.delete(draft)
            return
        if draft is None:
            s.add(Draft(key=key, made_by=_me(s), body=body, updated_at=utcnow()))
        else:
            draft.body = body
            draft.updated_at = utcnow()


def get_draft(db: Database, key: str) -> str | None:
    with db.reading() as s:
        draft = _mine(s, key)
        return None if draft is None else draft.body


def discard_draft(db: Database, key: str) -> None:
    with db.transaction() as s:
        draft = _mine(s, key)
        if draft is not None:
            s.delete(draft)


def list_draft_keys(db: Database, prefix: str = "") -> list[str]:
    with db.reading() as s:
        stmt = (
            select(Draft.key)
            .where(Draft.made_by == func.coalesce(current_login(), ""))
            .order_by(Draft.updated_at.desc())
        )
        if prefix:
            stmt = stmt.where(Draft.key.startswith(prefix, autoescape=True))
        return list(s.scalars(stmt))


def _me(s: DbSession) -> str:
    """Whose drafts: the login typing on a server, '' in a practice file."""
    return str(s.scalar(select(func.coalesce(current_login(), ""))))


def _mine(s: DbSession, key: str) -> Draft | None:
    # the key as save_draft kept it (validation.text: NFC, trimmed), however it is asked
    return s.get(Draft, {"key": unicodedata.normalize("NFC", key).strip(), "made_by": _me(s)})
