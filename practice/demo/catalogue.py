"""What the sample practice offers and knows: the practitioner, the programmes, the
resources and the providers it refers to. All invented; phone numbers are in Ofcom's
range reserved for drama (07700 900000-900999) and addresses are at example domains.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from practice.demo.texts import COACHING, HEALING, THERAPY
from practice.models import InclusionKind, InstalmentInterval, LengthUnit, ResourceKind, SupportMode

CURRENCY = "GBP"
LOCALE = "en_GB"

PROFILE: dict[str, Any] = {
    "practitioner_name": "Maya Lindqvist",
    "business_name": "Riverside Wellbeing",
    "qualifications": "MA Integrative Counselling; Diploma in Coaching; Reiki Master Practitioner",
    "registration": "BACP registered member 000000 (sample)",
    "email": "hello@riverside-wellbeing.example.org",
    "phone": "07700 900123",
    "address": "The Old Mill, 4 Wharf Street, Riverside",
    "website": "https://riverside-wellbeing.example.org",
    "payment_details": (
        "by bank transfer to Riverside Wellbeing, sort code 00-00-00, account 00000000 "
        "(sample), with your name as the reference, or by card at the practice"
    ),
    "professional_body": "the British Association for Counselling and Psychotherapy (BACP)",
    "complaints_route": (
        "by email to hello@riverside-wellbeing.example.org, or in writing to the practice"
    ),
    "data_protection_number": "ICO ZA000000 (sample)",
    "currency": CURRENCY,
    "locale": LOCALE,
    "default_session_minutes": 60,
    "default_prep_minutes": 15,
    "default_writeup_minutes": 20,
    "default_support_call_minutes": 15,
    "quiet_after_days": 21,
    "retention_years": 7,
}


@dataclass(frozen=True)
class ResourceSpec:
    key: str
    title: str
    kind: ResourceKind
    location: str
    description: str


RESOURCES: tuple[ResourceSpec, ...] = (
    ResourceSpec(
        "body_scan",
        "Body scan (12 minutes)",
        ResourceKind.AUDIO,
        "https://riverside-wellbeing.example.org/audio/body-scan",
        "A guided body scan recorded in the practice room.",
    ),
    ResourceSpec(
        "relaxation",
        "Evening relaxation (20 minutes)",
        ResourceKind.AUDIO,
        "https://riverside-wellbeing.example.org/audio/evening",
        "A longer relaxation for the hour before sleep.",
    ),
    ResourceSpec(
        "values",
        "Values card sort",
        ResourceKind.WORKSHEET,
        "Shared drive: Worksheets/values-card-sort.pdf",
        "Forty value cards and a one-page reflection sheet.",
    ),
    ResourceSpec(
        "thought_record",
        "Thought record",
        ResourceKind.WORKSHEET,
        "Shared drive: Worksheets/thought-record.pdf",
        "A simple five-column thought record with a worked example.",
    ),
    ResourceSpec(
        "sleep",
        "A gentle guide to better sleep",
        ResourceKind.WORKSHEET,
        "Shared drive: Guides/better-sleep.pdf",
        "Eight pages of practical ideas; free to anyone who asks.",
    ),
    ResourceSpec(
        "breathing",
        "The 4-7-8 breath (video)",
        ResourceKind.VIDEO,
        "https://riverside-wellbeing.example.org/video/breath",
        "A three-minute demonstration.",
    ),
    ResourceSpec(
        "mindfulness",
        "Eight-week mindfulness course (online)",
        ResourceKind.COURSE,
        "https://mindfulness-course.example.net",
        "A low-cost self-paced course run by a local charity.",
    ),
    ResourceSpec(
        "reading",
        "Reading list: understanding anxiety",
        ResourceKind.BOOK,
        "Shared drive: Guides/reading-anxiety.pdf",
        "Five accessible books and what each is good for.",
    ),
    ResourceSpec(
        "careers",
        "Career change workbook",
        ResourceKind.LINK,
        "https://careers-workbook.example.com",
        "A free workbook for people thinking about a new direction.",
    ),
)


@dataclass(frozen=True)
class ProviderSpec:
    key: str
    name: str
    speciality: str
    organisation: str
    email: str
    phone: str
    website: str
    notes: str


PROVIDERS: tuple[ProviderSpec, ...] = (
    ProviderSpec(
        "couples",
        "Dr Ruth Abernethy",
        "Couples and relationship therapy",
        "Abernethy Relationship Therapy",
        "ruth@abernethy.example.com",
        "07700 900201",
        "https://abernethy.example.com",
        "Evenings available; sliding scale for a few places.",
    ),
    ProviderSpec(
        "adhd",
        "Northgate Neurodiversity Clinic",
        "ADHD and autism assessment (adults)",
        "Northgate Clinic",
        "enquiries@northgate.example.org",
        "07700 900202",
        "https://northgate.example.org",
        "Waiting list about four months; GP referral helps.",
    ),
    ProviderSpec(
        "eating",
        "Harbour Eating Disorder Service",
        "Eating disorders: assessment and treatment",
        "Harbour Service",
        "referrals@harbour.example.org",
        "07700 900203",
        "https://harbour.example.org",
        "Self-referral accepted.",
    ),
    ProviderSpec(
        "young",
        "Kerry Mbeki",
        "Counselling for young people (11-18)",
        "Young Minds Counselling",
        "kerry@young-counselling.example.net",
        "07700 900204",
        "https://young-counselling.example.net",
        "Works with parents too.",
    ),
    ProviderSpec(
        "massage",
        "Tomasz Wójcik",
        "Sports and remedial massage",
        "Riverside Sports Therapy",
        "tomasz@sports-therapy.example.com",
        "07700 900205",
        "https://sports-therapy.example.com",
        "Clients speak well of him.",
    ),
    ProviderSpec(
        "gp",
        "Riverside Health Centre",
        "General practice",
        "NHS",
        "reception@riverside-health.example.org",
        "07700 900206",
        "",
        "For anything that may need a medical opinion first.",
    ),
    ProviderSpec(
        "crisis",
        "Samaritans-style listening line (sample)",
        "24-hour listening in a crisis",
        "",
        "",
        "07700 900207",
        "",
        "Give to anyone in crisis, any time.",
    ),
)


@dataclass(frozen=True)
class InclusionData:
    kind: InclusionKind
    description: str
    resource_key: str = ""


@dataclass(frozen=True)
class ProgrammeSpec:
    key: str
    strand: str
    name: str
    summary: str
    description: str
    length_value: int
    length_unit: LengthUnit
    session_minutes: int
    #: (first period, last period, sessions in each)
    periods: tuple[tuple[int, int, int], ...]
    support_mode: SupportMode
    support_call_count: int
    support_call_minutes: int
    support_minutes_estimate: int
    price: int
    full_payment_discount: int
    instalment_count: int
    instalment_interval: InstalmentInterval
    minimum_term: int
    prep_minutes_per_session: int
    writeup_minutes_per_session: int
    supervision_minutes_per_month: int
    inclusions: tuple[InclusionData, ...] = field(default=())
    #: How often a new client picks it (relative).
    weight: int = 1


PROGRAMMES: tuple[ProgrammeSpec, ...] = (
    ProgrammeSpec(
        key="three_month",
        strand=THERAPY,
        name="Steady Ground: three months",
        summary="Three months of counselling, more often at the start, with support calls.",
        description=(
            "We work together over three months. In the first month we meet three times, "
            "to get to know each other and find our footing; in months two and three we "
            "meet twice a month. Between sessions you can book up to four short support "
            "calls of 15 minutes if something comes up. Sessions are 60 minutes, in person "
            "at the practice or by video."
        ),
        length_value=3,
        length_unit=LengthUnit.MONTHS,
        session_minutes=60,
        periods=((1, 1, 3), (2, 3, 2)),
        support_mode=SupportMode.COUNT,
        support_call_count=4,
        support_call_minutes=15,
        support_minutes_estimate=0,
        price=120_000,
        full_payment_discount=6_000,
        instalment_count=3,
        instalment_interval=InstalmentInterval.MONTHLY,
        minimum_term=1,
        prep_minutes_per_session=15,
        writeup_minutes_per_session=20,
        supervision_minutes_per_month=60,
        inclusions=(
            InclusionData(InclusionKind.WORKSHEET, "Thought record worksheet", "thought_record"),
            InclusionData(InclusionKind.RECORDING, "Body scan recording", "body_scan"),
        ),
        weight=5,
    ),
    ProgrammeSpec(
        key="six_month",
        strand=COACHING,
        name="New Direction: six-month coaching",
        summary="Six months of coaching for a change of work or life direction.",
        description=(
            "Six months of coaching for people making a change. We meet four times in the "
            "first month, three times a month in months two and three, and twice a month "
            "after that. Support between sessions is by email or a short call, as needed. "
            "Sessions are 75 minutes."
        ),
        length_value=6,
        length_unit=LengthUnit.MONTHS,
        session_minutes=75,
        periods=((1, 1, 4), (2, 3, 3), (4, 6, 2)),
        support_mode=SupportMode.AS_NEEDED,
        support_call_count=0,
        support_call_minutes=15,
        support_minutes_estimate=120,
        price=240_000,
        full_payment_discount=12_000,
        instalment_count=6,
        instalment_interval=InstalmentInterval.MONTHLY,
        minimum_term=2,
        prep_minutes_per_session=15,
        writeup_minutes_per_session=25,
        supervision_minutes_per_month=45,
        inclusions=(
            InclusionData(InclusionKind.WORKSHEET, "Values card sort", "values"),
            InclusionData(InclusionKind.RESOURCE, "Career change workbook", "careers"),
        ),
        weight=3,
    ),
    ProgrammeSpec(
        key="intensive",
        strand=HEALING,
        name="Reset: two-week intensive",
        summary="Five longer sessions over two weeks for rest and recovery.",
        description=(
            "An intensive fortnight: three 90-minute sessions in the first week and two in "
            "the second, with two 20-minute calls to check in between. You take home a "
            "recording made for you in the first week."
        ),
        length_value=2,
        length_unit=LengthUnit.WEEKS,
        session_minutes=90,
        periods=((1, 1, 3), (2, 2, 2)),
        support_mode=SupportMode.COUNT,
        support_call_count=2,
        support_call_minutes=20,
        support_minutes_estimate=0,
        price=95_000,
        full_payment_discount=0,
        instalment_count=2,
        instalment_interval=InstalmentInterval.WEEKLY,
        minimum_term=2,
        prep_minutes_per_session=20,
        writeup_minutes_per_session=15,
        supervision_minutes_per_month=30,
        inclusions=(
            InclusionData(InclusionKind.RECORDING, "A relaxation recorded for you", "relaxation"),
            InclusionData(InclusionKind.VIDEO, "The 4-7-8 breath video", "breathing"),
        ),
        weight=2,
    ),
    ProgrammeSpec(
        key="consultation",
        strand=THERAPY,
        name="Single consultation",
        summary="One 90-minute consultation with a written summary afterwards.",
        description=(
            "One 90-minute meeting to talk through what is going on and what might help, "
            "followed by a short written summary with suggestions and resources."
        ),
        length_value=1,
        length_unit=LengthUnit.WEEKS,
        session_minutes=90,
        periods=((1, 1, 1),),
        support_mode=SupportMode.NONE,
        support_call_count=0,
        support_call_minutes=15,
        support_minutes_estimate=0,
        price=12_000,
        full_payment_discount=0,
        instalment_count=1,
        instalment_interval=InstalmentInterval.MONTHLY,
        minimum_term=0,
        prep_minutes_per_session=20,
        writeup_minutes_per_session=30,
        supervision_minutes_per_month=0,
        weight=2,
    ),
    ProgrammeSpec(
        key="healing_eight_weeks",
        strand=HEALING,
        name="Restore: eight weeks of healing",
        summary="A weekly hour of hands-on healing and relaxation for eight weeks.",
        description=(
            "Eight weekly sessions of hands-on healing and guided relaxation, 60 minutes "
            "each, with the practice recordings to use at home between sessions."
        ),
        length_value=8,
        length_unit=LengthUnit.WEEKS,
        session_minutes=60,
        periods=((1, 8, 1),),
        support_mode=SupportMode.NONE,
        support_call_count=0,
        support_call_minutes=15,
        support_minutes_estimate=0,
        price=48_000,
        full_payment_discount=3_000,
        instalment_count=2,
        instalment_interval=InstalmentInterval.FORTNIGHTLY,
        minimum_term=4,
        prep_minutes_per_session=10,
        writeup_minutes_per_session=10,
        supervision_minutes_per_month=30,
        inclusions=(
            InclusionData(InclusionKind.RECORDING, "Evening relaxation recording", "relaxation"),
        ),
        weight=2,
    ),
)
