"""The note search on a practice server: the ``note_search`` table PostgreSQL keeps in
step by triggers (migration 0004), searched with word-start regular expressions over
its text folded for case and accents (``unaccent``, migration 0011, where the server
has it). What a login finds is what it may read (row-level security on the index).

Hits come newest first (by the source row's id): a server practice has no FTS5 rank,
and the texts of one practice are few enough to read whole.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session as DbSession

from practice.errors import PracticeError
from practice.search.kinds import INDEX_TABLE, SearchKind, source_of
from practice.search.query import SearchQuery

#: Between two words of a phrase: anything that is not a letter or digit.
_BETWEEN = "[^[:alnum:]]+"


def patterns(query: SearchQuery) -> list[str]:
    """One regular expression per word (any of its forms, as the start of a word) and
    per phrase (its words in order), all required. Words hold only letters, marks and
    digits (see :mod:`.folding`): nothing typed can become regular-expression syntax."""
    found = ["\\m(" + "|".join(forms) + ")" for forms in query.index_words]
    found += ["\\m" + _BETWEEN.join(phrase) + "\\M" for phrase in query.index_phrases]
    return found


class PostgresSearch:
    """Finds indexed texts matching a query, newest first: (kind, source id) pairs."""

    def find(self, s: DbSession, query: SearchQuery, limit: int) -> list[tuple[SearchKind, int]]:
        folded = "lower(body)"
        if s.execute(text("SELECT 1 FROM pg_extension WHERE extname = 'unaccent'")).first():
            folded = "lower(unaccent(body))"
        wanted = patterns(query)
        where = " AND ".join(f"{folded} ~ :p{n}" for n in range(len(wanted)))
        try:
            with s.begin_nested():
                rows = s.execute(
                    text(
                        f"SELECT rowid FROM {INDEX_TABLE} WHERE {where} "
                        "ORDER BY rowid / 8 DESC, rowid DESC LIMIT :limit"
                    ),
                    {**{f"p{n}": pattern for n, pattern in enumerate(wanted)}, "limit": limit},
                ).all()
        except DBAPIError as exc:
            if "permission denied" not in str(exc.orig):
                raise
            raise PracticeError(
                "Your login does not search notes (admin staff never read them); find a "
                "client by name on the Clients page."
            ) from None
        return [source_of(int(row[0])) for row in rows]

    def optimize(self, s: DbSession) -> None:
        """Nothing to merge: a deleted text's row is gone at once."""
