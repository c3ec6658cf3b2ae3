"""What each figure means, in the practitioner's words: one sentence per figure.

The app shows these beside the figures (tooltips and "What does this mean?"), and
``docs/FIGURES.md`` repeats them word for word (a test holds the two together). Each
sentence says the rule the economics module computes; where that rule is written in
full is named in :mod:`practice.economics`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Term:
    key: str
    name: str
    meaning: str


TERMS: tuple[Term, ...] = (
    Term(
        "effective_hourly_rate",
        "Effective hourly rate",
        "Earned income divided by all the hours it took: sessions, support calls and the "
        "unseen work logged. The same rule for the practice, a programme and an enrolment; "
        "the practice's rate also counts supervision, admin and training, and leaves out "
        "time spent on enrolments paid in another currency.",
    ),
    Term(
        "earned_income",
        "Earned income",
        "The part of each enrolment's price that the work done has earned: every session "
        "used (attended, cancelled late or missed) earns an equal share of the price, and "
        "the rest is earned on the day the programme completes or ends early. A proposal "
        "earns nothing until the client agrees.",
    ),
    Term(
        "income_received",
        "Received",
        "Money that came in less refunds given, on the day it moved. Shown beside earned "
        "income, never instead of it.",
    ),
    Term(
        "planned_hourly_rate",
        "Planned hourly rate",
        "The price divided by the client's planned hours: sessions, support calls, prep and "
        "write-up. For an enrolment, the price agreed (with any discount). Supervision is "
        "planned beside it and counts in the practice's rate.",
    ),
    Term(
        "net_price",
        "Price paid for",
        "The price due less any refund that lowered it: what the client pays in the end.",
    ),
    Term(
        "price_due",
        "Price due",
        "The agreed price, less any credit note. Ended early: the instalments due up to the "
        "day it ended. Completed early: the full price. Nothing on a proposal or a "
        "cancelled enrolment.",
    ),
    Term(
        "price_reduction",
        "Credit note",
        "A price lowered with no money moving, with why: it comes off the last instalments "
        "still owed, and money paid beyond the new price becomes credit. A refund gives "
        "money back instead; a refund beyond any credit lowers the price too.",
    ),
    Term(
        "outstanding",
        "Outstanding",
        "The price due less the payments received, never below nothing. Nothing is owed "
        "on a proposal until the client agrees.",
    ),
    Term(
        "overdue",
        "Overdue",
        "What is left on instalments whose due date has passed.",
    ),
    Term(
        "credit",
        "Credit",
        "Money received beyond the price due, which you may give back.",
    ),
    Term(
        "sessions_used",
        "Sessions used",
        "Sessions attended, cancelled late or missed: the client's place was kept. "
        "Sessions cancelled in good time are not used.",
    ),
    Term(
        "sessions_missed",
        "Missed",
        "Sessions cancelled late or not attended: used, but no contact time; the prep is "
        "still asked for. Shown beside used and attended wherever sessions are counted.",
    ),
    Term(
        "active_clients",
        "Active clients",
        "Clients with an enrolment running on some day of the period up to today: agreed, "
        "not cancelled, between its start date and its last day. A month still to come "
        "has none yet.",
    ),
    Term(
        "quiet_clients",
        "Quiet clients",
        "Clients with an enrolment running on the day asked and no session or support call "
        "attended for the number of days set in Settings; for a report, as of its last day.",
    ),
    Term(
        "follow_through",
        "Follow-through",
        "Of the action items reviewed, the share done: done counts one, partly done a half.",
    ),
    Term(
        "renewal_rate",
        "Renewal rate",
        "Of the programmes that finished in the period, the share renewed: followed by a "
        "later enrolment made as its renewal and agreed (not proposed or cancelled). "
        "Single consultations are not renewed; they convert.",
    ),
    Term(
        "conversion_rate",
        "Conversion rate",
        "Of the single consultations that finished in the period, the share followed by a "
        "programme the client agreed to.",
    ),
)

_BY_KEY = {term.key: term for term in TERMS}


def term(key: str) -> Term:
    """The glossary entry for ``key`` (``KeyError`` for a figure without one)."""
    return _BY_KEY[key]


def meaning(key: str) -> str:
    """The one-sentence meaning of the figure ``key``."""
    return _BY_KEY[key].meaning
