"""The programme form's values: as ``create_programme`` arguments (validated the way the
service validates amounts) and as the inputs of the live planned economics."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from practice.errors import ValidationError
from practice.models import InstalmentInterval, LengthUnit, SupportMode
from practice.money import parse_amount
from practice.services.programmes import InclusionSpec, PeriodPlan

if TYPE_CHECKING:
    from ui.widgets.programme_form import ProgrammeForm


def service_values(form: ProgrammeForm) -> dict[str, Any]:
    """The form as ``create_programme`` keyword arguments (raises ValidationError)."""
    currency = form.typed_currency()
    discount_text = form.full_payment_discount.text().strip()
    return {
        "name": form.name.text(),
        "summary": form.summary.text(),
        "description": form.description.toPlainText(),
        "length_value": form.length_value.value(),
        "length_unit": LengthUnit(form.length_unit.currentData()),
        "session_minutes": form.session_minutes.value(),
        "periods": [
            PeriodPlan(r.first_period, r.last_period, r.sessions_per_period)
            for r in form.periods.rows()
        ],
        "support_mode": SupportMode(form.support_mode.currentData()),
        "support_call_count": form.support_call_count.value(),
        "support_call_minutes": form.support_call_minutes.value(),
        "support_minutes_estimate": form.support_minutes_estimate.value(),
        "inclusions": [InclusionSpec(r.kind, r.description) for r in form.inclusions.rows()],
        "price": parse_amount(form.price.text(), currency, "price", form.practice_locale),
        "currency": currency,
        "full_payment_discount": (
            parse_amount(discount_text, currency, "full_payment_discount", form.practice_locale)
            if discount_text
            else 0
        ),
        "instalment_count": form.instalment_count.value(),
        "instalment_interval": InstalmentInterval(form.instalment_interval.currentData()),
        "minimum_term": form.minimum_term.value(),
        "prep_minutes_per_session": form.prep_minutes_per_session.value(),
        "writeup_minutes_per_session": form.writeup_minutes_per_session.value(),
        "supervision_minutes_per_month": form.supervision_minutes_per_month.value(),
    }


def live_values(form: ProgrammeForm) -> tuple[dict[str, Any], bool]:
    """What the form holds now, for ``economics.planned.live``, and whether the typed
    price could be read (half-typed amounts count as zero until they can)."""
    try:
        currency = form.typed_currency()
    except ValidationError:
        currency = form.currency
    try:
        price = parse_amount(form.price.text(), currency, "price", form.practice_locale)
        price_known = True
    except ValidationError:
        price, price_known = 0, False
    try:
        discount_text = form.full_payment_discount.text().strip()
        discount = (
            parse_amount(discount_text, currency, locale=form.practice_locale)
            if discount_text
            else 0
        )
    except ValidationError:
        discount = 0
    inputs: dict[str, Any] = {
        "length_value": form.length_value.value(),
        "length_unit": LengthUnit(form.length_unit.currentData()),
        "session_minutes": form.session_minutes.value(),
        "periods": [
            (r.first_period, r.last_period, r.sessions_per_period) for r in form.periods.rows()
        ],
        "price": price,
        "currency": currency,
        "support_mode": SupportMode(form.support_mode.currentData()),
        "support_call_count": form.support_call_count.value(),
        "support_call_minutes": form.support_call_minutes.value(),
        "support_minutes_estimate": form.support_minutes_estimate.value(),
        "full_payment_discount": discount,
        "instalment_count": form.instalment_count.value(),
        "prep_minutes_per_session": form.prep_minutes_per_session.value(),
        "writeup_minutes_per_session": form.writeup_minutes_per_session.value(),
        "supervision_minutes_per_month": form.supervision_minutes_per_month.value(),
    }
    return inputs, price_known
