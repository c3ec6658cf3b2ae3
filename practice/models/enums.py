"""Every closed set of values in the domain. Stored as their ``value``."""

from __future__ import annotations

from enum import StrEnum


class ClientStatus(StrEnum):
    ENQUIRY = "enquiry"
    ACTIVE = "active"
    PAUSED = "paused"
    COMPLETED = "completed"
    ARCHIVED = "archived"


class LengthUnit(StrEnum):
    WEEKS = "weeks"
    MONTHS = "months"


class SupportMode(StrEnum):
    NONE = "none"
    COUNT = "count"  # a set number of short calls
    AS_NEEDED = "as_needed"


class InclusionKind(StrEnum):
    RECORDING = "recording"
    VIDEO = "video"
    WORKSHEET = "worksheet"
    RESOURCE = "resource"
    OTHER = "other"


class InstalmentInterval(StrEnum):
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"


class PaymentPlan(StrEnum):
    FULL = "full"
    INSTALMENTS = "instalments"


class EnrolmentStatus(StrEnum):
    PROPOSED = "proposed"
    ACTIVE = "active"
    COMPLETED = "completed"
    ENDED_EARLY = "ended_early"
    CANCELLED = "cancelled"


class SessionKind(StrEnum):
    SESSION = "session"
    SUPPORT_CALL = "support_call"
    REVIEW = "review"


class SessionMode(StrEnum):
    IN_PERSON = "in_person"
    VIDEO = "video"
    PHONE = "phone"


class Attendance(StrEnum):
    PLANNED = "planned"
    ATTENDED = "attended"
    CANCELLED_EARLY = "cancelled_early"
    CANCELLED_LATE = "cancelled_late"
    NO_SHOW = "no_show"


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    PARTLY = "partly"
    DROPPED = "dropped"


class WorkCategory(StrEnum):
    PREP = "prep"
    WRITE_UP = "write_up"
    SUPERVISION = "supervision"
    SUPPORT = "support"  # between-session support
    ADMIN = "admin"
    RESOURCE_MAKING = "resource_making"
    TRAINING = "training"
    TRAVEL = "travel"


class PractitionerRole(StrEnum):
    """What a practitioner's login may see on a practice server (issue 15)."""

    PRACTITIONER = "practitioner"  # their own clients' clinical records
    OWNER = "owner"  # and the whole practice's money, programmes and reports
    ADMIN_STAFF = "admin_staff"  # contact details, enrolments and payments; never notes


class PaymentKind(StrEnum):
    PAYMENT = "payment"
    REFUND = "refund"


class PaymentMethod(StrEnum):
    BANK_TRANSFER = "bank_transfer"
    CARD = "card"
    CASH = "cash"
    CHEQUE = "cheque"
    OTHER = "other"


class ResourceKind(StrEnum):
    AUDIO = "audio"
    VIDEO = "video"
    WORKSHEET = "worksheet"
    COURSE = "course"
    LINK = "link"
    BOOK = "book"
    OTHER = "other"


class EnquiryOutcome(StrEnum):
    WAITING = "waiting"
    ENROLLED = "enrolled"
    REFERRED = "referred"
    RESOURCE = "resource"  # pointed to a resource
    DECLINED = "declined"


class PageSize(StrEnum):
    A4 = "A4"
    LETTER = "Letter"


class ClauseScope(StrEnum):
    """Which agreements a clause of the terms is printed in."""

    ALL = "all"
    PROGRAMMES = "programmes"
    SINGLE = "single"  # single sessions (a one-off consultation)


#: Labels for people, in one place so the UI, documents and CLI agree.
LABELS: dict[StrEnum, str] = {
    ClauseScope.ALL: "Every agreement",
    ClauseScope.PROGRAMMES: "Programme agreements only",
    ClauseScope.SINGLE: "Single-session agreements only",
    ClientStatus.ENQUIRY: "Enquiry",
    ClientStatus.ACTIVE: "Active",
    ClientStatus.PAUSED: "Paused",
    ClientStatus.COMPLETED: "Completed",
    ClientStatus.ARCHIVED: "Archived",
    EnrolmentStatus.PROPOSED: "Proposed",
    EnrolmentStatus.ACTIVE: "Active",
    EnrolmentStatus.COMPLETED: "Completed",
    EnrolmentStatus.ENDED_EARLY: "Ended early",
    EnrolmentStatus.CANCELLED: "Cancelled",
    SessionKind.SESSION: "Session",
    SessionKind.SUPPORT_CALL: "Support call",
    SessionKind.REVIEW: "Review",
    SessionMode.IN_PERSON: "In person",
    SessionMode.VIDEO: "Video",
    SessionMode.PHONE: "Phone",
    Attendance.PLANNED: "Planned",
    Attendance.ATTENDED: "Attended",
    Attendance.CANCELLED_EARLY: "Cancelled (early)",
    Attendance.CANCELLED_LATE: "Cancelled (late)",
    Attendance.NO_SHOW: "No-show",
    ActionStatus.OPEN: "Open",
    ActionStatus.DONE: "Done",
    ActionStatus.PARTLY: "Partly done",
    ActionStatus.DROPPED: "Dropped",
    WorkCategory.PREP: "Preparation",
    WorkCategory.WRITE_UP: "Write-up",
    WorkCategory.SUPERVISION: "Supervision",
    WorkCategory.SUPPORT: "Between-session support",
    WorkCategory.ADMIN: "Admin",
    WorkCategory.RESOURCE_MAKING: "Resource making",
    WorkCategory.TRAINING: "Training",
    WorkCategory.TRAVEL: "Travel",
    EnquiryOutcome.WAITING: "Waiting",
    EnquiryOutcome.ENROLLED: "Enrolled",
    EnquiryOutcome.REFERRED: "Referred",
    EnquiryOutcome.RESOURCE: "Pointed to a resource",
    EnquiryOutcome.DECLINED: "Declined",
    PaymentMethod.BANK_TRANSFER: "Bank transfer",
    PaymentMethod.CARD: "Card",
    PaymentMethod.CASH: "Cash",
    PaymentMethod.CHEQUE: "Cheque",
    PaymentMethod.OTHER: "Other",
    PaymentKind.PAYMENT: "Payment",
    PaymentKind.REFUND: "Refund",
}


#: Keyed by enum class as well: members of different enums can share a value
#: (``InclusionKind.RESOURCE`` and ``EnquiryOutcome.RESOURCE`` are both "resource").
_LABELS_BY_MEMBER = {(type(member), member.value): text for member, text in LABELS.items()}


def label(value: StrEnum) -> str:
    """A person-readable label for any domain enum value."""
    fallback = value.value.replace("_", " ").capitalize()
    return _LABELS_BY_MEMBER.get((type(value), value.value), fallback)
