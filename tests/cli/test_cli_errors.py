"""Refusals on the command line: one plain sentence on stderr, a non-zero exit, no
traceback, and a file that is not one of our databases left byte-for-byte as it was."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from practice.db import open_database

from .helpers import Result, run_cli

Capsys = pytest.CaptureFixture[str]

COMMANDS: list[list[str]] = [
    ["clients", "--json"],
    ["enrolments"],
    ["report", "--json"],
    ["demo", "--clients", "3", "--years", "1"],
]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_sentence(result: Result) -> str:
    assert result.code != 0
    assert result.out == ""
    assert "Traceback" not in result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].endswith("."), lines[0]
    return lines[0]


def _real_database(path: Path) -> None:
    open_database(path).close()


def _truncated_copy(path: Path) -> None:
    source = path.with_name("whole.db")
    _real_database(source)
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 100])


def _truncated_at_a_page(path: Path) -> None:
    source = path.with_name("whole.db")
    _real_database(source)
    data = source.read_bytes()
    path.write_bytes(data[:8192])


FILES: dict[str, Callable[[Path], object]] = {
    "random-bytes": lambda p: p.write_bytes(bytes((i * 7919 + 13) % 256 for i in range(20_000))),
    "csv": lambda p: p.write_text("name,email\nZoë Ødegård,zoe@example.org\n", encoding="utf-8"),
    "empty": lambda p: p.write_bytes(b""),
    "truncated": _truncated_copy,
    "truncated-at-a-page": _truncated_at_a_page,
}


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("kind", list(FILES))
def test_a_file_that_is_not_our_database_is_refused_untouched(
    capsys: Capsys, tmp_path: Path, kind: str, command: list[str]
) -> None:
    path = tmp_path / "thing.db"
    FILES[kind](path)
    before = digest(path)
    one_sentence(run_cli(capsys, "--database", path, *command))
    assert digest(path) == before


@pytest.mark.parametrize("kind", list(FILES))
def test_a_refused_file_gets_no_journal_files_beside_it(
    capsys: Capsys, tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "thing.db"
    FILES[kind](path)
    one_sentence(run_cli(capsys, "--database", path, "clients"))
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("thing")) == ["thing.db"]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_folder_that_does_not_exist_is_refused(
    capsys: Capsys, tmp_path: Path, command: list[str]
) -> None:
    path = tmp_path / "no such folder" / "practice.db"
    message = one_sentence(run_cli(capsys, "--database", path, *command))
    assert "does not exist" in message or "There is no database" in message
    assert not path.parent.exists()


@pytest.mark.parametrize("command", COMMANDS[:3], ids=lambda c: c[0])
def test_lists_never_create_a_database(capsys: Capsys, tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "practice.db"
    assert "There is no database" in one_sentence(run_cli(capsys, "--database", path, *command))
    assert list(tmp_path.iterdir()) == []


def test_a_folder_given_as_the_database_is_refused(capsys: Capsys, tmp_path: Path) -> None:
    one_sentence(run_cli(capsys, "--database", tmp_path, "clients"))


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["enrolments", "--client", "9999"], "There is no client with id 9999."),
        (["enrolments", "--client", "abc"], "--client needs a number"),
        (["enrolments", "--client", "0"], "--client needs a positive id"),
        (["clients", "--status", "happy"], "is not one of"),
        (["report", "--from", "2025-02-30"], "--from needs a real date"),
        (["report", "--to", "31/03/2025"], "--to needs a real date"),
        (["report", "--from", "2025-04-01", "--to", "2025-03-01"], "starts (2025-04-01) after"),
        (["demo", "--today", "tomorrow"], "--today needs a real date written YYYY-MM-DD"),
        (["demo", "--clients", "many"], "--clients needs a whole number"),
    ],
)
def test_bad_options_are_one_sentence(
    capsys: Capsys, sample_path: Path, tmp_path: Path, args: list[str], words: str
) -> None:
    copy = tmp_path / "copy.db"
    shutil.copyfile(sample_path, copy)
    before = digest(copy)
    assert words in one_sentence(run_cli(capsys, "--database", copy, *args))
    assert digest(copy) == before


def test_demo_refuses_a_database_that_has_clients(capsys: Capsys, sample_path: Path) -> None:
    before = digest(sample_path)
    message = one_sentence(run_cli(capsys, "--database", sample_path, "demo"))
    assert "already has clients" in message
    assert digest(sample_path) == before
