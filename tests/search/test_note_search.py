"""Note search: FTS5 over notes, private notes, addenda, action items and client details."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from practice.cli.main import main as cli
from practice.db import Database, open_database
from practice.demo import generate_demo
from practice.errors import ValidationError
from practice.models import SessionNote
from practice.safekeeping.erase import erase_client
from practice.search import SearchKind, parse_query, search_notes
from practice.search.snippets import make_snippet
from practice.services import validation
from practice.services.action_items import NewActionItem, list_action_items
from practice.services.clients import create_client, update_client
from practice.services.notes import add_addendum, lock_note, save_note
from practice.services.sessions import log_session
from tests.conftest import database_argument

FIXTURE = Path(__file__).parent.parent / "fixtures" / "schemas" / "0001.db"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(tmp_path_factory.mktemp("search") / "sample.db")
    generate_demo(database, clients=6, years=1, seed=7)
    try:
        yield database
    finally:
        database.close()


def _session(db: Database, client_id: int, days_ago: int = 3, body: str = "") -> int:
    starts = datetime.now(UTC).replace(microsecond=0) - timedelta(days=days_ago)
    session = log_session(
        db,
        client_id=client_id,
        starts_at=starts,
        duration_minutes=50,
        kind="session",
        mode="video",
        attendance="attended",
    )
    if body:
        save_note(db, session.id, body=body)
    return session.id


def test_a_word_from_a_sample_note_is_found_with_its_client_and_session(sample: Database) -> None:
    with sample.transaction() as s:
        note = s.scalars(select(SessionNote).where(SessionNote.body != "").limit(1)).one()
        session_id, body = note.session_id, note.body
    word = max(body.split(), key=len).strip(".,;:!?()")
    hits = search_notes(sample, word.upper())
    assert any(h.session_id == session_id and h.kind is SearchKind.NOTE for h in hits)
    hit = next(h for h in hits if h.session_id == session_id)
    assert hit.client_name and hit.client_id
    assert any(
        validation.fold(hit.snippet.text[a:b]).startswith(validation.fold(word))
        for a, b in hit.snippet.highlights
    )


def test_accents_and_case_are_folded_both_ways(db: Database) -> None:
    client = create_client(db, first_name="Ana", last_name="Lima")
    _session(db, client.id, body="She spoke of her père and the Café; Ødegård visited Łódź.")
    for typed in ("pere cafe", "PÈRE", "odegard lodz", "ØDEGÅRD", "cafe"):
        assert [h.kind for h in search_notes(db, typed)] == [SearchKind.NOTE], typed


def test_every_letter_the_app_folds_is_folded_in_the_index_too(db: Database) -> None:
    """The index and the search box fold alike (validation.fold), letter by letter."""
    client = create_client(db, first_name="Ana")
    letters = [chr(code) for code in validation._UNACCENTED] + ["ß"]
    body = " ".join(f"x{letter}{letter.upper()}y" for letter in letters)
    _session(db, client.id, body=body)
    for letter in letters:
        word = f"x{letter}{letter.upper()}y"
        assert search_notes(db, word), word
        assert search_notes(db, validation.fold(word)), word


def test_an_edited_note_is_found_by_its_new_words_not_its_old_ones(db: Database) -> None:
    client = create_client(db, first_name="Ana")
    session_id = _session(db, client.id, body="We talked about her grandmother's garden.")
    assert search_notes(db, "grandmother garden")
    save_note(db, session_id, body="We talked about the move to Lisbon.")
    assert search_notes(db, "grandmother") == []
    assert [h.session_id for h in search_notes(db, "lisbon")] == [session_id]


def test_private_notes_addenda_action_items_and_client_details_are_searched(
    db: Database,
) -> None:
    client = create_client(
        db, first_name="Bea", last_name="Quist", notes="Referred by the allotment society"
    )
    starts = datetime.now(UTC).replace(microsecond=0) - timedelta(days=2)
    session = log_session(
        db,
        client_id=client.id,
        starts_at=starts,
        duration_minutes=50,
        kind="session",
        mode="video",
        attendance="attended",
        notes="Session about sleep.",
        private_notes="My hunch: unspoken resentment.",
        new_action_items=[NewActionItem("Walk to the lighthouse twice")],
    )
    lock_note(db, session.id)
    add_addendum(db, session.id, "Later she phoned about the kettlebell class.")
    kinds = {
        "resentment": SearchKind.PRIVATE_NOTE,
        "kettlebell": SearchKind.ADDENDUM,
        "lighthouse": SearchKind.ACTION_ITEM,
        "allotment": SearchKind.CLIENT,
        "quist": SearchKind.CLIENT,
    }
    for word, kind in kinds.items():
        hits = search_notes(db, word)
        assert [h.kind for h in hits] == [kind], word
        assert hits[0].client_id == client.id
        assert hits[0].session_id == (None if kind is SearchKind.CLIENT else session.id)
    update_client(db, client.id, notes="")
    assert search_notes(db, "allotment") == []
    assert list_action_items(db, client_id=client.id)


def test_words_must_all_be_there_and_quotes_make_a_phrase(db: Database) -> None:
    client = create_client(db, first_name="Cy")
    first = _session(db, client.id, 5, body="Her father's illness came back in spring.")
    _session(db, client.id, 4, body="The illness of a friend; her father visited.")
    both = {h.session_id for h in search_notes(db, "father illness")}
    assert len(both) == 2
    assert [h.session_id for h in search_notes(db, '"father s illness"')] == [first]
    assert search_notes(db, "father zebra") == []
    assert search_notes(db, "ill")  # the start of a word
    assert search_notes(db, '  "" * ( ) AND OR NEAR ') == []  # no FTS5 syntax gets through


def test_an_erased_clients_texts_leave_the_index_and_the_file(db: Database) -> None:
    marker = "zanzibarquux"
    client = create_client(db, first_name="Dee", last_name="Erased", notes=f"from {marker}")
    _session(db, client.id, body=f"Spoke about {marker} at length.")
    other = create_client(db, first_name="Eli")
    _session(db, other.id, body="Spoke about the harbour.")
    assert len(search_notes(db, marker)) == 2
    erase_client(db, client.id, confirmation="Dee Erased")
    assert search_notes(db, marker) == []
    assert search_notes(db, "harbour")
    db.close()
    if db.path is None:
        return  # a server's files are its own (docs/GROUP-PRACTICE.md)
    data = db.path.read_bytes()
    assert marker.encode() not in data
    assert b"harbour" in data


def test_bad_input_is_refused_with_the_field(db: Database) -> None:
    with pytest.raises(ValidationError) as err:
        search_notes(db, "x" * 501)
    assert err.value.field == "search"
    with pytest.raises(ValidationError):
        search_notes(db, "x", limit=0)
    assert search_notes(db, "   ") == []


def test_an_encrypted_database_is_searched_inside_the_cipher(tmp_path: Path) -> None:
    db = open_database(tmp_path / "secret.db", "correct horse battery")
    try:
        client = create_client(db, first_name="Fay")
        _session(db, client.id, body="Talked about the orchard.")
        assert [h.client_id for h in search_notes(db, "orchard")] == [client.id]
    finally:
        db.close()
    assert b"orchard" not in (tmp_path / "secret.db").read_bytes()


def test_the_migration_indexes_what_an_older_database_holds(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copyfile(FIXTURE, path)
    with sqlite3.connect(path) as conn:
        body = conn.execute("SELECT body FROM session_notes WHERE body != '' LIMIT 1").fetchone()[0]
        count = conn.execute(
            "SELECT count(*) FROM session_notes WHERE trim(body) != ''"
        ).fetchone()[0]
    conn.close()
    db = open_database(path)
    try:
        word = max(body.split(), key=len).strip(".,;:!?()")
        assert search_notes(db, word)
        with db.transaction() as s:
            indexed = s.execute(text("SELECT count(*) FROM note_search WHERE rowid % 8 = 1"))
            assert indexed.scalar() == count
            triggers = {
                row[0]
                for row in s.execute(text("SELECT name FROM sqlite_master WHERE type='trigger'"))
            }
        for table in ("session_notes", "note_addenda", "action_items", "clients"):
            for event in ("insert", "update", "delete"):
                assert f"note_search_{table}_{event}" in triggers
    finally:
        db.close()


def test_snippets_cut_long_texts_around_the_words() -> None:
    text_ = ("Lorem ipsum dolor sit amet. " * 20) + "Her father’s illness. " + "Tail text. " * 30
    snippet = make_snippet(text_, parse_query("father illness"))
    assert snippet.text.startswith("…") and snippet.text.endswith("…")
    assert len(snippet.text) < 200
    marked = [snippet.text[a:b] for a, b in snippet.highlights]
    assert marked == ["father", "illness"]
    assert "[father]’s [illness]" in snippet.marked()


def test_cli_search_json_gives_the_same_hits(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    client = create_client(db, first_name="Gus", last_name="Ørsted")
    session_id = _session(db, client.id, body="Mentioned the café by the river.")
    db.close()
    assert cli(["--database", database_argument(db), "search", "CAFE river", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [(h["kind"], h["session_id"], h["client"]) for h in hits] == [
        ("note", session_id, "Gus Ørsted")
    ]
    start, end = hits[0]["highlights"][0]
    assert hits[0]["snippet"][start:end] == "café"
    assert cli(["--database", database_argument(db), "search", "nothing-like-it"]) == 0
    assert "Nothing found." in capsys.readouterr().out


def test_plain_and_accented_texts_are_marked_alike() -> None:
    query = parse_query('ill "inner critic"')
    for text_ in (
        "The Inner critic said she was ill; illness, not Ill-will. inner_critic",
        "Thé Inner critic said she was ill; illness, not Ill-will. inner_critic",
    ):
        snippet = make_snippet(text_, query)
        marked = [snippet.text[a:b] for a, b in snippet.highlights]
        assert marked == ["Inner", "critic", "ill", "illness", "Ill", "inner", "critic"], text_
