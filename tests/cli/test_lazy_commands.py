"""The command line loads only what the command run needs."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys

import pytest

from practice.cli.argv import command_of, search_argv
from practice.cli.registry import COMMAND_MODULES, COMMANDS


def test_the_table_says_what_each_module_registers() -> None:
    found: dict[str, tuple[str, str]] = {}
    for module in COMMAND_MODULES:
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers()
        importlib.import_module(f"practice.cli.{module}").register(sub)
        for action in sub._choices_actions:
            found[action.dest] = (module, action.help or "")
    assert found == COMMANDS


@pytest.mark.parametrize("args", [["--version"], ["--help"]])
def test_version_and_help_load_nothing_heavy(args: list[str]) -> None:
    code = (
        "import sys\n"
        "from practice.cli.main import main\n"
        "try:\n"
        f"    main({args!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = [m for m in ('sqlalchemy', 'reportlab', 'babel', 'alembic', 'sqlcipher3')"
        " if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert "HEAVY []" in result.stdout, result.stdout + result.stderr


def test_a_command_loads_its_own_module_only() -> None:
    code = (
        "import sys\n"
        "from practice.cli.main import build_parser\n"
        "build_parser('search')\n"
        "print('LOADED', sorted(m for m in sys.modules if m.startswith('practice.cli.commands')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert "LOADED ['practice.cli.commands_search']" in result.stdout, result.stdout


def test_the_command_is_found_after_global_options_with_values() -> None:
    argv = ["--database", "x.db", "--today", "2026-01-01", "search", "-inner", "--json"]
    assert command_of(argv) == "search"
    assert search_argv(argv) == [
        "--database",
        "x.db",
        "--today",
        "2026-01-01",
        "search",
        "--json",
        "--",
        "-inner",
    ]


def test_only_commands_that_open_the_practice_start_its_check_early() -> None:
    from practice.cli.registry import OPEN_THE_PRACTICE

    assert set(COMMANDS) >= OPEN_THE_PRACTICE
    # their own file (demo), a backup (check, restore) or a new database (import)
    assert not OPEN_THE_PRACTICE & {"demo", "check", "restore", "import", "change-password"}
