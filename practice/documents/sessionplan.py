"""What is included, in words a client reads: the session plan, support and resources."""

from __future__ import annotations

from practice.documents.formatting import length, minutes, plural
from practice.documents.terms import AgreedTerms, Period
from practice.models import LengthUnit, SupportMode


def period_line(period: Period, unit: LengthUnit) -> str:
    """``Month 1: 3 sessions`` or ``Months 2–3: 2 sessions a month``."""
    word = "Month" if unit == LengthUnit.MONTHS else "Week"
    each = "month" if unit == LengthUnit.MONTHS else "week"
    count = "no sessions" if period.sessions == 0 else plural(period.sessions, "session")
    if period.first == period.last:
        return f"{word} {period.first}: {count}"
    suffix = "" if period.sessions == 0 else f" a {each}"
    return f"{word}s {period.first}–{period.last}: {count}{suffix}"


def session_plan(terms: AgreedTerms) -> str:
    """The whole plan on one line: ``Month 1: 3 sessions; Months 2–3: 2 sessions a month``."""
    return "; ".join(period_line(p, terms.length_unit) for p in terms.periods)


def support_line(terms: AgreedTerms) -> str | None:
    """Between-session support in words, or None when none is included."""
    if terms.support_mode == SupportMode.COUNT and terms.support_call_count > 0:
        calls = plural(terms.support_call_count, "short support call")
        return f"Up to {calls} of {minutes(terms.support_call_minutes)} between sessions"
    if terms.support_mode == SupportMode.AS_NEEDED:
        if terms.support_call_minutes > 0:
            return (
                "Short support calls between sessions as needed "
                f"(about {minutes(terms.support_call_minutes)} each)"
            )
        return "Short support calls between sessions as needed"
    return None


def minimum_term_text(terms: AgreedTerms) -> str:
    if terms.minimum_term <= 0:
        return "No minimum term"
    return length(terms.minimum_term, terms.length_unit)
