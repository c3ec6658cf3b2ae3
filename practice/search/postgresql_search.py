"""The note search on a practice server: the ``note_search`` table PostgreSQL keeps in
step by triggers (migration 0004), its texts kept folded for case and accents
(``practice_fold``: ``unaccent`` where the server has it), searched with word-start
regular expressions through a trigram index (migration 0017). What a login finds is
what it may read: ``practice_search`` asks the index's access rules of the matching
texts only.

Hits come newest first (by the source row's id): a server practice has no FTS5 rank.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session as DbSession

from practice.errors import PracticeError
from practice.search.kinds import SearchKind, source_of
from practice.search.query import SearchQuery

#: Between two words of a phrase: anything that is not a letter or digit.
_BETWEEN = "[^[:alnum:]]+"


def _literal(word: str) -> str:
    """``word`` for a regular expression: anything not a letter or digit escaped (a
    folded word may hold an apostrophe or a dash, ``unaccent``'s spelling of a letter)."""
    return "".join(c if c.isalnum() else "\\" + c for c in word)


def patterns(words: list[list[str]], phrases: list[list[str]]) -> list[str]:
    """One regular expression per word (any of its forms, as the start of a word) and
    per phrase (its words in order), all required, from words already folded as the
    texts are."""
    found = ["\\m(" + "|".join(_literal(f) for f in forms) + ")" for forms in words]
    found += ["\\m" + _BETWEEN.join(_literal(w) for w in phrase) + "\\M" for phrase in phrases]
    return found


def _folded(s: DbSession, query: SearchQuery) -> list[str]:
    """Every word form of ``query`` folded on the server exactly as the texts are
    (``practice_fold``, migration 0017), in order: words first, then phrases' words."""
    typed = [f for forms in query.index_words for f in forms]
    typed += [w for phrase in query.index_phrases for w in phrase]
    rows = s.execute(
        text(
            "SELECT practice_fold(x) FROM "
            "unnest(CAST(:typed AS text[])) WITH ORDINALITY AS t(x, n) ORDER BY n"
        ),
        {"typed": typed},
    ).scalars()
    return [str(word) for word in rows]


class PostgresSearch:
    """Finds indexed texts matching a query, newest first: (kind, source id) pairs."""

    def find(self, s: DbSession, query: SearchQuery, limit: int) -> list[tuple[SearchKind, int]]:
        folded_words = iter(_folded(s, query))
        wanted = patterns(
            [[next(folded_words) for _ in forms] for forms in query.index_words],
            [[next(folded_words) for _ in phrase] for phrase in query.index_phrases],
        )
        try:
            with s.begin_nested():
                rows = s.execute(
                    text("SELECT practice_search(CAST(:patterns AS text[]), :limit)"),
                    {"patterns": wanted, "limit": limit},
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
