"""What a programme includes, in a few plain lines (rich text), for the Enrol page."""

from __future__ import annotations

import html

from practice.models import LengthUnit, Programme, SupportMode, label
from ui import format as fmt
from ui.models.programmes import length_text
from ui.widgets.plan_preview import describe_plan


def programme_summary(programme: Programme) -> str:
    """Summary, session plan, support, inclusions and minimum term, one per line."""
    unit = "week" if programme.length_unit is LengthUnit.WEEKS else "month"
    lines = []
    if programme.summary:
        lines.append(html.escape(programme.summary))
    lines.append(describe_plan(programme.periods, unit))
    if programme.support_mode is SupportMode.COUNT and programme.support_call_count:
        lines.append(
            f"Up to {programme.support_call_count} support calls of "
            f"{fmt.duration(programme.support_call_minutes)} between sessions."
        )
    elif programme.support_mode is SupportMode.AS_NEEDED:
        lines.append("Short support calls between sessions as needed.")
    lines.extend(
        f"{html.escape(label(i.kind))}: {html.escape(i.description)}" for i in programme.inclusions
    )
    if programme.minimum_term:
        lines.append(f"Minimum term: {length_text(programme.minimum_term, programme.length_unit)}.")
    return "<br>".join(lines)
