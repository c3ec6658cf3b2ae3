"""The six reports laid out as tables: what the CSV files and the PDF report contain.

Cells keep their kind (money, minutes, a share, a date…) so each output writes them its
own way: the CSV plainly for a spreadsheet (``1200.00``, minutes as whole numbers,
``63`` per cent), the PDF for people (``£1,200.00``, ``1 h 15 min``, ``63%``). Nothing
is computed here: every figure comes from :func:`practice.economics.reports.practice_report`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from practice.economics.glossary import meaning
from practice.economics.rates import Ratio
from practice.economics.reports import PracticeReport
from practice.models import EnquiryOutcome, WorkCategory, label


@dataclass(frozen=True, slots=True)
class Money:
    amount: int | None  # minor units of the report's currency


@dataclass(frozen=True, slots=True)
class Rate:
    amount: int | None  # minor units per hour (or per session)


@dataclass(frozen=True, slots=True)
class Minutes:
    value: int | None


Cell = str | int | date | Money | Rate | Minutes | Ratio | Fraction | None


@dataclass(frozen=True, slots=True)
class ReportTable:
    key: str  # file-name part: "time", "rates", …
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str = ""  # how the figures are counted, in one or two sentences


#: Every table, in order, with its title (the keys of :func:`report_tables`).
TABLES: dict[str, str] = {
    "time": "Seen and unseen time",
    "rates": "Effective hourly rate",
    "income": "Income by month",
    "programmes": "Programme comparison",
    "follow_through": "Follow-through by client",
    "follow_through_over_time": "Follow-through over time",
    "quiet_clients": "Clients who went quiet",
    "practice": "Practice figures",
}


def shown_categories(report: PracticeReport) -> list[WorkCategory]:
    """The unseen-work categories with any time in the period (all of them if none)."""
    used = [c for c in WorkCategory if any(b.unseen_by_category[c] for b in report.time)]
    return used or list(WorkCategory)


def time_table(report: PracticeReport) -> ReportTable:
    categories = shown_categories(report)
    return ReportTable(
        "time",
        TABLES["time"],
        (
            "From",
            "To",
            "Sessions",
            "Support calls",
            *(label(c) for c in categories),
            "Seen",
            "Unseen",
            "All time",
        ),
        tuple(
            (
                b.start,
                b.end,
                Minutes(b.session_minutes),
                Minutes(b.support_call_minutes),
                *(Minutes(b.unseen_by_category[c]) for c in categories),
                Minutes(b.seen_minutes),
                Minutes(b.unseen_minutes),
                Minutes(b.total_minutes),
            )
            for b in report.time
        ),
        "Seen time is attended sessions and support calls; unseen time is the work log.",
    )


def rates_table(report: PracticeReport) -> ReportTable:
    return ReportTable(
        "rates",
        TABLES["rates"],
        (
            "From",
            "To",
            "Earned",
            "Received",
            "All time",
            "Effective hourly rate",
            "Nominal per-session rate",
            "Sessions planned",
        ),
        tuple(
            (
                r.start,
                r.end,
                Money(r.earned_income),
                Money(r.income_received),
                Minutes(r.total_minutes),
                Rate(r.effective_hourly_rate),
                Rate(r.nominal_session_rate),
                r.sessions_planned,
            )
            for r in report.rates
        ),
        f"Effective hourly rate: {meaning('effective_hourly_rate')} "
        f"Earned: {meaning('earned_income')} "
        "Nominal per-session rate: agreed prices of the programmes running ÷ the sessions "
        "they plan.",
    )


def income_table(report: PracticeReport) -> ReportTable:
    return ReportTable(
        "income",
        TABLES["income"],
        (
            "From",
            "To",
            "Agreed",
            "Received",
            "Payments",
            "Refunds",
            "Outstanding",
            "Overdue",
            "Instalments",
        ),
        tuple(
            (
                m.start,
                m.end,
                Money(m.agreed),
                Money(m.received),
                Money(m.payments),
                Money(m.refunds),
                Money(m.outstanding),
                Money(m.overdue),
                m.instalments,
            )
            for m in report.income
        ),
        f"Agreed: instalments falling due in the month. Outstanding and overdue as of "
        f"{report.today.isoformat()}.",
    )


def programmes_table(report: PracticeReport) -> ReportTable:
    return ReportTable(
        "programmes",
        TABLES["programmes"],
        (
            "Programme",
            "Running",
            "Finished",
            "Planned hourly rate",
            "Actual hourly rate",
            "Sessions planned (avg)",
            "Sessions used (avg)",
            "Of which missed (avg)",
            "Completed",
            "Renewed",
            "Unseen per session (min)",
        ),
        tuple(
            (
                p.name,
                p.running,
                p.finished,
                Rate(p.planned_hourly_rate),
                Rate(p.actual_hourly_rate),
                p.average_sessions_planned,
                p.average_sessions_used,
                p.average_sessions_missed,
                p.completion_rate,
                p.renewal_rate,
                p.unseen_minutes_per_session,
            )
            for p in report.programmes
        ),
        "Rates, sessions, completion and renewal are of the enrolments that finished in "
        "the period; running counts every enrolment that ran during it.",
    )


def follow_through_table(report: PracticeReport) -> ReportTable:
    return ReportTable(
        "follow_through",
        TABLES["follow_through"],
        ("Client", "Done", "Partly", "Not done", "Follow-through", "Still open"),
        tuple(
            (
                c.client_name,
                c.counts.done,
                c.counts.partly,
                c.counts.not_done,
                c.follow_through,
                c.still_open,
            )
            for c in report.follow_through.clients
        ),
        "Action items reviewed in the period; done counts 1, partly ½. Still open: agreed "
        "at a session in the period, not reviewed yet.",
    )


def follow_through_over_time_table(report: PracticeReport) -> ReportTable:
    return ReportTable(
        "follow_through_over_time",
        TABLES["follow_through_over_time"],
        ("From", "To", "Done", "Partly", "Not done", "Follow-through"),
        tuple(
            (
                b.start,
                b.end,
                b.counts.done,
                b.counts.partly,
                b.counts.not_done,
                b.counts.follow_through,
            )
            for b in report.follow_through.over_time
        ),
    )


def quiet_clients_table(report: PracticeReport) -> ReportTable:
    days = report.follow_through.quiet_after_days
    return ReportTable(
        "quiet_clients",
        TABLES["quiet_clients"],
        ("Client", "Last contact", "Enrolled since", "Days quiet"),
        tuple(
            (q.client_name, q.last_contact, q.active_since, q.days_quiet)
            for q in report.follow_through.quiet
        ),
        f"Enrolled clients with no session or support call for {days} days or more.",
    )


def practice_table(report: PracticeReport) -> ReportTable:
    f = report.figures
    rows: list[tuple[Cell, ...]] = [
        ("Active clients", f.active_clients),
        ("Sessions attended", f.sessions),
        ("Support calls", f.support_calls),
        ("Sessions missed (late cancellation or no-show)", f.missed_sessions),
        ("Seen time", Minutes(f.contact_minutes)),
        ("Unseen time", Minutes(f.unseen_minutes)),
        ("Earned", Money(f.earned_income)),
        ("Payments received", Money(f.payments_received)),
        ("Refunds given", Money(f.refunds_given)),
        ("Received, less refunds", Money(f.income_received)),
        ("Effective hourly rate", Rate(f.effective_hourly_rate)),
        ("Programmes agreed", f.programmes_agreed),
        ("Average programme value", Money(f.average_programme_value)),
        ("Enrolments ended", f.enrolments_ended),
        ("Renewal rate", f.renewal_rate),
        ("Consultations ended", f.consultations_ended),
        ("Conversion rate", f.conversion_rate),
        ("Follow-through", f.follow_through),
        ("Enquiries", f.enquiries),
    ]
    for outcome in (
        EnquiryOutcome.ENROLLED,
        EnquiryOutcome.REFERRED,
        EnquiryOutcome.RESOURCE,
        EnquiryOutcome.DECLINED,
        EnquiryOutcome.WAITING,
    ):
        rows.append((f"Enquiries: {label(outcome).lower()}", f.enquiries_by_outcome[outcome]))
    return ReportTable("practice", TABLES["practice"], ("Figure", "Value"), tuple(rows))


def report_tables(report: PracticeReport) -> list[ReportTable]:
    """Every table of the report, in the order of :data:`TABLES`."""
    return [
        time_table(report),
        rates_table(report),
        income_table(report),
        programmes_table(report),
        follow_through_table(report),
        follow_through_over_time_table(report),
        quiet_clients_table(report),
        practice_table(report),
    ]
