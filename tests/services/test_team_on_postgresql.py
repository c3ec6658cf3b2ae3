"""Who sees what in a group practice on a server, enforced by the server (issue 15).

A real PostgreSQL server (the test session's own). The team is made through the
services, each practitioner works through the services connected as their own login,
and then every rule is tried the way anybody could: a plain connection (psycopg, and
``psql`` itself) as each login, reading and writing what it must not.
"""

from __future__ import annotations

import itertools
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import psycopg
import pytest
from psycopg import errors

from practice.db import Database
from practice.db.server import open_server_database
from practice.errors import PracticeError, WrongPasswordError
from practice.models import Attendance, PractitionerRole, SessionKind, SessionMode
from practice.services.action_items import NewActionItem
from practice.services.clients import create_client
from practice.services.sessions import log_session
from practice.services.team import add_practitioner, end_share, list_team, share_client
from practice.services.worklog import log_work
from tests.postgres import SUPERUSER, PostgresServer

_names = itertools.count(1)
PASSWORD = "correct horse battery staple"
#: The team of the `team` fixture: two practitioners, the owner, admin staff.
LOGINS = ("anna", "ben", "olu", "ada")
WHEN = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


@dataclass
class Team:
    name: str  # the database
    address: str  # as the server's administrator
    postgres: PostgresServer
    clients: dict[str, int]  # whose → client id

    def as_(self, login: str) -> str:
        return self.address.replace(f"//{SUPERUSER}@", f"//{login}@")

    def connect(self, login: str) -> psycopg.Connection[tuple[object, ...]]:
        """A plain connection as ``login``: not the app, no rule of the app applies."""
        return psycopg.connect(
            host=str(self.postgres.sockets),
            port=self.postgres.port,
            user=login,
            dbname=self.name,
            password=PASSWORD,
            autocommit=True,
        )


def work_as(team: Team, login: str, first_name: str) -> int:
    """``login`` opens the practice in the app's way and logs a client's first session."""
    db = open_server_database(team.as_(login), PASSWORD)
    try:
        client = create_client(db, first_name=first_name, last_name="Client")
        log_session(
            db,
            client_id=client.id,
            starts_at=WHEN,
            duration_minutes=50,
            kind=SessionKind.SESSION,
            mode=SessionMode.IN_PERSON,
            attendance=Attendance.ATTENDED,
            notes=f"{login}'s note about {first_name}",
            private_notes=f"{login}'s process note",
            new_action_items=[NewActionItem(f"{first_name} walks daily")],
            note_saved_at=WHEN,
        )
        log_work(
            db, work_date=date(2026, 3, 2), minutes=20, category="write_up", client_id=client.id
        )
        return client.id
    finally:
        db.close()


@pytest.fixture(scope="module")
def team(postgres: PostgresServer) -> Iterator[Team]:
    name = f"team_{next(_names)}"
    members = [
        ("Anna Berg", "anna", PractitionerRole.PRACTITIONER),
        ("Ben Cole", "ben", PractitionerRole.PRACTITIONER),
        ("Olu Ade", "olu", PractitionerRole.OWNER),
        ("Ada Frey", "ada", PractitionerRole.ADMIN_STAFF),
    ]
    address = postgres.team_practice(name, members, PASSWORD)
    made = Team(name, address, postgres, {})
    made.clients["anna"] = work_as(made, "anna", "Amara")
    made.clients["ben"] = work_as(made, "ben", "Bea")
    yield made


def column(conn: psycopg.Connection[tuple[object, ...]], sql: str) -> list[object]:
    return [row[0] for row in conn.execute(sql).fetchall()]


def test_a_practitioner_reads_only_their_own_clients_notes(team: Team) -> None:
    with team.connect("ben") as ben:
        assert column(ben, "SELECT body FROM session_notes") == ["ben's note about Bea"]
        assert column(ben, "SELECT private_notes FROM session_notes") == ["ben's process note"]
        assert column(ben, "SELECT description FROM action_items") == ["Bea walks daily"]
        assert column(ben, "SELECT client_id FROM work_log_entries") == [team.clients["ben"]]
        # the practice's one list of clients is everyone's; the diary and the money are
        # his own clients' (his own view: migration 0012)
        assert sorted(column(ben, "SELECT first_name FROM clients")) == ["Amara", "Bea"]
        assert column(ben, "SELECT client_id FROM sessions") == [team.clients["ben"]]
    with team.connect("olu") as olu:  # the owner's view is the whole practice's
        assert len(column(olu, "SELECT id FROM sessions")) == 2
    with team.connect("ada") as ada:  # admin staff book sessions for everyone
        assert len(column(ada, "SELECT id FROM sessions")) == 2


def test_a_practitioner_cannot_write_another_practitioners_records(team: Team) -> None:
    with team.connect("ben") as ben:
        changed = ben.execute("UPDATE session_notes SET body = 'overwritten'")
        assert changed.rowcount == 1  # his own only
        ben.execute("UPDATE session_notes SET body = 'ben''s note about Bea'")
        with team.connect(SUPERUSER) as admin:
            annas_session = column(
                admin, f"SELECT id FROM sessions WHERE client_id = {team.clients['anna']}"
            )[0]
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            ben.execute(
                "INSERT INTO session_notes (session_id, body, private_notes, updated_at) "
                f"VALUES ({annas_session}, 'slipped in', '', now())"
            )
        renamed = ben.execute(
            f"UPDATE clients SET first_name = 'Renamed' WHERE id = {team.clients['anna']}"
        )
        assert renamed.rowcount == 0  # not his to change: as if not there
        assert ben.execute(f"DELETE FROM sessions WHERE id = {annas_session}").rowcount == 0
    with team.connect("anna") as anna:
        assert column(anna, "SELECT body FROM session_notes") == ["anna's note about Amara"]
        assert column(anna, "SELECT first_name FROM clients ORDER BY id") == ["Amara", "Bea"]


def test_admin_staff_cannot_read_any_notes(team: Team) -> None:
    with team.connect("ada") as ada:
        for table in (
            "session_notes",
            "note_versions",
            "note_addenda",
            "action_items",
            "work_log_entries",
            "drafts",
            "note_search",
        ):
            with pytest.raises(errors.InsufficientPrivilege, match="permission denied"):
                ada.execute(f"SELECT * FROM {table}")
        # contact details, enrolments and payments are theirs to keep
        assert sorted(column(ada, "SELECT email IS NOT NULL FROM clients")) == [True, True]
        column(ada, "SELECT count(*) FROM enrolments")
        column(ada, "SELECT count(*) FROM payments")


def test_an_owner_sees_the_practice_but_not_another_practitioners_notes(team: Team) -> None:
    with team.connect("olu") as olu:
        assert column(olu, "SELECT body FROM session_notes") == []
        assert column(olu, "SELECT private_notes FROM note_versions") == []
        # the follow-through and the practice's rate are the owner's to see
        assert sorted(column(olu, "SELECT description FROM action_items")) == [
            "Amara walks daily",
            "Bea walks daily",
        ]
        assert column(olu, "SELECT sum(minutes) FROM work_log_entries") == [40]
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            olu.execute(
                "INSERT INTO work_log_entries (work_date, minutes, category, note, "
                "practitioner_id, created_at, updated_at) VALUES ('2026-03-03', 10, "
                "'admin', '', (SELECT id FROM practitioners WHERE login = 'anna'), "
                "now(), now())"
            )


def test_psql_as_a_practitioner_cannot_read_anothers_notes(team: Team) -> None:
    psql = shutil.which("psql") or str(team.postgres.bin / "psql")
    done = subprocess.run(
        [
            psql,
            "--no-psqlrc",
            "--tuples-only",
            "--host",
            str(team.postgres.sockets),
            "--port",
            str(team.postgres.port),
            "--username",
            "anna",
            "--dbname",
            team.name,
            "--command",
            "SELECT body, private_notes FROM session_notes",
        ],
        capture_output=True,
        text=True,
        env={"PGPASSWORD": PASSWORD, "PATH": "/usr/bin:/bin"},
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "anna's note about Amara" in done.stdout
    assert "ben" not in done.stdout


def test_a_shared_client_is_read_by_the_second_practitioner_until_the_sharing_ends(
    team: Team,
) -> None:
    admin = open_server_database(team.address)
    try:
        share_client(admin, team.clients["anna"], "ben", "cover while Anna is away")
        with team.connect("ben") as ben:
            assert sorted(column(ben, "SELECT body FROM session_notes")) == [
                "anna's note about Amara",
                "ben's note about Bea",
            ]
        assert end_share(admin, team.clients["anna"], "ben") == 1
        with team.connect("ben") as ben:
            assert column(ben, "SELECT body FROM session_notes") == ["ben's note about Bea"]
            logged = ben.execute(
                "SELECT action, detail, actor FROM audit_log WHERE entity = 'client' "
                f"AND entity_id = {team.clients['anna']} AND action LIKE '%share' ORDER BY id"
            ).fetchall()
        assert logged == [
            ("share", "with ben", SUPERUSER),
            ("unshare", "with ben", SUPERUSER),
        ]
    finally:
        admin.close()


def test_each_record_belongs_to_whoever_made_it(team: Team) -> None:
    with team.connect("olu") as olu:
        whose = dict(
            olu.execute(
                "SELECT c.first_name, p.login FROM clients c "
                "JOIN practitioners p ON p.id = c.practitioner_id"
            ).fetchall()
        )
        actors = column(olu, "SELECT DISTINCT actor FROM audit_log WHERE entity = 'session'")
    assert whose == {"Amara": "anna", "Bea": "ben"}
    assert sorted(str(a) for a in actors) == ["anna", "ben"]


def test_a_login_needs_its_password(team: Team) -> None:
    with pytest.raises(WrongPasswordError, match="refused the password for anna"):
        open_server_database(team.as_("anna"), "not the password at all")
    with pytest.raises(WrongPasswordError, match="asks for anna's password"):
        open_server_database(team.as_("anna"))
    db = open_server_database(team.as_("anna"), PASSWORD)
    db.close()


def test_the_team_is_listed_and_only_the_administrator_adds_to_it(team: Team) -> None:
    db: Database = open_server_database(team.as_("olu"), PASSWORD)
    try:
        assert [(m.name, m.login, m.role.value) for m in list_team(db)] == [
            ("Ada Frey", "ada", "admin_staff"),
            ("Anna Berg", "anna", "practitioner"),
            ("Ben Cole", "ben", "practitioner"),
            ("Olu Ade", "olu", "owner"),  # took the practice's first practitioner's place
        ]
        with pytest.raises(PracticeError, match="connect as the server's administrator"):
            add_practitioner(db, "Cy Dunn", "cy", PractitionerRole.PRACTITIONER, PASSWORD)
    finally:
        db.close()


def test_the_first_owner_added_has_what_was_added_before_anyone_was(
    postgres: PostgresServer,
) -> None:
    """A new practice's first practitioner has no login until the owner is added: a
    client admin staff added before then is the owner's, with no one left over."""
    from practice.models import Client
    from practice.services.clients import create_client

    name = f"team_{next(_names)}"
    postgres.create_database(name)
    address = f"postgresql://{SUPERUSER}@/{name}?host={postgres.sockets}&port={postgres.port}"
    admin = open_server_database(address)
    try:
        add_practitioner(admin, "Ada Frey", "ada", PractitionerRole.ADMIN_STAFF, PASSWORD)
        early = create_client(admin, first_name="Early", last_name="Bird")
        owner = add_practitioner(admin, "Olu Ade", "olu", PractitionerRole.OWNER, PASSWORD)
        second = add_practitioner(admin, "Ola Ade", "ola", PractitionerRole.OWNER, PASSWORD)
        assert [(m.login, m.role.value) for m in list_team(admin)] == [
            ("ada", "admin_staff"),
            ("ola", "owner"),
            ("olu", "owner"),
        ]
        assert second.id != owner.id  # only the first owner takes that place
        with admin.reading() as s:
            assert s.get(Client, early.id).practitioner_id == owner.id  # type: ignore[union-attr]
            from sqlalchemy import select

            from practice.models import AuditEntry

            entries = s.scalars(
                select(AuditEntry)
                .where(AuditEntry.entity == "practitioner")
                .order_by(AuditEntry.id)
            )
            assert [(e.action, e.entity, e.detail) for e in entries][-2:] == [
                ("edit", "practitioner", "olu as the first owner"),
                ("create", "practitioner", "ola as owner"),
            ]
    finally:
        admin.close()


def test_a_solo_practice_has_no_team(tmp_path: Path) -> None:
    from practice.db import open_database

    solo = open_database(tmp_path / "solo.db")
    try:
        with pytest.raises(PracticeError, match="A solo practice has one practitioner"):
            add_practitioner(solo, "Cy Dunn", "cy", PractitionerRole.PRACTITIONER, PASSWORD)
    finally:
        solo.close()


def test_each_login_finds_only_what_it_may_read(team: Team) -> None:
    from practice.search import search_notes

    def hits(login: str, words: str) -> list[tuple[str, str]]:
        db = open_server_database(team.as_(login), PASSWORD)
        try:
            return sorted((h.kind.key, h.client_name) for h in search_notes(db, words))
        finally:
            db.close()

    assert hits("ben", "note") == [("note", "Bea Client"), ("private_note", "Bea Client")]
    assert hits("ben", "process") == [("private_note", "Bea Client")]
    assert hits("anna", "note about") == [("note", "Amara Client")]
    # an owner finds every action item (the follow-through is theirs), never a note
    assert hits("olu", "walks daily") == [
        ("action_item", "Amara Client"),
        ("action_item", "Bea Client"),
    ]
    assert hits("olu", "note") == []
    assert hits("ben", "amara") == [("client", "Amara Client")]  # the shared client list
    with pytest.raises(PracticeError, match="does not search notes"):
        hits("ada", "note")


def test_each_practitioner_has_their_own_timer_and_drafts(team: Team) -> None:
    from practice.services.drafts import get_draft, list_draft_keys, save_draft
    from practice.services.worklog import running_timer, start_timer, stop_timer

    anna = open_server_database(team.as_("anna"), PASSWORD)
    ben = open_server_database(team.as_("ben"), PASSWORD)
    try:
        began = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
        start_timer(anna, category="prep", client_id=team.clients["anna"], now=began)
        assert running_timer(ben) is None  # not his to see, nor to stop
        start_timer(ben, category="admin", now=began)
        entry = stop_timer(anna, now=datetime(2026, 3, 3, 9, 25, tzinfo=UTC))
        assert entry is not None and entry.minutes == 25
        mine = running_timer(ben)
        assert mine is not None and mine.category.value == "admin"
        # the note of one session typed by two practitioners: two drafts, one each
        key = "note:session:99"
        save_draft(anna, key, "Anna's words")
        save_draft(ben, key, "Ben's words")
        assert (get_draft(anna, key), get_draft(ben, key)) == ("Anna's words", "Ben's words")
        assert list_draft_keys(ben, "note:") == [key]
    finally:
        ben.close()
        anna.close()
    with team.connect("olu") as olu:
        whose = olu.execute(
            "SELECT p.login FROM work_log_entries w JOIN practitioners p "
            "ON p.id = w.practitioner_id WHERE w.minutes = 25"
        ).fetchall()
    assert whose == [("anna",)]


def test_an_owner_cannot_reach_another_practitioners_notes_by_moving_or_sharing(
    team: Team,
) -> None:
    annas = team.clients["anna"]
    with team.connect("olu") as olu:
        olu_id = column(olu, "SELECT id FROM practitioners WHERE login = 'olu'")[0]
        with pytest.raises(errors.InsufficientPrivilege, match="administrator moves a client"):
            olu.execute(f"UPDATE clients SET practitioner_id = {olu_id} WHERE id = {annas}")
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            olu.execute(
                "INSERT INTO client_shares (client_id, practitioner_id, reason, shared_at) "
                f"VALUES ({annas}, {olu_id}, 'curious', now())"
            )
        assert column(olu, "SELECT body FROM session_notes") == []
    with team.connect("anna") as anna:  # her own client is hers to share
        ben_id = column(anna, "SELECT id FROM practitioners WHERE login = 'ben'")[0]
        anna.execute(
            "INSERT INTO client_shares (client_id, practitioner_id, reason, shared_at) "
            f"VALUES ({annas}, {ben_id}, 'cover', now())"
        )
        anna.execute("DELETE FROM client_shares WHERE reason = 'cover'")


#: Passwords a practitioner may choose, as typed, which PostgreSQL prepares (SASLprep)
#: before checking: each must log in with the verifier the app made for it.
UNUSUAL_PASSWORDS = [
    "plain ascii password",
    "ascii with a bell\x07 in it",  # plain ASCII is used as it is, whatever it holds
    "soft\u00adhyphen in the password",  # means nothing: left out
    "no\u00a0break space password",  # another kind of space: a plain space
    "\ufb01ve ligatures \ufb02ow here",  # NFKC: "fi", "fl"
    "U\u0308ber decomposed password",  # NFKC composes it
    "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd 2026 \u05e9",  # right to left only
    "mixed \u05e9\u05dc\u05d5\u05dd directions",  # forbidden: used as typed
    "a bell\x07 and \u00fc together",  # a control character beside non-ASCII: as typed
    "private \ue000 use character",  # forbidden: as typed
    "\u0646\u0627\u0645 \u06a9\u0627\u0631\u0628\u0631\u06cc \u0641\u0627\u0631\u0633\u06cc",
]


def test_every_password_logs_in_as_the_server_checks_it(postgres: PostgresServer) -> None:
    """The app sends a new login's password only as a SCRAM verifier it works out itself:
    it must prepare the password as PostgreSQL and libpq do (RFC 4013), or a login with
    a soft hyphen or a ligature in its password could never log in."""
    from practice.db.access import scram_verifier

    group = f"saslprep_{next(_names)}"
    with psycopg.connect(
        host=str(postgres.sockets), port=postgres.port, user=SUPERUSER, dbname="postgres",
        autocommit=True,
    ) as admin:  # fmt: skip
        admin.execute(f"CREATE ROLE {group} NOLOGIN")
        for n, password in enumerate(UNUSUAL_PASSWORDS):
            verifier = scram_verifier(password)
            admin.execute(f"CREATE ROLE {group}_{n} LOGIN PASSWORD '{verifier}' IN ROLE {group}")
    postgres.require_passwords(group)

    def log_in(n: int, password: str) -> None:
        psycopg.connect(
            host=str(postgres.sockets), port=postgres.port, user=f"{group}_{n}",
            dbname="postgres", password=password,
        ).close()  # fmt: skip

    for n, password in enumerate(UNUSUAL_PASSWORDS):
        log_in(n, password)
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        log_in(2, "softhyphen in the passwor")


def test_a_colleagues_client_is_said_to_be_theirs_not_a_conflict_or_a_crash(team: Team) -> None:
    """The client list is the team's; a client's details and diary are their own
    practitioner's (and whoever they are shared with). Changing them from another
    login is refused with whose the client is, not as two saves at once; writing a note
    as admin staff is refused in a sentence, not as a database error."""
    from practice.errors import AccessRefusedError
    from practice.services.clients import get_client, update_client
    from practice.services.notes import save_note
    from practice.services.sessions import list_sessions, plan_session
    from practice.services.whose import not_yours, reads_notes_of

    amara = team.clients["anna"]
    dbs = {login: open_server_database(team.as_(login), PASSWORD) for login in LOGINS}
    try:
        ben, ada = dbs["ben"], dbs["ada"]
        shown = get_client(ben, amara).version
        with pytest.raises(AccessRefusedError) as refused:
            update_client(ben, amara, expected_version=shown, phone="0161 496 0000")
        theirs = "Amara Client is Anna Berg's client: their sessions, notes and enrolments"
        assert str(refused.value).startswith(theirs)
        with pytest.raises(AccessRefusedError, match="is Anna Berg's client"):
            plan_session(
                ben, client_id=amara, starts_at=WHEN, duration_minutes=50,
                kind=SessionKind.SESSION, mode=SessionMode.IN_PERSON,
            )  # fmt: skip
        assert get_client(dbs["anna"], amara).phone == ""

        assert str(not_yours(ben, amara)).startswith(theirs)
        assert [not_yours(dbs[login], amara) for login in ("anna", "olu", "ada")] == [None] * 3
        assert [reads_notes_of(dbs[login], amara) for login in LOGINS] == [
            True, False, False, False,
        ]  # fmt: skip
        assert [db.reads_clinical for db in dbs.values()] == [True, True, True, False]
        own = "your own clients and those shared with you"  # what their figures count
        assert [db.figures_of for db in dbs.values()] == [own, own, "", ""]

        sessions = list_sessions(ada, client_id=amara)  # the diary, without the notes
        assert len(sessions) == 1 and sessions[0].note is None
        from practice.errors import ValidationError
        from practice.services.sessions import update_session

        planned = plan_session(
            ada, client_id=amara, starts_at=WHEN.replace(day=9), duration_minutes=50,
            kind=SessionKind.SESSION, mode=SessionMode.IN_PERSON,
        )  # fmt: skip  # the diary is admin staff's to keep
        assert planned.note is None and planned.action_items == []
        moved = update_session(ada, planned.id, starts_at=WHEN.replace(day=10))
        assert moved.starts_at == WHEN.replace(day=10)
        with pytest.raises(ValidationError, match="its practitioner's to correct"):
            update_session(ada, sessions[0].id, starts_at=WHEN.replace(day=3))
        with pytest.raises(AccessRefusedError, match="admin staff never read notes"):
            save_note(ada, sessions[0].id, body="Admin staff typing a note")
    finally:
        for db in dbs.values():
            db.close()
