"""What a search hit shows: the client, the day, an extract, and what to open.

Read with the ORM from the source tables (any database back end), in one query per
kind of text, and kept in the order the index ranked them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from practice.models import ActionItem, Client, NoteAddendum, Session, SessionNote
from practice.search.kinds import SearchKind
from practice.search.query import SearchQuery
from practice.search.snippets import Snippet, make_snippet
from practice.zone import PracticeZone


@dataclass(frozen=True)
class SearchHit:
    kind: SearchKind
    #: The id of the row the text is in (note, addendum, action item or client).
    source_id: int
    client_id: int
    client_name: str
    #: The session to open (None for a client's details).
    session_id: int | None
    #: The session's day; for an addendum the day it was written; for client details the
    #: day the client was added.
    day: date
    snippet: Snippet

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind.key,
            "id": self.source_id,
            "client_id": self.client_id,
            "client": self.client_name,
            "session_id": self.session_id,
            "date": self.day.isoformat(),
            "snippet": self.snippet.text,
            "highlights": [list(span) for span in self.snippet.highlights],
        }


def _name(first: str, preferred: str, last: str) -> str:
    return f"{preferred or first} {last}".strip()


_CLIENT_COLUMNS = (Client.id, Client.first_name, Client.preferred_name, Client.last_name)


def build_hits(
    s: DbSession,
    found: Sequence[tuple[SearchKind, int]],
    query: SearchQuery,
    zone: PracticeZone,
) -> list[SearchHit]:
    by_kind: dict[SearchKind, list[int]] = defaultdict(list)
    for kind, source_id in found:
        by_kind[kind].append(source_id)
    made: dict[tuple[SearchKind, int], SearchHit] = {}
    wanted = set(found)

    def add(
        kind: SearchKind,
        source_id: int,
        client: Iterable[Any],
        session_id: int | None,
        when: datetime,
        body: str,
    ) -> None:
        if (kind, source_id) not in wanted:
            return
        client_id, first, preferred, last = client
        made[(kind, source_id)] = SearchHit(
            kind,
            source_id,
            client_id,
            _name(first, preferred, last),
            session_id,
            zone.day(when),
            make_snippet(body, query),
        )

    note_ids = by_kind.get(SearchKind.NOTE, []) + by_kind.get(SearchKind.PRIVATE_NOTE, [])
    if note_ids:
        rows = s.execute(
            select(
                SessionNote.id,
                SessionNote.body,
                SessionNote.private_notes,
                Session.id,
                Session.starts_at,
                *_CLIENT_COLUMNS,
            )
            .join(Session, Session.id == SessionNote.session_id)
            .join(Client, Client.id == Session.client_id)
            .where(SessionNote.id.in_(note_ids))
        )
        for note_id, body, private, session_id, starts_at, *client in rows:
            add(SearchKind.NOTE, note_id, client, session_id, starts_at, body)
            add(SearchKind.PRIVATE_NOTE, note_id, client, session_id, starts_at, private)
    if ids := by_kind.get(SearchKind.ADDENDUM):
        addenda = s.execute(
            select(
                NoteAddendum.id,
                NoteAddendum.body,
                NoteAddendum.created_at,
                Session.id,
                *_CLIENT_COLUMNS,
            )
            .join(SessionNote, SessionNote.id == NoteAddendum.note_id)
            .join(Session, Session.id == SessionNote.session_id)
            .join(Client, Client.id == Session.client_id)
            .where(NoteAddendum.id.in_(ids))
        )
        for addendum_id, body, created_at, session_id, *client in addenda:
            add(SearchKind.ADDENDUM, addendum_id, client, session_id, created_at, body)
    if ids := by_kind.get(SearchKind.ACTION_ITEM):
        items = s.execute(
            select(
                ActionItem.id,
                ActionItem.description,
                ActionItem.review_note,
                Session.id,
                Session.starts_at,
                *_CLIENT_COLUMNS,
            )
            .join(Session, Session.id == ActionItem.session_id)
            .join(Client, Client.id == ActionItem.client_id)
            .where(ActionItem.id.in_(ids))
        )
        for item_id, description, review, session_id, starts_at, *client in items:
            body = f"{description} — {review}" if review else description
            add(SearchKind.ACTION_ITEM, item_id, client, session_id, starts_at, body)
    if ids := by_kind.get(SearchKind.CLIENT):
        for person in s.scalars(select(Client).where(Client.id.in_(ids))):
            details = " · ".join(
                part
                for part in (
                    person.full_name,
                    person.preferred_name,
                    person.pronouns,
                    person.email,
                    person.phone,
                    person.address,
                    person.source,
                    person.emergency_contact_name,
                    person.emergency_contact_phone,
                    person.notes,
                )
                if part
            )
            columns = (person.id, person.first_name, person.preferred_name, person.last_name)
            add(SearchKind.CLIENT, person.id, columns, None, person.created_at, details)
    return [made[key] for key in found if key in made]
