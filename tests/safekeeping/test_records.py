"""Record-keeping duties: the whole record exported, erasure, the audit log, retention."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from practice.db import Database
from practice.errors import NotFoundError, ValidationError
from practice.models import AuditEntry, Base, Client, PracticeProfile, Session
from practice.safekeeping.erase import erase_client
from practice.safekeeping.export import export_record
from practice.safekeeping.record import client_tables, draft_belongs
from practice.safekeeping.retention import records_past_retention
from practice.services import audit
from tests.safekeeping.factory import MARKER, PRIVATE_MARKER, make_client

OTHER = "Zyxwvuts"


def _tables_reaching_clients() -> set[str]:
    """Independently: tables with a chain of foreign keys ending at clients."""
    graph = {
        t.name: {fk.column.table.name for fk in t.foreign_keys} for t in Base.metadata.sorted_tables
    }

    def reaches(name: str, seen: frozenset[str]) -> bool:
        if name == "clients":
            return True
        return any(reaches(p, seen | {name}) for p in graph[name] if p not in seen)

    return {name for name in graph if reaches(name, frozenset())}


def test_client_tables_are_every_table_linked_to_clients() -> None:
    names = {t.name for t in client_tables()}
    assert names == _tables_reaching_clients()
    # The ones we know of today, so a broken schema walk cannot pass silently.
    assert {
        "clients",
        "enrolments",
        "instalments",
        "payments",
        "sessions",
        "session_notes",
        "note_versions",
        "note_addenda",
        "action_items",
        "work_log_entries",
        "work_timer",
        "enquiries",
        "resource_shares",
        "referrals",
    } <= names
    assert "programmes" not in names and "audit_log" not in names


def test_json_export_covers_every_client_table_and_nothing_else(
    db: Database, tmp_path: Path
) -> None:
    made = make_client(db)
    make_client(db, OTHER, with_timer=False)
    out = tmp_path / "record.json"
    result = export_record(db, made.client_id, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["client_id"] == made.client_id and data["private_notes_included"] is False
    tables = data["tables"]
    for table in client_tables():
        assert tables[table.name], f"{table.name} missing from the export"
    assert tables["drafts"] and tables["audit_log"]
    raw = out.read_text(encoding="utf-8")
    assert MARKER in raw and OTHER not in raw
    assert PRIVATE_MARKER not in raw
    assert "private_notes" not in tables["session_notes"][0]
    assert tables["payments"][0]["amount"] == 90000 and isinstance(
        tables["payments"][0]["amount"], int
    )
    assert tables["enquiries"][0]["request"] == f"help with {MARKER}"
    assert len(tables["resource_shares"]) == 2  # shared with the client and with their enquiry
    assert result.rows == sum(len(rows) for rows in tables.values())
    assert oct(out.stat().st_mode & 0o777) == oct(0o600)


def test_private_notes_only_when_chosen(db: Database, tmp_path: Path) -> None:
    made = make_client(db)
    out = tmp_path / "with-private.json"
    export_record(db, made.client_id, out, include_private=True)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["private_notes_included"] is True
    assert PRIVATE_MARKER in data["tables"]["session_notes"][0]["private_notes"]
    assert PRIVATE_MARKER in data["tables"]["note_versions"][0]["private_notes"]


def test_export_is_audited_without_content(db: Database, tmp_path: Path) -> None:
    made = make_client(db)
    export_record(db, made.client_id, tmp_path / "r.json")
    export_record(db, made.client_id, tmp_path / "r.pdf", include_private=True)
    with db.transaction() as s:
        entries = s.query(AuditEntry).filter_by(action="export", entity_id=made.client_id).all()
        assert [e.detail for e in entries] == [
            "json; private notes left out",
            "pdf; private notes included",
        ]
        assert all(MARKER not in e.detail for e in s.query(AuditEntry))


def test_pdf_export_reads_back(db: Database, tmp_path: Path) -> None:
    made = make_client(db, "Ωμέγα Жанна")
    with db.transaction() as s:
        profile = s.get(PracticeProfile, 1)
        assert profile is not None
        profile.business_name = "Quiet Harbour Therapy"
    out = tmp_path / "record.pdf"
    export_record(db, made.client_id, out)
    reader = PdfReader(out)
    content = "\n".join(page.extract_text() for page in reader.pages)
    assert "Client record" in content and "Quiet Harbour Therapy" in content
    assert "Ωμέγα Жанна" in content
    for title in ("Sessions", "Payments", "Note addenda", "Referrals", "Work log entries"):
        assert title in content
    assert "£900.00" in content  # money in the enrolment's currency, not minor units
    assert PRIVATE_MARKER not in content


def test_export_refuses_bad_output(db: Database, tmp_path: Path) -> None:
    made = make_client(db)
    with pytest.raises(ValidationError) as err:
        export_record(db, made.client_id, tmp_path / "record.txt")
    assert err.value.field == "output"
    with pytest.raises(ValidationError):
        export_record(db, made.client_id, tmp_path / "nowhere" / "r.json")
    with pytest.raises(NotFoundError):
        export_record(db, 4242, tmp_path / "r.json")
    assert list(tmp_path.glob("r*")) == []


def test_erase_needs_the_name_and_removes_everything(db: Database) -> None:
    made = make_client(db)
    other = make_client(db, OTHER, with_timer=False)
    with pytest.raises(ValidationError) as err:
        erase_client(db, made.client_id, confirmation="Ana")
    assert err.value.field == "confirmation"
    with db.transaction() as s:
        assert s.get(Client, made.client_id) is not None
    result = erase_client(
        db, made.client_id, confirmation=f"  ana{MARKER.lower()}   ødegård{MARKER.lower()} "
    )
    assert result.rows >= 15
    with db.transaction() as s:
        assert s.get(Client, made.client_id) is None
        assert s.get(Client, other.client_id) is not None
        for table in client_tables():
            rows = s.execute(text(f"SELECT * FROM {table.name}")).all()
            assert all(MARKER not in str(row) for row in rows), table.name
        assert s.execute(text("SELECT count(*) FROM drafts")).scalar() == 2  # the other's
        entries = s.query(AuditEntry).filter_by(entity="client", entity_id=made.client_id).all()
        assert [e.action for e in entries] == ["view", "erase"]
        assert all(MARKER not in f"{e.detail}{e.actor}" for e in s.query(AuditEntry))
        assert s.execute(text("PRAGMA foreign_key_check")).all() == []


def test_erased_text_is_gone_from_the_file(db: Database) -> None:
    """secure_delete is on and the WAL is checkpointed: the bytes are overwritten."""
    made = make_client(db)
    make_client(db, OTHER, with_timer=False)
    with db.transaction() as s:
        assert s.execute(text("PRAGMA secure_delete")).scalar() == 1
    erase_client(db, made.client_id, confirmation=f"Ana{MARKER} Ødegård{MARKER}")
    files = [db.path, Path(f"{db.path}-wal")]
    for path in files:
        if path.exists():
            assert MARKER.encode() not in path.read_bytes(), path.name
    assert OTHER.encode() in db.path.read_bytes()  # the scan would see text that is there
    db.close()
    assert MARKER.encode() not in db.path.read_bytes()


def test_audit_log_refuses_update_and_delete(db: Database) -> None:
    with db.transaction() as s:
        audit.record(s, "view", "client", 1, "opened")
    for statement in ("UPDATE audit_log SET detail = 'changed'", "DELETE FROM audit_log"):
        with pytest.raises(IntegrityError, match="audit log cannot be"), db.transaction() as s:
            s.execute(text(statement))
    with db.transaction() as s:
        assert [e.detail for e in s.query(AuditEntry)] == ["opened"]


def test_draft_keys_belong_to_their_client() -> None:
    assert draft_belongs("note:new:client:7", 7, set())
    assert not draft_belongs("note:new:client:70", 7, set())
    assert draft_belongs("note:session:12", 7, {12})
    assert not draft_belongs("note:session:120", 7, {12})
    assert not draft_belongs("addendum:session:3", 7, {12})


def test_retention_reminds_but_never_deletes(db: Database) -> None:
    old = make_client(db, "Oldtimer", starts_at=datetime(2017, 6, 1, 10, tzinfo=UTC))
    recent = make_client(
        db, "Recent", starts_at=datetime(2024, 6, 1, 10, tzinfo=UTC), with_timer=False
    )
    with db.transaction() as s:
        never_seen = Client(first_name="Enquirer", created_at=datetime(2015, 1, 1, tzinfo=UTC))
        s.add(never_seen)
        s.flush()
        never_id = never_seen.id
        # A later session moves the last contact forward.
        s.add(
            Session(
                client_id=old.client_id,
                starts_at=datetime(2018, 1, 10, 9, tzinfo=UTC),
                duration_minutes=50,
            )
        )
    due = records_past_retention(db, on=date(2025, 3, 1))
    assert [d.client_id for d in due] == [never_id, old.client_id]
    assert due[1].last_contact == date(2018, 1, 10) and due[1].keep_until == date(2025, 1, 10)
    assert records_past_retention(db, on=date(2025, 1, 10)) == due[:1]
    with db.transaction() as s:
        s.get(PracticeProfile, 1).retention_years = 10  # type: ignore[union-attr]
    assert [d.client_id for d in records_past_retention(db, on=date(2025, 3, 1))] == [never_id]
    assert recent.client_id not in [
        d.client_id for d in records_past_retention(db, on=date(2031, 1, 1))
    ]
    with db.transaction() as s:
        assert s.query(Client).count() == 3


def test_every_sample_client_exports_as_pdf(tmp_path: Path) -> None:
    """The terms as agreed and long notes run on over pages (no LayoutError)."""
    from practice.db import open_database
    from practice.demo import generate_demo
    from practice.models import Enrolment

    sample = open_database(tmp_path / "sample.db")
    try:
        generate_demo(sample, clients=9, years=1, seed=5, today=date(2026, 12, 3))
        with sample.transaction() as s:
            client_ids = [c.id for c in s.query(Client).all()]
            enrolled = {e.client_id for e in s.query(Enrolment).all()}
        assert enrolled  # some records carry a terms snapshot
        for client_id in client_ids:
            for private in (False, True):
                out = tmp_path / f"record-{client_id}-{private}.pdf"
                export_record(sample, client_id, out, include_private=private)
                assert len(PdfReader(out).pages) >= 1
    finally:
        sample.close()


def test_a_note_longer_than_a_page_is_printed_whole(db: Database, tmp_path: Path) -> None:
    from practice.services.notes import save_note

    made = make_client(db)
    words = [f"word{n}" for n in range(11_000)]  # about 99,000 characters, one paragraph
    with db.transaction() as s:
        session_id = s.query(Session).filter_by(client_id=made.client_id).first().id
    save_note(db, session_id, body=" ".join(words))
    out = tmp_path / "record.pdf"
    export_record(db, made.client_id, out)
    content = " ".join(page.extract_text() for page in PdfReader(out).pages)
    found = set(content.split())
    assert all(w in found for w in (words[0], words[5_000], words[-1]))
