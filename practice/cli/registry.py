"""The list of command modules. Each exposes ``register(subparsers)``."""

from __future__ import annotations

import argparse
import importlib

#: Modules under practice.cli that add commands. Add yours here.
COMMAND_MODULES: list[str] = [
    "commands_demo",
    "commands_lists",
    "commands_documents",
    "commands_safekeeping",
    "commands_reports",
    "commands_search",
    "commands_transfer",
    "commands_import",
]


def register_all(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"practice.cli.{name}")
        module.register(sub)
