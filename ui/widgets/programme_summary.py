"""What a programme includes and how it can be paid, in plain words, for the Enrol page."""

from __future__ import annotations

import html

from practice.economics.planned import programme_plan
from practice.models import InstalmentInterval, LengthUnit, Programme, SupportMode, label
from ui import format as fmt
from ui.models.programmes import length_text
from ui.widgets.plan_preview import describe_plan

INTERVAL_WORDS = {
    InstalmentInterval.WEEKLY: "weekly",
    InstalmentInterval.FORTNIGHTLY: "fortnightly",
    InstalmentInterval.MONTHLY: "monthly",
}


def payment_options(programme: Programme, locale: str) -> tuple[str, str | None]:
    """The pay-in-full choice ("Pay in full: £1,100.00 (£100.00 off)") and the instalment
    choice ("3 monthly instalments: £400.00 each"), None when paid in one go."""
    plan = programme_plan(programme)

    def money(amount: int) -> str:
        return fmt.money(amount, programme.currency, locale)

    if plan.discount:
        full = f"Pay in full: {money(plan.pay_in_full_price)} ({money(plan.discount)} off)"
    else:
        full = f"Pay in full: {money(plan.price)}"
    count = programme.instalment_count
    if count <= 1:
        return full, None
    amounts = plan.instalment_amounts
    each = (
        f"{money(amounts[-1])} each"
        if len(set(amounts)) == 1
        else f"{money(amounts[0])} first, then {money(amounts[-1])}"
    )
    return full, f"{count} {INTERVAL_WORDS[programme.instalment_interval]} instalments: {each}"


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
