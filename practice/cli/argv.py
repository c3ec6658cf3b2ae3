"""Reading the command line before any command is loaded: where the command is, and the
search command's words that start with a dash. Plain Python only, so ``practice
--version`` and ``--help`` stay instant."""

from __future__ import annotations

from collections.abc import Sequence

#: The options before the command that take a value (``--database FILE``).
GLOBAL_VALUES = {"--database", "--password-file", "--today"}

#: The options of ``search`` and whether each takes a value.
SEARCH_OPTIONS = {"-h": False, "--help": False, "--json": False, "--limit": True}


def command_at(argv: Sequence[str]) -> int | None:
    """Where the command (``search``, ``clients``…) is in ``argv``, or None."""
    skip = False
    for at, arg in enumerate(argv):
        if skip:
            skip = False
        elif arg in GLOBAL_VALUES:
            skip = True
        elif not arg.startswith("-"):
            return at
    return None


def command_of(argv: Sequence[str]) -> str | None:
    """The command named in ``argv`` (``report``), or None when there is none."""
    at = command_at(argv)
    return None if at is None else argv[at]


def search_argv(argv: Sequence[str]) -> list[str]:
    """``argv`` with every word searched for after ``--``, so a word that starts with a
    dash (``practice search -inner``) is searched for, not taken as an unknown option."""
    argv = list(argv)
    at = command_at(argv)
    if at is None or argv[at] != "search" or "--" in argv:
        return argv
    at += 1
    options: list[str] = []
    words: list[str] = []
    rest = iter(argv[at:])
    for arg in rest:
        name = arg.split("=", 1)[0]
        if name in SEARCH_OPTIONS:
            options.append(arg)
            if SEARCH_OPTIONS[name] and "=" not in arg:
                options.append(next(rest, ""))
        else:
            words.append(arg)
    return argv[:at] + options + (["--", *words] if words else [])
