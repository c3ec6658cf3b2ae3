"""Revision 0003 on a database from 0001: new profile fields, clause scopes and the new
standard clauses, with every clause the practitioner wrote or changed kept as written."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from practice.db import open_database
from practice.db.seed import default_clauses
from practice.models import ClauseScope
from practice.services.profile import get_profile, list_clauses
from tests.migrations.test_migrations import FIXTURES, row_counts

OLD = next(p for p in FIXTURES if p.stem == "0001")
MY_WORDS = "Please give me 24 hours' notice; I am flexible."


def _old_database(tmp_path: Path) -> Path:
    path = tmp_path / "practice.db"
    shutil.copyfile(OLD, path)
    conn = sqlite3.connect(path)
    try:
        conn.execute(
            "UPDATE agreement_clauses SET body = ? WHERE key = 'cancellation'", (MY_WORDS,)
        )
        conn.execute(
            "INSERT INTO agreement_clauses (key, position, heading, body) "
            "VALUES ('parking', 99, 'Parking', 'Park behind the mill.')"
        )
        conn.execute("DELETE FROM agreement_clauses WHERE key = 'missed_sessions'")
        conn.commit()
    finally:
        conn.close()
    return path


def test_upgrade_keeps_edits_and_adds_the_new_standard_clauses(tmp_path: Path) -> None:
    path = _old_database(tmp_path)
    before = row_counts(path)
    db = open_database(path)
    try:
        clauses = {c.key: c for c in list_clauses(db)}
        standard = {c["key"]: c for c in default_clauses()}
        # Changed and own clauses are kept word for word.
        assert clauses["cancellation"].body == MY_WORDS
        assert clauses["parking"].body == "Park behind the mill."
        assert clauses["parking"].applies_to == ClauseScope.ALL
        # A standard clause the practitioner deleted stays deleted.
        assert "missed_sessions" not in clauses
        # Unedited standard clauses get the new wording; new ones are added.
        assert clauses["ending_early"].body == standard["ending_early"]["body"]
        assert clauses["ending_early"].applies_to == ClauseScope.PROGRAMMES
        for key in ("cooling_off", "complaints", "variations", "online", "practitioner_ending"):
            assert clauses[key].body == standard[key]["body"]
        # In the standard order, the practitioner's own clause where it was (last).
        order = [c.key for c in list_clauses(db)]
        assert order.index("cooling_off") < order.index("cancellation") < order.index("payment")
        assert order[-1] == "parking"
        assert [c.position for c in list_clauses(db)] == list(range(len(order)))
        profile = get_profile(db)
        assert (profile.payment_details, profile.professional_body) == ("", "")
        assert (profile.complaints_route, profile.data_protection_number) == ("", "")
    finally:
        db.close()
    after = row_counts(path)
    for table, count in before.items():
        assert after[table] >= count, f"{table} lost rows"
