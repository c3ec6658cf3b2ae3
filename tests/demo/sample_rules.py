"""The rules the services keep, read back from a finished database.

Each rule is a query for the rows that break it (an empty answer keeps it). The tests
hold both samples to them: the one made through the services (which proves each rule is
one the services keep) and the batch one (which must keep them without the services),
and break a copy on purpose to prove each rule can fail.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date

from practice.services.validation import fold

Rule = Callable[[sqlite3.Connection, date], list[object]]

USED = "('attended', 'cancelled_late', 'no_show')"


def _ids(con: sqlite3.Connection, sql: str, *args: object) -> list[object]:
    return [row[0] for row in con.execute(sql, args)]


def instalments_divide_the_price(con: sqlite3.Connection, today: date) -> list[object]:
    """Instalments numbered 1..n add up to the agreed price; the first falls due on the
    start date and each later one after the one before."""
    return _ids(
        con,
        """
        SELECT e.id FROM enrolments e JOIN instalments i ON i.enrolment_id = e.id
        GROUP BY e.id
        HAVING SUM(i.amount) != e.agreed_price OR MIN(i.number) != 1
            OR MAX(i.number) != COUNT(*) OR MIN(i.due_date) != e.start_date
        UNION
        SELECT a.enrolment_id FROM instalments a JOIN instalments b
            ON b.enrolment_id = a.enrolment_id AND b.number = a.number + 1
        WHERE b.due_date <= a.due_date
        UNION
        SELECT e.id FROM enrolments e
        WHERE json_extract(e.terms_snapshot, '$.agreed_price') != e.agreed_price
            OR json_extract(e.terms_snapshot, '$.discount') != e.discount
            OR e.agreed_price + e.discount != json_extract(e.terms_snapshot, '$.price')
        """,
    )


def payments_within_the_price(con: sqlite3.Connection, today: date) -> list[object]:
    """What is paid, less refunds, is never below nothing nor above the price; money moves
    only on agreed enrolments, on or after the day agreed and not after today, in the
    enrolment's currency, never more than its instalment."""
    return _ids(
        con,
        """
        SELECT e.id FROM enrolments e JOIN payments p ON p.enrolment_id = e.id
        GROUP BY e.id
        HAVING SUM(CASE p.kind WHEN 'refund' THEN -p.amount ELSE p.amount END) < 0
            OR SUM(CASE p.kind WHEN 'refund' THEN 0 ELSE p.amount END) > e.agreed_price
        UNION
        SELECT p.enrolment_id FROM payments p JOIN enrolments e ON e.id = p.enrolment_id
        LEFT JOIN instalments i ON i.id = p.instalment_id
        WHERE e.agreed_on IS NULL OR p.received_on < e.agreed_on OR p.received_on > ?
            OR p.currency != e.currency OR p.amount <= 0
            OR (i.id IS NOT NULL AND (p.amount > i.amount OR i.enrolment_id != e.id))
        """,
        today.isoformat(),
    )


def sessions_keep_to_their_enrolment(con: sqlite3.Connection, today: date) -> list[object]:
    """Sessions fall within their enrolment's dates and belong to its client; proposed
    and cancelled enrolments have none; the used sessions never exceed the plan."""
    return _ids(
        con,
        f"""
        SELECT s.id FROM sessions s JOIN enrolments e ON e.id = s.enrolment_id
        WHERE s.client_id != e.client_id OR e.status IN ('proposed', 'cancelled')
            OR date(s.starts_at) < date(e.start_date, '-1 day')
            OR date(s.starts_at) > date(COALESCE(e.ended_on, e.end_date), '+1 day')
        UNION
        SELECT e.id FROM enrolments e JOIN sessions s ON s.enrolment_id = e.id
        WHERE s.kind != 'support_call' AND s.attendance IN {USED}
        GROUP BY e.id
        HAVING COUNT(*) > json_extract(e.terms_snapshot, '$.planned_sessions')
        """,
    )


def the_past_is_logged_and_the_future_planned(con: sqlite3.Connection, today: date) -> list[object]:
    """Sessions before today are logged with a note; planned ones are to come, in a
    running enrolment, with no note yet."""
    return _ids(
        con,
        """
        SELECT s.id FROM sessions s LEFT JOIN session_notes n ON n.session_id = s.id
        LEFT JOIN enrolments e ON e.id = s.enrolment_id
        WHERE (s.attendance = 'planned'
               AND (date(s.starts_at) < date(?, '-1 day') OR n.id IS NOT NULL
                    OR e.status != 'active'))
           OR (s.attendance != 'planned'
               AND (date(s.starts_at) > ? OR n.id IS NULL OR trim(n.body) = ''))
        """,
        today.isoformat(),
        today.isoformat(),
    )


def notes_keep_their_history(con: sqlite3.Connection, today: date) -> list[object]:
    """A note is written after its session starts and before today; signed after it was
    last saved; earlier texts were saved before they were replaced, and replaced no
    later than the note's last save; addenda come only to signed notes, after signing."""
    midnight = f"{today.isoformat()} 23:59:59"
    return _ids(
        con,
        """
        SELECT n.id FROM session_notes n JOIN sessions s ON s.id = n.session_id
        WHERE n.updated_at < s.starts_at OR n.updated_at > ?
            OR (n.locked_at IS NOT NULL AND (n.locked_at < n.updated_at OR n.locked_at > ?))
        UNION
        SELECT v.note_id FROM note_versions v JOIN session_notes n ON n.id = v.note_id
        WHERE v.saved_at > v.replaced_at OR v.replaced_at > n.updated_at
        UNION
        SELECT a.note_id FROM note_addenda a JOIN session_notes n ON n.id = a.note_id
        WHERE n.locked_at IS NULL OR a.created_at < n.locked_at OR a.created_at > ?
        """,
        midnight,
        midnight,
        midnight,
    )


def action_items_are_reviewed_later(con: sqlite3.Connection, today: date) -> list[object]:
    """An item belongs to its session's client and falls due after it; it is reviewed
    (with a day and an outcome) at a later session of the same client, or still open."""
    return _ids(
        con,
        """
        SELECT a.id FROM action_items a JOIN sessions s ON s.id = a.session_id
        LEFT JOIN sessions r ON r.id = a.reviewed_session_id
        WHERE a.client_id != s.client_id
            OR (a.due_date IS NOT NULL AND a.due_date <= date(s.starts_at))
            OR (a.status = 'open' AND (a.reviewed_on IS NOT NULL OR r.id IS NOT NULL))
            OR (a.status != 'open' AND (a.reviewed_on IS NULL OR r.id IS NULL
                OR r.client_id != a.client_id OR r.starts_at <= s.starts_at
                OR a.reviewed_on < date(s.starts_at)))
        """,
    )


def work_is_tied_to_its_own_client(con: sqlite3.Connection, today: date) -> list[object]:
    """Unseen work is not in the future; work for a session is its client's and its
    enrolment's, prep or write-up once each; an enrolment's work is its client's."""
    return _ids(
        con,
        """
        SELECT w.id FROM work_log_entries w
        LEFT JOIN sessions s ON s.id = w.session_id
        LEFT JOIN enrolments e ON e.id = w.enrolment_id
        WHERE w.work_date > ? OR w.minutes <= 0 OR w.minutes > 1440
            OR (s.id IS NOT NULL AND (w.client_id IS NOT s.client_id
                OR w.enrolment_id IS NOT s.enrolment_id
                OR w.category NOT IN ('prep', 'write_up')))
            OR (e.id IS NOT NULL AND w.client_id IS NOT e.client_id)
        UNION
        SELECT MIN(w.id) FROM work_log_entries w WHERE w.session_id IS NOT NULL
        GROUP BY w.session_id, w.category HAVING COUNT(*) > 1
        """,
        today.isoformat(),
    )


def enrolment_statuses_agree_with_dates(con: sqlite3.Connection, today: date) -> list[object]:
    """Proposed is not agreed; active and completed were agreed by their start, completed
    ended on its last day before today; ended early within its dates and with why;
    cancelled with a day and why; a renewal renews an earlier enrolment of the client."""
    return _ids(
        con,
        """
        SELECT e.id FROM enrolments e LEFT JOIN enrolments r ON r.id = e.renewal_of_id
        WHERE (e.status = 'proposed' AND (e.agreed_on IS NOT NULL OR e.ended_on IS NOT NULL))
           OR (e.status IN ('active', 'completed', 'ended_early')
               AND (e.agreed_on IS NULL OR e.agreed_on > ?))
           OR (e.status = 'active' AND (e.ended_on IS NOT NULL OR e.start_date > ?))
           OR (e.status = 'completed' AND (e.ended_on IS NOT e.end_date OR e.end_date >= ?))
           OR (e.status = 'ended_early' AND (e.ended_on IS NULL OR e.ended_on < e.start_date
               OR e.ended_on > e.end_date OR trim(e.end_reason) = ''))
           OR (e.status = 'cancelled' AND (e.ended_on IS NULL OR trim(e.end_reason) = ''))
           OR (e.renewal_of_id IS NOT NULL AND (r.client_id != e.client_id
               OR r.start_date >= e.start_date OR r.status = 'cancelled'))
        """,
        today.isoformat(),
        today.isoformat(),
        today.isoformat(),
    )


def clients_agree_with_their_enrolments(con: sqlite3.Connection, today: date) -> list[object]:
    """The search and sort columns are the folded names; an archived client has a day
    and no running or proposed enrolment; an active client has a running one."""
    wrong = [
        row[0]
        for row in con.execute(
            "SELECT id, first_name, last_name, preferred_name, email, search_text, sort_name "
            "FROM clients"
        )
        if row[5] != fold(" ".join(p for p in row[1:5] if p))
        or row[6] != fold(f"{row[2]} {row[1]}".strip())
    ]
    return wrong + _ids(
        con,
        """
        SELECT c.id FROM clients c
        WHERE (c.status = 'archived' AND (c.archived_at IS NULL OR EXISTS (
                SELECT 1 FROM enrolments e WHERE e.client_id = c.id
                AND e.status IN ('active', 'proposed'))))
           OR (c.status = 'active' AND NOT EXISTS (
                SELECT 1 FROM enrolments e WHERE e.client_id = c.id AND e.status = 'active'))
        """,
    )


def enquiries_are_closed_with_an_outcome(con: sqlite3.Connection, today: date) -> list[object]:
    """A waiting enquiry is open; any other outcome has the day it closed, not before it
    arrived nor after today; referred and pointed-to-resource ones have what was given."""
    return _ids(
        con,
        """
        SELECT q.id FROM enquiries q
        WHERE (q.outcome = 'waiting' AND q.closed_on IS NOT NULL)
           OR (q.outcome != 'waiting' AND (q.closed_on IS NULL OR q.closed_on < q.received_on
               OR q.closed_on > ?))
           OR q.received_on > ?
           OR (q.outcome = 'referred' AND NOT EXISTS (
                SELECT 1 FROM referrals r WHERE r.enquiry_id = q.id))
           OR (q.outcome = 'resource' AND NOT EXISTS (
                SELECT 1 FROM resource_shares h WHERE h.enquiry_id = q.id))
        """,
        today.isoformat(),
        today.isoformat(),
    )


def every_reference_finds_its_row(con: sqlite3.Connection, today: date) -> list[object]:
    """SQLite's own checks: foreign keys and the file's integrity; every note is in the
    note search."""
    broken: list[object] = [tuple(row) for row in con.execute("PRAGMA foreign_key_check")]
    integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
    if integrity != "ok":
        broken.append(integrity)
    return broken + _ids(
        con,
        """
        SELECT n.id FROM session_notes n
        WHERE trim(n.body) != '' AND NOT EXISTS (
            SELECT 1 FROM note_search WHERE rowid = n.id * 8 + 1)
        """,
    )


RULES: tuple[Rule, ...] = (
    instalments_divide_the_price,
    payments_within_the_price,
    sessions_keep_to_their_enrolment,
    the_past_is_logged_and_the_future_planned,
    notes_keep_their_history,
    action_items_are_reviewed_later,
    work_is_tied_to_its_own_client,
    enrolment_statuses_agree_with_dates,
    clients_agree_with_their_enrolments,
    enquiries_are_closed_with_an_outcome,
    every_reference_finds_its_row,
)
