"""The command line on a group practice's PostgreSQL server (issue 15).

The first judge of the issue: the sample practice made on PostgreSQL gives the same
``report --json`` figures (and the same lists) as on SQLite for the same seed. The
server is the test session's own (tests/postgres.py), reached over its Unix socket.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from tests.postgres import PostgresServer

from .helpers import run_cli

Capsys = pytest.CaptureFixture[str]
SAMPLE = ["--clients", "14", "--years", "2", "--seed", "23", "--today", "2026-05-31"]
_names = itertools.count(1)

#: Everything a practitioner reads from the command line about the practice.
READS = (
    ["clients", "--json"],
    ["enrolments", "--json"],
    ["report", "--json"],
    ["report", "--json", "--from", "2024-06-01"],
    ["report", "--json", "--from", "2026-03-01", "--to", "2026-03-31"],
    ["report", "--json", "--from", "2026-05-25", "--to", "2026-05-31"],
)


def server_database(postgres: PostgresServer) -> tuple[str, str]:
    """A new, empty database on the session's server: its name, and its address as a
    practitioner writes it (``postgresql://``, the socket folder as host)."""
    name = f"cli_{next(_names)}"
    postgres.create_database(name)
    address = f"postgresql://practice_admin@/{name}?host={postgres.sockets}&port={postgres.port}"
    return name, address


def add_member(capsys: Capsys, server: str, login: str, role: str, folder: Path) -> None:
    """``practice team add-practitioner`` as the administrator (the password from a file)."""
    secret = folder / "password.txt"
    secret.write_text("a long enough password\n", encoding="utf-8")
    added = run_cli(
        capsys, "--database", server, "team", "add-practitioner", login.title(),
        "--login", login, "--role", role, "--new-password-file", secret,
    )  # fmt: skip
    assert added.code == 0, added.err


def reads(capsys: Capsys, database: str | Path) -> list[object]:
    found = []
    for command in READS:
        result = run_cli(capsys, "--database", database, "--today", "2026-05-31", *command)
        assert result.code == 0, (command, result.err)
        found.append(json.loads(result.out))
    return found


def test_the_sample_practice_gives_the_same_figures_on_both_engines(
    capsys: Capsys, tmp_path: Path, postgres: PostgresServer
) -> None:
    name, server = server_database(postgres)
    made = run_cli(capsys, "--database", server, "demo", *SAMPLE)
    assert made.code == 0, made.err
    assert made.out.startswith(f"Made a sample practice in “{name}” on this computer as ")
    file = tmp_path / "solo.db"
    assert run_cli(capsys, "--database", file, "demo", *SAMPLE).code == 0

    on_server, on_file = reads(capsys, server), reads(capsys, file)
    assert on_server == on_file
    clients, enrolments, report = on_server[0], on_server[1], on_server[3]
    assert isinstance(clients, list) and len(clients) >= 14
    assert isinstance(enrolments, list) and enrolments
    assert isinstance(report, dict) and report["sessions"] > 0 and report["earned_income"] > 0


def test_a_server_practice_refuses_what_only_a_file_can_do(
    capsys: Capsys, postgres: PostgresServer, tmp_path: Path
) -> None:
    _name, server = server_database(postgres)
    backup = run_cli(capsys, "--database", server, "backup", "--to", tmp_path)
    assert backup.code == 1
    assert "no practice file on this computer to back up" in backup.err
    assert "the server's job" in backup.err
    password = run_cli(capsys, "--database", server, "change-password")
    assert password.code == 1
    assert "no practice file on this computer to give a new password" in password.err
    for words in (["restore", str(tmp_path / "x.db")], ["check"]):
        result = run_cli(capsys, "--database", server, *words)
        assert result.code == 1, words
        assert "not on a practice server" in result.err
        assert "Traceback" not in result.err
    assert not list(tmp_path.iterdir())  # nothing written beside
    export = tmp_path / "solo.json"
    export.write_text("{}", encoding="utf-8")
    restored = run_cli(capsys, "--database", server, "import", export)
    assert restored.code == 1
    assert "team import" in restored.err and "--as LOGIN" in restored.err
    assert "Traceback" not in restored.err


def test_a_server_address_with_a_password_in_it_is_refused(capsys: Capsys) -> None:
    result = run_cli(
        capsys, "--database", "postgresql://anna:secret@db.example.org/practice", "clients"
    )
    assert result.code == 1
    assert "carries a password" in result.err and "secret" not in result.err


def test_no_server_there_is_one_plain_sentence(capsys: Capsys, tmp_path: Path) -> None:
    empty = tmp_path / "no-server-here"
    empty.mkdir()
    result = run_cli(
        capsys, "--database", f"postgresql://anna@/practice?host={empty}&port=5999", "clients"
    )
    assert result.code == 1
    assert result.err.startswith("The practice server “practice” on this computer as anna")
    assert "cannot be reached" in result.err and "Traceback" not in result.err


def test_a_database_holding_something_else_is_left_alone(
    capsys: Capsys, postgres: PostgresServer
) -> None:
    import psycopg

    name, server = server_database(postgres)
    with psycopg.connect(
        host=str(postgres.sockets), port=postgres.port, user="practice_admin", dbname=name
    ) as conn:
        conn.execute("CREATE TABLE invoices (id integer PRIMARY KEY)")
    result = run_cli(capsys, "--database", server, "clients")
    assert result.code == 1
    assert "already holds tables that are not a practice's" in result.err
    with psycopg.connect(
        host=str(postgres.sockets), port=postgres.port, user="practice_admin", dbname=name
    ) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            ).fetchall()
        ]
    assert tables == ["invoices"]


def test_the_team_from_the_command_line(
    capsys: Capsys, postgres: PostgresServer, tmp_path: Path
) -> None:
    _name, server = server_database(postgres)
    secret = tmp_path / "password.txt"
    secret.write_text("a long enough password\n", encoding="utf-8")
    added = run_cli(
        capsys,
        "--database",
        server,
        "team",
        "add-practitioner",
        "Noor Haddad",
        "--login",
        "noor_cli",
        "--role",
        "admin-staff",
        "--new-password-file",
        secret,
    )
    assert added.code == 0, added.err
    assert added.out == "Added Noor Haddad to the team: login noor_cli, admin-staff.\n"
    listed = run_cli(capsys, "--database", server, "team", "list", "--json")
    assert json.loads(listed.out) == [
        {"id": 2, "name": "Noor Haddad", "login": "noor_cli", "role": "admin_staff"},
        {"id": 1, "name": "Practitioner", "login": None, "role": "owner"},
    ]
    again = run_cli(
        capsys,
        "--database",
        server,
        "team",
        "add-practitioner",
        "Noor Haddad",
        "--login",
        "noor_cli",
        "--role",
        "owner",
        "--new-password-file",
        secret,
    )
    assert again.code == 1 and "noor_cli is in the team already" in again.err
    unshared = run_cli(capsys, "--database", server, "team", "unshare", "1", "--with", "noor_cli")
    assert unshared.code == 1 and "was not shared with Noor Haddad" in unshared.err


def test_a_practice_file_has_no_team(capsys: Capsys, tmp_path: Path) -> None:
    from practice.db import open_database

    open_database(tmp_path / "solo.db").close()
    result = run_cli(capsys, "--database", tmp_path / "solo.db", "team", "list")
    assert result.code == 0 and result.out.startswith("Practitioner\t(this computer)\towner")
    secret = tmp_path / "password.txt"
    secret.write_text("a long enough password\n", encoding="utf-8")
    refused = run_cli(
        capsys,
        "--database",
        tmp_path / "solo.db",
        "team",
        "add-practitioner",
        "Cy",
        "--login",
        "cy",
        "--role",
        "practitioner",
        "--new-password-file",
        secret,
    )
    assert refused.code == 1
    assert refused.err.startswith("A solo practice has one practitioner; to add a practitioner")


def test_the_servers_own_backup_and_restore_keep_the_practice(
    capsys: Capsys, postgres: PostgresServer, tmp_path: Path
) -> None:
    """What docs/GROUP-PRACTICE.md tells a practice to do: pg_dump, then pg_restore into
    a new database, gives the same practice back (figures, rules and all)."""
    import subprocess

    name, server = server_database(postgres)
    assert run_cli(capsys, "--database", server, "demo", *SAMPLE).code == 0
    dump = tmp_path / "practice.dump"
    where = ["--host", str(postgres.sockets), "--port", str(postgres.port)]
    who = ["--username", "practice_admin"]
    subprocess.run(
        [str(postgres.bin / "pg_dump"), *where, *who, "--format=custom", f"--file={dump}", name],
        check=True,
        capture_output=True,
        timeout=120,
    )
    restored = f"{name}_restored"
    postgres.create_database(restored)
    subprocess.run(
        [str(postgres.bin / "pg_restore"), *where, *who, "--dbname", restored, str(dump)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    again = server.replace(f"/{name}?", f"/{restored}?")
    assert reads(capsys, again) == reads(capsys, server)


def without_ids(rows: object) -> list[str]:
    """Rows as JSON text without the ids a move renumbers, in a stable order."""
    assert isinstance(rows, list)
    kept = [{k: v for k, v in row.items() if k not in ("id", "client_id")} for row in rows]
    return sorted(json.dumps(row, sort_keys=True, ensure_ascii=False) for row in kept)


def test_two_solo_practices_join_a_team_with_every_record(
    capsys: Capsys, postgres: PostgresServer, tmp_path: Path
) -> None:
    """Two practitioners bring their solo practices (made with different seeds, so their
    ids overlap) into one server practice: each one's clients, enrolments, sessions,
    notes and payments arrive whole, renumbered, and theirs."""
    exports = {}
    solo_reads = {}
    for login, seed in (("sam_joins", "23"), ("tia_joins", "31")):
        file = tmp_path / f"{login}.db"
        options = [*SAMPLE[:4], "--seed", seed, *SAMPLE[6:]]
        assert run_cli(capsys, "--database", file, "demo", *options).code == 0
        exports[login] = tmp_path / f"{login}.json"
        made = run_cli(capsys, "--database", file, "export", "--output", exports[login])
        assert made.code == 0, made.err
        solo_reads[login] = reads(capsys, file)
    _name, server = server_database(postgres)
    for login in exports:
        add_member(capsys, server, login, "practitioner", tmp_path)

    joined = run_cli(capsys, "--database", server, "team", "import", exports["sam_joins"],
                     "--as", "sam_joins")  # fmt: skip
    assert joined.code == 0, joined.err
    assert joined.out.startswith("Added 14 clients (")
    # alone in the team's practice, Sam's practice reads exactly as it did on its own
    assert reads(capsys, server) == solo_reads["sam_joins"]

    joined = run_cli(capsys, "--database", server, "team", "import", exports["tia_joins"],
                     "--as", "tia_joins")  # fmt: skip
    assert joined.code == 0, joined.err
    together = reads(capsys, server)
    sam, tia = solo_reads["sam_joins"], solo_reads["tia_joins"]
    for index in (0, 1):  # clients, enrolments: both practices' rows, each whole
        assert without_ids(together[index]) == sorted(
            without_ids(sam[index]) + without_ids(tia[index])
        )
    report, alone = together[3], (sam[3], tia[3])
    assert isinstance(report, dict)
    for figure in ("sessions", "contact_minutes", "unseen_minutes", "earned_income"):
        assert report[figure] == sum(r[figure] for r in alone if isinstance(r, dict)), figure

    # everything stays behind on a second try: all or nothing
    again = run_cli(capsys, "--database", server, "team", "import", exports["tia_joins"],
                    "--as", "nobody_here")  # fmt: skip
    assert again.code == 1 and "nobody_here" in again.err
    assert reads(capsys, server) == together


SEARCHES = ("sleep", "walk", "zoe", "anx", "odegard", '"self-criticism"', "breath week", "nunez")


def found(capsys: Capsys, database: str | Path, words: str) -> set[tuple[str, int]]:
    result = run_cli(capsys, "--database", database, "search", words, "--limit", "1000", "--json")
    assert result.code == 0, (words, result.err)
    return {(hit["kind"], hit["id"]) for hit in json.loads(result.out)}


def test_note_search_finds_the_same_texts_on_both_engines(
    capsys: Capsys, tmp_path: Path, postgres: PostgresServer
) -> None:
    """Accents and case folded, words as prefixes, phrases in order: the server finds
    exactly the texts the file's FTS5 index finds (it ranks them by age, not bm25)."""
    _name, server = server_database(postgres)
    file = tmp_path / "solo.db"
    for database in (server, file):
        assert run_cli(capsys, "--database", database, "demo", *SAMPLE).code == 0
    total = 0
    for words in SEARCHES:
        on_server = found(capsys, server, words)
        assert on_server == found(capsys, file, words), words
        total += len(on_server)
    assert total > 20  # the searches find something to compare


def test_each_practitioner_reads_their_own_practice_and_the_owner_the_whole(
    capsys: Capsys, postgres: PostgresServer, tmp_path: Path
) -> None:
    """After two solo practices join a team, each practitioner's enrolments and report,
    read as their own login, are what their solo practice's were; the owner's are the
    whole practice's (issue 15: the practitioner's own view, the owner's practice-wide)."""
    name, server = server_database(postgres)
    solo = {}
    for login, seed, role in (("una_own", "23", "practitioner"), ("vic_own", "31", "practitioner"),
                              ("wes_own", None, "owner")):  # fmt: skip
        add_member(capsys, server, login, role, tmp_path)
        if seed is None:
            continue
        file = tmp_path / f"{login}.db"
        options = [*SAMPLE[:4], "--seed", seed, *SAMPLE[6:]]
        assert run_cli(capsys, "--database", file, "demo", *options).code == 0
        export = tmp_path / f"{login}.json"
        assert run_cli(capsys, "--database", file, "export", "--output", export).code == 0
        joined = run_cli(capsys, "--database", server, "team", "import", export, "--as", login)
        assert joined.code == 0, joined.err
        solo[login] = reads(capsys, file)

    def as_(login: str) -> str:
        return server.replace("//practice_admin@", f"//{login}@")

    shared = ("enquiries_by_outcome", "conversion_rate")  # enquiries are the practice's
    for login, alone in solo.items():
        mine = reads(capsys, as_(login))
        assert without_ids(mine[1]) == without_ids(alone[1]), login  # enrolments
        for index in (2, 3, 4, 5):  # the reports of four periods
            got, want = mine[index], alone[index]
            assert isinstance(got, dict) and isinstance(want, dict)
            assert {k: v for k, v in got.items() if k not in shared} == {
                k: v for k, v in want.items() if k not in shared
            }, (login, READS[index])
        assert len(mine[0]) == len(alone[0]) + len(
            solo["vic_own" if login == "una_own" else "una_own"][0]
        )
    whole = reads(capsys, as_("wes_own"))
    assert whole == reads(capsys, server)  # the owner sees what the administrator sees
    report = whole[3]
    assert isinstance(report, dict)
    for figure in ("sessions", "contact_minutes", "unseen_minutes", "earned_income"):
        assert report[figure] == sum(r[3][figure] for r in solo.values()), figure
    del name

    # Una leaves the team and takes her records: a practice file of her own again
    mine = tmp_path / "una-leaves.json"
    taken = run_cli(capsys, "--database", as_("una_own"), "export", "--mine", "--output", mine)
    assert taken.code == 0, taken.err
    again = tmp_path / "una-again.db"
    assert run_cli(capsys, "--database", again, "import", mine).code == 0
    hers, alone = reads(capsys, again), solo["una_own"]
    assert without_ids(hers[0]) == without_ids(alone[0])  # her clients, no one else's
    assert without_ids(hers[1]) == without_ids(alone[1])
    for index in (2, 3, 4, 5):
        got, want = hers[index], alone[index]
        assert isinstance(got, dict) and isinstance(want, dict)
        assert {k: v for k, v in got.items() if k not in shared} == {
            k: v for k, v in want.items() if k not in shared
        }, READS[index]
    text = mine.read_text(encoding="utf-8")
    assert "Vic_Own" not in text and "vic_own" not in text  # nothing of her colleague's
    from practice.db import open_database
    from practice.services.clients import create_client
    from practice.services.worklog import discard_timer, start_timer

    own = open_database(again)  # her practice file works as any other
    try:
        assert create_client(own, first_name="New", last_name="Client").practitioner_id
        start_timer(own, category="admin")
        assert discard_timer(own)
    finally:
        own.close()
    refused = run_cli(capsys, "--database", tmp_path / "una_own.db", "export", "--mine",
                      "--output", tmp_path / "x.json")  # fmt: skip
    assert refused.code == 1 and "connect as your own login" in refused.err
