"""Typed SQLAlchemy 2 models of every entity in the brief.

Import models from here: ``from practice.models import Client, Enrolment``.
SQLAlchemy's own session class is imported as ``DbSession`` to keep the domain name
``Session`` for meetings.
"""

from sqlalchemy.orm import configure_mappers

from practice.models.base import Base
from practice.models.client import Client
from practice.models.enrolment import Enrolment, Instalment
from practice.models.enums import (
    ActionStatus,
    Attendance,
    ClauseScope,
    ClientStatus,
    EnquiryOutcome,
    EnrolmentStatus,
    InclusionKind,
    InstalmentInterval,
    LengthUnit,
    PageSize,
    PaymentKind,
    PaymentMethod,
    PaymentPlan,
    PractitionerRole,
    ResourceKind,
    SessionKind,
    SessionMode,
    SupportMode,
    WorkCategory,
    label,
)
from practice.models.outreach import Enquiry, Provider, Referral, Resource, ResourceShare
from practice.models.payment import Payment, PriceReduction, VoidedPayment
from practice.models.practitioner import ClientShare, Practitioner
from practice.models.profile import AgreementClause, AuditEntry, Draft, PracticeProfile
from practice.models.programme import Programme, ProgrammeInclusion, ProgrammePeriod
from practice.models.session import ActionItem, NoteAddendum, NoteVersion, Session, SessionNote
from practice.models.work import WorkLogEntry, WorkTimer

__all__ = [
    "ActionItem",
    "ActionStatus",
    "AgreementClause",
    "Attendance",
    "AuditEntry",
    "Base",
    "Client",
    "ClientShare",
    "Draft",
    "ClientStatus",
    "Enquiry",
    "EnquiryOutcome",
    "Enrolment",
    "EnrolmentStatus",
    "InclusionKind",
    "Instalment",
    "InstalmentInterval",
    "LengthUnit",
    "NoteAddendum",
    "NoteVersion",
    "ClauseScope",
    "PageSize",
    "Practitioner",
    "PractitionerRole",
    "Payment",
    "VoidedPayment",
    "PriceReduction",
    "PaymentKind",
    "PaymentMethod",
    "PaymentPlan",
    "PracticeProfile",
    "Programme",
    "ProgrammeInclusion",
    "ProgrammePeriod",
    "Provider",
    "Referral",
    "Resource",
    "ResourceKind",
    "ResourceShare",
    "Session",
    "SessionKind",
    "SessionMode",
    "SessionNote",
    "SupportMode",
    "WorkCategory",
    "WorkLogEntry",
    "WorkTimer",
    "label",
]

# Every mapped class is here: their relationships are resolved now, once, rather than at
# the first query (about 25 ms), so an app waiting for its password does it beforehand
# (ui.warm_up), and nothing later waits for it.
configure_mappers()
