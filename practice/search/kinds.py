"""What the note search looks through, and how an indexed text names its source.

Every indexed text has the rowid ``source id * 8 + kind`` (the triggers of migration
0004 write it), so a hit names its source row without another table.
"""

from __future__ import annotations

from enum import IntEnum


class SearchKind(IntEnum):
    NOTE = 1
    PRIVATE_NOTE = 2
    ADDENDUM = 3
    ACTION_ITEM = 4
    CLIENT = 5

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def key(self) -> str:
        """The kind as written in JSON output: ``note``, ``private_note``, ``addendum``…"""
        return self.name.lower()


_LABELS = {
    SearchKind.NOTE: "Session note",
    SearchKind.PRIVATE_NOTE: "Private notes",
    SearchKind.ADDENDUM: "Addendum",
    SearchKind.ACTION_ITEM: "Action item",
    SearchKind.CLIENT: "Client details",
}

STRIDE = 8


def rowid_of(kind: SearchKind, source_id: int) -> int:
    return source_id * STRIDE + int(kind)


def source_of(rowid: int) -> tuple[SearchKind, int]:
    """(kind, source id) of an indexed text's rowid."""
    source_id, kind = divmod(rowid, STRIDE)
    return SearchKind(kind), source_id


#: The tables of the full-text index (the FTS5 table and its shadow tables): not models.
INDEX_TABLE = "note_search"


def is_index_table(name: str) -> bool:
    return name == INDEX_TABLE or name.startswith(INDEX_TABLE + "_")
