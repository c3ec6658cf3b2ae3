"""``practice search TEXT``: search every note, as the app's note search does.

Session notes, private notes, addenda, action items and client details; words match
regardless of case and accents, and the start of a word (“ill” finds “illness”); text in
double quotes matches as a phrase. ``--json`` prints one array of hits, best first.
"""

from __future__ import annotations

import argparse
import json

from practice.db import Database
from practice.errors import PracticeError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "search",
        help="search every note, addendum, action item and client's details",
        description=(
            "Search session notes, private notes, addenda, action items and client "
            "details for every word of TEXT (case and accents ignored; a word also "
            'finds longer words it starts; "quoted words" match as a phrase).'
        ),
    )
    parser.add_argument(
        "text",
        metavar="TEXT",
        nargs="+",
        help="the words to look for (a word may start with a dash: practice search -inner)",
    )
    parser.add_argument("--limit", default="100", metavar="N", help="at most N hits (default 100)")
    parser.add_argument("--json", action="store_true", help="print one JSON array")
    parser.set_defaults(handler=run_search, creates_database=False)


def run_search(args: argparse.Namespace, db: Database) -> int:
    from practice.search import search_notes

    try:
        limit = int(args.limit)
    except ValueError:
        raise PracticeError(f"--limit needs a whole number, not “{args.limit}”.") from None
    hits = search_notes(db, " ".join(args.text), limit=limit)
    if args.json:
        print(json.dumps([hit.as_json() for hit in hits], ensure_ascii=False))
        return 0
    if not hits:
        print("Nothing found.")
        return 0
    for hit in hits:
        where = (
            f"session {hit.session_id}" if hit.session_id is not None else f"client {hit.client_id}"
        )
        print(f"{hit.day.isoformat()}  {hit.client_name} — {hit.kind.label} ({where})")
        print(f"    {hit.snippet.marked()}")
    count = len(hits)
    print(f"{count} hit{'s' if count != 1 else ''}.")
    return 0
