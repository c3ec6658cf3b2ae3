"""The practice itself: profile, resources, providers and programmes, via the services."""

from __future__ import annotations

from dataclasses import dataclass, field

from practice.db import Database
from practice.demo.catalogue import CURRENCY, PROFILE, PROGRAMMES, PROVIDERS, RESOURCES
from practice.services.profile import update_profile
from practice.services.programmes import InclusionSpec, PeriodPlan, create_programme
from practice.services.referrals import add_provider
from practice.services.resources import add_resource


@dataclass
class Catalogue:
    """Database ids of what the practice offers, by the catalogue's keys."""

    programmes: dict[str, int] = field(default_factory=dict)
    resources: dict[str, int] = field(default_factory=dict)
    providers: dict[str, int] = field(default_factory=dict)


def write_catalogue(db: Database) -> Catalogue:
    update_profile(db, **PROFILE)
    catalogue = Catalogue()
    for res in RESOURCES:
        made = add_resource(
            db, title=res.title, kind=res.kind, location=res.location, description=res.description
        )
        catalogue.resources[res.key] = made.id
    for prov in PROVIDERS:
        provider = add_provider(
            db,
            name=prov.name,
            speciality=prov.speciality,
            organisation=prov.organisation,
            email=prov.email,
            phone=prov.phone,
            website=prov.website,
            notes=prov.notes,
        )
        catalogue.providers[prov.key] = provider.id
    for spec in PROGRAMMES:
        programme = create_programme(
            db,
            name=spec.name,
            summary=spec.summary,
            description=spec.description,
            length_value=spec.length_value,
            length_unit=spec.length_unit,
            session_minutes=spec.session_minutes,
            periods=[PeriodPlan(first, last, count) for first, last, count in spec.periods],
            support_mode=spec.support_mode,
            support_call_count=spec.support_call_count,
            support_call_minutes=spec.support_call_minutes,
            support_minutes_estimate=spec.support_minutes_estimate,
            inclusions=[
                InclusionSpec(
                    kind=inc.kind,
                    description=inc.description,
                    resource_id=catalogue.resources.get(inc.resource_key),
                )
                for inc in spec.inclusions
            ],
            price=spec.price,
            currency=CURRENCY,
            full_payment_discount=spec.full_payment_discount,
            instalment_count=spec.instalment_count,
            instalment_interval=spec.instalment_interval,
            minimum_term=spec.minimum_term,
            prep_minutes_per_session=spec.prep_minutes_per_session,
            writeup_minutes_per_session=spec.writeup_minutes_per_session,
            supervision_minutes_per_month=spec.supervision_minutes_per_month,
        )
        catalogue.programmes[spec.key] = programme.id
    return catalogue
