"""Every script is found as it is written, and Greek and Russian also without accents."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from practice.cli.argv import search_argv
from practice.cli.main import main as cli
from practice.db import Database
from practice.search import search_notes
from practice.search.folding import INDEX_LETTERS, index_forms
from practice.services.clients import create_client
from tests.conftest import database_argument

MIGRATION = (
    Path(__file__).resolve().parents[2]
    / "practice"
    / "migrations"
    / "versions"
    / "0004_note_search.py"
)

NAMES = [
    ("Сергей", "Ёлкин", "Говорит о матери"),
    ("Νίκος", "Παπαδόπουλος", "Μιλά για τη μητέρα της"),
    ("Priya", "शर्मा", "नमस्ते, माँ की बीमारी"),
    ("สมชาย", "ใจดี", "พูดถึงแม่"),
    ("מרים", "כהן", "מדברת על אמא"),
    ("فاطمة", "الزهراء", "تتحدث عن أمها"),
    ("美咲", "山田", "母の病気について"),
    ("Zoë", "Ødegård", "Straße"),
]


@pytest.fixture
def people(db: Database) -> dict[str, int]:
    return {
        first: create_client(db, first_name=first, last_name=last, notes=notes).id
        for first, last, notes in NAMES
    }


@pytest.mark.parametrize(
    ("typed", "who"),
    [
        ("Сергей", "Сергей"),
        ("сергей", "Сергей"),
        ("СЕРГЕЙ", "Сергей"),
        ("Ёлкин", "Сергей"),
        ("Елкин", "Сергей"),  # ё typed as е
        ("матери", "Сергей"),
        ("Νίκος", "Νίκος"),
        ("Νικος", "Νίκος"),  # without the tonos
        ("Παπαδοπουλος", "Νίκος"),  # a long word: the stressed vowel is near its end
        ("ΠΑΠΑΔΟΠΟΥΛΟΣ", "Νίκος"),  # capitals, final sigma
        ("μητέρα", "Νίκος"),
        ("शर्मा", "Priya"),
        ("नमस्ते", "Priya"),
        ("बीमारी", "Priya"),
        ("สมชาย", "สมชาย"),
        ("מרים", "מרים"),
        ("אמא", "מרים"),
        ("فاطمة", "فاطمة"),
        ("Zoe", "Zoë"),
        ("odegard", "Zoë"),
        ("strasse", "Zoë"),
    ],
)
def test_a_word_in_any_script_finds_its_client(
    db: Database, people: dict[str, int], typed: str, who: str
) -> None:
    hits = search_notes(db, typed)
    assert [hit.client_id for hit in hits] == [people[who]], typed


def test_the_index_and_the_searched_words_replace_the_same_letters() -> None:
    spec = importlib.util.spec_from_file_location("migration_0004", MIGRATION)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module._LETTERS == INDEX_LETTERS


def test_greek_and_russian_words_are_asked_in_the_forms_a_note_may_hold() -> None:
    assert index_forms("Νικος") == ["Νικος", "νικος", "νικός", "νίκος"]
    assert "νίκος" in index_forms("ΝΙΚΟΣ") and "νικος" in index_forms("Νίκος")
    assert index_forms("Елкин") == ["Елкин", "елкин", "ёлкин"]
    assert "елкин" in index_forms("Ёлкин")
    assert index_forms("Zoë") == ["Zoë"]
    assert index_forms("Straße") == ["Strasse"]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["search", "-inner"], ["search", "--", "-inner"]),
        (["search", "--json", "-inner", "critic"], ["search", "--json", "--", "-inner", "critic"]),
        (["search", "-x", "--limit", "5"], ["search", "--limit", "5", "--", "-x"]),
        (["search", "--limit=5", "word"], ["search", "--limit=5", "--", "word"]),
        (["--database", "search", "clients"], ["--database", "search", "clients"]),
        (
            ["--database", "a.db", "search", "--", "-x"],
            ["--database", "a.db", "search", "--", "-x"],
        ),
        (["search", "--help"], ["search", "--help"]),
    ],
)
def test_words_starting_with_a_dash_are_searched_for(argv: list[str], expected: list[str]) -> None:
    assert search_argv(argv) == expected


def test_cli_search_for_a_word_with_a_dash(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    create_client(db, first_name="Ana", notes="She named it the -inner voice")
    db.close()
    assert cli(["--database", database_argument(db), "search", "-inner", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1
