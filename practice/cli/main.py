"""The ``practice`` command line: a thin layer over the same services the app uses.

Each group of commands lives in its own module exposing ``register(subparsers)``; every
command function takes the parsed arguments and an open :class:`~practice.db.Database`
and returns an exit code. Errors are one plain sentence on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from practice import __version__
from practice.cli import registry
from practice.cli.argv import command_of, search_argv
from practice.errors import PracticeError
from practice.gc_pause import collector_paused

if TYPE_CHECKING:
    from practice.db import Database

log = logging.getLogger("practice.cli")


def build_parser(command: str | None = "*") -> argparse.ArgumentParser:
    """The parser; ``command`` names the one command to load in full (its module alone is
    imported, the others are listed by name), ``"*"`` loads them all."""
    parser = argparse.ArgumentParser(
        prog="practice",
        description="Practice Manager from the command line: scripting, exports and support.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--database",
        metavar="FILE|postgresql://USER@HOST/DATABASE",
        help="the practice database file (default: the app's database in your user data "
        "folder), or a group practice's PostgreSQL server",
    )
    parser.add_argument(
        "--password-file",
        type=Path,
        help="read the database password from this file (first line); never pass it as an argument",
    )
    parser.add_argument(
        "--today",
        metavar="DATE",
        help="work as if today were DATE (YYYY-MM-DD): what is due, overdue and quiet, "
        "default periods and statement dates, for output that can be reproduced",
    )
    parser.add_argument(
        "--ask-password",
        action="store_true",
        help="ask for the database password on the terminal",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    if command == "*":
        registry.register_all(sub)
    else:
        registry.register_for(sub, command)
    return parser


def on_server(args: argparse.Namespace) -> bool:
    """Whether ``--database`` names a practice server rather than a file."""
    from practice.db.server import is_server_address

    return args.database is not None and is_server_address(args.database)


def read_password(args: argparse.Namespace) -> str | None:
    if args.password_file is not None:
        try:
            text = args.password_file.read_text(encoding="utf-8")
        except OSError as exc:
            raise PracticeError(f"The password file cannot be read: {exc.strerror}.") from None
        except UnicodeDecodeError:
            raise PracticeError(
                "The password file is not plain text (UTF-8); save the password in it as text."
            ) from None
        return text.splitlines()[0] if text else ""
    if args.ask_password:
        return getpass.getpass("Server password: " if on_server(args) else "Database password: ")
    return None


def database_path(args: argparse.Namespace) -> Path:
    """The practice file the command works on (refused for a practice server)."""
    from practice.db.paths import default_database_path

    if on_server(args):
        raise PracticeError(
            f"“{args.command}” works on a practice file on this computer, not on a "
            "practice server; backups and restores of a server practice are the server's "
            "job (see the group practice guide, GROUP-PRACTICE.md)."
        )
    # A command may name its own default file (``demo`` writes a separate sample database).
    default = getattr(args, "default_database", default_database_path)
    return Path(args.database if args.database is not None else default()).expanduser()


def start_early_check(words: Sequence[str]) -> None:
    """Start checking the practice database the command will open (see
    :mod:`practice.db.early_check`); ``--database`` read here as the parser will read it."""
    from practice.db import early_check
    from practice.db.paths import default_database_path
    from practice.db.server import is_server_address

    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--database")
    known, _rest = early.parse_known_args(words)
    if known.database is not None and is_server_address(known.database):
        return  # a practice server: no file here to check
    early_check.start(
        Path(known.database) if known.database is not None else default_database_path()
    )


def open_for(args: argparse.Namespace) -> Database:
    from practice.db import open_database

    if on_server(args):
        from practice.db.server import open_server_database

        return open_server_database(args.database, read_password(args))
    path = database_path(args)
    return open_database(
        path,
        read_password(args),
        make_parents=args.database is None,
        create=getattr(args, "creates_database", True),
    )


def unexpected_sentence(exc: BaseException) -> str:
    """One plain sentence for an error nobody foresaw: its cause when the system says it
    (a full disk, a read-only folder), never Python's own text or SQL."""
    cause = ""
    if isinstance(exc, OSError) and exc.strerror:
        cause = f" ({exc.strerror.lower()})"
    elif "readonly database" in str(exc) or "read-only" in str(exc):
        cause = " (the database or its folder cannot be written to)"
    elif "disk is full" in str(exc) or "No space left" in str(exc):
        cause = " (the disk is full)"
    return (
        f"That could not be done{cause}; nothing was changed. Run the command again with "
        "PRACTICE_DEBUG=1 to see the details for support."
    )


def main(argv: Sequence[str] | None = None) -> int:
    words = search_argv(sys.argv[1:] if argv is None else argv)
    command = command_of(words)
    with collector_paused():  # the command's imports (see practice.gc_pause)
        if command in registry.OPEN_THE_PRACTICE:
            start_early_check(words)  # beside the imports of the command's module
        args = build_parser(command).parse_args(words)
    try:
        if getattr(args, "needs_database", True):
            from practice import timeutil
            from practice.zone import use_practice_zone

            db = open_for(args)
            try:
                use_practice_zone(db)  # times shown and "today" in the practice's zone
                code: int = args.handler(args, db)
            finally:
                timeutil.use_zone(None)
                db.close()
        else:
            code = args.handler(args, None)
        return code
    except PracticeError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader stopped early (``practice clients | head``)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # last resort: one sentence, never a traceback
        log.debug("unexpected error", exc_info=True)
        if os.environ.get("PRACTICE_DEBUG"):
            import traceback

            traceback.print_exc()
        print(unexpected_sentence(exc), file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
