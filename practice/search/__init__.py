"""Search every note: session notes, private notes, addenda, action items and client details.

``search_notes(db, "father illness")`` gives the best hits first, each with the client,
the day, an extract with the searched words marked, and the session to open. The
matching itself sits behind :func:`backend_for`: on SQLite it is the FTS5 index of
migration 0004 (kept in step by triggers, so an edited note is found by its new words
only and an erased client's texts leave the index with them); on a practice server the
same table searched by :mod:`.postgresql_search`, each login finding only what it may read.
"""

from __future__ import annotations

from typing import Protocol

from sqlalchemy.orm import Session as DbSession

from practice.db import Database
from practice.errors import PracticeError, ValidationError
from practice.search.hits import SearchHit
from practice.search.kinds import SearchKind
from practice.search.query import SearchQuery, parse_query
from practice.search.snippets import Snippet
from practice.services import validation
from practice.zone import practice_zone

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
MAX_TEXT = 500


class SearchBackend(Protocol):
    def find(
        self, s: DbSession, query: SearchQuery, limit: int
    ) -> list[tuple[SearchKind, int]]: ...

    def optimize(self, s: DbSession) -> None: ...


def backend_for(db: Database) -> SearchBackend:
    dialect = db.engine.dialect.name
    if dialect == "sqlite":
        from practice.search.sqlite_fts import Fts5Search

        return Fts5Search()
    if dialect == "postgresql":
        from practice.search.postgresql_search import PostgresSearch

        return PostgresSearch()
    raise PracticeError(f"Searching notes is not available on a {dialect} database.")


def search_notes(db: Database, text: str, *, limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
    """The texts containing every word of ``text`` (ignoring case and accents), best first."""
    if not isinstance(text, str):
        raise ValidationError("search", "must be text.")
    validation.no_broken_characters(text, "search")
    if len(text) > MAX_TEXT:
        raise ValidationError("search", f"is too long (at most {MAX_TEXT} characters).")
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise ValidationError("limit", f"must be a whole number from 1 to {MAX_LIMIT}.")
    query = parse_query(text)
    if query.empty:
        return []
    from practice.search.hits import build_hits

    backend = backend_for(db)
    zone = practice_zone(db)
    with db.reading() as s:
        found = backend.find(s, query, limit)
        return build_hits(s, found, query, zone)


def purge_deleted_in(s: DbSession) -> None:
    """Drop deleted texts from the index for good, in the caller's transaction.

    Erasing a client calls it: a deleted text is out of every search at once, but its
    words stay in the index's older pages until they are merged; this merges them now
    (``secure_delete`` then overwrites the freed pages).
    """
    if s.get_bind().dialect.name == "sqlite":
        from practice.search.sqlite_fts import Fts5Search

        Fts5Search().optimize(s)


__all__ = [
    "SearchHit",
    "SearchKind",
    "Snippet",
    "backend_for",
    "parse_query",
    "purge_deleted_in",
    "search_notes",
]
