"""``practice team``: the practitioners of a group practice on a server, and the
clients they share.

    practice --database postgresql://admin@HOST/practice --ask-password \\
        team add-practitioner "Sam Okafor" --login sam --role practitioner
    practice --database … team list
    practice --database … team share 12 --with sam --reason "cover in August"
    practice --database … team unshare 12 --with sam
    practice --database … team import sam-practice.json --as sam

Adding a practitioner makes their login on the server (its password asked twice, or
read from ``--new-password-file``), so it is done connected as the server's
administrator. A solo practice file has one practitioner: these are refused there.
"""

from __future__ import annotations

import argparse
import getpass
import json
from pathlib import Path

from practice.db import Database
from practice.errors import PracticeError
from practice.models import PractitionerRole

ROLES = {role.value.replace("_", "-"): role for role in PractitionerRole}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    team = sub.add_parser(
        "team",
        help="the practitioners of a practice on a server, and shared clients",
        description=(
            "The team of a group practice kept on a PostgreSQL server: add a practitioner "
            "with their own login and role, list the team, share a client with a second "
            "practitioner (co-working, cover) and end the sharing. The server enforces "
            "what each login may read."
        ),
    )
    actions = team.add_subparsers(dest="team_action", required=True, metavar="ACTION")
    add = actions.add_parser(
        "add-practitioner",
        help="add a practitioner with their own login on the server",
        description=(
            "Make a login on the server for NAME, in ROLE: a practitioner reads and "
            "writes their own clients' notes; an owner also sees the whole practice's "
            "money and reports, never another's notes; admin staff see contact details, "
            "enrolments and payments, never notes. Connect as the server's administrator."
        ),
    )
    add.add_argument("name", metavar="NAME", help="the practitioner's name, as the team reads it")
    add.add_argument("--login", required=True, help="their login on the server (e.g. sam)")
    add.add_argument("--role", required=True, choices=list(ROLES))
    add.add_argument(
        "--new-password-file",
        type=Path,
        metavar="FILE",
        help="read the new login's password from FILE (else it is asked twice)",
    )
    add.set_defaults(handler=run_add, creates_database=False)
    listing = actions.add_parser("list", help="list the team")
    listing.add_argument("--json", action="store_true", help="print one JSON array")
    listing.set_defaults(handler=run_list, creates_database=False)
    joining = actions.add_parser(
        "import",
        help="add a solo practice's export to this practice, as one practitioner's",
        description=(
            "Add the whole-practice export of a solo practice (practice export --output "
            "FILE.json) to this practice on the server: every client and their records "
            "become the practitioner LOGIN's (add them to the team first). The solo "
            "practice's profile, terms and audit log stay behind. All or nothing."
        ),
    )
    joining.add_argument("file", type=Path, metavar="FILE.json")
    joining.add_argument("--as", dest="login", required=True, metavar="LOGIN")
    joining.set_defaults(handler=run_import, creates_database=False)
    for name, text in (
        ("share", "share a client's records with a second practitioner"),
        ("unshare", "end the sharing of a client with a practitioner"),
    ):
        action = actions.add_parser(name, help=text)
        action.add_argument("client", metavar="CLIENT_ID", type=int)
        action.add_argument("--with", dest="login", required=True, metavar="LOGIN")
        if name == "share":
            action.add_argument("--reason", required=True, help="why (cover, co-working)")
        action.set_defaults(
            handler=run_share if name == "share" else run_unshare, creates_database=False
        )


def _new_password(args: argparse.Namespace) -> str:
    if args.new_password_file is not None:
        try:
            lines = args.new_password_file.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise PracticeError(f"The new password file cannot be read: {exc.strerror}.") from None
        return lines[0] if lines else ""
    first = getpass.getpass(f"Password for {args.login}: ")
    if getpass.getpass(f"Password for {args.login} again: ") != first:
        raise PracticeError("The two passwords differ; nothing was changed.")
    return first


def run_add(args: argparse.Namespace, db: Database) -> int:
    from practice.services.team import add_practitioner

    member = add_practitioner(db, args.name, args.login, ROLES[args.role], _new_password(args))
    print(f"Added {member.name} to the team: login {member.login}, {args.role}.")
    return 0


def run_list(args: argparse.Namespace, db: Database) -> int:
    from practice.services.team import list_team

    team = list_team(db)
    if args.json:
        rows = [{"id": m.id, "name": m.name, "login": m.login, "role": m.role.value} for m in team]
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    for member in team:
        role = member.role.value.replace("_", " ")
        print(f"{member.name}\t{member.login or '(this computer)'}\t{role}")
    return 0


def run_import(args: argparse.Namespace, db: Database) -> int:
    from practice.transfer.join_team import join_team

    summary = join_team(db, args.file.expanduser(), args.login)
    print(
        f"Added {summary.clients:,} clients ({summary.rows:,} rows) to the practice as "
        f"{summary.practitioner}'s."
    )
    return 0


def run_share(args: argparse.Namespace, db: Database) -> int:
    from practice.services.team import share_client

    share = share_client(db, args.client, args.login, args.reason)
    print(f"Client {args.client} is shared with {share.practitioner} until the sharing ends.")
    return 0


def run_unshare(args: argparse.Namespace, db: Database) -> int:
    from practice.services.team import end_share, list_team

    ended = end_share(db, args.client, args.login)
    name = next((m.name for m in list_team(db) if m.login == args.login), args.login)
    if not ended:
        raise PracticeError(f"Client {args.client} was not shared with {name}.")
    print(f"Client {args.client} is no longer shared with {name}.")
    return 0
