"""Which module adds which command, and each command's one-line help.

Only the module of the command being run is imported (each exposes
``register(subparsers)``); the others are listed by name and help alone, so
``practice --help`` and ``practice --version`` load nothing heavy and each command
loads only what it uses. A test checks this table against what the modules register.
"""

from __future__ import annotations

import argparse
import importlib

#: command name → (module under practice.cli, the help line its ``register`` gives).
COMMANDS: dict[str, tuple[str, str]] = {
    "demo": ("commands_demo", "fill a new database with a realistic sample practice"),
    "clients": ("commands_lists", "list clients"),
    "enrolments": (
        "commands_lists",
        "list enrolments with what is due, received, owed and the sessions used",
    ),
    "report": ("commands_lists", "practice figures for a period"),
    "agreement": ("commands_documents", "write the programme agreement of an enrolment as a PDF"),
    "receipt": ("commands_documents", "write the receipt for a payment as a PDF"),
    "statement": ("commands_documents", "write the statement of an enrolment as a PDF"),
    "backup": ("commands_safekeeping", "back the database up (encrypted like the database)"),
    "restore": (
        "commands_safekeeping",
        "put a backup in place of the database (the current one is backed up first)",
    ),
    "check": ("commands_safekeeping", "check the database (or a backup) for damage, read-only"),
    "record": (
        "commands_safekeeping",
        "export a client's whole record (subject access) as PDF or JSON",
    ),
    "change-password": ("commands_safekeeping", "change the database password (re-encrypts it)"),
    "export-report": (
        "commands_reports",
        "write the reports of a period as CSV files and/or a PDF",
    ),
    "search": ("commands_search", "search every note, addendum, action item and client's details"),
    "export": (
        "commands_transfer",
        "write the whole practice as JSON, and/or its lists as CSV files",
    ),
    "import": ("commands_transfer", "restore a whole-practice JSON export into an empty database"),
    "calendar": ("commands_transfer", "write sessions as an iCalendar (.ics) file"),
    "import-clients": ("commands_import", "add clients from a spreadsheet (CSV or .xlsx)"),
    "team": ("commands_team", "the practitioners of a practice on a server, and shared clients"),
}

#: Commands that open the practice database (``--database`` or the default one) first
#: thing: its integrity check starts before their modules are imported.
OPEN_THE_PRACTICE: frozenset[str] = frozenset(
    {
        "clients",
        "enrolments",
        "report",
        "agreement",
        "receipt",
        "statement",
        "export-report",
        "record",
        "search",
        "export",
        "calendar",
        "import-clients",
    }
)

#: Every module that adds commands, in the order the help lists them.
COMMAND_MODULES: list[str] = list(dict.fromkeys(module for module, _help in COMMANDS.values()))


def register_all(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Every command with all its options (imports every command module)."""
    for name in COMMAND_MODULES:
        importlib.import_module(f"practice.cli.{name}").register(sub)


def register_for(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], command: str | None
) -> None:
    """``command`` with all its options (its module alone is imported), the rest by name."""
    module = COMMANDS[command][0] if command in COMMANDS else None
    if module is not None:
        importlib.import_module(f"practice.cli.{module}").register(sub)
    for name, (home, text) in COMMANDS.items():
        if home != module:
            sub.add_parser(name, help=text)
