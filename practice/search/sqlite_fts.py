"""The note search on SQLite: the FTS5 table ``note_search`` (see migration 0004).

FTS5 is compiled into both the sqlite3 module and SQLCipher, so the index lives inside
the (encrypted) database file. Hits come best first (FTS5's bm25 ``rank``).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session as DbSession

from practice.search.kinds import INDEX_TABLE, SearchKind, source_of
from practice.search.query import SearchQuery


def match_expression(query: SearchQuery) -> str:
    """The FTS5 query: every word as a prefix (in any of its forms), every phrase in
    order, all required.

    Words and phrases hold only letters, marks and digits (see :mod:`.folding`), so
    nothing the person typed can become FTS5 syntax; inside the quotes FTS5 splits a
    word as its tokenizer split the indexed text.
    """
    parts = ["(" + " OR ".join(f'"{form}"*' for form in forms) + ")" for forms in query.index_words]
    parts += ['"' + " ".join(phrase) + '"' for phrase in query.index_phrases]
    return " AND ".join(parts)


class Fts5Search:
    """Finds indexed texts matching a query, best first: (kind, source id) pairs."""

    def find(self, s: DbSession, query: SearchQuery, limit: int) -> list[tuple[SearchKind, int]]:
        rows = s.execute(
            text(
                f"SELECT rowid FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH :match "
                "ORDER BY rank, rowid DESC LIMIT :limit"
            ),
            {"match": match_expression(query), "limit": limit},
        )
        return [source_of(int(row[0])) for row in rows]

    def optimize(self, s: DbSession) -> None:
        """Merge the index into one segment, dropping every deleted text for good."""
        s.execute(text(f"INSERT INTO {INDEX_TABLE}({INDEX_TABLE}) VALUES ('optimize')"))
